"""spaCy extension attributes, registered once on first use (the component, `load()`), read-only,
built on demand from `doc.user_data`.

| attribute              | value                                      |
|------------------------|--------------------------------------------|
| `Doc._.quotes`         | tuple of `Quote` records                   |
| `Doc._.quote_entities` | tuple of `DocumentEntity` records          |
| `Doc._.quote_result`   | the `QuoteResult`                          |
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from spacy.tokens import Doc

from .errors import Errors
from .records import DocumentEntity, Quote, QuoteResult

USER_DATA_KEY = "quoteattr"  # where the component keeps its records in `doc.user_data`


def result_from_doc(doc: Doc, text: str | None = None) -> QuoteResult:
    """The `QuoteResult` stored on a Doc processed by the `quoteattr` component; `text`, the
    Doc's text if the caller has it (`Doc.text` joins every token again)."""
    data = doc.user_data.get(USER_DATA_KEY)
    if data is None:
        raise ValueError(Errors.E005)
    return QuoteResult(
        text=doc.text if text is None else text,
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


def extension_names(names: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each extension's attribute name: its own, unless `names` renames it."""
    unknown = sorted(set(names or {}) - set(EXTENSIONS))
    if unknown:
        raise ValueError(Errors.E009.format(names=", ".join(unknown), known=", ".join(EXTENSIONS)))
    return {role: (names or {}).get(role, role) for role in EXTENSIONS}


def register_extensions(names: Mapping[str, str] | None = None) -> None:
    """Register the Doc extensions, under other attribute names where `names` gives them;
    idempotent, and never overwrites someone else's."""
    for role, name in extension_names(names).items():
        getter = EXTENSIONS[role]
        if Doc.has_extension(name):
            if Doc.get_extension(name)[2] is not getter:
                raise ValueError(Errors.E006.format(name=name))
            continue
        Doc.set_extension(name, getter=getter)


def unregister_extensions(names: Mapping[str, str] | None = None) -> None:
    for role, name in extension_names(names).items():
        if Doc.has_extension(name) and Doc.get_extension(name)[2] is EXTENSIONS[role]:
            Doc.remove_extension(name)
