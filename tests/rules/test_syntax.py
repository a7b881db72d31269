import pytest

from quoteattr.rules.candidates import Via
from quoteattr.rules.mention_spans import names_in, noun_phrase
from quoteattr.rules.ranges import char_range, trim_tokens
from quoteattr.rules.subjects import find_subject, fronted_clause_subject
from quoteattr.rules.syntax import cue_words

from .conftest import from_rows, span_text

# "Hale said the plan was dead ."
SAID = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("the", 3, "det", "DT"),
    ("plan", 4, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("dead", 4, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "The plan is dead , said Hale ."
INVERTED = [
    ("The", 1, "det", "DT"),
    ("plan", 2, "nsubj", "NN"),
    ("is", 5, "ccomp", "VBZ"),
    ("dead", 2, "acomp", "JJ"),
    (",", 5, "punct", ","),
    ("said", 5, "ROOT", "VBD"),
    ("Hale", 5, "nsubj", "NNP", "B-PERSON"),
    (".", 5, "punct", "."),
]
# "The remark was said by Hale ."
PASSIVE = [
    ("The", 1, "det", "DT"),
    ("remark", 3, "nsubjpass", "NN"),
    ("was", 3, "auxpass", "VBD"),
    ("said", 3, "ROOT", "VBN"),
    ("by", 3, "agent", "IN"),
    ("Hale", 4, "pobj", "NNP", "B-PERSON"),
    (".", 3, "punct", "."),
]
# "Hale , who said the plan was dead , left ."
RELATIVE = [
    ("Hale", 9, "nsubj", "NNP", "B-PERSON"),
    (",", 0, "punct", ","),
    ("who", 3, "nsubj", "WP"),
    ("said", 0, "relcl", "VBD"),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("was", 3, "ccomp", "VBD"),
    ("dead", 6, "acomp", "JJ"),
    (",", 0, "punct", ","),
    ("left", 9, "ROOT", "VBD"),
    (".", 9, "punct", "."),
]
# "Hale , a senator who said the plan was dead , left ."
RELATIVE_APPOS = [
    ("Hale", 11, "nsubj", "NNP", "B-PERSON"),
    (",", 0, "punct", ","),
    ("a", 3, "det", "DT"),
    ("senator", 0, "appos", "NN"),
    ("who", 5, "nsubj", "WP"),
    ("said", 3, "relcl", "VBD"),
    ("the", 7, "det", "DT"),
    ("plan", 8, "nsubj", "NN"),
    ("was", 5, "ccomp", "VBD"),
    ("dead", 8, "acomp", "JJ"),
    (",", 0, "punct", ","),
    ("left", 11, "ROOT", "VBD"),
    (".", 11, "punct", "."),
]
# "Hale arrived and said the plan was dead ."
CONJ = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("arrived", 1, "ROOT", "VBD"),
    ("and", 1, "cc", "CC"),
    ("said", 1, "conj", "VBD"),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("was", 3, "ccomp", "VBD"),
    ("dead", 6, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "Hale left , saying the plan was dead ."
ADVCL = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("left", 1, "ROOT", "VBD"),
    (",", 1, "punct", ","),
    ("saying", 1, "advcl", "VBG"),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("was", 3, "ccomp", "VBD"),
    ("dead", 6, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "Say it ." (no subject anywhere)
IMPERATIVE = [
    ("Say", 0, "ROOT", "VB"),
    ("it", 0, "dobj", "PRP"),
    (".", 0, "punct", "."),
]

# "The findings held for coffee , the authors wrote ." parsed with "findings" (and its reduced
# relative "held") as a first subject of "wrote"
FRONTED_AS_SUBJECT = [
    ("The", 1, "det", "DT"),
    ("findings", 8, "nsubj", "NNS"),
    ("held", 1, "acl", "VBN"),
    ("for", 2, "prep", "IN"),
    ("coffee", 3, "pobj", "NN"),
    (",", 8, "punct", ","),
    ("the", 7, "det", "DT"),
    ("authors", 8, "nsubj", "NNS"),
    ("wrote", 8, "ROOT", "VBD"),
    (".", 8, "punct", "."),
]
# "The findings and the authors wrote ." (no comma between two subjects: no clause)
TWO_SUBJECTS = [
    ("The", 1, "det", "DT"),
    ("findings", 5, "nsubj", "NNS"),
    ("and", 1, "cc", "CC"),
    ("the", 4, "det", "DT"),
    ("authors", 5, "nsubj", "NNS"),
    ("wrote", 5, "ROOT", "VBD"),
    (".", 5, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "verb", "subject", "via"),
    [
        pytest.param(SAID, 1, "Hale", Via.SUBJECT, id="plain-subject"),
        pytest.param(INVERTED, 5, "Hale", Via.INVERTED, id="inverted"),
        pytest.param(PASSIVE, 3, "Hale", Via.PASSIVE_AGENT, id="passive-agent"),
        pytest.param(RELATIVE, 3, "Hale", Via.RELATIVE_CLAUSE, id="relative-clause"),
        pytest.param(
            RELATIVE_APPOS, 5, "Hale", Via.RELATIVE_CLAUSE, id="relative-clause-of-apposition"
        ),
        pytest.param(CONJ, 3, "Hale", Via.INHERITED_SUBJECT, id="conj-inherits"),
        pytest.param(ADVCL, 3, "Hale", Via.INHERITED_SUBJECT, id="advcl-inherits"),
        pytest.param(SAID, 4, "plan", Via.SUBJECT, id="clause-own-subject"),
        pytest.param(FRONTED_AS_SUBJECT, 8, "authors", Via.SUBJECT, id="not-a-fronted-clause"),
    ],
)
def test_find_subject(rows, verb, subject, via):
    doc = from_rows(rows)
    found = find_subject(doc[verb])
    assert found is not None
    assert (found[0].text, found[1]) == (subject, via)


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [(FRONTED_AS_SUBJECT, 8, "findings"), (TWO_SUBJECTS, 5, None), (SAID, 1, None)],
)
def test_fronted_clause_subject(rows, verb, expected):
    found = fronted_clause_subject(from_rows(rows)[verb])
    assert (found.text if found is not None else None) == expected


def test_find_subject_none_without_any_subject():
    doc = from_rows(IMPERATIVE)
    assert find_subject(doc[0]) is None


# "Senator John Hale , a veteran lawmaker , said ."
TITLED = [
    ("Senator", 2, "compound", "NNP", "O"),
    ("John", 2, "compound", "NNP", "B-PERSON"),
    ("Hale", 8, "nsubj", "NNP", "I-PERSON"),
    (",", 2, "punct", ","),
    ("a", 6, "det", "DT"),
    ("veteran", 6, "amod", "JJ"),
    ("lawmaker", 2, "appos", "NN"),
    (",", 2, "punct", ","),
    ("said", 8, "ROOT", "VBD"),
    (".", 8, "punct", "."),
]
# "President Xi of China met a lawmaker who spoke in Rome ."
PLACE = [
    ("President", 1, "compound", "NNP", "O"),
    ("Xi", 4, "nsubj", "NNP", "B-PERSON"),
    ("of", 1, "prep", "IN", "O"),
    ("China", 2, "pobj", "NNP", "B-GPE"),
    ("met", 4, "ROOT", "VBD", "O"),
    ("a", 6, "det", "DT", "O"),
    ("lawmaker", 4, "dobj", "NN", "O"),
    ("who", 8, "nsubj", "WP", "O"),
    ("spoke", 6, "relcl", "VBD", "O"),
    ("in", 8, "prep", "IN", "O"),
    ("Rome", 9, "pobj", "NNP", "B-GPE"),
    (".", 4, "punct", ".", "O"),
]


@pytest.mark.parametrize(
    ("rows", "head", "expected"),
    [
        pytest.param(
            TITLED, 2, "Senator John Hale , a veteran lawmaker", id="title-and-apposition"
        ),
        pytest.param(TITLED, 6, "a veteran lawmaker", id="apposition-alone"),
        pytest.param(PLACE, 1, "President Xi of China", id="title-of-place"),
        pytest.param(PLACE, 6, "a lawmaker", id="relative-clause-left-out"),
        pytest.param(PLACE, 10, "Rome", id="bare-name"),
    ],
)
def test_noun_phrase(rows, head, expected):
    doc = from_rows(rows)
    assert span_text(doc, noun_phrase(doc[head])) == expected


@pytest.mark.parametrize(
    ("labels", "start", "end", "expected"),
    [
        pytest.param(
            None, 0, 12, [("Xi", "PERSON"), ("China", "GPE"), ("Rome", "GPE")], id="default-labels"
        ),
        pytest.param(frozenset({"PERSON", "ORG"}), 0, 12, [("Xi", "PERSON")], id="speaker-labels"),
        pytest.param(None, 3, 12, [("China", "GPE"), ("Rome", "GPE")], id="clipped-span"),
        pytest.param(None, 4, 10, [], id="no-names"),
    ],
)
def test_names_in(labels, start, end, expected):
    doc = from_rows(PLACE)
    span = doc[start:end]
    found = names_in(span) if labels is None else names_in(span, labels)
    assert [(e.text, e.label_) for e in found] == expected


def test_names_in_multi_token_entity_clipped_to_span():
    doc = from_rows(TITLED)
    assert [(e.text, e.label_) for e in names_in(doc[:])] == [("John Hale", "PERSON")]
    # A name that starts before the span is clipped to it, not dropped.
    assert [(e.text, e.label_) for e in names_in(doc[2:4])] == [("Hale", "PERSON")]


# "Hale pointed out that the plan was dead on Sunday ."
POINTED = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("pointed", 1, "ROOT", "VBD"),
    ("out", 1, "prt", "RP"),
    ("that", 6, "mark", "IN"),
    ("the", 5, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("dead", 6, "acomp", "JJ"),
    ("on", 6, "prep", "IN"),
    ("Sunday", 8, "pobj", "NNP", "B-DATE"),
    (".", 1, "punct", "."),
]
# "Hale called for calm and spoke on Sunday ."
CALLED = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("called", 1, "ROOT", "VBD"),
    ("for", 1, "prep", "IN"),
    ("calm", 2, "pobj", "NN"),
    ("and", 1, "cc", "CC"),
    ("spoke", 1, "conj", "VBD"),
    ("on", 5, "prep", "IN"),
    ("Sunday", 6, "pobj", "NNP", "B-DATE"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "verb", "content", "expected"),
    [
        pytest.param(POINTED, 1, (3, 10), "pointed out", id="particle"),
        pytest.param(POINTED, 1, None, "pointed out", id="particle-without-content"),
        pytest.param(CALLED, 1, (3, 4), "called for", id="preposition-introducing-content"),
        pytest.param(CALLED, 1, None, "called", id="preposition-not-before-content"),
        pytest.param(CALLED, 5, None, "spoke", id="said-on-sunday"),
    ],
)
def test_cue_words(rows, verb, content, expected):
    doc = from_rows(rows)
    assert span_text(doc, cue_words(doc[verb], content)) == expected


# 'Hale said " the plan is dead , and " left .'
TRAILING = [
    ("Hale", 1, "nsubj", "NNP"),
    ("said", 1, "ROOT", "VBD"),
    ('"', 5, "punct", "``"),
    ("the", 4, "det", "DT"),
    ("plan", 5, "nsubj", "NN"),
    ("is", 1, "ccomp", "VBZ"),
    ("dead", 5, "acomp", "JJ"),
    (",", 5, "punct", ","),
    ("and", 5, "cc", "CC"),
    ('"', 5, "punct", "''"),
    ("left", 5, "conj", "VBD"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        pytest.param((3, 9), "the plan is dead", id="comma-and-coordinator-trimmed"),
        pytest.param((3, 8), "the plan is dead", id="comma-trimmed"),
        pytest.param((2, 10), '" the plan is dead , and "', id="quote-marks-kept"),
        pytest.param((7, 9), ", and", id="nothing-left-keeps-range"),
        pytest.param((11, 12), ".", id="lone-punct-kept"),
    ],
)
def test_char_range(tokens, expected):
    doc = from_rows(TRAILING)
    start, end = char_range(doc, tokens)
    assert doc.text[start:end] == expected


def test_trim_tokens_keeps_quotes_drops_punct():
    doc = from_rows(TRAILING)
    assert trim_tokens(doc, 1, 12) == (1, 11)
    assert trim_tokens(doc, 7, 9) == (8, 9)
