"""Reading documents, for batch runs and the command line (writing them: `quoteattr.batch.output`).

Readers turn the paths of `quoteattr extract` into one stream of `Document`s and `Failure`s in
input order: a record that cannot be read (a line that is not JSON, a file that is not UTF-8, a
record without a string "text") becomes a `Failure` saying where and why, and reading goes on.

- a `.jsonl` (or `.ndjson`) file: one document per line, `{"id": ..., "text": str}`; the id is the
  line number (from 1) when the record has none;
- a folder: every `*.txt` file below it, sorted by path; the id is the path relative to the folder;
- any other file: one document, the whole file; the id is the path as given;
- `-`: standard input, JSON lines if its first non-blank line is a JSON object with "text",
  otherwise one document (id `-`).

Text files are decoded as UTF-8 (a leading byte order mark is dropped) and never have their line
ends translated, so offsets are into the text exactly as it is in the file.

The CSV form of the output has one row per quote (and one, with the id alone, per document
without quotes); `COLUMNS` and `flatten_quote` (from `.columns`) define it, for any other table
(a DataFrame) too.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import IO, Any

from attrs import frozen

from .columns import COLUMNS, CSV_COLUMNS, QUOTE_COLUMNS, flatten_quote  # noqa: F401  (re-exported)

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "FORMATS",
    "REASON_LENGTH",
    "RESUMABLE_FORMATS",
    "STDIN",
    "Document",
    "Failure",
    "count_documents",
    "empty_folders",
    "flatten_quote",
    "id_text",
    "missing_paths",
    "pipeline_failure",
    "read_folder",
    "read_inputs",
    "read_jsonl",
    "read_stdin",
    "read_text_file",
    "short_reason",
]

STDIN = "-"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FORMATS = ("jsonl", "csv", "json", "table")  # what `quoteattr.batch.output.open_writer` writes
RESUMABLE_FORMATS = ("jsonl", "csv")  # those `read_done` reads back, for --resume


@frozen
class Document:
    """One text to process, and where it came from (`source`, and `line` for JSON lines)."""

    id: Any
    text: str
    source: str
    line: int | None = None


@frozen
class Failure:
    """A document that could not be read or processed: where it is, and why."""

    source: str
    reason: str
    line: int | None = None
    id: Any = None

    def describe(self) -> str:
        """One line for the user: `data.jsonl:3 (id "a3"): not valid JSON (...); skipped`."""
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        if self.id is not None and self.id != self.source and self.id != self.line:
            where += f" (id {json.dumps(self.id, ensure_ascii=False)})"
        return f"{where}: {self.reason}; skipped"


REASON_LENGTH = 500  # characters of an error message kept in a failure's reason


def short_reason(message: str) -> str:
    """An error message on one line, cut to `REASON_LENGTH` characters."""
    message = " ".join(message.split())
    if len(message) > REASON_LENGTH:
        message = message[: REASON_LENGTH - 1] + "…"
    return message


def pipeline_failure(document: Document, reason: str) -> Failure:
    """The `Failure` of a document the pipeline could not process: "failed in the pipeline
    (reason)"."""
    return Failure(
        document.source, f"failed in the pipeline ({reason})", document.line, document.id
    )


def id_text(doc_id: Any) -> str:
    """An id as text, as in the CSV id column: strings as they are, anything else as JSON."""
    return doc_id if isinstance(doc_id, str) else json.dumps(doc_id, ensure_ascii=False)


# ---------------------------------------------------------------------------------------- reading


def missing_paths(paths: Sequence[str]) -> list[str]:
    """The paths (other than `-`) that do not exist."""
    return [path for path in paths if path != STDIN and not Path(path).exists()]


def empty_folders(paths: Sequence[str]) -> list[str]:
    """The folders among `paths` that have no `*.txt` file below them (nothing to read)."""
    return [path for path in paths if Path(path).is_dir() and not _txt_files(Path(path))]


