import pytest

from quoteattr.records import QuoteKind
from quoteattr.rules.candidates import Via
from quoteattr.rules.cues import clause_attributions, mistagged_verb_attributions, verb_attributions
from quoteattr.rules.phrases import according_to_attributions, noun_attributions

from .conftest import chars, from_rows, span_text
from .test_syntax import SAID


def summary(doc, attribution):
    return (
        chars(doc, attribution.content),
        span_text(doc, attribution.cue),
        attribution.cue_lemma,
        span_text(doc, attribution.speaker),
        attribution.via,
        span_text(doc, attribution.addressee),
        [(span_text(doc, source), relation) for source, relation in attribution.sources],
        attribution.kind,
    )


def run(rule, rows, lexicon, *extra):
    doc = from_rows(rows)
    sent = doc[:]
    return doc, rule(sent, lexicon, *extra, list(sent)) if extra else rule(
        sent, lexicon, list(sent)
    )


def _with(rows, index, **changes):
    row = list(rows[index])
    for key, value in changes.items():
        row[{"word": 0, "head": 1, "dep": 2, "tag": 3, "ent": 4}[key]] = value
    return [*rows[:index], tuple(row), *rows[index + 1 :]]


# "Hale told reporters that the plan was dead ."
TOLD = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("told", 1, "ROOT", "VBD"),
    ("reporters", 1, "dobj", "NNS"),
    ("that", 6, "mark", "IN"),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("dead", 6, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "Xinhua cited Xi as saying the plan was dead ."
CITED = [
    ("Xinhua", 1, "nsubj", "NNP", "B-ORG"),
    ("cited", 1, "ROOT", "VBD"),
    ("Xi", 1, "dobj", "NNP", "B-PERSON"),
    ("as", 1, "prep", "IN"),
    ("saying", 3, "pcomp", "VBG"),
    ("the", 6, "det", "DT"),
    ("plan", 7, "nsubj", "NN"),
    ("was", 4, "ccomp", "VBD"),
    ("dead", 7, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "Hale said the plan was dead and that costs had shown a rise ." ("shown" is a cue verb)
SAID_AND_THAT = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("the", 3, "det", "DT"),
    ("plan", 4, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("dead", 4, "acomp", "JJ"),
    ("and", 4, "cc", "CC"),
    ("that", 10, "mark", "IN"),
    ("costs", 10, "nsubj", "NNS"),
    ("had", 10, "aux", "VBD"),
    ("shown", 4, "conj", "VBN"),
    ("a", 12, "det", "DT"),
    ("rise", 10, "dobj", "NN"),
    (".", 1, "punct", "."),
]
# "Hale said the plan was dead but warned costs would rise ." with "warned" hung on "was"
SAID_BUT_WARNED = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("the", 3, "det", "DT"),
    ("plan", 4, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("dead", 4, "acomp", "JJ"),
    ("but", 4, "cc", "CC"),
    ("warned", 4, "conj", "VBD"),
    ("costs", 10, "nsubj", "NNS"),
    ("would", 10, "aux", "MD"),
    ("rise", 7, "ccomp", "VB"),
    (".", 1, "punct", "."),
]
# "Hale said to reporters on Sunday ." (a bare cue: no content, an addressee)
SAID_TO = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("to", 1, "prep", "IN"),
    ("reporters", 2, "pobj", "NNS"),
    ("on", 1, "prep", "IN"),
    ("Sunday", 4, "pobj", "NNP", "B-DATE"),
    (".", 1, "punct", "."),
]
# "Hale said ." (a bare cue waiting for a quote)
BARE = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    (".", 1, "punct", "."),
]
# "Hale reportedly said the plan was dead ."
HEDGED = [
    ("Hale", 2, "nsubj", "NNP", "B-PERSON"),
    ("reportedly", 2, "advmod", "RB"),
    ("said", 2, "ROOT", "VBD"),
    ("the", 4, "det", "DT"),
    ("plan", 5, "nsubj", "NN"),
    ("was", 2, "ccomp", "VBD"),
    ("dead", 5, "acomp", "JJ"),
    (".", 2, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            SAID,
            (
                ["the plan was dead"],
                "said",
                "say",
                "Hale",
                Via.SUBJECT,
                None,
                [],
                QuoteKind.INDIRECT,
            ),
            id="said-ccomp",
        ),
        pytest.param(
            TOLD,
            (
                ["that the plan was dead"],
                "told",
                "tell",
                "Hale",
                Via.SUBJECT,
                "reporters",
                [],
                QuoteKind.INDIRECT,
            ),
            id="told-addressee",
        ),
        pytest.param(
            CITED,
            (
                ["the plan was dead"],
                "saying",
                "say",
                "Xi",
                Via.CITING_OBJECT,
                None,
                [("Xinhua", "cited")],
                QuoteKind.INDIRECT,
            ),
            id="cited-as-saying",
        ),
        pytest.param(
            SAID_TO,
            ([], "said", "say", "Hale", Via.SUBJECT, "reporters", [], QuoteKind.DIRECT),
            id="said-to-reporters-bare",
        ),
        pytest.param(
            BARE,
            ([], "said", "say", "Hale", Via.SUBJECT, None, [], QuoteKind.DIRECT),
            id="bare-cue",
        ),
    ],
)
def test_verb_attributions(rows, expected, lexicon):
    doc, found = run(verb_attributions, rows, lexicon)
    assert [summary(doc, a) for a in found] == [expected]


