"""Batch runs: the readers and writers of `quoteattr.batch.io`, and `quoteattr.batch.runner` isolating failures.

Most tests run a blank English pipeline with the `quoteattr` component (fast; it finds no quotes
without a parser, but it stores a result for every document), plus a component that fails on the
documents containing "BOOM", one at a time or a whole batch at once.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from quoteattr.batch import io as qio
from quoteattr.batch import output as qout
from quoteattr.batch.runner import Extracted, Summary, annotate, run

ARTICLE = 'Mayor Ines Ruiz said the bridge would reopen in May. "We are ready," she told reporters.'


class Boom:
    """Fails on "BOOM" documents: alone when called, the whole batch when piped."""

    def __call__(self, doc):
        if "BOOM" in doc.text:
            raise ValueError(f"boom in {doc.text!r}")
        return doc

    def pipe(self, docs, batch_size=128):
        for batch in spacy.util.minibatch(docs, batch_size):
            if any("BOOM" in doc.text for doc in batch):
                raise ValueError("boom in the batch")
            yield from batch


@Language.factory("test_runner_boom")
def make_boom(nlp, name):
    return Boom()


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    return nlp


@pytest.fixture(scope="module")
def booming() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("test_runner_boom")
    nlp.add_pipe("quoteattr")
    return nlp


def docs(*texts: str) -> list[qio.Document]:
    return [
        qio.Document(f"d{index}", text, "test.jsonl", index) for index, text in enumerate(texts, 1)
    ]


def outcome_ids(outcomes) -> list[tuple[str, object]]:
    return [
        (
            "ok" if isinstance(outcome, Extracted) else "failed",
            (outcome.document if isinstance(outcome, Extracted) else outcome).id,
        )
        for outcome in outcomes
    ]


# ----------------------------------------------------------------------------------------- reading


def test_jsonl_lines_become_documents_or_failures_saying_where_and_why() -> None:
    lines = [
        b'{"id": "a", "text": "One."}\n',
        b"\n",
        b'{"text": "No id, so the line number."}\n',
        b'{"id": "c", "text": \n',
        b'{"id": "d", "text": ["not", "a", "string"]}\n',
        b'{"id": "e"}\n',
        b'"just a string"\n',
        b'{"id": "g", "text": "caf\xe9"}\n',
        b'{"id": 8, "text": "A number id stays a number."}',
    ]
    items = list(qio.read_jsonl(lines, "in.jsonl"))
    assert [(type(item).__name__, item.id, item.line) for item in items] == [
        ("Document", "a", 1),
        ("Document", 3, 3),
        ("Failure", None, 4),
        ("Failure", "d", 5),
        ("Failure", "e", 6),
        ("Failure", None, 7),
        ("Failure", None, 8),
        ("Document", 8, 9),
    ]
    reasons = [item.describe() for item in items if isinstance(item, qio.Failure)]
    assert reasons[0].startswith("in.jsonl:4: not valid JSON")
    assert reasons[1] == 'in.jsonl:5 (id "d"): "text" is a JSON array, not a string; skipped'
    assert reasons[2] == 'in.jsonl:6 (id "e"): no "text" field; skipped'
    assert "a JSON string, not an object" in reasons[3]
    assert reasons[4].startswith("in.jsonl:8: not UTF-8 text")


def test_folders_are_read_recursively_in_sorted_order_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / "z.txt").write_text("Zed.\r\nKeeps its line ends.", encoding="utf-8")
    (tmp_path / "b" / "c" / "x.txt").write_text("Deep.", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfWith a byte order mark.")
    (tmp_path / "notes.md").write_text("Not a .txt file.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"Latin-1: caf\xe9.")
    items = list(qio.read_inputs([str(tmp_path)]))
    assert [item.id for item in items] == ["a.txt", "b/c/x.txt", "bad.txt", "z.txt"]
    assert items[0].text == "With a byte order mark."
    assert isinstance(items[2], qio.Failure) and "not UTF-8" in items[2].reason
    assert items[3].text == "Zed.\r\nKeeps its line ends."
    assert qio.count_documents([str(tmp_path)]) == 4


def test_stdin_is_json_lines_only_when_its_first_line_is_a_record_with_text() -> None:
    jsonl = b'\n{"id": "x", "text": "One."}\n{"id": "y", "text": "Two."}\n'
    assert [item.id for item in qio.read_stdin(io.BytesIO(jsonl))] == ["x", "y"]
    for text in (
        b'{"title": "JSON, but no text"}\n',
        b'Plain text.\n{"text": "not a record"}\n',
        b"",
    ):
        (item,) = qio.read_stdin(io.BytesIO(text))
        assert (item.id, item.text) == ("-", text.decode())


# -------------------------------------------------------------------------------- columns, writing


QUOTE = {
    "kind": "direct",
    "text": "We are ready, and we will win",
    "start": 10,
    "end": 45,
    "parts": [[10, 23], [40, 55]],
    "speaker": {
        "name": "Ines Ruiz",
        "type": "PERSON",
        "entity_id": 0,
        "mention": {"text": "she", "start": 30, "end": 33},
    },
    "addressee": None,
    "cue": {"text": "told", "start": 34, "end": 38, "lemma": "tell"},
    "sources": [
        {"name": "Xinhua", "type": "ORG", "entity_id": 2, "mention": None, "relation": "cited"},
        {
            "name": None,
            "type": "ORG",
            "entity_id": None,
            "mention": {"text": "a paper", "start": 0, "end": 7},
            "relation": "according_to",
        },
    ],
    "hedge": "reportedly",
    "confidence": 0.95,
}


def test_flatten_quote_gives_the_columns_in_order() -> None:
    row = qio.flatten_quote("doc-1", QUOTE)
    assert tuple(row) == qio.COLUMNS
    assert row["id"] == "doc-1"
    assert row["parts"] == "[[10, 23], [40, 55]]"
    assert (row["speaker_name"], row["speaker_mention"], row["speaker_start"]) == (
        "Ines Ruiz",
        "she",
        30,
    )
    assert row["addressee_name"] is None and row["addressee_type"] is None
    assert (row["cue"], row["cue_lemma"]) == ("told", "tell")
    assert row["sources"] == "Xinhua (cited); a paper (according_to)"
    assert (row["hedge"], row["confidence"]) == ("reportedly", 0.95)


def test_writers_write_whole_documents() -> None:
    stream = io.BytesIO()
    writer = qout.JsonlWriter(stream)
    writer.write("é", [QUOTE])
    writer.write(7, [])
    lines = stream.getvalue().decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["é", 7]

    stream = io.BytesIO()
    writer = qout.CsvWriter(stream)
    writer.write("a", [QUOTE, {**QUOTE, "text": 'Two\nlines, "quoted"'}])
    writer.write("none", [])
    writer.write(3, [QUOTE])
    rows = list(csv.DictReader(io.StringIO(stream.getvalue().decode())))
    assert [row["id"] for row in rows] == ["a", "a", "none", "3"]
    assert all(value == "" for key, value in rows[2].items() if key != "id")
    assert rows[1]["text"] == 'Two\nlines, "quoted"' and rows[0]["addressee_name"] == ""


# -------------------------------------------------------------------------------------- resuming


def test_read_done_cuts_a_partial_jsonl_line_and_counts_ids(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(
        b'{"id": "a", "quotes": []}\n{"id": 2, "quotes": []}\n'
        b'{"id": "a", "quotes": []}\n{"id": "c", "quo'
    )
    assert qout.read_done(path, "jsonl") == Counter({"a": 2, "2": 1})
    assert path.read_bytes().endswith(b'{"id": "a", "quotes": []}\n')
    assert qout.read_done(tmp_path / "missing.jsonl", "jsonl") == Counter()
    path.write_text("id,kind\n", encoding="utf-8")
    with pytest.raises(qout.OutputError):
        qout.read_done(path, "jsonl")


def test_read_done_drops_the_last_documents_csv_rows_and_any_partial_row(tmp_path: Path) -> None:
    stream = io.BytesIO()
    writer = qout.CsvWriter(stream)
    writer.write("a", [QUOTE])
    writer.write("b", [QUOTE, QUOTE])
    whole = stream.getvalue()
    writer.write("c", [{**QUOTE, "text": "Cut\ninside a quoted field"}])
    path = tmp_path / "out.csv"
    # Cut right after the line break inside the quoted field of the "c" row.
    path.write_bytes(stream.getvalue()[: stream.getvalue().index(b"\ninside") + 1])
    assert qout.read_done(path, "csv") == Counter({"a": 1})  # "b" may have lost rows: done again
    assert path.read_bytes() == whole[: whole.index(b"\nb,") + 1]
    path.write_bytes(whole[:20])  # a partial header
    assert qout.read_done(path, "csv") == Counter() and path.read_bytes() == b""


# ---------------------------------------------------------------------------------------- runner


def test_annotate_keeps_input_order_with_blank_long_and_failed_reads(blank: Language) -> None:
    items = docs("One.", "   ", "Two.", "Three, too long.")
    items.insert(3, qio.Failure("x.jsonl", "not valid JSON", 4))
    blank.max_length = 5  # "Three, too long." goes alone, through quoteattr.extract
    try:
        outcomes = list(annotate(items, blank, batch_size=2))
    finally:
        blank.max_length = 1_000_000
    assert outcome_ids(outcomes)[:4] == [("ok", "d1"), ("ok", "d2"), ("ok", "d3"), ("failed", None)]
    # Whether extract() chunks a long text or fails on it, the document keeps its place.
    assert outcome_ids(outcomes)[4][1] == "d4"


@pytest.mark.parametrize("batch_size", [1, 3, 100])
def test_a_failing_document_is_isolated_from_its_batch(booming: Language, batch_size: int) -> None:
    texts = ["One.", "Two BOOM.", "Three.", "Four.", "BOOM five.", "Six.", "Seven."]
    outcomes = list(annotate(docs(*texts), booming, batch_size=batch_size))
    expected = ["ok", "failed", "ok", "ok", "failed", "ok", "ok"]
    assert outcome_ids(outcomes) == [(kind, f"d{n}") for n, kind in enumerate(expected, 1)]
    assert "failed in the pipeline (ValueError: boom in 'Two BOOM.')" in outcomes[1].describe()
    assert all(
        outcome.result.text == outcome.document.text
        for outcome in outcomes
        if isinstance(outcome, Extracted)
    )


@pytest.mark.slow
def test_a_failing_document_is_isolated_with_two_processes(booming: Language) -> None:
    texts = ["One.", "Two BOOM.", *[f"Text {n}." for n in range(3, 12)]]
    outcomes = list(annotate(docs(*texts), booming, batch_size=2, n_process=2))
    assert [kind for kind, _ in outcome_ids(outcomes)] == ["ok", "failed", *["ok"] * 9]
    assert [outcome.document.id for outcome in outcomes if isinstance(outcome, Extracted)][
        -1
    ] == "d11"


def test_an_error_of_the_reader_ends_the_run_after_the_documents_before_it(blank: Language) -> None:
    def items():
        yield from docs("One.", "Two.")
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for outcome in annotate(items(), blank):
            seen.append(outcome)
    assert outcome_ids(seen) == [("ok", "d1"), ("ok", "d2")]


def test_run_writes_skips_done_ids_and_reports(booming: Language) -> None:
    written, reported, steps = [], [], []
    items = [
        *docs("One.", "Two BOOM.", "Three.", "Four."),
        qio.Failure("in.jsonl", 'no "text" field', 9, "x"),
    ]
    summary = run(
        items,
        booming,
        lambda doc_id, quotes: written.append((doc_id, quotes)),
        batch_size=2,
        done=Counter({"d1": 1, "d4": 1}),
        report=reported.append,
        progress=steps.append,
    )
    assert written == [("d3", [])]
    assert summary == Summary(written=1, failed=2, skipped=2) and summary.exit_code == 1
    assert summary.format() == "1 document written, 2 failed, 2 skipped as already written"
    assert reported[0].startswith('test.jsonl:2 (id "d2"): failed in the pipeline')
    assert reported[1] == 'in.jsonl:9 (id "x"): no "text" field; skipped'
    assert sum(steps) == 5


def test_run_with_the_real_pipeline_finds_the_quotes(nlp: Language) -> None:
    written = []
    summary = run(docs(ARTICLE, ""), nlp, lambda doc_id, quotes: written.append((doc_id, quotes)))
    assert summary == Summary(written=2)
    assert [doc_id for doc_id, _ in written] == ["d1", "d2"]
    assert {quote["speaker"]["name"] for quote in written[0][1]} == {"Ines Ruiz"}
    assert written[1][1] == []
