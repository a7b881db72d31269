"""The flat columns of one quote (`Quote.to_dict()`), as in the CSV output and DataFrames."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "QUOTE_COLUMNS",
    "empty_row",
    "flatten_quote",
    "sources_text",
    "value_at",
]


def value_at(*keys: str) -> Callable[[dict[str, Any]], Any]:
    """The value at `keys` in a nested quote dict, None where any step is missing or null."""

    def get(quote: dict[str, Any]) -> Any:
        value: Any = quote
        for key in keys:
            if value is None:
                return None
            value = value.get(key)
        return value

    return get


def _parts(quote: dict[str, Any]) -> str | None:
    parts = quote.get("parts")
    return None if parts is None else json.dumps(parts)


def sources_text(quote: dict[str, Any]) -> str:
    """ "Xinhua (cited); AFP (according_to)": each source's name (else its words), and relation."""
    named = []
    for source in quote.get("sources") or ():
        name = source.get("name") or (source.get("mention") or {}).get("text") or "?"
        named.append(f"{name} ({source.get('relation')})")
    return "; ".join(named)


# Each column of a flat quote, and how to read it from `Quote.to_dict()`. The one place to change.
QUOTE_COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("kind", value_at("kind")),
    ("category", value_at("category")),
    ("text", value_at("text")),
    ("start", value_at("start")),
    ("end", value_at("end")),
    ("parts", _parts),
    ("speaker_name", value_at("speaker", "name")),
    ("speaker_type", value_at("speaker", "type")),
    ("speaker_entity_id", value_at("speaker", "entity_id")),
    ("speaker_mention", value_at("speaker", "mention", "text")),
    ("speaker_start", value_at("speaker", "mention", "start")),
    ("speaker_end", value_at("speaker", "mention", "end")),
    ("addressee_name", value_at("addressee", "name")),
    ("addressee_type", value_at("addressee", "type")),
    ("addressee_entity_id", value_at("addressee", "entity_id")),
    ("addressee_mention", value_at("addressee", "mention", "text")),
    ("addressee_start", value_at("addressee", "mention", "start")),
    ("addressee_end", value_at("addressee", "mention", "end")),
    ("cue", value_at("cue", "text")),
    ("cue_start", value_at("cue", "start")),
    ("cue_end", value_at("cue", "end")),
    ("cue_lemma", value_at("cue", "lemma")),
    ("sources", sources_text),
    ("hedge", value_at("hedge")),
    ("confidence", value_at("confidence")),
)
COLUMNS: tuple[str, ...] = ("id", *(name for name, _ in QUOTE_COLUMNS))
CSV_COLUMNS = COLUMNS


def flatten_quote(doc_id: Any, quote: dict[str, Any]) -> dict[str, Any]:
    """One quote (`Quote.to_dict()`) as a flat row with the keys `COLUMNS`, in that order.

    Missing values are None (empty in CSV); `parts` is JSON text; `sources` is
    "name (relation)" joined with "; ". `doc_id` is kept as it is.
    """
    return {"id": doc_id, **{name: read(quote) for name, read in QUOTE_COLUMNS}}


def empty_row(doc_id: Any) -> dict[str, Any]:
    """The row of a document without quotes: its id, and every quote column empty (None)."""
    return {"id": doc_id, **{name: None for name, _ in QUOTE_COLUMNS}}
