"""Invariants of `extract`, property-tested on generated news-like text and on raw random strings.

For every input: no exception; every offset inside the input; `input[start:end] == text` for every
quote without parts, every mention and every cue; for a quote with parts, its text is the parts
joined by a space, the parts ordered and disjoint; the same input gives the same output; the
output is JSON-serialisable and reads back equal.

Examples per property: $QUOTEATTR_HYPOTHESIS_EXAMPLES (default 100, hypothesis's own; the quick suite
must stay within five minutes on two cores, and a longer search is one variable away).
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quoteattr
from quoteattr import api
from quoteattr.chunking import chunk_spans, merge_results, shift_result
from quoteattr.evaluation.scaling import FIRST_NAMES, LAST_NAMES

EXAMPLES = int(os.environ.get("QUOTEATTR_HYPOTHESIS_EXAMPLES", "100"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ---------------------------------------------------------------------------------------------
# News-like text, composed from invented names, cue verbs, quote marks, pronouns and paragraphs

TITLES = ("", "", "Mr. ", "Ms. ", "Dr. ", "Senator ", "the mayor, ")
WORDS = (
    "the bridge will reopen soon we are not there yet it was a mistake nobody knew about the plan "
    "prices rose again this year our team did everything right they never asked us the vote is close "
    "it's the '90s again rock 'n' roll the boys' band isn't ready"
).split()
NAME = st.one_of(
    st.builds(
        lambda title, first, last: f"{title}{first} {last}",
        st.sampled_from(TITLES),
        st.sampled_from(FIRST_NAMES),
        st.sampled_from(LAST_NAMES),
    ),
    st.sampled_from(LAST_NAMES),
)
SPEAKER = st.one_of(
    NAME,
    st.sampled_from(["he", "she", "they", "it", "I", "we", "He", "She", "They"]),
    st.sampled_from(
        ["the mayor", "a spokesman", "the company", "officials", "the Northvale Council", "police"]
    ),
)
CUE = st.sampled_from(
    [
        "said",
        "says",
        "told reporters",
        "told Jane Roe",
        "added",
        "warned",
        "insisted",
        "claimed",
        "wrote",
        "asked",
        "denied",
        "was quoted as saying",
    ]
)
# Balanced pairs, and on purpose some that are not.
MARKS = st.sampled_from(
    [('"', '"')] * 4
    + [("“", "”")] * 3
    + [("'", "'"), ("‘", "’"), ("«", "»"), ("„", "“"), ('"', ""), ("", '"'), ("“", ""), ("‘", "”")]
)
CLAUSE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)


@st.composite
def sentences(draw) -> str:
    o, c = draw(MARKS)
    words, more, speaker, cue = draw(CLAUSE), draw(CLAUSE), draw(SPEAKER), draw(CUE)
    template = draw(st.integers(0, 9))
    if template == 0:
        return f"{o}{words.capitalize()},{c} {speaker} {cue}."
    if template == 1:
        return f"{speaker.capitalize()} {cue}: {o}{words.capitalize()}.{c}"
    if template == 2:
        return f"{speaker.capitalize()} {cue} that {words}."
    if template == 3:
        return f"According to {speaker}, {words}."
    if template == 4:
        return f"{o}{words.capitalize()},{c} {cue} {speaker}, {o}{more}.{c}"
    if template == 5:
        return f"{o}{words.capitalize()}, {more}.{c} - {draw(NAME)}"
    if template == 6:
        return f"{speaker.capitalize()} {cue}, {o}{words} {o}{more}{c} today{c}."
    if template == 7:
        return f"{speaker.capitalize()} {cue} the plan was {o}{words}{c}."
    if template == 8:
        return f"{o}{words.capitalize()} {more}.{c}"
    return f"{words.capitalize()}."


paragraphs = st.lists(sentences(), min_size=1, max_size=3).map(" ".join)
news = st.builds(
    lambda parts, separator: separator.join(parts),
    st.lists(paragraphs, min_size=1, max_size=4),
    st.sampled_from(["\n\n", "\n", " ", "\n\n\n", "\r\n\r\n"]),
)

# Raw strings: any characters (the default excludes lone surrogates, so a second one adds them),
# and strings made mostly of the characters quoteattr reacts to.
raw = st.text(max_size=200)
raw_with_surrogates = st.text(st.characters(exclude_categories=()), max_size=100)
quote_heavy = st.lists(
    st.sampled_from(
        list("\"'“”„‟«»‹›‘’‚‛")
        + list("ab J.,:-")
        + [" ", " ", "\n", "\n\n", "\x00", "\u200b", "\u202e", "😀", "said ", "Jane Roe ", "he "]
    ),
    max_size=60,
).map("".join)


# ---------------------------------------------------------------------------------------------
# Properties


@SETTINGS
@given(text=news)
def test_news_like_text_keeps_the_invariants(nlp, text, invariants):
    invariants(text, quoteattr.extract(text, nlp=nlp))


@SETTINGS
@given(text=raw)
def test_random_strings_keep_the_invariants(nlp, text, invariants):
    invariants(text, quoteattr.extract(text, nlp=nlp))


@SETTINGS
@given(text=raw_with_surrogates)
def test_random_strings_with_surrogates_keep_the_invariants(nlp, text, invariants):
    invariants(text, quoteattr.extract(text, nlp=nlp))


@SETTINGS
@given(text=quote_heavy)
def test_quote_heavy_strings_keep_the_invariants(nlp, text, invariants):
    invariants(text, quoteattr.extract(text, nlp=nlp))


@SETTINGS
@given(text=st.one_of(news, quote_heavy))
def test_same_input_same_output(nlp, text):
    first = quoteattr.extract(text, nlp=nlp)
    assert quoteattr.extract(text, nlp=nlp) == first
    assert list(quoteattr.extract_many([text], nlp=nlp)) == [first]
    assert json.dumps(first.to_dicts()) == json.dumps(quoteattr.extract(text, nlp=nlp).to_dicts())


@pytest.fixture(scope="module")
def tiny_nlp():
    """A copy of the pipeline whose max_length is so small that most examples are chunked."""
    nlp = api.add_components(api.load_base(exclude=api.UNUSED_COMPONENTS))
    nlp.max_length = 80
    return nlp


@SETTINGS
@given(text=st.one_of(news, quote_heavy))
def test_chunked_text_keeps_the_invariants(tiny_nlp, text, invariants):
    result = quoteattr.extract(text, nlp=tiny_nlp)
    invariants(text, result)
    assert [entity.entity_id for entity in result.entities] == list(range(len(result.entities)))


# Pure functions: cheap, so more examples.


@settings(SETTINGS, max_examples=EXAMPLES * 5)
@given(
    text=st.one_of(news, raw, quote_heavy, st.text(st.sampled_from("ab \n."), max_size=300)),
    limit=st.integers(1, 120),
)
def test_chunk_spans_cover_the_text_within_the_limit(text, limit):
    spans = chunk_spans(text, limit)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(end == start for (_, end), (start, _) in zip(spans, spans[1:]))
    assert all(0 < end - start <= limit for start, end in spans) or text == ""
    assert chunk_spans(text, limit) == spans


@SETTINGS
@given(text=news, offset=st.integers(0, 50), first=st.integers(0, 5))
def test_shift_then_merge_keeps_the_invariants(nlp, text, offset, first, invariants):
    result = quoteattr.extract(text, nlp=nlp)
    padded = "." * offset + text
    invariants(padded, merge_results(padded, [(offset, result)]))
    shifted = shift_result(result, offset, text=padded, first_entity_id=first)
    assert [entity.entity_id for entity in shifted.entities] == list(
        range(first, first + len(result.entities))
    )
    assert [quote.text for quote in shifted] == [quote.text for quote in result]
