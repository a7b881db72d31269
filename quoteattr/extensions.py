"""spaCy extension attributes, registered once on first use (the component, `load()`), read-only,
built on demand from `doc.user_data`.

| attribute              | value                                      |
|------------------------|--------------------------------------------|
| `Doc._.quotes`         | tuple of `Quote` records                   |
| `Doc._.quote_entities` | tuple of `DocumentEntity` records          |
| `Doc._.quote_result`   | the `QuoteResult`                          |
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

from .errors import Errors
from .records import DocumentEntity, Quote, QuoteResult

USER_DATA_KEY = "quoteattr"  # where the component keeps its records in `doc.user_data`


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


def _result(doc: Doc) -> Any:
    return result_from_doc(doc)


EXTENSIONS: dict[str, Callable[[Doc], Any]] = {
    "quote_result": _result,
    "quotes": lambda doc: _result(doc).quotes,
    "quote_entities": lambda doc: _result(doc).entities,
}


def register_extensions() -> None:
    """Register the Doc extensions; idempotent, and never overwrites someone else's."""
    for name, getter in EXTENSIONS.items():
        if Doc.has_extension(name):
            if Doc.get_extension(name)[2] is not getter:
                raise ValueError(Errors.E006.format(name=name))
            continue
        Doc.set_extension(name, getter=getter)


def unregister_extensions() -> None:
    for name, getter in EXTENSIONS.items():
        if Doc.has_extension(name) and Doc.get_extension(name)[2] is getter:
            Doc.remove_extension(name)
