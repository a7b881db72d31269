"""The roles a view shows (three quote kinds, speaker, cue, addressee, source) and how each looks:
one table, read by the notebook view, its legend and the span view.

Each role differs from the others by more than its hue: the quote kinds by their line (direct:
solid, indirect: dashed, mixed: double), the entity roles by their frame and type (speaker: solid
frame, bold; cue: white on dark green, bold; addressee: dashed frame; source: dotted frame, italic).
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Role:
    """How one role looks.

    Attributes:
        name (str): what the legend calls it ("direct quote").
        fill (str): the background colour (light, dark text on it; dark for the cue).
        ink (str): the colour of its line or frame (and of its text where `text` says so).
        line (str): the CSS border style of its line or frame (`solid`, `dashed`, `double`,
            `dotted`).
        text (str): the colour of text on `fill`.
        bold (bool): text in bold.
        italic (bool): text in italics.
    """

    name: str
    fill: str
    ink: str
    line: str
    text: str = "#111"
    bold: bool = False
    italic: bool = False

    def font_css(self) -> str:
        return (
            f"color:{self.text};"
            + ("font-weight:700;" if self.bold else "")
            + ("font-style:italic;" if self.italic else "")
        )


QUOTE_KINDS = ("direct", "indirect", "mixed")

ROLES: dict[str, Role] = {
    "direct": Role("direct quote", fill="#fef08a", ink="#a16207", line="solid"),
    "indirect": Role("indirect quote", fill="#e5e7eb", ink="#4b5563", line="dashed"),
    "mixed": Role("mixed quote", fill="#fbcfe8", ink="#be185d", line="double"),
    "speaker": Role("speaker", fill="#bfdbfe", ink="#1d4ed8", line="solid", bold=True),
    "cue": Role("cue", fill="#166534", ink="#166534", line="solid", text="#fff", bold=True),
    "addressee": Role("addressee", fill="#ede9fe", ink="#7c3aed", line="dashed"),
    "source": Role("source", fill="#ccfbf1", ink="#0f766e", line="dotted", italic=True),
}

# The background colour of each role (kept from earlier versions, where colour was all there was).
ROLE_COLOURS: dict[str, str] = {role: style.fill for role, style in ROLES.items()}

# Nesting order inside a piece of text: quotes outermost, then the roles; the innermost colour
# shows.
NESTING = {
    "direct": 0,
    "indirect": 0,
    "mixed": 0,
    "source": 1,
    "addressee": 2,
    "speaker": 3,
    "cue": 4,
}
