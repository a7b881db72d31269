"""Statements, thoughts and stances: every record's category, the default selection, and the
readings that are no attribution at all, each beside a near neighbour that is one (made-up
sentences, the real pipeline)."""

from __future__ import annotations

import pytest

import quoteattr
from quoteattr import Category
from quoteattr.rules.lexicon import load_default_lexicon
from quoteattr.selection import parse_categories


def found(text: str, categories: str = "all") -> list[tuple[str, str, str]]:
    """(category, cue, content) of every record."""
    return [
        (quote.category.value, quote.cue.text if quote.cue else "", quote.text)
        for quote in quoteattr.extract(text, categories=categories)
    ]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Maria Lopez said the budget was too small.", "statement"),
        ("Maria Lopez urged the council to cut the budget.", "statement"),
        ("According to Maria Lopez, the budget is too small.", "statement"),
        ("Maria Lopez believes the budget is too small.", "thought"),
        ("Maria Lopez expects that the council will cut the budget.", "thought"),
        ("Maria Lopez wants the council to cut the budget.", "stance"),
        # A document holds no thought: what it finds or shows is what it states.
        ("A study released last year found that the council had cut the budget.", "statement"),
        ("Court records show that the council had cut the budget.", "statement"),
        ("Auditors found that the council had cut the budget.", "thought"),
        # A negated thought or stance is still held, unlike a statement not made.
        ("Maria Lopez does not think the budget is too small.", "thought"),
        ("Maria Lopez does not want the council to cut the budget.", "stance"),
        # Speech verbs of other Englishes' news ("opined", "averred").
        ("The minister opined that the schools would reduce dropout rates.", "statement"),
        ("The minister averred that the schools would reduce dropout rates.", "statement"),
        ("The editor conveyed to the reporter that her story was unfair.", "statement"),
    ],
)
def test_each_record_has_the_category_of_its_cue(text, category):
    assert [record[0] for record in found(text)] == [category]


def test_extract_returns_statements_unless_asked_for_more():
    text = (
        "Maria Lopez said the plan would fail. She believes that voters agree. "
        "She wants the council to hold a new vote."
    )
    assert [r[0] for r in found(text, "statement")] == ["statement"]
    assert [q.category for q in quoteattr.extract(text)] == [Category.STATEMENT]
    assert [r[0] for r in found(text)] == ["statement", "thought", "stance"]
    assert [r[0] for r in found(text, "thought,stance")] == ["thought", "stance"]
    assert [q.category.value for q in quoteattr.extract(text, categories=("stance",))] == ["stance"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("all", set(Category)),
        ("statement", {Category.STATEMENT}),
        ("Thought, stance", {Category.THOUGHT, Category.STANCE}),
        (["stance"], {Category.STANCE}),
    ],
)
def test_a_categories_setting_names_categories(value, expected):
    assert parse_categories(value) == expected


@pytest.mark.parametrize("value", ["belief", "", [], "statement,quote"])
def test_an_unknown_category_is_a_clear_error(value):
    with pytest.raises(ValueError, match="E017"):
        quoteattr.extract("Maria Lopez said so.", categories=value)


@pytest.mark.parametrize("value", [-0.1, 1.5, "high", True])
def test_min_confidence_must_be_within_0_and_1(value):
    with pytest.raises(ValueError, match="E018"):
        quoteattr.extract("Maria Lopez said so.", min_confidence=value)


def test_min_confidence_leaves_out_the_less_sure_records():
    text = '"We will win."\n\nMaria Lopez said the plan would fail.'
    everything = quoteattr.extract(text)
    assert min(q.confidence for q in everything) < 0.5  # the quotation without a speaker
    sure = quoteattr.extract(text, min_confidence=0.5)
    assert list(sure) == [q for q in everything if q.confidence >= 0.5] != []


def test_the_category_table_is_consistent():
    lexicon = load_default_lexicon()
    # the thought and stance verbs of the rules keep their category in every form
    assert lexicon.category_of("believed", "verb") == "thought"
    assert lexicon.category_of("thought", "verb") == "thought"
    assert lexicon.category_of("planned", "verb") == "stance"
    assert lexicon.category_of("said", "verb") == "statement"
    assert lexicon.category_of("beliefs", "noun") == "thought"
    assert lexicon.category_of("claims", "noun") == "statement"
    # open-class words that report nothing
    assert lexicon.category_of("runs", "verb") is None
    assert lexicon.category_of("accounts", "verb") is None  # a noun of speech is no verb of it


