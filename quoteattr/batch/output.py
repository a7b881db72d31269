"""Writing results: JSON lines or CSV rows, a whole document at a time, and reading back which
documents an existing output holds, so that an interrupted run can be resumed.

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
from typing import IO, Any

from .columns import COLUMNS, flatten_quote
from .io import FORMATS, id_text

__all__ = ["CsvWriter", "JsonlWriter", "OutputError", "open_writer", "read_done"]


class JsonlWriter:
    """`{"id": ..., "quotes": [...]}` per document, one line each."""

    format = "jsonl"

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream

    def write(self, doc_id: Any, quotes: list[dict[str, Any]]) -> None:
        line = json.dumps({"id": doc_id, "quotes": quotes}, ensure_ascii=False) + "\n"
        _write(self.stream, line)


class CsvWriter:
    """One row per quote with the columns `COLUMNS` (a document without quotes writes nothing);
    the header is written first unless `header` is False (appending to a file that has it)."""

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
        text = self._rows(flatten_quote(id_text(doc_id), quote) for quote in quotes)
        if text:
            _write(self.stream, text)


def _write(stream: IO[bytes], text: str) -> None:
    """One write and a flush: a document reaches the file whole, or (killed mid-write) as the
    partial last line that `read_done` cuts off."""
    stream.write(text.encode("utf-8"))
    stream.flush()


def open_writer(
    output: str | Path | None, output_format: str, *, append: bool = False
) -> tuple[JsonlWriter | CsvWriter, IO[bytes] | None]:
    """A writer to `output` (standard output if None), and the file to close (None for stdout).

    With `append` the file is extended (after `read_done`), and a CSV header is written only into
    an empty file.
    """
    if output_format not in FORMATS:
        raise ValueError(f"unknown format {output_format!r}: use one of {', '.join(FORMATS)}")
    if output is None:
        stream: IO[bytes] = _stdout()
        opened = None
    else:
        stream = opened = open(output, "ab" if append else "wb")  # noqa: SIM115 - returned
    if output_format == "jsonl":
        return JsonlWriter(stream), opened
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
    is done again; documents without quotes have no rows, and are done again too. A missing file
    has no ids.

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
