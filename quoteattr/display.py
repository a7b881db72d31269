"""Show a `QuoteResult`: HTML for Jupyter and displaCy's span view.

- `to_html(result)` is what `QuoteResult._repr_html_` shows: the article with quotes, speakers,
  cues, addressees and sources highlighted (a colour per role, a legend), every quote numbered and
  linked to its row of a compact table, details in `title` tooltips. Self-contained HTML (inline
  styles, no external assets, no JavaScript); all text is escaped.
- `render(result_or_doc)` draws the same annotations as labelled spans with displaCy.

DataFrames (`to_dataframe`, `QuoteResult.to_dataframe()`) are in `quoteattr.dataframes`;
`to_dataframe` is importable from here too, as it used to be.

Nothing here needs spaCy except `render`, which imports it when first used.
"""

from __future__ import annotations

import functools
import html
import itertools
import uuid
from typing import TYPE_CHECKING, Any

from .dataframes import to_dataframe  # re-exported: the README imports it from here
from .records import Entity, Quote, QuoteResult

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

__all__ = [
    "ROLE_COLOURS",
    "displacy_data",
    "render",
    "to_dataframe",
    "to_html",
]

# One colour per role (quotes: one per kind); used by the HTML view, its legend and displaCy.
ROLE_COLOURS: dict[str, str] = {
    "direct": "#fde68a",
    "indirect": "#fed7aa",
    "mixed": "#fbcfe8",
    "speaker": "#93c5fd",
    "cue": "#86efac",
    "addressee": "#c4b5fd",
    "source": "#5eead4",
}
_ROLE_NAMES = {
    "direct": "direct quote",
    "indirect": "indirect quote",
    "mixed": "mixed quote",
    "speaker": "speaker",
    "cue": "cue",
    "addressee": "addressee",
    "source": "source",
}
# Nesting order inside a piece of text: quotes outermost, then the roles; the innermost colour
# shows.
_ROLE_ORDER = {
    "direct": 0,
    "indirect": 0,
    "mixed": 0,
    "source": 1,
    "addressee": 2,
    "speaker": 3,
    "cue": 4,
}

_ids = itertools.count(1)


def _e(value: object) -> str:
    """Escape for text and for double-quoted attribute values."""
    return html.escape(str(value), quote=True)


# --------------------------------------------------------------------------------------------------
# Describing quotes


def _entity_label(entity: Entity | None) -> str:
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


def _sources_label(quote: Quote) -> str:
    return "; ".join(
        f"{_entity_name(source.entity) or '?'} ({source.relation.replace('_', ' ')})"
        for source in quote.sources
    )


def _quote_title(number: int, quote: Quote) -> str:
    lines = [
        f"Quote {number} ({quote.kind.value}), confidence {quote.confidence:.2f}",
        f"Speaker: {_entity_label(quote.speaker)}",
        f"Cue: {quote.cue.text if quote.cue is not None else '—'}",
        f"Addressee: {_entity_label(quote.addressee)}",
        f"Sources: {_sources_label(quote) or '—'}",
    ]
    if quote.hedge:
        lines.append(f"Hedge: {quote.hedge}")
    return "\n".join(lines)


def _quote_parts(quote: Quote) -> tuple[tuple[int, int], ...]:
    return quote.parts if quote.parts else ((quote.start, quote.end),)


def _layers(result: QuoteResult) -> dict[tuple[str, int, int], list[int]]:
    """Every highlight: (role, start, end) -> the numbers of the quotes it belongs to.

    Offsets are clipped to the text; empty ranges are dropped. A mention that serves several quotes
    (one speaker for two quotes) is one layer listing them all.
    """
    size = len(result.text)
    layers: dict[tuple[str, int, int], list[int]] = {}

    def add(role: str, start: int, end: int, number: int) -> None:
        start, end = max(0, min(start, size)), max(0, min(end, size))
        if start < end:
            numbers = layers.setdefault((role, start, end), [])
            if number not in numbers:
                numbers.append(number)

    for number, quote in enumerate(result.quotes, 1):
        for start, end in _quote_parts(quote):
            add(quote.kind.value, start, end, number)
        for role, entity in (("speaker", quote.speaker), ("addressee", quote.addressee)):
            if entity is not None and entity.mention is not None:
                add(role, entity.mention.start, entity.mention.end, number)
        for source in quote.sources:
            if source.entity.mention is not None:
                add("source", source.entity.mention.start, source.entity.mention.end, number)
        if quote.cue is not None:
            add("cue", quote.cue.start, quote.cue.end, number)
    return layers


# --------------------------------------------------------------------------------------------------
# HTML

_STYLE_MARK = "color:#111;padding:0;border-radius:2px;"
_STYLE_QUOTE = "color:#111;padding:0;border-bottom:2px solid #b45309;"
_STYLE_ROLE = "color:#111;padding:0 1px;border-radius:3px;font-weight:600;"
_STYLE_NUMBER = (
    "font-size:0.7em;font-weight:700;color:#fff;background:#92400e;border-radius:7px;padding:0 4px;"
    "margin-right:1px;text-decoration:none;vertical-align:super;"
)
_STYLE_CELL = "text-align:left;vertical-align:top;padding:2px 6px;border-bottom:1px solid #ddd;"