@pytest.mark.parametrize(
    ("rows", "content"),
    [
        pytest.param(
            SAID_AND_THAT,
            "the plan was dead and that costs had shown a rise",
            id="a-second-that-clause-is-the-same-report",
        ),
        pytest.param(
            SAID_BUT_WARNED, "the plan was dead", id="a-conjoined-cue-is-a-report-of-its-own"
        ),
    ],
)
def test_a_conjoined_clause_continues_the_content_unless_it_is_a_cue(rows, content, lexicon):
    doc, found = run(verb_attributions, rows, lexicon)
    said = next(a for a in found if a.cue_lemma == "say")
    assert chars(doc, said.content) == [content]


# "Hale tweeted on Friday that Ruiz was rude ." with "that" read as an adverb of an adverbial clause
THAT_AS_ADVERB = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("tweeted", 1, "ROOT", "VBD"),
    ("on", 1, "prep", "IN"),
    ("Friday", 2, "pobj", "NNP", "B-DATE"),
    ("that", 6, "advmod", "IN"),
    ("Ruiz", 6, "nsubj", "NNP", "B-PERSON"),
    ("was", 1, "advcl", "VBD"),
    ("rude", 6, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "Hale told aides on a call that costs would rise ." with the clause hung on "call"
THAT_ON_ADJUNCT = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("told", 1, "ROOT", "VBD"),
    ("aides", 1, "dobj", "NNS"),
    ("on", 1, "prep", "IN"),
    ("a", 5, "det", "DT"),
    ("call", 3, "pobj", "NN"),
    ("that", 9, "mark", "IN"),
    ("costs", 9, "nsubj", "NNS"),
    ("would", 9, "aux", "MD"),
    ("rise", 5, "relcl", "VB"),
    (".", 1, "punct", "."),
]
# "Costs will rise , Hale told aides on a call ." with the cue hung as the complement of "rise"
TRAILING_TOLD = [
    ("Costs", 2, "nsubj", "NNS"),
    ("will", 2, "aux", "MD"),
    ("rise", 2, "ROOT", "VB"),
    (",", 5, "punct", ","),
    ("Hale", 5, "nsubj", "NNP", "B-PERSON"),
    ("told", 2, "ccomp", "VBD"),
    ("aides", 5, "dobj", "NNS"),
    ("on", 5, "prep", "IN"),
    ("a", 9, "det", "DT"),
    ("call", 7, "pobj", "NN"),
    (".", 2, "punct", "."),
]

