"""`quoteattr extract`'s output formats (table, JSON lines, CSV, JSON) and `--text`.

The table is checked on hand-built quote dicts (`render_document`), in process (`--format table`)
and through the installed script on a pseudo-terminal, where it is the default.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoteattr.batch import table
from quoteattr.cli import app

RUIZ = 'Mayor Ines Ruiz said the bridge would reopen in May. "We are ready," she told reporters.'
QUIET = "The weather was mild and the market was busy all week."
LONG = (
    "Mayor Ines Ruiz said the bridge would reopen in May, after a winter of repairs that cost the "
    "city more than it had planned and closed the main road to the harbour for four months."
)
ENTRY_POINT = shutil.which("quoteattr", path=str(Path(sys.executable).parent))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def column(text: str, header: str, heading_line: int = 1) -> str:
    """The words of one column of a rendered table, across its wrapped lines, by the position of
    its header."""
    lines = text.splitlines()
    headers = lines[heading_line]
    starts = [match.start() for match in re.finditer(r"\S+", headers)]
    index = headers.split().index(header)
    start, end = starts[index], (starts + [None])[index + 1]
    body = lines[heading_line + 2 :]
    return " ".join(" ".join(line[start:end].split()) for line in body if line[start:end].strip())


def invoke(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


QUOTES = [
    {
        "kind": "indirect",
        "category": "statement",
        "text": "the plan\nwould fail",
        "speaker": {"name": "Ines Ruiz", "mention": {"text": "Mayor Ines Ruiz"}},
        "cue": {"text": "said"},
        "sources": [{"name": "Xinhua", "relation": "according_to"}],
        "hedge": "reportedly",
    },
    {
        "kind": "direct",
        "category": "statement",
        "text": "No.",
        "speaker": {"name": None, "mention": {"text": "a source"}},
        "cue": None,
        "sources": [],
        "hedge": None,
    },
    {
        "kind": "direct",
        "category": "thought",
        "text": "Why?",
        "speaker": None,
        "cue": None,
        "sources": [],
        "hedge": None,
    },
]


def test_render_document_has_a_row_per_quote_with_every_column() -> None:
    text = table.render_document("doc-1", QUOTES, width=120)
    lines = text.splitlines()
    assert lines[0] == "doc-1: 3 quotes"
    assert lines[1].split() == [
        "#",
        "speaker",
        "cue",
        "kind",
        "category",
        "sources",
        "hedge",
        "quote",
    ]
    rows = [line for line in lines[3:] if re.match(r"\s*\d+\s", line)]
    assert [row.split()[0] for row in rows] == ["1", "2", "3"]
    assert column(text, "speaker") == 'Ines Ruiz ("Mayor Ines Ruiz") "a source" (unresolved) -'
    assert column(text, "cue") == "said - -"
    assert column(text, "kind") == "indirect direct direct"
    assert column(text, "category") == "statement statement thought"
    assert column(text, "sources") == "Xinhua (according to) - -"
    assert column(text, "hedge") == "reportedly - -"
    assert column(text, "quote") == "the plan would fail No. Why?"  # line breaks as spaces
    assert all(len(line) <= 120 for line in lines)


def test_cells_are_text_not_markup() -> None:
    quote = {**QUOTES[2], "text": "[bold]Vote[/bold] for [red] now", "hedge": "[dim]"}
    text = table.render_document("[d]", [quote], width=120)
    assert text.startswith("[d]: 1 quote\n")
    assert column(text, "quote") == "[bold]Vote[/bold] for [red] now"
    assert column(text, "hedge") == "[dim]"


def test_a_document_without_quotes_is_its_heading() -> None:
    assert table.render_document(7, []) == "7: no quotes\n"


def test_long_quotes_wrap_within_the_width() -> None:
    quote = {**QUOTES[0], "text": LONG}
    lines = table.render_document("d", [quote], width=80).splitlines()
    assert len(lines) > 4 and all(len(line) <= 80 for line in lines)
    assert " ".join(" ".join(lines).split()).count("four months.") == 1


def test_a_column_is_one_entry_of_table_columns(monkeypatch) -> None:
    """How a column (e.g. a quote's category) is added: one `TableColumn` in `TABLE_COLUMNS`."""
    extra = table.TableColumn("confidence", lambda quote: quote.get("confidence", "?"))
    monkeypatch.setattr(table, "TABLE_COLUMNS", (*table.TABLE_COLUMNS, extra))
    header = table.render_document("d", [{**QUOTES[0], "confidence": 0.95}]).splitlines()[1]
    assert header.split()[-1] == "confidence"


def test_format_table_in_process(tmp_path: Path) -> None:
    (tmp_path / "ruiz.txt").write_text(RUIZ, encoding="utf-8")
    (tmp_path / "calm.txt").write_text(QUIET, encoding="utf-8")
    result = invoke("extract", str(tmp_path), "--format", "table", "--quiet")
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("calm.txt: no quotes\n\nruiz.txt: 2 quotes\n")
    ruiz = out.split("\n\n", 1)[1]
    assert column(ruiz, "speaker") == 'Ines Ruiz ("Mayor Ines Ruiz") Ines Ruiz ("she")'
    assert column(ruiz, "quote") == "the bridge would reopen in May We are ready,"
    assert "\x1b[" not in out  # no colour outside a terminal


def test_format_json_is_one_array(tmp_path: Path) -> None:
    result = invoke("extract", "--text", RUIZ, "--format", "json", "--quiet")
    assert result.exit_code == 0
    (document,) = json.loads(result.stdout)
    assert document["id"] == "text" and len(document["quotes"]) == 2
    # by the --output suffix, and an empty input is an empty array
    out = tmp_path / "quotes.json"
    (tmp_path / "blank.jsonl").write_text("", encoding="utf-8")
    assert invoke("extract", str(tmp_path / "blank.jsonl"), "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8")) == []