def _layer_title(role: str, numbers: list[int], result: QuoteResult) -> str:
    if role in ("direct", "indirect", "mixed"):
        return "\n\n".join(_quote_title(number, result.quotes[number - 1]) for number in numbers)
    which = ", ".join(str(number) for number in numbers)
    plural = "s" if len(numbers) > 1 else ""
    if role == "cue":
        quote = result.quotes[numbers[0] - 1]
        lemma = f" (lemma “{quote.cue.lemma}”)" if quote.cue is not None and quote.cue.lemma else ""
        return f"Cue of quote{plural} {which}{lemma}"
    entities: list[str] = []
    for number in numbers:
        quote = result.quotes[number - 1]
        found = (
            [quote.speaker]
            if role == "speaker"
            else [quote.addressee]
            if role == "addressee"
            else []
        )
        if role == "source":
            found = [source.entity for source in quote.sources]
        for entity in found:
            label = _entity_label(entity)
            if entity is not None and label not in entities:
                entities.append(label)
    return f"{_ROLE_NAMES[role].capitalize()} of quote{plural} {which}: {'; '.join(entities)}"


def _open_tag(role: str, numbers: list[int], title: str) -> str:
    quote_role = role in ("direct", "indirect", "mixed")
    style = (_STYLE_QUOTE if quote_role else _STYLE_ROLE) + f"background:{ROLE_COLOURS[role]};"
    classes = f"qa-quote qa-{role}" if quote_role else f"qa-{role}"
    return (
        f'<mark class="{classes}" data-quotes="{" ".join(map(str, numbers))}" style="{style}" '
        f'title="{_e(title)}">'
    )


def _badge(prefix: str, number: int, result: QuoteResult) -> str:
    """The quote's number, an anchor that links to its table row."""
    title = _e(_quote_title(number, result.quotes[number - 1]))
    return (
        f'<a class="qa-num" id="{prefix}-q{number}" href="#{prefix}-row{number}" title="{title}" '
        f'style="{_STYLE_NUMBER}">{number}</a>'
    )


def _article_html(result: QuoteResult, prefix: str) -> str:
    """The text cut at every highlight boundary: each piece opens the tags of the highlights that
    cover it and closes them all, so overlapping and nested highlights always nest properly and the
    pieces' text, joined, is exactly the input."""
    text = result.text
    layers = _layers(result)
    titles = {key: _layer_title(key[0], numbers, result) for key, numbers in layers.items()}
    # Quote number badges go where a quote (its first part) starts, between pieces.
    badges: dict[int, list[int]] = {}
    for number, quote in enumerate(result.quotes, 1):
        first = min(max(_quote_parts(quote)[0][0], 0), len(text))
        badges.setdefault(first, []).append(number)
    bounds = sorted(
        {0, len(text), *badges, *(offset for _, start, end in layers for offset in (start, end))}
    )
    starting: dict[int, list[tuple[str, int, int]]] = {}
    for key in layers:
        starting.setdefault(key[1], []).append(key)
    active: set[tuple[str, int, int]] = set()
    out: list[str] = []
    for start, end in itertools.pairwise(bounds):
        out.extend(_badge(prefix, number, result) for number in badges.pop(start, ()))
        active = {key for key in active if key[2] > start}
        active.update(starting.get(start, ()))
        covering = sorted(active, key=lambda key: (_ROLE_ORDER[key[0]], key[1], -key[2], key[0]))
        out.extend(_open_tag(key[0], layers[key], titles[key]) for key in covering)
        out.append(_e(text[start:end]))
        out.append("</mark>" * len(covering))
    # A quote that starts at the very end of the text (nothing after it to cut) still gets its
    # anchor.
    out.extend(
        _badge(prefix, number, result) for offset in sorted(badges) for number in badges[offset]
    )
    return "".join(out)


def _legend_html() -> str:
    items = "".join(
        (
            f'<span style="{_STYLE_MARK}background:{colour};margin-right:8px;padding:0 4px;">'
            f"{_e(_ROLE_NAMES[role])}</span>"
        )
        for role, colour in ROLE_COLOURS.items()
    )
    return f'<div class="qa-legend" style="margin:4px 0 8px 0;font-size:0.85em;">{items}</div>'