# "Hale said on a call with aides that costs would rise ." with the clause hung on "aides", a noun
# inside the adjunct
THAT_INSIDE_ADJUNCT = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("on", 1, "prep", "IN"),
    ("a", 4, "det", "DT"),
    ("call", 2, "pobj", "NN"),
    ("with", 4, "prep", "IN"),
    ("aides", 5, "pobj", "NNS"),
    ("that", 10, "mark", "IN"),
    ("costs", 10, "nsubj", "NNS"),
    ("would", 10, "aux", "MD"),
    ("rise", 6, "acl", "VB"),
    (".", 1, "punct", "."),
]
# "Hale told aides on a call that costs would rise ." with "that" read as the object of a relative
# clause on "call"
THAT_READ_AS_OBJECT = _with(THAT_ON_ADJUNCT, 6, dep="dobj", tag="WDT")
# "Hale said on a call that aides made .": a real relative clause
RELATIVE_ON_ADJUNCT = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("on", 1, "prep", "IN"),
    ("a", 4, "det", "DT"),
    ("call", 2, "pobj", "NN"),
    ("that", 7, "dobj", "WDT"),
    ("aides", 7, "nsubj", "NNS"),
    ("made", 4, "relcl", "VBD"),
    (".", 1, "punct", "."),
]


# "Hale said after the vote he would run ." with "after the vote" hung on the clause, read as an
# adverbial one with no subordinator
ZERO_AFTER_ADJUNCT = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("after", 7, "prep", "IN"),
    ("the", 4, "det", "DT"),
    ("vote", 2, "pobj", "NN"),
    ("he", 7, "nsubj", "PRP"),
    ("would", 7, "aux", "MD"),
    ("run", 1, "advcl", "VB"),
    (".", 1, "punct", "."),
]
# "Hale said after the vote when he would run ." : a wh-word subordinates the clause
WHEN_AFTER_ADJUNCT = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("after", 1, "prep", "IN"),
    ("the", 4, "det", "DT"),
    ("vote", 2, "pobj", "NN"),
    ("when", 8, "advmod", "WRB"),
    ("he", 8, "nsubj", "PRP"),
    ("would", 8, "aux", "MD"),
    ("run", 1, "advcl", "VB"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "content"),
    [
        pytest.param(THAT_AS_ADVERB, ["that Ruiz was rude"], id="that-clause-read-as-adverbial"),
        pytest.param(
            ZERO_AFTER_ADJUNCT, ["after the vote he would run"], id="bare-clause-read-as-adverbial"
        ),
        pytest.param(WHEN_AFTER_ADJUNCT, [], id="near-a-when-clause-is-adverbial"),
        pytest.param(THAT_ON_ADJUNCT, ["that costs would rise"], id="that-clause-on-the-adjunct"),
        pytest.param(
            THAT_INSIDE_ADJUNCT, ["that costs would rise"], id="that-clause-inside-the-adjunct"
        ),
        pytest.param(
            THAT_READ_AS_OBJECT, ["that costs would rise"], id="that-read-as-object-after-told"
        ),
        # nobody is told, so the relative clause is the call's ("a call that aides made"), and
        # where something was said is not what was said
        pytest.param(RELATIVE_ON_ADJUNCT, [], id="relative-clause-on-the-adjunct"),
        # No topic: the words before the comma are its content (`parenthetical_content`).
        pytest.param(TRAILING_TOLD, [], id="trailing-cue-has-no-topic"),
    ],
)
def test_a_clause_the_parser_misplaced_is_the_cues_content(rows, content, lexicon):
    doc, found = run(verb_attributions, rows, lexicon)
    (attribution,) = [a for a in found if a.cue_lemma in ("tweet", "tell", "say")]
    assert chars(doc, attribution.content) == content


def test_verb_that_requires_a_clause_is_dropped_without_one(lexicon):
    # "Hale spoke to reporters on Sunday .": "speak" reports nothing without its content.
    _, found = run(verb_attributions, _with(SAID_TO, 1, word="spoke"), lexicon)
    assert found == []