# Readings that are no attribution, each with its near neighbour that is one: (wrong, right,
# the cue of the right one). The wrong one gives no record of any category with that cue.
NEIGHBOURS = [
    pytest.param(
        "The senator offered no apology.",
        "The senator offered an apology.",
        "offered",
        id="no-object-nothing-said",
    ),
    pytest.param(
        "The coach called the players on Sunday to arrange a meeting.",
        "The mayor called on residents to leave their homes.",
        "called on",
        id="a-call-made-is-no-call-for",
    ),
    pytest.param(
        "The council called an emergency meeting to discuss the flood.",
        "The council called for an emergency meeting to discuss the flood.",
        "called for",
        id="convening-a-meeting-is-no-call-for-one",
    ),
    pytest.param(
        "Park voted against the measure.",
        "Park said she voted against the measure.",
        "said",
        id="a-vote-is-an-act",
    ),
    pytest.param(
        "Workers voted to strike on Monday.",
        "Workers said they would strike on Monday.",
        "said",
        id="voted-to",
    ),
    pytest.param(
        "They backed some of the changes lawmakers are expected to consider.",
        "They backed some of the changes lawmakers said they would consider.",
        "said",
        id="a-passive-relative-clauses-noun-is-no-speaker",
    ),
    pytest.param(
        "Boateng said nothing to reporters as he left.",
        "Boateng said to reporters that he was tired.",
        "said",
        id="said-nothing-to-someone",
    ),
    pytest.param(
        "The storm threatened to flood the town.",
        "The union threatened to strike.",
        "threatened",
        id="a-thing-that-threatens-says-nothing",
    ),
    pytest.param(
        "The new season promises to be exciting.",
        "The mayor promised to fix the roads.",
        "promised",
        id="a-thing-that-promises-says-nothing",
    ),
    pytest.param(
        "Rescuers continued to search for survivors on Tuesday.",
        '"We will not stop," the fire chief continued.',
        "continued",
        id="continued-to-do-or-continued-speaking",
    ),
    pytest.param(
        "The governor helped to serve meals at the shelter.",
        "The governor promised to serve meals at the shelter.",
        "promised",
        id="helped-to",
    ),
    pytest.param(
        "The goalie denied three breakaways in the second period.",
        "The mayor denied the allegation on Monday.",
        "denied",
        id="denied-a-thing-or-a-claim",
    ),
    pytest.param(
        "Officials would not confirm the arrest of the suspect.",
        "Officials confirmed that the suspect had been arrested.",
        "confirmed",
        id="confirmed-an-event-or-a-fact",
    ),
    pytest.param(
        "The senator cited the riots.",
        "The senator cited the riots as a reason for the curfew.",
        "cited",
        id="cited-a-thing-or-a-reason",
    ),
    pytest.param(
        "The ministers will discuss matters of trade.",
        "The ministers said they would lower the tariffs.",
        "said",
        id="discuss-matters",
    ),
    pytest.param(
        "Maria Lopez said on the radio.",
        "Maria Lopez said on the radio that the plan had failed.",
        "said",
        id="said-where-or-what",
    ),
    pytest.param(
        "He talked about moving abroad.",
        "He said he was moving abroad.",
        "said",
        id="talked-about-a-topic",
    ),
    pytest.param(
        "Police found the dog asleep in the car.",
        "Police found that the dog had been left in the car.",
        "found",
        id="found-a-scene-or-a-fact",
    ),
    pytest.param(
        "The senators called on Trump.",
        "The senators called for new elections.",
        "called for",
        id="called-on-a-person-or-for-a-thing",
    ),
    pytest.param(
        "Human Rights.\n\nIndividual Rights Trumped by National Interests: The council is the "
        "body that acts against countries that violate rights.",
        "Senator John Hale: Budget deal is close",
        ":",
        id="a-heading-with-a-verb-or-a-name-before-a-colon",
    ),
    pytest.param(
        "It's worth noting that the plan failed twice.",
        "Maria Lopez noted that the plan failed twice.",
        "noted",
        id="worth-noting-is-nobodys",
    ),
    pytest.param(
        "Maria Lopez tells so many stories that voters stopped listening.",
        "Maria Lopez told a meeting of union leaders that the plant would close.",
        "told",
        id="a-clause-of-result-or-of-content",
    ),
    pytest.param(
        "Maria Lopez commented on reports that the plan had failed.",
        "Maria Lopez wrote in a memo that the plan had failed.",
        "wrote",
        id="what-a-topic-says-or-what-a-memo-says",
    ),
    pytest.param(
        "Critics might say that the plan is too costly.",
        "Critics say that the plan is too costly.",
        "say",
        id="what-might-be-said-or-is-said",
    ),
    pytest.param(
        "Maria Lopez should explain that the plan is too costly.",
        "Maria Lopez explained that the plan is too costly.",
        "explained",
        id="what-ought-to-be-said-or-was-said",
    ),
    pytest.param(
        "The senators called on the council.",
        "The senators called on the council to hold new elections.",
        "called on",
        id="called-on-a-body-or-on-it-to-act",
    ),
    pytest.param(
        "Reporters asked whether other branches would close.",
        "The bank said other branches would close.",
        "said",
        id="a-question-is-no-claim",
    ),
    pytest.param(
        "The plan calls for 200 new homes by 2030.",
        "The mayor called for 200 new homes by 2030.",
        "called for",
        id="a-plan-requires-a-person-calls-for",
    ),
    pytest.param(
        "The job demands patience and long hours.",
        "The union demanded shorter hours.",
        "demanded",
        id="a-job-requires-a-body-demands",
    ),
    pytest.param(
        "Reporters asked whether the mayor was ready for the storm.",
        "The senator questioned whether the mayor was ready for the storm.",
        "questioned",
        id="a-question-is-no-claim-but-a-doubt-is",
    ),
    pytest.param(
        "Asked what he would tell the governor, Diaz smiled.",
        "Diaz said he would tell the governor the truth.",
        "said",
        id="asked-is-said-to-him",
    ),
    pytest.param(
        "The comedian told the audience.",
        "The comedian told reporters that he was tired.",
        "told",
        id="told-someone-or-that",
    ),
    pytest.param(
        "The two leaders congratulated each other.",
        "The two leaders said they would meet again.",
        "said",
        id="a-pronoun-object-is-a-referent",
    ),
    pytest.param(
        "Mao declared the creation of the republic in 1949.",
        "Mao declared that the republic had been founded.",
        "declared",
        id="declared-an-event-or-a-fact",
    ),
    pytest.param(
        "The coach would not blame the referee.",
        "The coach blamed the referee.",
        "blamed",
        id="would-not-blame",
    ),
    pytest.param(
        "The company did not confirm that the plant would close.",
        "The company confirmed that the plant would close.",
        "confirmed",
        id="did-not-confirm",
    ),
    pytest.param(
        "The mayor never said that taxes would rise.",
        "The mayor said that taxes would rise.",
        "said",
        id="never-said",
    ),
    pytest.param(
        "The campaign did not respond to requests for comment.",
        "The campaign responded that the report was false.",
        "responded",
        id="did-not-respond",
    ),
    pytest.param(
        "When the city added a night route, ridership doubled.",
        "Ridership doubled, the city added.",
        "added",
        id="a-cue-clause-with-its-own-object-is-no-parenthetical",
    ),
    pytest.param(
        "The firm announced the closure of the plant and workers were sent home.",
        "The firm announced that the plant would close and workers would be sent home.",
        "announced",
        id="an-event-object-read-as-a-coordinated-subject",
    ),
    pytest.param(
        "Maria Lopez put it on the table as the mayor asked.",
        "The plan is dead, as Maria Lopez put it.",
        "put",
        id="put-it-only-in-an-as-clause",
    ),
    pytest.param(
        "Erik Dahl put the cup on the shelf after the match.",
        'As coach Erik Dahl put it after the match, "We earned every point."',
        "put",
        id="put-it-in-an-as-clause-after-an-adjunct",
    ),
    pytest.param(
        "Maria Lopez pounded the table in anger.",
        'Maria Lopez pounded the plan as "a giveaway to developers."',
        "pounded",
        id="a-judging-verb-only-with-a-quoted-fragment",
    ),
    pytest.param(
        "The video showed the coach hugging a fan.",
        "The video showed that the coach had hugged a fan.",
        "showed",
        id="a-document-shows-a-scene-or-states-a-fact",
    ),
    pytest.param(
        "The patient, gasping on the floor, said before he died.",
        "The patient said that he was dying.",
        "said",
        id="a-participle-and-a-when-clause-are-not-what-was-said",
    ),
    pytest.param(
        "There is no approved drug for it; doctors tried everything they had.",
        "Doctors said that there is no approved drug for it.",
        "said",
        id="a-sentence-before-a-semicolon-is-not-the-cues",
    ),
    pytest.param(
        "Attacker told to expect jail after he punched a taxi driver",
        "The union told members to expect a strike.",
        "told",
        id="a-headlines-told-to-is-passive",
    ),
    pytest.param(
        "Analysis: Why the central bank will wait until spring to cut rates",
        "Poll: Voters split evenly on the plan to cut rates",
        ":",
        id="a-genre-label-or-a-polls-headline",
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("Polls show a close contest in the state.", "show", "a close contest in the state"),
        (
            "The average of polls shows Clinton leading Trump by three points.",
            "shows",
            "Clinton leading Trump by three points",
        ),
    ],
)
def test_what_a_count_shows_is_its_finding_and_a_statement(text, cue, content):
    assert found(text) == [("statement", cue, content)]


