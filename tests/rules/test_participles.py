"""Past participles that say what was said to the subject, on hand-built parses (the parser's
readings of "Brandt, asked whether ..., said" and "Brandt, told of ..., said")."""

from __future__ import annotations

from quoteattr.rules.participles import reduced_passive, set_off_participle
from quoteattr.rules.subjects import find_subject

from .conftest import from_rows

# "Brandt , asked whether Berg would start , said she would wait ." with "asked" the root and
# "said" hanging from it.
ASKED_AS_ROOT = [
    ("Brandt", 2, "nsubj", "NNP", "B-PERSON"),
    (",", 0, "punct", ","),
    ("asked", 2, "ROOT", "VBD"),
    ("whether", 6, "mark", "IN"),
    ("Berg", 6, "nsubj", "NNP", "B-PERSON"),
    ("would", 6, "aux", "MD"),
    ("start", 2, "ccomp", "VB"),
    (",", 2, "punct", ","),
    ("said", 2, "ccomp", "VBD"),
    ("she", 11, "nsubj", "PRP"),
    ("would", 11, "aux", "MD"),
    ("wait", 8, "ccomp", "VB"),
    (".", 2, "punct", "."),
]
# "Brandt , told of the decision , said she would appeal ." with "told" a clause of "said".
TOLD_UNDER_SAID = [
    ("Brandt", 2, "nsubj", "NNP", "B-PERSON"),
    (",", 0, "punct", ","),
    ("told", 7, "ccomp", "VBD"),
    ("of", 2, "prep", "IN"),
    ("the", 5, "det", "DT"),
    ("decision", 3, "pobj", "NN"),
    (",", 2, "punct", ","),
    ("said", 7, "ROOT", "VBD"),
    ("she", 10, "nsubj", "PRP"),
    ("would", 10, "aux", "MD"),
    ("appeal", 7, "ccomp", "VB"),
    (".", 7, "punct", "."),
]
# "Brandt , told reporters she would wait , said ..." is no passive: the participle has an object.
TOLD_REPORTERS = [
    ("Brandt", 2, "nsubj", "NNP", "B-PERSON"),
    (",", 0, "punct", ","),
    ("told", 2, "ROOT", "VBD"),
    ("reporters", 2, "dobj", "NNS"),
    (",", 2, "punct", ","),
    ("said", 2, "ccomp", "VBD"),
    (".", 2, "punct", "."),
]
# "Brandt asked , said ..." without the comma after the subject.
NO_COMMA = [
    ("Brandt", 1, "nsubj", "NNP", "B-PERSON"),
    ("asked", 1, "ROOT", "VBD"),
    (",", 1, "punct", ","),
    ("said", 1, "ccomp", "VBD"),
    (".", 1, "punct", "."),
]


def test_a_participle_that_holds_the_subjects_verb():
    doc = from_rows(ASKED_AS_ROOT)
    assert set_off_participle(doc[2]) == doc[8]
    assert reduced_passive(doc[2])
    assert find_subject(doc[8])[0] == doc[0]  # "said" is Brandt's


def test_a_participle_under_the_subjects_verb_gives_it_its_subject():
    doc = from_rows(TOLD_UNDER_SAID)
    assert set_off_participle(doc[2]) == doc[7]
    assert reduced_passive(doc[2])
    assert find_subject(doc[7])[0] == doc[0]


def test_a_verb_with_an_object_or_no_comma_is_the_subjects_own():
    for rows, verb in ((TOLD_REPORTERS, 2), (NO_COMMA, 1)):
        doc = from_rows(rows)
        assert set_off_participle(doc[verb]) is None
        assert not reduced_passive(doc[verb])