def read_inputs(
    paths: Sequence[str], *, stdin: IO[bytes] | None = None
) -> Iterator[Document | Failure]:
    """The documents of all `paths`, in order (see the module's docstring for the kinds of path)."""
    for path in paths:
        if path == STDIN:
            yield from read_stdin(stdin if stdin is not None else _stdin())
        elif Path(path).is_dir():
            yield from read_folder(path)
        elif Path(path).suffix.lower() in JSONL_SUFFIXES:
            yield from read_jsonl_file(path)
        else:
            yield read_text_file(path, doc_id=path)


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents (and failures) `read_inputs(paths)` will give; None with stdin."""
    if STDIN in paths:
        return None
    total = 0
    for path in paths:
        if Path(path).is_dir():
            total += sum(1 for _ in _txt_files(Path(path)))
        elif Path(path).suffix.lower() in JSONL_SUFFIXES:
            try:
                with open(path, "rb") as lines:
                    total += sum(1 for line in lines if line.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_text_file(path: str | Path, *, doc_id: Any) -> Document | Failure:
    """The whole file as one document, or a Failure if it cannot be read or is not UTF-8."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Failure(str(path), f"cannot read the file ({error.strerror or error})", id=doc_id)
    text = _decode(data)
    if isinstance(text, UnicodeDecodeError):
        return Failure(str(path), _not_utf8(text, "of the file"), id=doc_id)
    return Document(doc_id, text, str(path))


def _txt_files(folder: Path) -> list[tuple[str, Path]]:
    files = ((path.relative_to(folder).as_posix(), path) for path in folder.rglob("*.txt"))
    return sorted((name, path) for name, path in files if path.is_file())


def read_folder(folder: str | Path) -> Iterator[Document | Failure]:
    """Every `*.txt` file below `folder`, sorted by path; ids are paths relative to `folder`."""
    for name, path in _txt_files(Path(folder)):
        yield read_text_file(path, doc_id=name)


def read_jsonl_file(path: str | Path) -> Iterator[Document | Failure]:
    try:
        lines = open(path, "rb")  # noqa: SIM115 - closed below, after the lazy read
    except OSError as error:
        yield Failure(str(path), f"cannot read the file ({error.strerror or error})")
        return
    with lines:
        yield from read_jsonl(lines, str(path))


def read_jsonl(lines: Iterable[bytes], source: str) -> Iterator[Document | Failure]:
    """One document per non-blank line of JSON lines (given as bytes, so that a line that is not
    UTF-8 fails alone); line numbers count from 1."""
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        line = _decode(raw)
        if isinstance(line, UnicodeDecodeError):
            yield Failure(source, _not_utf8(line, "of the line"), number)
            continue
        try:
            record = json.loads(line.strip())
        except ValueError as error:
            yield Failure(source, f"not valid JSON ({error})", number)
            continue
        yield _document(record, source, number)


def _document(record: Any, source: str, line: int) -> Document | Failure:
    if not isinstance(record, dict):
        return Failure(source, f'a JSON {_json_type(record)}, not an object with "text"', line)
    doc_id = record.get("id")
    if doc_id is None:
        doc_id = line
    if "text" not in record:
        return Failure(source, 'no "text" field', line, doc_id)
    text = record["text"]
    if not isinstance(text, str):
        return Failure(source, f'"text" is a JSON {_json_type(text)}, not a string', line, doc_id)
    return Document(doc_id, text, source, line)


def read_stdin(stream: IO[bytes]) -> Iterator[Document | Failure]:
    """JSON lines if the first non-blank line is a JSON object with "text", else one text `-`.

    JSON lines are read lazily, line by line; a text is read whole.
    """
    lines = iter(stream)
    head: list[bytes] = []
    for raw in lines:
        head.append(raw)
        if raw.strip():
            break
    if head and _is_record(head[-1]):
        yield from read_jsonl(chain(head, lines), STDIN)
        return
    text = _decode(b"".join(chain(head, lines)))
    if isinstance(text, UnicodeDecodeError):
        yield Failure(STDIN, _not_utf8(text, "of standard input"), id=STDIN)
    else:
        yield Document(STDIN, text, STDIN)


def _stdin() -> IO[bytes]:
    return getattr(sys.stdin, "buffer", sys.stdin)


def _is_record(raw: bytes) -> bool:
    try:
        record = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
    except ValueError:  # UnicodeDecodeError is a ValueError too
        return False
    return isinstance(record, dict) and "text" in record


def _decode(data: bytes) -> str | UnicodeDecodeError:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return error


def _not_utf8(error: UnicodeDecodeError, where: str) -> str:
    return f"not UTF-8 text ({error.reason} at byte {error.start} {where})"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"
