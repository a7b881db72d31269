"""The notebook view of a result (`QuoteResult._repr_html_`): the article with its quotes,
speakers, cues, addressees and sources highlighted, and a compact table.

Each role has its own look (`roles.ROLES`: a line or frame style as well as a colour). Every quote
is numbered where it starts, and every speaker mention carries the numbers of its quotes; the
numbers link to the quote's row of the table, and the row's number links back. Details are in
`title` tooltips. Self-contained HTML (inline styles, no external assets, no JavaScript); all text
is escaped.
"""

from __future__ import annotations

import itertools
import uuid

from ..records import QuoteResult
from .layers import (
    Layer,
    entity_label,
    escape,
    layer_title,
    layers,
    quote_parts,
    quote_title,
    sources_label,
)
from .roles import NESTING, QUOTE_KINDS, ROLES

_ids = itertools.count(1)

_STYLE_NUMBER = (
    "font-size:0.7em;font-weight:700;border-radius:7px;padding:0 4px;margin:0 1px;"
    "text-decoration:none;vertical-align:super;font-style:normal;"
)
_STYLE_CELL = "text-align:left;vertical-align:top;padding:2px 6px;border-bottom:1px solid #ddd;"


def mark_style(role: str) -> str:
    """The inline style of a role's highlight (and of its legend sample)."""
    look = ROLES[role]
    if role in QUOTE_KINDS:  # a line under the words
        frame = f"border-bottom:3px {look.line} {look.ink};"
    else:  # a frame around them
        frame = f"border:2px {look.line} {look.ink};border-radius:3px;padding:0 1px;"
    return f"background:{look.fill};{look.font_css()}{frame}"


def _number_style(role: str) -> str:
    """Quote numbers: white on brown; a speaker's numbers: in the speaker's colours."""
    if role == "speaker":
        look = ROLES["speaker"]
        return f"{_STYLE_NUMBER}color:#fff;background:{look.ink};"
    return f"{_STYLE_NUMBER}color:#fff;background:#92400e;"


def _open_tag(key: Layer, numbers: list[int], title: str) -> str:
    role = key[0]
    classes = f"qa-quote qa-{role}" if role in QUOTE_KINDS else f"qa-{role}"
    return (
        f'<mark class="{classes}" data-quotes="{" ".join(map(str, numbers))}" '
        f'style="{mark_style(role)}" title="{escape(title)}">'
    )


def _badge(prefix: str, number: int, result: QuoteResult) -> str:
    """The quote's number where it starts: an anchor that links to its table row."""
    title = escape(quote_title(number, result.quotes[number - 1]))
    return (
        f'<a class="qa-num" id="{prefix}-q{number}" href="#{prefix}-row{number}" title="{title}" '
        f'style="{_number_style("quote")}">{number}</a>'
    )


def _speaker_badge(prefix: str, number: int, result: QuoteResult) -> str:
    """A quote's number after its speaker's mention, linked to the quote's row."""
    title = escape(f"Speaker of quote {number}\n\n{quote_title(number, result.quotes[number - 1])}")
    return (
        f'<a class="qa-num qa-speaker-num" href="#{prefix}-row{number}" title="{title}" '
        f'style="{_number_style("speaker")}">{number}</a>'
    )


