"""What an attribution reports: a statement, a thought or a stance, read off its cue (the table is
`categories` in `lexicons/en_cues.json`); an open-class cue in none of them reports nothing."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from ..records import Category
from .candidates import Attribution, Via
from .lexicon import CueLexicon, word_list
from .morphology import inflections, plural
from .syntax import (
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    PROPER_NOUN_TAGS,
    SET_OFF,
    TOPIC_PREPOSITIONS,
    child_with,
    is_personal,
)

# Complementizers of a yes/no question ("asked whether ...", "would not say if ...").
QUESTION_MARKS = frozenset({"whether", "if"})
# Verbs whose wh-clause is a question ("asked what he would do"), not an answer.
QUESTION_VERBS = frozenset({"ask", "wonder", "inquire", "enquire"})
DOUBTING_VERBS = word_list("doubting_verbs")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})

# The cue word's part of speech, by the first two letters of its fine-grained tag.
PARTS = {"VB": "verb", "NN": "noun", "JJ": "adjective"}
UNASSERTING_MODALS = word_list("unasserting_modals")
# The subjects of a modal that performs the statement ("I must say", "we should add").
PERFORMATIVE_SUBJECTS = frozenset({"i", "we"})
NEGATIVE_SUBJECTS = word_list("negative_subjects")  # "nobody would ask her"
ANONYMITY_VERBS = word_list("anonymity_verbs")  # "asked not to be named"
ANONYMITY_REQUEST_TOKENS = 6  # "not to be identified by name"
REFUSALS = frozenset(form for lemma in word_list("refusal_verbs") for form in inflections(lemma))
UNREALISED = frozenset(
    form for lemma in word_list("unrealised_verbs") for form in inflections(lemma)
)


def cue_category(doc: Doc, attribution: Attribution, lexicon: CueLexicon) -> Category | None:
    """The category of `attribution`'s cue. A quotation without a cue, a colon or dash
    attribution and a cue phrase ("according to") report words: statements."""
    if attribution.cue is None:
        return Category.STATEMENT
    word = attribution.cue_lemma or doc[attribution.cue[0]].lower_
    if lexicon.is_phrase_lemma(word):
        return Category.STATEMENT
    cue = doc[attribution.cue[0]]
    if asks_anonymity(doc, attribution.content):
        return None
    part = PARTS.get(cue.tag_[:2])
    category = None if part is None else lexicon.category_of(word, part)
    if category is None and attribution.via is Via.FRAGMENT_SUBJECT:
        category = Category.STATEMENT  # 'pounded Trump as a "con artist"': the words are theirs
    if category is None or (
        category == Category.STATEMENT and part == "verb" and unsaid(cue, attribution.content)
    ):
        return None
    if category == Category.THOUGHT and _document_speaks(doc, attribution):
        return Category.STATEMENT
    return Category(category)


def asks_anonymity(doc: Doc, content: Sequence[tuple[int, int]]) -> bool:
    """Whether the words are a source's request not to be named ("who asked not to be named",
    "declined to be identified"): how the article treats its source, not what the source said."""
    if len(content) != 1:
        return False
    span = doc.char_span(*content[0], alignment_mode="expand")  # (Doc.text joins every token)
    if span is None or len(span) > ANONYMITY_REQUEST_TOKENS:
        return False
    words = [token.lower_ for token in span if not token.is_space]
    if words[:1] == ["not"]:
        words = words[1:]
    return len(words) >= 3 and words[:2] == ["to", "be"] and words[2] in ANONYMITY_VERBS


def _document_speaks(doc: Doc, attribution: Attribution) -> bool:
    """Whether the speaker is a document ("a report found that ...", "the poll shows"): a
    document holds no thought, so what it finds or shows is what it states."""
    if attribution.speaker is None:
        return False
    head = doc[attribution.speaker[0] : attribution.speaker[1]].root.lower_
    return head in DOCUMENT_NOUNS or head in POLL_NOUNS


def unsaid(verb: Token, content: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether the sentence says the statement was not made: "did not confirm that ...", "never
    said", "refused to blame the referee", "did not want to say", or only that it ought to or
    might be ("he should apologize", "critics might say that", "needs to tell", "is expected to
    announce"; not "I must say", "I have to say"). A negation
    inside the words themselves ('"Why not?" asked Hale', as the parser may hang it) does not
    count. (A negated
    thought or stance is still held: "does not think", "does not want" raise the negation into
    the content.)"""

    def negated(token: Token) -> bool:
        return any(
            (child.dep_ == "neg" or _says_no_one(child))
            and not any(a <= child.idx < b for a, b in content)
            for child in token.children
        )

    def performative(token: Token) -> bool:
        # "I must say", "we should add that", "I have to say": a speaker's own modal says it
        return any(
            child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in PERFORMATIVE_SUBJECTS
            for child in token.children
        )

    # A conjunct shares its first verb's modal and governor ("needs to sell herself and tell
    # more jokes", "should apologize and say so").
    first = verb
    while (
        first.dep_ == "conj"
        and first.head.i < first.i
        and not any(child.dep_ in ("nsubj", "nsubjpass") for child in first.children)
    ):
        first = first.head  # (a conjunct with a subject of its own is a clause of its own)
    if negated(verb) or (
        any(
            child.dep_ == "aux" and child.lower_ in UNASSERTING_MODALS
            for child in {*verb.children, *first.children}
        )
        and not performative(first)
    ):
        return True
    governor = first.head
    return first.dep_ == "xcomp" and (
        governor.lower_ in REFUSALS
        or negated(governor)
        # "needs to tell the truth", "is expected to announce": not done yet
        or (governor.lower_ in UNREALISED and not performative(governor))
        # "is going to ask": the future ("went on to say" is done)
        or (governor.lower_ == "going" and any(c.dep_ == "aux" for c in governor.children))
    )