def _table_html(result: QuoteResult, prefix: str) -> str:
    if not result.quotes:
        return '<p class="qa-empty">No quotes found.</p>'
    header = "".join(
        f'<th style="{_STYLE_CELL}">{name}</th>'
        for name in ("#", "speaker", "kind", "quote", "cue", "sources")
    )
    rows = []
    for number, quote in enumerate(result.quotes, 1):
        cue = "—" if quote.cue is None else _e(quote.cue.text)
        if quote.hedge:
            cue += f' <span style="color:#666;">({_e(quote.hedge)})</span>'
        cells = (
            f'<a href="#{prefix}-q{number}" style="{_STYLE_NUMBER}">{number}</a>',
            _e(_entity_label(quote.speaker)),
            f'<span style="{_STYLE_MARK}background:{ROLE_COLOURS[quote.kind.value]};'
            'padding:0 3px;">'
            f"{_e(quote.kind.value)}</span>",
            _e(quote.text),
            cue,
            _e(_sources_label(quote) or "—"),
        )
        row = "".join(f'<td style="{_STYLE_CELL}">{cell}</td>' for cell in cells)
        rows.append(
            f'<tr id="{prefix}-row{number}" title="{_e(_quote_title(number, quote))}">{row}</tr>'
        )
    return (
        '<table class="qa-table" style="border-collapse:collapse;margin-top:10px;font-size:0.9em;">'
        f"<thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def to_html(result: QuoteResult, *, id_prefix: str | None = None) -> str:
    """The HTML view of a result (what `QuoteResult._repr_html_` returns).

    Args:
        result (QuoteResult): what `quoteattr.extract` returned.
        id_prefix (str | None): prefix of the element ids (quote anchors and table rows); default a
            fresh unique one, so several views can share a notebook page.
    RETURNS (str): one self-contained `<div>`.
    """
    prefix = (
        _e(id_prefix) if id_prefix is not None else f"quoteattr-{next(_ids)}-{uuid.uuid4().hex[:8]}"
    )
    count = len(result.quotes)
    summary = (
        f"{count} quote{'s' if count != 1 else ''}, {len(result.entities)} "
        f"entit{'ies' if len(result.entities) != 1 else 'y'}"
    )
    return (
        f'<div class="quoteattr" id="{prefix}" style="font-family:inherit;line-height:1.7;">'
        f'<div class="qa-summary" style="font-weight:600;">quoteattr: {summary}</div>'
        f"{_legend_html()}"
        '<div class="qa-article" style="white-space:pre-wrap;">'
        f"{_article_html(result, prefix)}</div>"
        f"{_table_html(result, prefix)}"
        "</div>"
    )


# --------------------------------------------------------------------------------------------------
# displaCy


@functools.lru_cache(maxsize=1)
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en")


def _as_result_and_tokens(result_or_doc: QuoteResult | Doc) -> tuple[QuoteResult, Any]:
    from spacy.tokens import Doc

    if isinstance(result_or_doc, Doc):
        from .extensions import result_from_doc

        return result_from_doc(result_or_doc), result_or_doc
    if isinstance(result_or_doc, QuoteResult):
        return result_or_doc, _tokenizer().make_doc(result_or_doc.text)
    raise TypeError(
        f"render() takes a QuoteResult (from quoteattr.extract) or a Doc processed by quoteattr, "
        f"got {type(result_or_doc).__name__}."
    )


def _span_label(role: str, numbers: list[int]) -> str:
    return f"{role.upper()} {', '.join(map(str, numbers))}"


def displacy_data(result_or_doc: QuoteResult | Doc) -> tuple[dict[str, Any], dict[str, str]]:
    """displaCy's manual span data for a result or a processed Doc, and the colour of each label.

    Labels are the role and the numbers of its quotes: "DIRECT 1", "SPEAKER 1", "CUE 1",
    "ADDRESSEE 1", "SOURCE 4" ("SPEAKER 9, 10" for a mention shared by two quotes). Spans cover the
    tokens the characters fall in.
    """
    result, doc = _as_result_and_tokens(result_or_doc)
    spans: list[dict[str, Any]] = []
    colours: dict[str, str] = {}
    for (role, start, end), numbers in sorted(
        _layers(result).items(), key=lambda item: (item[0][1], item[0][2])
    ):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        label = _span_label(role, numbers)
        colours[label] = ROLE_COLOURS[role]
        spans.append(
            {
                "start": span.start_char,
                "end": span.end_char,
                "start_token": span.start,
                "end_token": span.end,
                "label": label,
            }
        )
    data = {
        "text": doc.text,
        "spans": spans,
        "tokens": [token.text for token in doc],
        "title": None,
        "settings": {"lang": "en", "direction": "ltr"},
    }
    return data, colours


def render(result_or_doc: QuoteResult | Doc, *, jupyter: bool | None = None) -> str | None:
    """Show quotes, speakers, cues, addressees and sources as labelled spans (displaCy's span view).

    Args:
        result_or_doc (QuoteResult | Doc): what `quoteattr.extract` returned, or a Doc processed by
            a pipeline with the `quoteattr` component.
        jupyter (bool | None): display in Jupyter; default: when running in Jupyter.
    RETURNS (str | None): the HTML markup, or None when it was displayed in Jupyter.
    RAISES (ValueError): a Doc that the `quoteattr` component did not process.
    """
    from spacy import displacy

    data, colours = displacy_data(result_or_doc)
    return displacy.render(
        data, style="span", manual=True, jupyter=jupyter, options={"colors": colours}
    )