@pytest.mark.parametrize(("wrong", "right", "cue"), NEIGHBOURS)
def test_no_attribution_beside_its_near_neighbour(wrong, right, cue):
    assert found(wrong) == [], found(wrong)
    assert cue in [record[1] for record in found(right)]


def test_a_passive_thought_inside_a_statement_is_nobodys():
    # "is expected": nobody is named as expecting it; the experts said it.
    assert found("The case is expected to reach the Supreme Court, legal experts said.") == [
        ("statement", "said", "The case is expected to reach the Supreme Court")
    ]


def test_a_that_clause_after_the_cue_is_its_content_before_one_before_it():
    text = (
        "Writing for a panel that all agreed Lopez won the debate, Dana Reyes noted that the way "
        "Lopez spoke was critical."
    )
    assert ("statement", "noted", "that the way Lopez spoke was critical") in found(text)


@pytest.mark.parametrize(
    ("text", "cues"),
    [
        # What is urged, asked or wanted is the outer cue's content, not words said.
        ("The mayor urged the council to say that the plan had failed.", ["urged"]),
        ("Maria Lopez asked the mayor to explain why the plan had failed.", ["asked"]),
        ("The mayor wants to say that the plan failed.", ["wants"]),
        # Near neighbour: a verb that is no cue leaves the words said.
        ("Maria Lopez went on to say that the plan had failed.", ["say"]),
    ],
)
def test_an_infinitive_under_another_cue_is_not_said(text, cues):
    assert [record[1] for record in found(text)] == cues