def _says_no_one(child: Token) -> bool:
    """A subject that is no one: "nobody", "none of them", "no one" ("no official" may be
    someone's anonymous words; "no one" is everyone's absence)."""
    if child.dep_ not in ("nsubj", "nsubjpass"):
        return False
    return child.lower_ in NEGATIVE_SUBJECTS or (
        child.lower_ == "one" and child_with(child, "det", lower="no") is not None
    )


def categorize(doc: Doc, attributions: list[Attribution], lexicon: CueLexicon) -> list[Attribution]:
    """`attributions` with their category set, without those whose cue reports nothing."""
    kept = []
    for attribution in attributions:
        attribution.category = cue_category(doc, attribution, lexicon)
        if attribution.category is not None:
            kept.append(attribution)
    return kept


# Counts of opinion or votes, whose object is what they found ("polls show a close contest").
POLL_NOUNS = frozenset(form for noun in word_list("poll_nouns") for form in (noun, plural(noun)))


def counts_find(verb: Token) -> bool:
    """Whether the verb's subject is a count of opinion or votes ("polls show ...")."""
    return any(c.dep_ == "nsubj" and c.lower_ in POLL_NOUNS for c in verb.children)


def object_is_content(verb: Token, obj: Token, lexicon: CueLexicon) -> bool:
    """Whether a verb's plain object (no "as ...", no predicate after it) is what it reports.
    A stance is held about its object ("opposes the measure") and a statement that judges,
    demands or promises acts on it (the lexicon's `object_is_target`: "condemned the attack",
    "demanded an apology"); any other cue reports its object only when the object names
    something said, thought or held ("denied the allegation", "expressed a desire"), not a
    thing, an event or a person ("denied three breakaways", "confirmed the arrest", "told
    jokes"), nor a pronoun."""
    if not obj.tag_.startswith(("NN", "VBG")):
        return False  # "denied it", "congratulated each other": a referent, not what was said
    if child_with(obj, "det", lower="no") is not None:
        return False  # "offered no proof", "gave no details": nothing was said
    part = PARTS.get(verb.tag_[:2], "verb")
    category = lexicon.category_of(verb.lower_, part)
    if category == Category.STANCE:
        return True
    if (
        category == Category.STATEMENT
        and lexicon.any_verb_lemma(verb.lower_) in lexicon.object_is_target
    ):
        return True
    if counts_find(verb):
        return True  # "polls show a close contest": what a count found
    return lexicon.is_proposition_noun(obj.lower_)


