"""Shortcuts read from a Doc's arrays find every token the slower Token-by-Token tests would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from quoteattr.model.frames import _complement, _possible_cues
from quoteattr.rules.arrays import DocArrays

from .conftest import VOCAB

TAGS = ("VBD", "VBG", "NN", "NNP", "JJ", "IN")
# Prepositions with objects and predicative adjectives are drawn often: they are rarer branches.
DEPS = ("ccomp", "xcomp", "dobj", "prep", "prep", "pobj", "pobj", "pcomp", "acl", "acomp", "aux")


@st.composite
def parses(draw) -> Doc:
    """A random tree (not always projective) of random words, tags and dependency labels."""
    size = draw(st.integers(1, 10))
    order = draw(st.permutations(range(size)))
    heads = [0] * size
    heads[order[0]] = order[0]
    for k in range(1, size):
        heads[order[k]] = order[draw(st.integers(0, k - 1))]
    deps = ["ROOT" if heads[i] == i else draw(st.sampled_from(DEPS)) for i in range(size)]
    tags = [draw(st.sampled_from(("JJ",) if dep == "acomp" else TAGS)) for dep in deps]
    words = [draw(st.sampled_from(("about", "on", "plan", "said"))) for _ in range(size)]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags)


@settings(max_examples=500, deadline=None)
@given(doc=parses())
def test_possible_cues_hold_every_token_with_a_complement(doc):
    possible = set(_possible_cues(DocArrays(doc)))
    for token in doc:
        if _complement(token) is not None:
            assert token.i in possible, (token.i, [(t.tag_, t.dep_, t.head.i) for t in doc])


def test_possible_cues_leave_out_words_without_a_complement():
    # "The aide said on Monday that talks failed ." with "failed" the clause of "said"
    words = ["The", "aide", "said", "on", "Monday", "that", "talks", "failed", "."]
    heads = [1, 2, 2, 2, 3, 7, 7, 2, 2]
    deps = ["det", "nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "punct"]
    tags = ["DT", "NN", "VBD", "IN", "NNP", "IN", "NNS", "VBD", "."]
    doc = Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags)
    assert _possible_cues(DocArrays(doc)) == [2]


@settings(max_examples=100, deadline=None)
@given(doc=parses())
def test_arrays_read_each_token_as_its_attributes_do(doc):
    arrays = DocArrays(doc)
    assert arrays.tag(lambda tag: tag.startswith("VB")).tolist() == [
        token.tag_.startswith("VB") for token in doc
    ]
    assert arrays.dep(lambda dep: dep in ("prep", "pobj")).tolist() == [
        token.dep_ in ("prep", "pobj") for token in doc
    ]
    assert arrays.lower_in({"about", "said"}).tolist() == [
        token.lower_ in ("about", "said") for token in doc
    ]
    assert arrays.heads_of(arrays.after_head()).tolist() == [
        any(True for _ in token.rights) for token in doc
    ]


def test_entity_types_are_read_from_the_arrays():
    doc = Doc(VOCAB, words=["Maria", "Lopez", "spoke"], ents=["B-PERSON", "I-PERSON", "O"])
    assert DocArrays(doc).has_entity_type().tolist() == [True, True, False]