def test_verb_attributions_hedge(lexicon):
    doc, found = run(verb_attributions, HEDGED, lexicon)
    assert [(chars(doc, a.content), a.hedge) for a in found] == [
        (["the plan was dead"], "reportedly")
    ]


# "Hale 's claim that the plan was dead angered aides ."
CLAIM = [
    ("Hale", 2, "poss", "NNP", "B-PERSON"),
    ("'s", 0, "case", "POS"),
    ("claim", 8, "nsubj", "NN"),
    ("that", 6, "mark", "IN"),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("was", 2, "acl", "VBD"),
    ("dead", 6, "acomp", "JJ"),
    ("angered", 8, "ROOT", "VBD"),
    ("aides", 8, "dobj", "NNS"),
    (".", 8, "punct", "."),
]
# "The claims that the plan was dead angered aides ."
OWNERLESS = [
    ("The", 1, "det", "DT"),
    ("claims", 7, "nsubj", "NNS"),
    ("that", 5, "mark", "IN"),
    ("the", 4, "det", "DT"),
    ("plan", 5, "nsubj", "NN"),
    ("was", 1, "acl", "VBD"),
    ("dead", 5, "acomp", "JJ"),
    ("angered", 7, "ROOT", "VBD"),
    ("aides", 7, "dobj", "NNS"),
    (".", 7, "punct", "."),
]
# "Hale made the claim that the plan was dead ."
MADE_CLAIM = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("made", 1, "ROOT", "VBD"),
    ("the", 3, "det", "DT"),
    ("claim", 1, "dobj", "NN"),
    ("that", 7, "mark", "IN"),
    ("the", 6, "det", "DT"),
    ("plan", 7, "nsubj", "NN"),
    ("was", 3, "acl", "VBD"),
    ("dead", 7, "acomp", "JJ"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            CLAIM,
            (["that the plan was dead"], "claim", "claim", "Hale", Via.SUBJECT),
            id="possessive-owner",
        ),
        pytest.param(
            OWNERLESS,
            (["that the plan was dead"], "claims", "claim", None, Via.NONE),
            id="no-owner-plural",
        ),
        pytest.param(
            MADE_CLAIM,
            (["that the plan was dead"], "claim", "claim", "Hale", Via.SUBJECT),
            id="made-the-claim",
        ),
    ],
)
def test_noun_attributions(rows, expected, lexicon):
    doc, found = run(noun_attributions, rows, lexicon)
    assert [summary(doc, a)[:5] for a in found] == [expected]


def test_noun_without_that_clause_is_not_an_attribution(lexicon):
    # "Hale 's claim angered aides ."
    rows = [
        ("Hale", 2, "poss", "NNP", "B-PERSON"),
        ("'s", 0, "case", "POS"),
        ("claim", 3, "nsubj", "NN"),
        ("angered", 3, "ROOT", "VBD"),
        ("aides", 3, "dobj", "NNS"),
        (".", 3, "punct", "."),
    ]
    _, found = run(noun_attributions, rows, lexicon)
    assert found == []


# "According to Hale , the plan is dead ."
ACCORDING = [
    ("According", 6, "prep", "VBG"),
    ("to", 0, "prep", "IN"),
    ("Hale", 1, "pobj", "NNP", "B-PERSON"),
    (",", 6, "punct", ","),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("is", 6, "ROOT", "VBZ"),
    ("dead", 6, "acomp", "JJ"),
    (".", 6, "punct", "."),
]
# "According to aides , Hale said the plan was dead ."
ACCORDING_GOVERNED = [
    ("According", 5, "prep", "VBG"),
    ("to", 0, "prep", "IN"),
    ("aides", 1, "pobj", "NNS"),
    (",", 5, "punct", ","),
    ("Hale", 5, "nsubj", "NNP", "B-PERSON"),
    ("said", 5, "ROOT", "VBD"),
    ("the", 7, "det", "DT"),
    ("plan", 8, "nsubj", "NN"),
    ("was", 5, "ccomp", "VBD"),
    ("dead", 8, "acomp", "JJ"),
    (".", 5, "punct", "."),
]


