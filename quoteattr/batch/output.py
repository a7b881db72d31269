"""Writing results: JSON lines, CSV rows, one JSON array or readable tables (`.table`), a whole
document at a time, and reading back which documents an existing output holds, so that an
interrupted run can be resumed (JSON lines and CSV).

Writers write one document at a time, each with a single write and a flush, so that an interrupted
run leaves only whole documents, plus at most one partial last line; `read_done` reads the ids of
an existing output back (cutting such a partial line off).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .columns import COLUMNS, empty_row, flatten_quote
from .io import FORMATS, RESUMABLE_FORMATS, id_text

if TYPE_CHECKING:  # pragma: no cover
    from .table import TableWriter

__all__ = [
    "CsvWriter",
    "JsonWriter",
    "JsonlWriter",
    "OutputError",
    "RESUMABLE_FORMATS",
    "open_writer",
    "read_done",
]


class JsonlWriter:
    """`{"id": ..., "quotes": [...]}` per document, one line each."""

    format = "jsonl"

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def write(self, doc_id: Any, quotes: list[dict[str, Any]]) -> None:
        line = json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n"
        _write(self.stream, line)

    def finish(self) -> None:
        """Nothing to end: every line is whole."""


class JsonWriter:
    """One JSON array of `{"id": ..., "quotes": [...]}` objects, indented, for reading or for tools
    that take one JSON document; it is whole once `finish` has written its closing bracket (an
    interrupted run leaves it open, so it cannot be resumed: use JSON lines for that)."""

    format = "json"

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, doc_id: Any, quotes: list[dict[str, Any]]) -> None:
        text = json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False, indent=2)
        _write(self.stream, ("[\n" if not self.count else ",\n") + text)
        self.count += 1

    def finish(self) -> None:
        _write(self.stream, "\n]\n" if self.count else "[]\n")


class CsvWriter:
    """One row per quote with the columns `COLUMNS`, and one row for a document without quotes,
    with its id and the quote columns empty; the header is written first unless `header` is False
    (appending to a file that has it)."""

    format = "csv"

    def __init__(self, stream: IO[bytes], *, header: bool = True) -> None:
        self.stream = stream
        if header:
            _write(self.stream, self._rows([dict(zip(COLUMNS, COLUMNS))]))

    @staticmethod
    def _rows(rows: Iterable[dict[str, Any]]) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\n")
        writer.writerows(rows)
        return buffer.getvalue()

    def write(self, doc_id: Any, quotes: list[dict[str, Any]]) -> None:
        doc_id = id_text(doc_id)
        rows = [flatten_quote(doc_id, quote) for quote in quotes] or [empty_row(doc_id)]
        _write(self.stream, self._rows(rows))

    def finish(self) -> None:
        """Nothing to end: every row is whole."""


def _write(stream: IO[bytes], text: str) -> None:
    """One write and a flush: a document reaches the file whole, or (killed mid-write) as the
    partial last line that `read_done` cuts off."""
    stream.write(text.encode("utf-8"))
    stream.flush()


def open_writer(
    output: str | Path | None, output_format: str, *, append: bool = False
) -> tuple[JsonlWriter | CsvWriter | JsonWriter | TableWriter, IO[bytes] | None]:
    """A writer to `output` (standard output if None), and the file to close (None for stdout).
    Call the writer's `finish()` after the last document.

    With `append` (JSON lines and CSV only) the file is extended (after `read_done`), and a CSV
    header is written only into an empty file.
    """
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}: use one of {', '.join(FORMATS)}")
    if append and output_format not in RESUMABLE_FORMATS:
        raise ValueError(f"{output_format} output cannot be appended to")
    if output is None:
        stream: IO[bytes] = _stdout()
        opened = None
    else:
        stream = opened = open(output, "ab" if append else "wb")  # noqa: SIM115 - returned
    if output_format == "jsonl":
        return JsonlWriter(stream), opened
    if output_format == "json":
        return JsonWriter(stream), opened
    if output_format == "table":
        from .table import TableWriter

        return TableWriter(stream), opened
    empty = opened is None or opened.tell() == 0
    return CsvWriter(stream, header=empty), opened


def _stdout() -> IO[bytes]:
    return getattr(sys.stdout, "buffer", sys.stdout)


# ------------------------------------------------------------------------------------- resuming


class OutputError(ValueError):
    """An existing output file that is not quoteattr output in the expected format."""


def read_done(path: str | Path, output_format: str) -> Counter[str]:
    """How many times each id (as `id_text`) is in an existing output, for `--resume`.

    A trailing partial line, left by an interrupted write, is cut off the file. In CSV the rows of
    the last document are cut off as well (they may be only some of its quotes), so that document
    is done again (a document without quotes has one row, with its id). A missing file has no
    ids.

    RAISES (OutputError): the file is not output of this format.
    """
    path = Path(path)
    if not path.exists():
        return Counter()
    with open(path, "rb") as lines:
        done, keep = (_done_jsonl if output_format == "jsonl" else _done_csv)(lines, path)
    if keep < path.stat().st_size:
        os.truncate(path, keep)
    return done


def _whole_lines(lines: Iterable[bytes], ends: list[int]) -> Iterator[bytes]:
    """The lines up to a last line without its line end; `ends[0]` follows the bytes yielded."""
    for raw in lines:
        if not raw.endswith(b"\n"):
            return
        ends[0] += len(raw)
        yield raw


def _done_jsonl(lines: Iterable[bytes], path: Path) -> tuple[Counter[str], int]:
    done: Counter[str] = Counter()
    ends = [0]
    for number, raw in enumerate(_whole_lines(lines, ends), 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except ValueError:
            record = None
        if not isinstance(record, dict) or "id" not in record:
            raise OutputError(f"{path}:{number} is not a line of quoteattr's JSON lines output")
        done[id_text(record["id"])] += 1
    return done, ends[0]


def _done_csv(lines: Iterable[bytes], path: Path) -> tuple[Counter[str], int]:
    ends = [0]
    whole = _whole_lines(lines, ends)
    reader = csv.reader((raw.decode("utf-8") for raw in whole), strict=True)
    rows: list[tuple[str, int]] = []  # the id of each row, and where the row starts in the file
    start = 0
    try:
        header = next(reader, None)
        if header is None:
            return Counter(), 0
        if tuple(header) != COLUMNS:
            raise OutputError(f"{path} does not start with quoteattr's CSV header")
        start = ends[0]
        for row in reader:
            rows.append((row[0], start))
            start = ends[0]
    except csv.Error as error:
        # A quoted field still open at the end is a partial row: drop it. Anywhere else, the
        # file is not ours.
        if next(whole, None) is not None:
            raise OutputError(f"{path} is not quoteattr's CSV output ({error})") from None
    except UnicodeDecodeError:
        raise OutputError(f"{path} is not UTF-8, so not quoteattr's output") from None
    if not rows:
        return Counter(), start
    last = rows[-1][0]
    while rows and rows[-1][0] == last:
        keep = rows.pop()[1]
    done: Counter[str] = Counter()
    previous = None
    for doc_id, _ in rows:
        if doc_id != previous:
            done[doc_id] += 1
        previous = doc_id
    return done, keep