def _article_html(result: QuoteResult, prefix: str) -> str:
    """The text cut at every highlight boundary: each piece opens the tags of the highlights that
    cover it and closes them all, so overlapping and nested highlights always nest properly and the
    pieces' text, joined, is exactly the input."""
    text = result.text
    found = layers(result)
    titles = {key: layer_title(key[0], numbers, result) for key, numbers in found.items()}
    # Numbers go between pieces: a quote's where it (its first part) starts, its speaker's after
    # the speaker's mention.
    badges: dict[int, list[str]] = {}
    for number, quote in enumerate(result.quotes, 1):
        first = min(max(quote_parts(quote)[0][0], 0), len(text))
        badges.setdefault(first, []).append(_badge(prefix, number, result))
    for (role, _, end), numbers in sorted(found.items()):
        if role == "speaker":
            # Before any quote number at the same place: the speaker's numbers close its mention.
            speakers = [_speaker_badge(prefix, number, result) for number in numbers]
            badges[end] = speakers + badges.get(end, [])
    bounds = sorted(
        {0, len(text), *badges, *(offset for _, start, end in found for offset in (start, end))}
    )
    starting: dict[int, list[Layer]] = {}
    for key in found:
        starting.setdefault(key[1], []).append(key)
    active: set[Layer] = set()
    out: list[str] = []
    for start, end in itertools.pairwise(bounds):
        out.extend(badges.pop(start, ()))
        active = {key for key in active if key[2] > start}
        active.update(starting.get(start, ()))
        covering = sorted(active, key=lambda key: (NESTING[key[0]], key[1], -key[2], key[0]))
        out.extend(_open_tag(key, found[key], titles[key]) for key in covering)
        out.append(escape(text[start:end]))
        out.append("</mark>" * len(covering))
    # Numbers at the very end of the text (nothing after them to cut).
    out.extend(badge for offset in sorted(badges) for badge in badges[offset])
    return "".join(out)


def _legend_html() -> str:
    items = "".join(
        f'<span class="qa-key" style="{mark_style(role)}margin-right:8px;padding:0 4px;">'
        f"{escape(look.name)}</span>"
        for role, look in ROLES.items()
    )
    numbers = (
        f'<span style="{_number_style("quote")}">1</span> quote 1 starts; '
        f'<span style="{_number_style("speaker")}">1</span> speaker of quote 1'
    )
    return (
        f'<div class="qa-legend" style="margin:4px 0 8px 0;font-size:0.85em;">{items}'
        f'<span style="margin-left:4px;">{numbers}</span></div>'
    )


def _table_html(result: QuoteResult, prefix: str) -> str:
    if not result.quotes:
        return '<p class="qa-empty">No quotes found.</p>'
    header = "".join(
        f'<th style="{_STYLE_CELL}">{name}</th>'
        for name in ("#", "speaker", "kind", "quote", "cue", "sources")
    )
    rows = []
    for number, quote in enumerate(result.quotes, 1):
        cue = "—" if quote.cue is None else escape(quote.cue.text)
        if quote.hedge:
            cue += f' <span style="color:#666;">({escape(quote.hedge)})</span>'
        cells = (
            f'<a href="#{prefix}-q{number}" style="{_number_style("quote")}">{number}</a>',
            escape(entity_label(quote.speaker)),
            f'<span style="{mark_style(quote.kind.value)}padding:0 3px;">'
            f"{escape(quote.kind.value)}</span>",
            escape(quote.text),
            cue,
            escape(sources_label(quote) or "—"),
        )
        row = "".join(f'<td style="{_STYLE_CELL}">{cell}</td>' for cell in cells)
        rows.append(
            f'<tr id="{prefix}-row{number}" title="{escape(quote_title(number, quote))}">{row}</tr>'
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
        escape(id_prefix)
        if id_prefix is not None
        else f"quoteattr-{next(_ids)}-{uuid.uuid4().hex[:8]}"
    )
    count = len(result.quotes)
    summary = (
        f"{count} quote{'s' if count != 1 else ''}, {len(result.entities)} "
        f"entit{'ies' if len(result.entities) != 1 else 'y'}"
    )
    return (
        f'<div class="quoteattr" id="{prefix}" style="font-family:inherit;line-height:1.8;">'
        f'<div class="qa-summary" style="font-weight:600;">quoteattr: {summary}</div>'
        f"{_legend_html()}"
        '<div class="qa-article" style="white-space:pre-wrap;">'
        f"{_article_html(result, prefix)}</div>"
        f"{_table_html(result, prefix)}"
        "</div>"
    )