def test_a_speakers_own_modal_says_it():
    assert found("I must say that the plan is too costly.") == [
        ("statement", "say", "that the plan is too costly")
    ]


def test_who_is_called_on_to_act_is_part_of_the_content():
    assert found('Maria Lopez called on the council to "stand up for renters" and cut fees.') == [
        ("statement", "called on", 'the council to "stand up for renters" and cut fees')
    ]


def test_words_given_to_nobody_are_no_record_but_a_quotation_is():
    assert found("The ruling was expected to be appealed next week.") == []
    assert found('"We will never surrender."') == [("statement", "", "We will never surrender.")]


def test_a_report_inside_another_is_second_hand():
    (outer, inner) = quoteattr.extract(
        "Senator Bob Hale said that Maria Lopez had promised to cut the budget."
    )
    assert outer.speaker.name == "Bob Hale" and outer.confidence > 0.5
    assert inner.speaker.name == "Maria Lopez" and inner.confidence <= 0.5
    assert [source.entity.name for source in inner.sources] == ["Bob Hale"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a speaker says she thinks or wants is her statement, not a second record.
        (
            "Maria Lopez said she thinks the budget is too small.",
            [("statement", "said", "she thinks the budget is too small")],
        ),
        (
            "Maria Lopez told reporters that she wants the council to cut the budget.",
            [("statement", "told", "that she wants the council to cut the budget")],
        ),
        # Near neighbours: a thought of someone else's inside a statement, and one on its own.
        (
            "Maria Lopez said voters think the budget is too small.",
            [
                ("statement", "said", "voters think the budget is too small"),
                ("thought", "think", "the budget is too small"),
            ],
        ),
        (
            "She thinks the budget is too small.",
            [("thought", "thinks", "the budget is too small")],
        ),
    ],
)
def test_what_a_speaker_reports_of_herself_is_one_statement(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The doer of a gerund after "by", "after", "despite": the subject of the verb.
        ("The mayor responded by saying that the budget was fine.", "The mayor"),
        ("After saying that the budget was fine, the mayor left the room.", "the mayor"),
        (
            "Despite admitting that the budget was too small, Maria Lopez voted for it.",
            "Maria Lopez",
        ),
        # After "for" or "of": the verb's object, or its passive subject.
        ("Voters thanked Maria Lopez for saying that the budget was too small.", "Maria Lopez"),
        ("Maria Lopez was praised for saying that the budget was too small.", "Maria Lopez"),
        # No object: the subject again.
        ("Maria Lopez apologized for saying that the budget was too small.", "Maria Lopez"),
    ],
)
def test_who_speaks_in_a_gerund_after_a_preposition(text, speaker):
    (record,) = [q for q in quoteattr.extract(text) if q.cue.text in ("saying", "admitting")]
    assert record.speaker is not None and record.speaker.mention.text == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The object of a verb does what its infinitive says ...
        ("The scandal forced the mayor to admit that the plan had failed.", "the mayor"),
        # ... but not after a verb of means or purpose: the subject acts.
        ("Maria Lopez used blunt language to denounce the plan.", "Maria Lopez"),
        ("Maria Lopez took the stage to announce that the plant would close.", "Maria Lopez"),
    ],
)
def test_who_speaks_in_an_infinitive_after_an_object(text, speaker):
    (record,) = quoteattr.extract(text)
    assert record.speaker.mention.text == speaker