def has_thing_object(verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a verb's direct object is a thing, neither a person spoken to nor something said
    ("denied three breakaways", not "told reporters" or "denied the allegation")."""
    return lexicon.any_verb_lemma(verb.lower_) not in lexicon.addressee_object and any(
        child.dep_ == "dobj"
        and child.tag_ in ("NN", "NNS")
        and not is_personal(child)
        and not lexicon.is_proposition_noun(child.lower_)
        for child in verb.children
    )


ADVERBIAL_SUBORDINATORS = word_list("adverbial_subordinators")


def is_adverbial(clause: Token) -> bool:
    """Whether a clause the parser made a cue's complement says when, why or despite what
    ("said before he died", "said when Congress cut funding"): it opens with a subordinator
    that no content clause takes."""
    return any(c.dep_ == "mark" and c.lower_ in ADVERBIAL_SUBORDINATORS for c in clause.children)


def is_question(clause: Token, cue_lemma: str | None) -> bool:
    """Whether a content clause asks rather than tells: "whether the branches would close", "what
    he would tell the governor" after "asked": what a question reports is nobody's claim; after
    a verb of doubt the question is what is doubted ("questioned whether he was ready")."""
    if cue_lemma in DOUBTING_VERBS:
        return False
    if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children):
        return True
    return cue_lemma in QUESTION_VERBS and clause.doc[clause.left_edge.i].tag_ in WH_TAGS


def topic_is_content(cue: Token, topic: Token, lexicon: CueLexicon) -> bool:
    """Whether the object of a cue's preposition is what it reports ("called for talks", "warned
    of war", "critical of the plan"): not after a verb that names only a topic ("talked about
    moving abroad") or only where it was said ("said on the radio") or a verb of thought
    ("thought of climate change"), nor after a preposition that says where or when ("insisted in
    an interview"), nor a person spoken to or of ("called on Trump"; a name after a preposition
    other than the verb's own), nor after a noun, except with its verb's own preposition; except
    for a stance, which is held about its object ("critical of Trump", "her support for the
    bill")."""
    part = PARTS.get(cue.tag_[:2], "verb")
    category = lexicon.category_of(cue.lower_, part)
    if category == Category.STANCE:
        return True
    if category == Category.THOUGHT and part == "verb":
        return False  # "thought of climate change": what a thought is about is no proposition
    lemma = lexicon.any_verb_lemma(cue.lower_)
    if lemma in lexicon.topic_only_verbs or lemma in lexicon.adjunct_only_verbs:
        return False  # "talked about moving abroad", "said on the radio"
    if topic.ent_type_ == "PERSON" or topic.tag_ == "PRP":
        return False
    own = lexicon.preposition_content.get(lemma) == topic.head.lower_
    if not own and topic.head.lower_ not in TOPIC_PREPOSITIONS:
        return False  # "insisted in an interview", "said at a rally": where or when, not what
    if not own and (topic.ent_type_ == "ORG" or topic.lower_ in ORG_NOUNS):
        return False  # "called on the council": a body spoken to or of
    if part == "noun":
        # "her criticism for failing to act", "his view of the world", "the diagnosis of a clot":
        # what a noun of speech or thought is about; unless it is the preposition its verb
        # reports with ("a call for talks", "a warning of war").
        return own
    return own or topic.tag_ not in PROPER_NOUN_TAGS


def reports_a_scene(verb: Token, clause: Token, lexicon: CueLexicon) -> bool:
    """Whether a thought verb's clause is a scene or a small clause, not a thought ("found the
    dog asleep", "the video showed the coach hugging a fan"), whoever the subject: a document
    that shows a scene states nothing. A count's finding is content ("polls show Clinton
    leading")."""
    if is_finite_clause(clause):
        return False
    if lexicon.category_of(verb.lower_, PARTS.get(verb.tag_[:2], "verb")) != Category.THOUGHT:
        return False
    return not counts_find(verb)


def is_finite_clause(clause: Token) -> bool:
    """A clause with a tensed verb or "that" ("found that the dog was asleep"), not a scene or a
    small clause ("found the dog asleep", "showed the coach hugging a fan"), which a thought does
    not report."""
    return clause.tag_ in FINITE_TAGS or any(
        (c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS)
        or (c.dep_ == "mark" and c.lower_ == "that")
        for c in clause.children
    )


def lacks_subject(verb: Token, clause: Token) -> bool:
    """Whether a tensed clause after a cue has no subject of its own ("Everything Trump says is a
    lie", parsed as "says" reporting "is a lie"): English drops no subject of a tensed clause, so
    the parser has taken the cue's own clause for its content. Unless the subject went to the
    cue as its object ("demanded Obama make a pledge") or before a cue set off inside the clause
    ("The plan -- Hale said -- is dead")."""
    return (
        clause.dep_ == "ccomp"
        and clause.i > verb.i
        and clause.tag_ in FINITE_TAGS
        and not any(c.dep_ in CLAUSE_SUBJECTS for c in clause.children)
        and not any(c.dep_ == "dobj" and verb.i < c.i < clause.i for c in verb.children)
        and not any(t.text in SET_OFF for t in verb.doc[verb.i + 1 : clause.left_edge.i])
    )


def clause_reports_nothing(verb: Token, clause: Token, lemma: str, lexicon: CueLexicon) -> bool:
    """Whether a cue's clause is no report, for the rules and the model's frames alike: a question
    ("asked whether ..."), an adverbial ("said before he died"), a scene ("found the dog
    asleep"), the cue's own clause misread (`lacks_subject`), or its object misread as the
    clause's subject."""
    return (
        is_question(clause, lemma)
        or is_adverbial(clause)
        or reports_a_scene(verb, clause, lexicon)
        or lacks_subject(verb, clause)
        or object_read_as_subject(verb, clause, lexicon)
    )


def fronted_before_complementizer(verb: Token, clause: Token) -> bool:
    """Whether a clause before the cue is cut off from it by the cue's own "that" ("He continues
    to insist, in every interview, that he wants to", parsed with "insist" under "wants"): nothing
    of a "that" clause comes before its complementizer."""
    return clause.i < verb.i and any(
        c.dep_ == "mark" and c.lower_ == "that" and clause.i < c.i for c in verb.children
    )


# "described Trump as a liar", "likened the plan to theft": what a verb's object is taken for,
# which makes it no longer plain ("to" only after a likening verb: "said nothing to reporters").
LIKENING = frozenset(form for lemma in word_list("likening_verbs") for form in inflections(lemma))


def has_predicate(verb: Token, obj: Token) -> bool:
    """Whether something is said of `verb`'s object after it ("called it a disgrace", "described
    him as a liar"), which makes the object and its predicate the content."""
    return any(
        child.i > obj.i
        and (
            child.dep_ in ("oprd", "xcomp", "ccomp")
            or (
                child.dep_ == "prep"
                and (child.lower_ == "as" or (child.lower_ == "to" and verb.lower_ in LIKENING))
            )
        )
        for child in verb.rights
    )


def object_read_as_subject(verb: Token, clause: Token, lexicon: CueLexicon) -> bool:
    """'Mao declared the creation of the republic and forces fled': the parser may join a verb's
    object to the subject of the next clause ("the creation and forces fled"). For a verb that
    takes a plain object, a coordinated subject right after it, with no "that", is that object;
    and an event or a thing is no content."""
    if lexicon.any_verb_lemma(verb.lower_) not in lexicon.object_content or any(
        c.dep_ == "mark" for c in clause.children
    ):
        return False
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].left_edge.i != verb.i + 1:
        return False
    coordinated = len(subjects) > 1 or any(t.dep_ == "conj" for t in subjects[0].subtree)
    return coordinated and not object_is_content(verb, subjects[0], lexicon)
