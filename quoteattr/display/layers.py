"""What the views show, apart from how: the highlights of a result (a role over a range of the
text, with the numbers of its quotes), their descriptions (tooltips, labels) and the article's
paragraphs."""

from __future__ import annotations

import html
import re

from ..records import Entity, Quote, QuoteResult
from .roles import QUOTE_KINDS, ROLES

# A highlight: (role, start, end); its value in `layers()` is the numbers of its quotes.
Layer = tuple[str, int, int]

# A paragraph is a line with something on it: the views start each on a line of its own.
_PARAGRAPH = re.compile(r"[^\r\n]*\S[^\r\n]*")


def escape(value: object) -> str:
    """Escape for text and for double-quoted attribute values."""
    return html.escape(str(value), quote=True)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every line of `text` that is not blank, in order."""
    return [match.span() for match in _PARAGRAPH.finditer(text)]


def entity_label(entity: Entity | None) -> str:
    """'Xi Jinping ("President Xi")', 'unresolved: "he"', or '—'."""
    if entity is None:
        return "—"
    mention = entity.mention.text if entity.mention is not None else None
    if entity.name is None:
        return f"unresolved: “{mention}”" if mention else "unresolved"
    if mention and mention != entity.name:
        return f"{entity.name} (“{mention}”)"
    return entity.name


def _entity_name(entity: Entity | None) -> str | None:
    """The canonical name, else the mention's words."""
    if entity is None:
        return None
    if entity.name is not None:
        return entity.name
    return None if entity.mention is None else entity.mention.text


def sources_label(quote: Quote) -> str:
    return "; ".join(
        f"{_entity_name(source.entity) or '?'} ({source.relation.replace('_', ' ')})"
        for source in quote.sources
    )


def quote_title(number: int, quote: Quote) -> str:
    lines = [
        f"Quote {number} ({quote.kind.value}), confidence {quote.confidence:.2f}",
        f"Speaker: {entity_label(quote.speaker)}",
        f"Cue: {quote.cue.text if quote.cue is not None else '—'}",
        f"Addressee: {entity_label(quote.addressee)}",
        f"Sources: {sources_label(quote) or '—'}",
    ]
    if quote.hedge:
        lines.append(f"Hedge: {quote.hedge}")
    return "\n".join(lines)


def quote_parts(quote: Quote) -> tuple[tuple[int, int], ...]:
    return quote.parts if quote.parts else ((quote.start, quote.end),)


def layers(result: QuoteResult) -> dict[Layer, list[int]]:
    """Every highlight: (role, start, end) -> the numbers of the quotes it belongs to.

    Offsets are clipped to the text; empty ranges are dropped. A mention that serves several quotes
    (one speaker for two quotes) is one layer listing them all.
    """
    size = len(result.text)
    found: dict[Layer, list[int]] = {}

    def add(role: str, start: int, end: int, number: int) -> None:
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if start < end:
            numbers = found.setdefault((role, start, end), [])
            if number not in numbers:
                numbers.append(number)

    for number, quote in enumerate(result.quotes, 1):
        for start, end in quote_parts(quote):
            add(quote.kind.value, start, end, number)
        for role, entity in (("speaker", quote.speaker), ("addressee", quote.addressee)):
            if entity is not None and entity.mention is not None:
                add(role, entity.mention.start, entity.mention.end, number)
        for source in quote.sources:
            if source.entity.mention is not None:
                add("source", source.entity.mention.start, source.entity.mention.end, number)
        if quote.cue is not None:
            add("cue", quote.cue.start, quote.cue.end, number)
    return found


def layer_title(role: str, numbers: list[int], result: QuoteResult) -> str:
    """The tooltip of a highlight: the quotes' details, or whose cue, speaker ... it is."""
    if role in QUOTE_KINDS:
        return "\n\n".join(quote_title(number, result.quotes[number - 1]) for number in numbers)
    which = ", ".join(str(number) for number in numbers)
    plural = "s" if len(numbers) > 1 else ""
    if role == "cue":
        quote = result.quotes[numbers[0] - 1]
        lemma = f" (lemma “{quote.cue.lemma}”)" if quote.cue is not None and quote.cue.lemma else ""
        return f"Cue of quote{plural} {which}{lemma}"
    entities: list[str] = []
    for number in numbers:
        quote = result.quotes[number - 1]
        if role == "source":
            found = [source.entity for source in quote.sources]
        else:
            found = [quote.speaker if role == "speaker" else quote.addressee]
        for entity in found:
            label = entity_label(entity)
            if entity is not None and label not in entities:
                entities.append(label)
    return f"{ROLES[role].name.capitalize()} of quote{plural} {which}: {'; '.join(entities)}"


def layer_label(role: str, numbers: list[int]) -> str:
    """The span view's label: "DIRECT 1", "SPEAKER 9, 10"."""
    return f"{role.upper()} {', '.join(map(str, numbers))}"
