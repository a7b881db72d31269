"""The span view (`quoteattr.render`): the article as written, one block per paragraph, each
quote, speaker, cue, addressee and source underlined in a lane of its own and labelled where it
starts ("DIRECT 1", "SPEAKER 9, 10").

The text is the input's own characters (its spacing, its punctuation: "2024-10-02", "Russia's"),
not tokens joined with spaces as displaCy's span view draws them. Labels are small boxes in the
flow of the text, just before the words they label, so they never overlap each other or the
text; the lines under the words are spaced by lane, and each paragraph's line height leaves room
for its lanes. Self-contained HTML (inline styles, no JavaScript).
"""

from __future__ import annotations

import html
import itertools
from typing import TYPE_CHECKING

from ..records import QuoteResult
from .layers import Layer, layer_label, layer_title, layers, paragraphs
from .roles import NESTING, ROLES

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

LANE_PX = 6  # the distance between two lanes' lines
LINE_PX = 4  # the thickness of a line (a double line needs at least 3)

_STYLE_VIEW = (
    "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Helvetica,Arial,sans-serif;"
    "font-size:16px;color:#111;direction:ltr;"
)
_STYLE_LABEL = (
    "font-size:0.65em;font-weight:700;font-style:normal;line-height:1;padding:1px 4px;"
    "margin:0 3px 0 1px;border-radius:3px;white-space:nowrap;vertical-align:middle;"
)


def lanes(found: dict[Layer, list[int]]) -> dict[Layer, int]:
    """A lane for every highlight: the lowest one that no overlapping highlight holds (longer
    highlights first, so that a quote lies under the speaker and cue inside it)."""
    order = sorted(found, key=lambda key: (key[1], -(key[2] - key[1]), NESTING[key[0]], key[0]))
    taken: dict[Layer, int] = {}
    for key in order:
        busy = {lane for other, lane in taken.items() if other[1] < key[2] and key[1] < other[2]}
        taken[key] = next(lane for lane in itertools.count() if lane not in busy)
    return taken


def _text(value: str) -> str:
    return html.escape(value, quote=False)  # text, not an attribute: apostrophes stay as they are


def _open(key: Layer, label: str, lane: int) -> str:
    look = ROLES[key[0]]
    style = f"border-bottom:{LINE_PX}px {look.line} {look.ink};padding-bottom:{lane * LANE_PX}px;"
    return (
        f'<span class="qa-span qa-{key[0]}" data-label="{html.escape(label)}" '
        f'data-lane="{lane}" style="{style}">'
    )


def _label(key: Layer, label: str, title: str) -> str:
    look = ROLES[key[0]]
    style = (
        f"{_STYLE_LABEL}background:{look.fill};color:{look.text};border:1px {look.line} {look.ink};"
    )
    return (
        f'<span class="qa-label" title="{html.escape(title)}" style="{style}">{_text(label)}</span>'
    )


def span_html(result: QuoteResult) -> str:
    """The span view of a result as one self-contained `<div class="qa-spans">`."""
    found = layers(result)
    lane_of = lanes(found)
    labels = {key: layer_label(key[0], numbers) for key, numbers in found.items()}
    titles = {key: layer_title(key[0], numbers, result) for key, numbers in found.items()}
    text = result.text
    labelled: set[Layer] = set()
    blocks: list[str] = []
    for first, last in paragraphs(text):
        here = [key for key in found if key[1] < last and first < key[2]]
        bounds = sorted(
            {first, last, *(max(first, min(offset, last)) for key in here for offset in key[1:])}
        )
        out: list[str] = []
        for start, end in itertools.pairwise(bounds):
            covering = sorted(
                (key for key in here if key[1] < end and start < key[2]),
                key=lambda key: (lane_of[key], key),
            )
            new = [key for key in covering if key not in labelled]
            old = [key for key in covering if key in labelled]
            # The labels of the highlights that start here, inside those that go on.
            out.extend(_open(key, labels[key], lane_of[key]) for key in old)
            out.extend(_label(key, labels[key], titles[key]) for key in new)
            out.extend(_open(key, labels[key], lane_of[key]) for key in new)
            out.append(_text(text[start:end]))
            out.append("</span>" * len(covering))
            labelled.update(new)
        depth = 1 + max((lane_of[key] for key in here), default=-1)
        style = (
            f"white-space:pre-wrap;margin:0 0 0.8em 0;"
            f"line-height:calc(1.8em + {depth * LANE_PX}px);"
        )
        blocks.append(f'<div class="qa-paragraph" style="{style}">{"".join(out)}</div>')
    return f'<div class="qa-spans" style="{_STYLE_VIEW}">{"".join(blocks)}</div>'


def _as_result(result_or_doc: QuoteResult | Doc) -> QuoteResult:
    if isinstance(result_or_doc, QuoteResult):
        return result_or_doc
    from spacy.tokens import Doc

    if isinstance(result_or_doc, Doc):
        from ..extensions import result_from_doc

        return result_from_doc(result_or_doc)
    raise TypeError(
        f"render() takes a QuoteResult (from quoteattr.extract) or a Doc processed by quoteattr, "
        f"got {type(result_or_doc).__name__}."
    )


def render(result_or_doc: QuoteResult | Doc, *, jupyter: bool | None = None) -> str | None:
    """Show quotes, speakers, cues, addressees and sources as labelled spans over the article.

    Args:
        result_or_doc (QuoteResult | Doc): what `quoteattr.extract` returned, or a Doc processed by
            a pipeline with the `quoteattr` component.
        jupyter (bool | None): display in Jupyter; default: when running in Jupyter.
    RETURNS (str | None): the HTML markup (`span_html`), or None when it was displayed in Jupyter.
    RAISES (ValueError): a Doc that the `quoteattr` component did not process.
    """
    markup = span_html(_as_result(result_or_doc))
    if jupyter is None:
        from spacy.util import is_in_jupyter

        jupyter = is_in_jupyter()
    if not jupyter:
        return markup
    from IPython.display import HTML, display

    display(HTML(markup))
    return None