def test_according_to_makes_the_speaker(lexicon):
    doc = from_rows(ACCORDING)
    sent = doc[:]
    found = according_to_attributions(sent, lexicon, [], list(sent))
    assert [summary(doc, a)[:5] for a in found] == [
        (["the plan is dead"], "According to", "according to", "Hale", Via.ACCORDING_TO)
    ]


def test_according_to_under_a_cue_is_a_source(lexicon):
    doc = from_rows(ACCORDING_GOVERNED)
    sent = doc[:]
    by_verbs = verb_attributions(sent, lexicon, list(sent))
    found = according_to_attributions(sent, lexicon, by_verbs, list(sent))
    assert found == []
    assert [summary(doc, a)[:7] for a in by_verbs] == [
        (
            ["the plan was dead"],
            "said",
            "say",
            "Hale",
            Via.SUBJECT,
            None,
            [("aides", "according_to")],
        )
    ]


# "Hale realized that the plan was dead ."
REALIZED = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("realized", 1, "ROOT", "VBD"),
    ("that", 5, "mark", "IN"),
    ("the", 4, "det", "DT"),
    ("plan", 5, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("dead", 5, "acomp", "JJ"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            REALIZED,
            [(["that the plan was dead"], "realized", "realized", "Hale", Via.SUBJECT)],
            id="open-class-that",
        ),
        pytest.param(_with(REALIZED, 0, word="It", tag="PRP", ent="O"), [], id="impersonal-it"),
        pytest.param(_with(REALIZED, 0, word="Memo", tag="NN", ent="O"), [], id="not-a-person"),
        pytest.param(_with(REALIZED, 1, word="said"), [], id="lexicon-verb-left-to-verb-rule"),
        pytest.param(_with(REALIZED, 2, word="now", dep="advmod", tag="RB"), [], id="no-that-mark"),
    ],
)
def test_clause_attributions(rows, expected, lexicon):
    doc, found = run(clause_attributions, rows, lexicon)
    assert [summary(doc, a)[:5] for a in found] == expected


def test_trailing_according_to(lexicon):
    # "The plan is dead , according to Hale ."
    rows = [
        ("The", 1, "det", "DT"),
        ("plan", 2, "nsubj", "NN"),
        ("is", 2, "ROOT", "VBZ"),
        ("dead", 2, "acomp", "JJ"),
        (",", 2, "punct", ","),
        ("according", 2, "prep", "VBG"),
        ("to", 5, "prep", "IN"),
        ("Hale", 6, "pobj", "NNP", "B-PERSON"),
        (".", 2, "punct", "."),
    ]
    doc = from_rows(rows)
    sent = doc[:]
    found = according_to_attributions(sent, lexicon, [], list(sent))
    assert [summary(doc, a)[:5] for a in found] == [
        (["The plan is dead"], "according to", "according to", "Hale", Via.ACCORDING_TO)
    ]


def test_speaking_to_addressee_from_a_participle_clause(lexicon):
    # "Speaking to reporters , Hale said the plan was dead ."
    rows = [
        ("Speaking", 5, "advcl", "VBG"),
        ("to", 0, "prep", "IN"),
        ("reporters", 1, "pobj", "NNS"),
        (",", 5, "punct", ","),
        ("Hale", 5, "nsubj", "NNP", "B-PERSON"),
        ("said", 5, "ROOT", "VBD"),
        ("the", 7, "det", "DT"),
        ("plan", 8, "nsubj", "NN"),
        ("was", 5, "ccomp", "VBD"),
        ("dead", 8, "acomp", "JJ"),
        (".", 5, "punct", "."),
    ]
    doc, found = run(verb_attributions, rows, lexicon)
    assert [summary(doc, a)[:6] for a in found] == [
        (["the plan was dead"], "said", "say", "Hale", Via.SUBJECT, "reporters")
    ]


