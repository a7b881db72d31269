"""Readable tables of the quotes, one per document: what `quoteattr extract` prints to a terminal.

The columns are `TABLE_COLUMNS`, in order: each has a header, how to read its cell from one quote
(`Quote.to_dict()`) and how rich lays it out. To add a column, add one `TableColumn` there. The
tables are drawn with rich (which typer brings), in colour on a terminal and as plain text
elsewhere; rich is imported when the first table is drawn.
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from typing import IO, Any

from attrs import field, frozen

from .columns import sources_text, value_at

__all__ = ["TABLE_COLUMNS", "TABLE_WIDTH", "TableColumn", "TableWriter", "render_document"]

TABLE_WIDTH = 120  # characters, when the output is not a terminal (which gives its own width)
MISSING = "-"


@frozen
class TableColumn:
    """One column of the table: its header, its cell of a quote, and rich's layout settings
    (`rich.table.Column` keyword arguments: `ratio`, `min_width`, `justify`, `no_wrap`...)."""

    header: str
    cell: Callable[[dict[str, Any]], Any]
    layout: dict[str, Any] = field(factory=dict)


def speaker_cell(quote: dict[str, Any]) -> str:
    """The speaker's name and, when other words name them, the mention: `Xi Jinping ("President
    Xi")`; an unresolved mention alone, quoted (`"a source" (unresolved)`); `-` for no speaker."""
    speaker = quote.get("speaker")
    if not speaker:
        return MISSING
    name = speaker.get("name")
    mention = (speaker.get("mention") or {}).get("text")
    if name is None:
        return f'"{mention}" (unresolved)' if mention else MISSING
    return name if mention in (None, name) else f'{name} ("{mention}")'


def _one_line(read: Callable[[dict[str, Any]], Any]) -> Callable[[dict[str, Any]], str]:
    """A cell as one paragraph: runs of whitespace (a quote's line breaks) as one space."""

    def cell(quote: dict[str, Any]) -> str:
        value = read(quote)
        return MISSING if value in (None, "") else " ".join(str(value).split())

    return cell


def _sources(quote: dict[str, Any]) -> str:
    """The sources as in CSV, relations in words: "Xinhua (according to)"."""
    return sources_text(quote).replace("_", " ")


# The table's columns, in order (after the quote's number). The one place to change them.
TABLE_COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("speaker", speaker_cell, {"ratio": 3}),
    TableColumn("cue", _one_line(value_at("cue", "text"))),  # short: as wide as its words
    TableColumn("kind", _one_line(value_at("kind")), {"no_wrap": True}),
    TableColumn("category", _one_line(value_at("category")), {"no_wrap": True}),
    TableColumn("sources", _one_line(_sources), {"ratio": 3}),
    TableColumn("hedge", _one_line(value_at("hedge"))),
    TableColumn("quote", _one_line(value_at("text")), {"ratio": 9}),
)


def render_document(
    doc_id: Any, quotes: list[dict[str, Any]], *, width: int = TABLE_WIDTH, color: bool = False
) -> str:
    """One document as text: a heading line (its id and how many quotes), then a table of its
    quotes, numbered from 1, with `TABLE_COLUMNS`; a document without quotes is its heading only.
    """
    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
    )
    count = len(quotes)
    heading = Text(str(doc_id), style="bold")
    heading.append(f": {count} quote{'' if count == 1 else 's'}" if count else ": no quotes")
    console.print(heading)
    if quotes:
        table = Table(
            box=box.SIMPLE_HEAD,
            expand=True,  # the ratios share out the width the other columns leave
            show_edge=False,
            pad_edge=False,
            collapse_padding=True,
        )
        table.add_column("#", justify="right", no_wrap=True)
        for column in TABLE_COLUMNS:
            table.add_column(column.header, **{"overflow": "fold", **column.layout})
        for number, quote in enumerate(quotes, 1):
            # Text, not str: rich would read "[...]" in an article as markup
            table.add_row(str(number), *(Text(str(column.cell(quote))) for column in TABLE_COLUMNS))
        console.print(table)
    return buffer.getvalue()


class TableWriter:
    """A table per document (`render_document`), a blank line between documents. On a terminal:
    its width, in colour; elsewhere `TABLE_WIDTH` characters of plain text."""

    format = "table"

    def __init__(self, stream: IO[bytes], *, width: int | None = None) -> None:
        self.stream = stream
        self.color = _isatty(stream)
        self.width = width or (
            shutil.get_terminal_size((TABLE_WIDTH, 24)).columns if self.color else TABLE_WIDTH
        )
        self.count = 0

    def write(self, doc_id: Any, quotes: list[dict[str, Any]]) -> None:
        text = render_document(doc_id, quotes, width=self.width, color=self.color)
        self.stream.write((("\n" if self.count else "") + text).encode("utf-8"))
        self.stream.flush()
        self.count += 1

    def finish(self) -> None:
        """Nothing to end: every table is whole."""


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False