def test_what_was_left_without_saying_was_not_said():
    assert list(quoteattr.extract("The mayor left without saying that the budget was fine.")) == []


def test_categories_need_a_pipeline_with_the_component():
    import spacy

    with pytest.raises(ValueError, match="E019"):
        quoteattr.extract("Maria Lopez said so.", nlp=spacy.blank("en"), categories="all")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb has its own object, so the clause after the comma is the participle's words
        (
            "Justice Alito wrote a dissent, arguing that the law was void.",
            [("statement", "arguing", "that the law was void")],
        ),
        # a cue with only the people it tells reports the sentence before it
        (
            "The plan is dead, the minister told reporters.",
            [("statement", "told", "The plan is dead")],
        ),
    ],
)
def test_a_cue_with_its_own_object_reports_nothing_set_off_beside_it(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A claim or report somebody rejects or will not discuss is not theirs, and says not whose.
        ("Aides to Maria Lopez rejected the claim that the plan was dead.", False),
        ("Raj Patel declined to comment on reports that the company was for sale.", False),
        ("Raj Patel dismissed reports that the company was for sale.", False),
        # Near neighbours: a claim its subject makes or repeats is the subject's own.
        ("Maria Lopez made the claim that the plan was dead.", True),
        ("Maria Lopez repeated her claim that the plan was dead.", True),
    ],
)
def test_a_claim_is_only_its_makers(text, expected):
    by_the_noun = [record for record in found(text) if record[1] in ("claim", "reports")]
    assert bool(by_the_noun) is expected, found(text)


def test_a_relative_clause_cue_does_not_take_its_host_sentence():
    # "who denied Vidal": a save in a match, and the sentence around it is not what was denied.
    records = found("Parry praised his goalkeeper, Sean Doyle, who denied Vidal twice on Sunday.")
    assert "denied" not in [record[1] for record in records], records
    # Near neighbour: a relative clause's own content is still reported.
    assert ("statement", "said", "the plan was dead") in found(
        "Maria Lopez, who said the plan was dead, left early."
    )


