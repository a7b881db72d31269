"""Shortcuts read from a Doc's arrays find every token the slower Token-by-Token tests would."""

from __future__ import annotations

import spacy
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


# Words with spaces, line breaks, upper case and accents, to read back as the Doc writes them.
WRITTEN = ("said", "NATO", "Élan", "\n\n", " ", '"', "“", "It's", "x")


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(WRITTEN), min_size=0, max_size=12),
    spaces=st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_text_upper_case_and_lower_forms_as_the_tokens_give_them(words, spaces):
    doc = Doc(VOCAB, words=words, spaces=spaces[: len(words)])
    arrays = DocArrays(doc)
    assert arrays.text() == doc.text
    assert arrays.upper().tolist() == [token.is_upper for token in doc]
    upper = arrays.upper()
    assert arrays.lower_forms(upper) == [token.lower_ for token in doc if token.is_upper]


# Cue words of each pass of `rule_attributions`, among others, with the tags that let them cue.
CUE_WORDS = ("said", "claim", "according", "to", "that", "plan", "insisted", "aides")
CUE_TAGS = ("VBD", "NN", "NNS", "IN", "VBG", "PRP", "TO")
CUE_DEPS = ("ccomp", "mark", "nsubj", "prep", "pobj", "acl", "dobj", "punct")


@st.composite
def cue_parses(draw) -> Doc:
    """A random tree of words that cue the rules' passes, as `parses` builds it."""
    size = draw(st.integers(1, 12))
    order = draw(st.permutations(range(size)))
    heads = [0] * size
    heads[order[0]] = order[0]
    for k in range(1, size):
        heads[order[k]] = order[draw(st.integers(0, k - 1))]
    deps = ["ROOT" if heads[i] == i else draw(st.sampled_from(CUE_DEPS)) for i in range(size)]
    tags = [draw(st.sampled_from(CUE_TAGS)) for _ in range(size)]
    words = [draw(st.sampled_from(CUE_WORDS)) for _ in range(size)]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags)


@settings(max_examples=300, deadline=None)
@given(doc=cue_parses())
def test_the_cue_passes_find_the_same_from_the_possible_cues_as_from_every_token(doc):
    from quoteattr.rules.attribute import _possible_cues
    from quoteattr.rules.cues import clause_attributions, verb_attributions
    from quoteattr.rules.lexicon import load_default_lexicon
    from quoteattr.rules.phrases import according_to_attributions, noun_attributions

    lexicon = load_default_lexicon()
    possible = set(_possible_cues(DocArrays(doc), lexicon))

    def passes(sent, tokens):
        by_verbs = verb_attributions(sent, lexicon, tokens)
        return [
            by_verbs,
            noun_attributions(sent, lexicon, tokens),
            clause_attributions(sent, lexicon, tokens),
            according_to_attributions(sent, lexicon, by_verbs, tokens),
        ]

    for sent in doc.sents:
        shortlist = [token for token in sent if token.i in possible]
        assert passes(sent, shortlist) == passes(sent, list(sent))


def test_each_cue_pass_finds_its_attribution_from_the_possible_cues_alone(nlp):
    from quoteattr.rules.attribute import _possible_cues
    from quoteattr.rules.cues import clause_attributions, verb_attributions
    from quoteattr.rules.phrases import according_to_attributions, noun_attributions

    lexicon = nlp.get_pipe("quoteattr").lexicon
    doc = nlp(
        "Ana Ruiz said the bridge would close. She figured that the ferry would sink. "
        "The ferry, according to the operator, is full. Her claim that fares would rise upset "
        "riders."
    )
    possible = set(_possible_cues(DocArrays(doc), lexicon))
    found = {"verb": 0, "noun": 0, "clause": 0, "according": 0}
    for sent in doc.sents:
        shortlist = [token for token in sent if token.i in possible]
        for name, run in (
            ("verb", lambda tokens, s=sent: verb_attributions(s, lexicon, tokens)),
            ("noun", lambda tokens, s=sent: noun_attributions(s, lexicon, tokens)),
            ("clause", lambda tokens, s=sent: clause_attributions(s, lexicon, tokens)),
            (
                "according",
                lambda tokens, s=sent: according_to_attributions(
                    s, lexicon, verb_attributions(s, lexicon, tokens), tokens
                ),
            ),
        ):
            every = run(list(sent))
            assert run(shortlist) == every, name
            found[name] += len(every)
    assert all(found.values()), found


BLANK = spacy.blank("en")


def _paragraph_starts_token_by_token(doc: Doc) -> list[bool | None]:
    """What the paragraph segmenter must give, read one Token at a time: a word after a line
    break starts a sentence, a quote mark right after a word (no space between) starts none, nor
    does a word after one that ends no sentence (no full stop, colon, closing mark, ...)."""
    starts: list[bool | None] = [token.is_sent_start for token in doc]
    after_newline = False
    previous_word = None
    for token in doc:
        if token.i > 0:
            if after_newline and not token.is_space:
                starts[token.i] = True
            elif token.is_quote and not doc.text[token.idx - 1].isspace():
                starts[token.i] = False
            if (
                not token.is_space
                and not after_newline
                and previous_word is not None
                and previous_word.text[-1] not in ".!?:;…\"'”’)]»›"
            ):
                starts[token.i] = False
        after_newline = (after_newline or "\n" in token.text) if token.is_space else False
        if not token.is_space:
            previous_word = token
    return starts


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(('"', "“", "”", "'", "\n", "\n\n", " ", "  \n ", "word", "said.", ",")),
        max_size=25,
    )
)
def test_the_paragraph_segmenter_starts_sentences_as_the_tokens_say(pieces):
    from quoteattr.pipeline.paragraphs import ParagraphSegmenter

    doc = BLANK.make_doc("".join(pieces))
    expected = _paragraph_starts_token_by_token(doc)
    ParagraphSegmenter()(doc)
    assert [token.is_sent_start for token in doc] == expected
