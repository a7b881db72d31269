"""The flat columns of one quote (`Quote.to_dict()`), as in the CSV output and DataFrames."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

__all__ = ["COLUMNS", "CSV_COLUMNS", "QUOTE_COLUMNS", "flatten_quote"]


def _get(*keys: str) -> Callable[[dict[str, Any]], Any]:
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


def _sources(quote: dict[str, Any]) -> str:
    """ "Xinhua (cited); AFP (according_to)": each source's name (else its words), and relation."""
    named = []
    for source in quote.get("sources") or ():
        name = source.get("name") or (source.get("mention") or {}).get("text") or "?"
        named.append(f"{name} ({source.get('relation')})")
    return "; ".join(named)


# Each column of a flat quote, and how to read it from `Quote.to_dict()`. The one place to change.
QUOTE_COLUMNS: tuple[tuple[str, Callable[[dict[str, Any]], Any]], ...] = (
    ("kind", _get("kind")),
    ("text", _get("text")),
    ("start", _get("start")),
    ("end", _get("end")),
    ("parts", _parts),
    ("speaker_name", _get("speaker", "name")),
    ("speaker_type", _get("speaker", "type")),
    ("speaker_entity_id", _get("speaker", "entity_id")),
    ("speaker_mention", _get("speaker", "mention", "text")),
    ("speaker_start", _get("speaker", "mention", "start")),
    ("speaker_end", _get("speaker", "mention", "end")),
    ("addressee_name", _get("addressee", "name")),
    ("addressee_type", _get("addressee", "type")),
    ("cue", _get("cue", "text")),
    ("cue_start", _get("cue", "start")),
    ("cue_end", _get("cue", "end")),
    ("cue_lemma", _get("cue", "lemma")),
    ("sources", _sources),
    ("hedge", _get("hedge")),
    ("confidence", _get("confidence")),
)
COLUMNS: tuple[str, ...] = ("id", *(name for name, _ in QUOTE_COLUMNS))
CSV_COLUMNS = COLUMNS


def flatten_quote(doc_id: Any, quote: dict[str, Any]) -> dict[str, Any]:
    """One quote (`Quote.to_dict()`) as a flat row with the keys `COLUMNS`, in that order.

    Missing values are None (empty in CSV); `parts` is JSON text; `sources` is
    "name (relation)" joined with "; ". `doc_id` is kept as it is.
    """
    return {"id": doc_id, **{name: read(quote) for name, read in QUOTE_COLUMNS}}