@pytest.mark.parametrize(
    ("text", "cue", "expected"),
    [
        # A source's request not to be named is how the article treats them, not what they said.
        (
            "Witnesses told police that an argument spilled onto the sidewalk. One witness, who "
            "asked not to be named, said she heard at least five shots.",
            "asked",
            False,
        ),
        ("A source, who declined to be identified, said the deal was off.", "declined", False),
        (
            "A deal could come next week, the people said, asking not to be identified because "
            "the talks are private.",
            "asking",
            False,
        ),
        (
            "One official, who asked to remain anonymous, said the talks had stalled.",
            "asked",
            False,
        ),
        # Near neighbour: asking to be named to a post is no request for anonymity.
        ("He said he had asked to be named captain.", "said", True),
        # Near neighbour: a request to act is reported.
        ("The mayor asked the council to delay the vote.", "asked", True),
    ],
)
def test_a_request_for_anonymity_is_no_record(text, cue, expected):
    assert (cue in [record[1] for record in found(text)]) is expected, found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A participle set off after the subject says what was said to the subject, however the
        # parser hangs it; the subject's own verb reports the subject's words.
        (
            "Helen Brandt, asked whether Kemi Adeyemi would start next week, said she would wait.",
            [("said", "she would wait", "Helen Brandt")],
        ),
        (
            "Helen Brandt, told of the decision, said she would appeal.",
            [("said", "she would appeal", "Helen Brandt")],
        ),
        # Near neighbour: the subject asks, then says; both are hers.
        (
            "Helen Brandt asked the club to wait, and said she would decide on Friday.",
            [
                ("asked", "the club to wait", "Helen Brandt"),
                ("said", "she would decide on Friday", "Helen Brandt"),
            ],
        ),
    ],
)
def test_a_participle_set_off_after_the_subject_is_said_to_it(text, expected):
    records = quoteattr.extract(text, categories="all")
    assert [(q.cue.text, q.text, q.speaker.name) for q in records] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative pronoun is the object before the cue: what was said of it is the content,
        # not the relative clause with its speaker and cue.
        (
            "The pay offer, which the union called 'an insult', was 4 per cent.",
            [("statement", "called", "an insult")],
        ),
        (
            "The offer, which the union described as unfair, was rejected.",
            [("statement", "described", "as unfair")],
        ),
        # Near neighbour: an object after the cue is part of what was said of it.
        ("The union called the offer an insult.", [("statement", "called", "the offer an insult")]),
    ],
)
def test_what_is_said_of_a_relative_pronoun_is_the_content(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A relative clause the cue interrupts: its words without the speaker and the cue.
        (
            "She cited the figures, which she said were accompanied by a warning.",
            [("statement", "said", "which were accompanied by a warning")],
        ),
        (
            "The plan, which the mayor said was dead, is back.",
            [("statement", "said", "which was dead")],
        ),
        # Near neighbour: a cue before its clause keeps it whole.
        ("The mayor said the plan was dead.", [("statement", "said", "the plan was dead")]),
    ],
)
def test_a_paraphrase_never_holds_its_own_cue(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Words given before and reported again: the pro-form is the content.
        ("Mara Quinn said as much in an interview.", [("statement", "said", "as much")]),
        (
            "Mara Quinn said the same of the mayor.",
            [("statement", "said", "the same of the mayor")],
        ),
        ("Many economists have said otherwise.", [("statement", "said", "otherwise")]),
        # Near neighbours: the phrase opens a longer one, which is the content.
        (
            "She said the same thing happened to her.",
            [("statement", "said", "the same thing happened to her")],
        ),
        (
            "He said so far the talks went well.",
            [("statement", "said", "so far the talks went well")],
        ),
        # Near neighbour: a pro-form after a verb that reports nothing.
        ("The Senate voted the same way.", []),
    ],
)
def test_a_pro_form_after_a_cue_is_what_was_said_again(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lead-in with a cue verb ending its paragraph sets off the next paragraph.
        (
            "Governor Ray Dunn spoke on Tuesday.\n\nThe governor added:\n\n"
            "It is typical of the council. They know nothing.",
            [("statement", "added", "It is typical of the council. They know nothing.")],
        ),
        ("Sen. Bob Hale said:\n\nNo deal.", [("statement", "said", "No deal.")]),
        # Near neighbours: a lead-in with no cue verb, and a label alone.
        ("The results were as follows:\n\nTurnout rose by a fifth.", []),
        ("Hale:\n\nNo deal.", []),
    ],
)
def test_a_speech_lead_in_ending_its_paragraph_sets_off_the_next(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A quotation's cue after its closing mark is no content of the cue after it.
        (
            "\u201cYou winning?\u201d she said, but Kevin was drifting off again, and as Trump "
            "went on, Melanie said yes.",
            [("statement", "said", "You winning?")],
        ),
        # Near neighbour: a quotation's own clause after its opening mark is what was said.
        ('"We said no," he said.', [("statement", "said", "We said no,")]),
        # A fronted clause that says when is no content of the cue after it.
        ("But when Congress cut funding two years later, Mexico said enough.", []),
        # Near neighbour: a fronted clause that says what.
        (
            "The plan is dead, the minister said.",
            [("statement", "said", "The plan is dead")],
        ),
        # A sentence before a colon is no content of the cue after it.
        ("We have been here before: the rebels declared war in 1996.", []),
        # Near neighbours: a colon inside the quotation, and a lead-in's colon before it.
        (
            '"There are two options: stay or go," she said.',
            [("statement", "said", "There are two options: stay or go,")],
        ),
        ('Hale scolded him: "It is wrong," she said.', [("statement", "said", "It is wrong,")]),
    ],
)
def test_what_is_before_a_cue_and_is_not_its_content(text, expected):
    assert found(text) == expected