def _claim_object(verb, by):
    """'Aides {verb} a claim [by Hale] that the plan was dead .'"""
    words = [
        "Aides",
        verb,
        "a",
        "claim",
        *(["by", "Hale"] if by else []),
        "that",
        "the",
        "plan",
        "was",
        "dead",
        ".",
    ]
    n = 2 if by else 0
    rows = [
        ("Aides", 1, "nsubj", "NNS"),
        (verb, 1, "ROOT", "VBD"),
        ("a", 3, "det", "DT"),
        ("claim", 1, "dobj", "NN"),
        *([("by", 3, "prep", "IN"), ("Hale", 4, "pobj", "NNP", "B-PERSON")] if by else []),
        ("that", 7 + n, "mark", "IN"),
        ("the", 6 + n, "det", "DT"),
        ("plan", 7 + n, "nsubj", "NN"),
        ("was", 3, "acl", "VBD"),
        ("dead", 7 + n, "acomp", "JJ"),
        (".", 1, "punct", "."),
    ]
    assert [r[0] for r in rows] == words
    return rows


@pytest.mark.parametrize(
    ("rows", "speaker"),
    [
        pytest.param(_claim_object("rejected", by=True), "Hale", id="claim-by-owner"),
        pytest.param(_claim_object("made", by=False), "Aides", id="made-the-claim-subject-owns"),
        pytest.param(_claim_object("rejected", by=False), None, id="rejected-the-claim-not-theirs"),
        pytest.param(_claim_object("repeated", by=False), "Aides", id="repeated-the-claim"),
        pytest.param(_claim_object("denied", by=False), None, id="denied-the-claim-not-theirs"),
    ],
)
def test_noun_owner_of_an_object_noun(rows, speaker, lexicon):
    doc, found = run(noun_attributions, rows, lexicon)
    assert [(chars(doc, a.content), span_text(doc, a.speaker)) for a in found] == [
        (["that the plan was dead"], speaker)
    ]


# "But Trump claims that he should be the exception .", as the tagger read it in a real article:
# "claims" a plural noun at the root, "Trump" its compound.
CLAIMS_AS_NOUN = [
    ("But", 2, "cc", "CC"),
    ("Trump", 2, "compound", "NNP", "B-PERSON"),
    ("claims", 2, "ROOT", "NNS"),
    ("that", 6, "mark", "IN"),
    ("he", 6, "nsubj", "PRP"),
    ("should", 6, "aux", "MD"),
    ("be", 2, "ccomp", "VB"),
    ("the", 8, "det", "DT"),
    ("exception", 6, "attr", "NN"),
    (".", 2, "punct", "."),
]


def test_a_speech_verb_tagged_a_noun_at_the_root_is_the_cue(lexicon):
    doc, found = run(mistagged_verb_attributions, CLAIMS_AS_NOUN, lexicon)
    assert [summary(doc, a)[:5] for a in found] == [
        (["that he should be the exception"], "claims", "claim", "Trump", Via.SUBJECT)
    ]


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param({2: {"tag": "VBZ"}}, id="near-a-verb-the-verb-pass-reads"),
        pytest.param({1: {"ent": "O", "tag": "NN"}}, id="near-no-name-before-it"),
        pytest.param(
            {3: {"dep": "det", "tag": "DT"}, 5: {"dep": "dep", "tag": "NN"}},
            id="near-no-tensed-clause",
        ),
    ],
)
def test_a_noun_that_is_no_mistagged_verb_cues_nothing(changes, lexicon):
    rows = [list(row) + ["O"] * (5 - len(row)) for row in CLAIMS_AS_NOUN]
    fields = {"head": 1, "dep": 2, "tag": 3, "ent": 4}
    for index, change in changes.items():
        for key, value in change.items():
            rows[index][fields[key]] = value
    _, found = run(mistagged_verb_attributions, [tuple(r) for r in rows], lexicon)
    assert found == []
