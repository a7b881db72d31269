"""Split a long text into paragraph-aligned chunks, and merge per-chunk results into one.

Pure functions, no spaCy: `chunk_spans` cuts a text into consecutive pieces no longer than a limit,
preferring the strongest boundary in reach (a blank line, else a line break, else the end of a
sentence, else any whitespace, else a hard cut); `shift_result` moves a chunk's records into the
coordinates of the whole text; `merge_results` joins the chunk results, renumbering entity ids so
they stay unique.

What chunking loses: nothing is resolved across a cut (a pronoun at the start of a chunk cannot
refer to a name in the previous one, and the same person gets one entity per chunk), and a quote
is never found across a cut. Cuts therefore avoid, where they can, the start of a paragraph that
opens with a quote mark (a continued quote, or a quote continuing the previous paragraph's speaker).

All functions are linear in the length of the text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

import attrs

from .records import Cue, DocumentEntity, Entity, Mention, Quote, QuoteResult
from .rules.marks import QUOTE_MARKS

__all__ = ["chunk_spans", "chunk_texts", "merge_results", "reslice_result", "shift_result"]

# Boundaries, strongest first. A chunk ends after the boundary (its whitespace included), so the
# next chunk starts at the first character of a paragraph, line, sentence or word.
_BOUNDARIES = (
    re.compile(r"\n[^\S\n]*\n\s*"),  # a blank (or whitespace-only) line
    re.compile(r"\n\s*"),  # a line break
    re.compile(r"[.!?…。！？][\"'”’»)\]]*\s+"),  # the end of a sentence
    re.compile(r"\s+"),  # any whitespace
)
# A preferred cut (see `_cut`) may shorten a chunk to no less than this fraction of the limit.
_MIN_FILL = 0.5
# A hard cut steps back over at most this many combining marks, to keep them with their base.
_MAX_COMBINING = 32


def chunk_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """[start, end) of consecutive chunks covering all of `text`, each at most `limit` long.

    Args:
        text (str): the text to split.
        limit (int): the longest chunk, in characters (at least 1).
    RETURNS (list[tuple[int, int]]): the chunks in order; the first starts at 0, each starts where
        the previous one ends, the last ends at len(text). A text within the limit (the empty text
        included) is one chunk.
    """
    if not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit must be a positive int, got {limit!r}")
    spans: list[tuple[int, int]] = []
    start, size = 0, len(text)
    while size - start > limit:
        end = _cut(text, start, start + limit)
        spans.append((start, end))
        start = end
    spans.append((start, size))
    return spans


def chunk_texts(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, chunk text) of each chunk of `chunk_spans(text, limit)`."""
    return [(start, text[start:end]) for start, end in chunk_spans(text, limit)]


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end the chunk that starts at `lo` and may reach `hi` (lo < hi < len(text))."""
    for pattern in _BOUNDARIES:
        last = preferred = -1
        for match in pattern.finditer(text, lo, hi):
            end = match.end()
            if end <= lo:
                continue
            last = end
            if text[end] not in QUOTE_MARKS:
                preferred = end
        if last > lo:
            if preferred > lo and preferred - lo >= _MIN_FILL * (hi - lo):
                return preferred
            return last
    # No boundary at all: a hard cut, not between a character and its combining marks.
    cut = hi
    while cut > lo + 1 and hi - cut < _MAX_COMBINING and unicodedata.combining(text[cut]):
        cut -= 1
    return hi if unicodedata.combining(text[cut]) else cut


# ---------------------------------------------------------------------------------------------
# Shifting and merging results


def _shift_mention(mention: Mention | None, offset: int) -> Mention | None:
    if mention is None:
        return None
    return attrs.evolve(mention, start=mention.start + offset, end=mention.end + offset)


def _shift_entity(entity: Entity, offset: int, ids: _Ids) -> Entity:
    return attrs.evolve(
        entity,
        entity_id=None if entity.entity_id is None else ids(entity.entity_id),
        mention=_shift_mention(entity.mention, offset),
    )


def _shift_cue(cue: Cue | None, offset: int) -> Cue | None:
    if cue is None:
        return None
    return attrs.evolve(cue, start=cue.start + offset, end=cue.end + offset)


def _shift_quote(quote: Quote, offset: int, ids: _Ids) -> Quote:
    return attrs.evolve(
        quote,
        start=quote.start + offset,
        end=quote.end + offset,
        parts=None
        if quote.parts is None
        else tuple((a + offset, b + offset) for a, b in quote.parts),
        speaker=None if quote.speaker is None else _shift_entity(quote.speaker, offset, ids),
        addressee=None if quote.addressee is None else _shift_entity(quote.addressee, offset, ids),
        cue=_shift_cue(quote.cue, offset),
        sources=tuple(
            attrs.evolve(source, entity=_shift_entity(source.entity, offset, ids))
            for source in quote.sources
        ),
    )


class _Ids:
    """Renumbers entity ids: each id gets the next free number the first time it is seen."""

    def __init__(self, first: int) -> None:
        self.next = first
        self.table: dict[int, int] = {}

    def __call__(self, entity_id: int) -> int:
        if entity_id not in self.table:
            self.table[entity_id] = self.next
            self.next += 1
        return self.table[entity_id]


def _shift(result: QuoteResult, offset: int, text: str, ids: _Ids) -> QuoteResult:
    entities = tuple(
        attrs.evolve(
            entity,
            entity_id=ids(entity.entity_id),
            mentions=tuple(_shift_mention(mention, offset) for mention in entity.mentions),
        )
        for entity in result.entities
    )
    quotes = tuple(_shift_quote(quote, offset, ids) for quote in result.quotes)
    return QuoteResult(text=text, quotes=quotes, entities=entities)


def shift_result(
    result: QuoteResult,
    offset: int,
    *,
    text: str | None = None,
    first_entity_id: int = 0,
) -> QuoteResult:
    """`result` with every offset moved by `offset` and its entities numbered from
    `first_entity_id`.

    Args:
        result (QuoteResult): the result for a chunk.
        offset (int): where the chunk starts in the whole text.
        text (str | None): the text of the returned result (the whole text); default `result.text`.
        first_entity_id (int): the id given to the first entity of `result.entities`; the others
            follow in order, then any id that only a quote refers to.
    RETURNS (QuoteResult): the shifted result. Quote, mention and cue texts are unchanged.
    """
    return _shift(result, offset, result.text if text is None else text, _Ids(first_entity_id))


def merge_results(text: str, chunks: Iterable[tuple[int, QuoteResult]]) -> QuoteResult:
    """One result for `text` from the results of its chunks.

    Args:
        text (str): the whole text.
        chunks (Iterable[tuple[int, QuoteResult]]): (offset, result) of each chunk, the result's
            text being `text[offset:offset + len(result.text)]`; chunks must not overlap.
    RETURNS (QuoteResult): the quotes of all chunks in document order, with offsets into `text`,
        and all their entities, renumbered 0, 1, 2, ... in order of the chunks (each chunk's
        entities keep their order), so that no two chunks share an id.
    """
    quotes: list[Quote] = []
    entities: list[DocumentEntity] = []
    end = next_id = 0
    for offset, result in sorted(chunks, key=lambda chunk: chunk[0]):
        if offset < end or text[offset : offset + len(result.text)] != result.text:
            raise ValueError(
                f"chunk at offset {offset} overlaps the previous chunk or does not match the text"
            )
        end = offset + len(result.text)
        ids = _Ids(next_id)
        shifted = _shift(result, offset, text, ids)
        next_id = ids.next
        quotes.extend(shifted.quotes)
        entities.extend(shifted.entities)
    return QuoteResult(text=text, quotes=quotes, entities=entities)


def reslice_result(result: QuoteResult, text: str) -> QuoteResult:
    """`result` with the text of every quote, mention and cue read again from `text` at its offsets.

    For a result computed on a copy of `text` with some characters replaced one for one (so that
    offsets agree), to give back the caller's own characters. Names are left as they are.

    Args:
        result (QuoteResult): a result whose offsets are into `text`.
        text (str): the text to read from, as long as `result.text`.
    RETURNS (QuoteResult): the result with `text` as its text.
    """
    if len(text) != len(result.text):
        raise ValueError(f"text has {len(text)} characters, the result's text {len(result.text)}")

    def mention(record: Mention | None) -> Mention | None:
        return (
            None if record is None else attrs.evolve(record, text=text[record.start : record.end])
        )

    def entity(record: Entity | None) -> Entity | None:
        return None if record is None else attrs.evolve(record, mention=mention(record.mention))

    def cue(record: Cue | None) -> Cue | None:
        return (
            None if record is None else attrs.evolve(record, text=text[record.start : record.end])
        )

    def quote(record: Quote) -> Quote:
        parts = record.parts or ((record.start, record.end),)
        return attrs.evolve(
            record,
            text=" ".join(text[a:b] for a, b in parts),
            speaker=entity(record.speaker),
            addressee=entity(record.addressee),
            cue=cue(record.cue),
            sources=tuple(attrs.evolve(s, entity=entity(s.entity)) for s in record.sources),
        )

    return QuoteResult(
        text=text,
        quotes=tuple(quote(record) for record in result.quotes),
        entities=tuple(
            attrs.evolve(record, mentions=tuple(mention(m) for m in record.mentions))
            for record in result.entities
        ),
    )