def test_what_a_for_to_clause_calls_for_is_the_content():
    text = "A petition signed by 4,000 people calls for the money to be spent on buses."
    assert found(text) == [("statement", "calls for", "the money to be spent on buses")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A tensed clause with no subject is the cue's own clause, misread as its content.
        ("We do not care. Everything Hale says is a lie.", []),
        ("Hale says the plan is a lie.", [("statement", "says", "the plan is a lie")]),
        # Near neighbour: the subject the parser gave the cue as its object.
        (
            "Maria Lopez demanded the council hold a new vote.",
            [("statement", "demanded", "the council hold a new vote")],
        ),
        # A relative clause says something of its noun, not of the sentence around it.
        ("Maria Lopez took a new role as counselor, in which she advises the president.", []),
        ("The plan, she said, is dead.", [("statement", "said", "The plan is dead")]),
        # A clause coordinated with the cue's is somebody else's.
        (
            "Maria Lopez proposed dropping the fee, but analysts agreed it was still too costly.",
            [
                ("statement", "proposed", "dropping the fee"),
                ("statement", "agreed", "it was still too costly"),
            ],
        ),
        # A quoted title where the words were said is no part of them.
        (
            '"We will win," Hale said on CNN\'s "State of the Nation."',
            [
                ("statement", "said", "We will win,"),
            ],
        ),
        (
            'Cruz called Trump a "pathological liar."',
            [
                ("statement", "called", 'Trump a "pathological liar."'),
            ],
        ),
        # A "that" clause has nothing before its complementizer.
        (
            "The senator continues to insist, most recently in a radio interview with the BBC, "
            "that she really wants to release the files.",
            [],
        ),
        # A preposition that says where or when introduces no content.
        ("Maria Lopez agreed to an interview with the BBC.", []),
        (
            "Maria Lopez insisted in an interview with the BBC that the plan was dead.",
            [("statement", "insisted", "that the plan was dead")],
        ),
        # A speech act not done yet is no statement ("needs to tell"), but "I have to say" says it.
        ("Donald Trump needs to tell the truth about his taxes.", []),
        ("Hale needs to explain why the plan failed.", []),
        # Nobody's act is no act ("nobody would ask"); what someone says of nobody is said.
        ("Nobody would ask her to light the lamp any more.", []),
        ("None of the ministers said the plan was dead.", []),
        ("A nurse said nobody had listened.", [("statement", "said", "nobody had listened")]),
        # The future with "going to" is not said yet either.
        ("Hale is going to tell the board that the plan is dead.", []),
        # A conjunct shares its first verb's governor and modal.
        ("Hale needs to sell herself and tell more jokes.", []),
        ("Hale should apologize and say that he was wrong.", []),
        (
            "Hale apologized and said that he was wrong.",
            [("statement", "said", "that he was wrong")],
        ),
        (
            "Critics might argue that the plan is costly, but supporters say it is overdue.",
            [("statement", "say", "it is overdue")],
        ),
        ("I have to say that the plan works.", [("statement", "say", "that the plan works")]),
        (
            "Trump went on to say that the plan works.",
            [("statement", "say", "that the plan works")],
        ),
        # A paraphrase of pronouns and particles alone says nothing ("preach it to").
        ("The best advice I know, the one I preach it to, comes from a friend.", []),
        (
            "I preach patience to my clients every week.",
            [("statement", "preach", "patience to my clients")],
        ),
        ("Hale said so on Monday.", [("statement", "said", "so")]),
    ],
)
def test_the_sentence_around_a_cue_is_not_its_content(text, expected):
    assert found(text) == expected