def test_text_gives_one_document_with_the_id_text() -> None:
    result = invoke("extract", "--text", RUIZ)  # not a terminal: JSON lines
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    document = json.loads(line)
    assert document["id"] == "text"
    assert {quote["speaker"]["name"] for quote in document["quotes"]} == {"Ines Ruiz"}


def _on_a_terminal(*args: str, columns: int = 100) -> tuple[int, str, str]:
    """Run the script with stdout on a pseudo-terminal `columns` wide; (status, stdout, stderr)."""
    import fcntl
    import pty
    import struct
    import termios

    if ENTRY_POINT is None:
        pytest.skip("the quoteattr script is not installed")
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**os.environ, "COLUMNS": str(columns), "TERM": "xterm"}
    process = subprocess.Popen(
        [ENTRY_POINT, *args], stdout=follower, stderr=subprocess.PIPE, env=env
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    return process.returncode, ANSI.sub("", b"".join(chunks).decode()).replace("\r", ""), stderr


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_a_terminal_gets_a_table_and_a_pipe_json_lines() -> None:
    status, out, err = _on_a_terminal("extract", "--text", RUIZ)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0] == "text: 2 quotes"
    assert lines[1].split() == [
        "#",
        "speaker",
        "cue",
        "kind",
        "category",
        "sources",
        "hedge",
        "quote",
    ]
    assert column(out, "speaker") == 'Ines Ruiz ("Mayor Ines Ruiz") Ines Ruiz ("she")'
    assert column(out, "cue") == "said told"
    assert column(out, "quote") == "the bridge would reopen in May We are ready,"
    assert all(len(line) <= 100 for line in lines)
    assert err == "quoteattr: 1 document written, 0 failed\n"

    piped = subprocess.run(
        [ENTRY_POINT, "extract", "--text", RUIZ, "-q"], capture_output=True, text=True, timeout=120
    )
    assert piped.returncode == 0 and json.loads(piped.stdout)["id"] == "text"


def test_quote_str_and_the_table_agree_on_a_speakerless_quote(nlp) -> None:
    import quoteattr

    result = quoteattr.extract('"Not again."\n\n' + RUIZ, nlp=nlp)
    first = result[0]
    assert first.speaker is None and str(first) == "(no speaker) | (no cue) | Not again."
    text = table.render_document("t", result.to_dicts())
    assert column(text, "speaker").startswith("- Ines Ruiz")
    assert column(text, "cue").startswith("- said")


def test_an_interrupted_json_run_closes_its_array(monkeypatch) -> None:
    from quoteattr.batch import runner

    def interrupted(items, nlp, write, **options):
        write("first", [])
        raise KeyboardInterrupt

    monkeypatch.setattr(runner, "run", interrupted)
    result = invoke("extract", "--text", RUIZ, "--format", "json")
    assert result.exit_code == 130
    assert json.loads(result.stdout) == [{"id": "first", "quotes": []}]
    assert result.stderr == "quoteattr: interrupted; the documents written so far are whole\n"
