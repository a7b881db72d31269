"""The speed benchmark's pieces, then the command end to end on a tiny file of our own texts."""

from __future__ import annotations

import json
import math
import mmap
import statistics
import time
from pathlib import Path

import pytest
import spacy
import srsly
import typer
from typer.testing import CliRunner

from quoteattr.cli.benchmark import _n_processes
from quoteattr.evaluation.benchmark import (
    SpeedReport,
    SpeedRun,
    _count_words,
    _long_text,
    _stream,
    read_texts,
)

TEXTS = [
    'The minister said that the bridge would open in May. "We are ready," she told reporters.',
    'Police said the road was closed. "Nobody was hurt," a spokesman said on Sunday.',
    "The weather was mild and the market was busy all week.",
]


def write_texts(path: Path) -> Path:
    srsly.write_jsonl(
        path, [{"doc_id": f"doc{index}", "text": text} for index, text in enumerate(TEXTS)]
    )
    return path


def _check_run(run: dict, *, rounds: int) -> None:
    """A run's figures agree with each other: one time per round for each side, each positive and
    finite; words per second are the words over the median time; the ratio is ours over bare."""
    assert len(run["bare_seconds"]) == len(run["quoteattr_seconds"]) == rounds
    for seconds in (*run["bare_seconds"], *run["quoteattr_seconds"]):
        assert 0 < seconds < 600 and math.isfinite(seconds), run
    bare = run["words"] / statistics.median(run["bare_seconds"])
    ours = run["words"] / statistics.median(run["quoteattr_seconds"])
    assert run["bare_words_per_second"] == pytest.approx(bare)
    assert run["quoteattr_words_per_second"] == pytest.approx(ours)
    assert run["ratio"] == pytest.approx(ours / bare)
    assert 0 < run["ratio"] and math.isfinite(run["ratio"])
    for key in ("bare_rss_growth_mb", "quoteattr_rss_growth_mb"):
        assert math.isfinite(run[key]) and abs(run[key]) < 100_000, run


def test_read_texts_takes_the_text_field_up_to_the_limit(tmp_path: Path) -> None:
    path = write_texts(tmp_path / "texts.jsonl")
    assert read_texts(path) == TEXTS
    assert read_texts(path, limit=2) == TEXTS[:2]


def test_words_leave_out_spaces_and_punctuation() -> None:
    nlp = spacy.blank("en")
    assert _count_words(nlp.pipe(['"We are ready," she said.\n\n', "Yes!"])) == 6


def test_long_text_repeats_texts_up_to_the_word_count() -> None:
    long = _long_text(TEXTS, words=100)
    assert 100 <= len(long.split()) < 100 + max(len(text.split()) for text in TEXTS)
    assert long.startswith(TEXTS[0]) and "\n\n" + TEXTS[1] in long


def test_stream_exhausts_the_items_and_measures_memory_growth() -> None:
    """The time is the time of the whole stream (250 items of 1 ms each: at least 0.25 s), and
    the growth is the memory the stream keeps (40 MB of fresh pages, written and held: at least
    30 MB; an anonymous mmap, so that malloc cannot hand back memory that is resident already)."""
    seen = []
    held = mmap.mmap(-1, 40 * 2**20)

    def items():
        for index in range(250):
            time.sleep(0.001)
            if index < 40:
                held[index * 2**20 : (index + 1) * 2**20] = bytes([index + 1]) * 2**20
            seen.append(index)
            yield index

    try:
        seconds, growth = _stream(items())
        assert held[39 * 2**20] == 40
    finally:
        held.close()
    assert seen == list(range(250))
    assert 0.25 <= seconds < 60, seconds
    assert math.isfinite(growth) and growth >= 30, growth


def test_run_reports_medians_and_ratio() -> None:
    run = SpeedRun("n_process=1", 1, 3, 1000, [1.0, 2.0, 10.0], [2.0, 4.0, 3.0], 1.0, 2.0)
    assert (run.bare_wps, run.quoteattr_wps, run.ratio) == (
        500.0,
        pytest.approx(1000 / 3),
        pytest.approx(2 / 3),
    )
    report = SpeedReport(
        "texts.jsonl", "en_test", ["parser"], ["parser", "quoteattr"], 3, 32, [run], 500.0, 0.0
    )
    assert "n_process=1" in report.format() and "0.67" in report.format()
    data = json.loads(json.dumps(report.to_dict()))
    assert data["runs"][0]["ratio"] == pytest.approx(2 / 3)
    assert (data["path"], data["model"], data["rounds"], data["batch_size"]) == (
        "texts.jsonl",
        "en_test",
        3,
        32,
    )
    assert (data["bare_pipes"], data["quoteattr_pipes"]) == (["parser"], ["parser", "quoteattr"])
    assert data["runs"][0]["bare_seconds"] == [1.0, 2.0, 10.0]  # every round, the median aside


def test_n_process_option_takes_repeats_and_lists() -> None:
    assert _n_processes(["1", "2"]) == [1, 2]
    assert _n_processes(["1,2"]) == [1, 2]
    with pytest.raises(typer.BadParameter):
        _n_processes(["0"])
    with pytest.raises(typer.BadParameter):
        _n_processes(["two"])


def test_speed_command(tmp_path: Path) -> None:
    from quoteattr.cli import app

    path, report_path = write_texts(tmp_path / "texts.jsonl"), tmp_path / "speed.json"
    result = CliRunner().invoke(
        app,
        [
            "benchmark",
            "speed",
            str(path),
            "--limit",
            "2",
            "--rounds",
            "1",
            "--json",
            str(report_path),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "n_process=1" in result.stdout and "n_process=2" in result.stdout
    # a line per timed round on stderr, so that a long run is not silent
    progress = result.stderr.splitlines()
    assert progress[0].startswith("quoteattr: warmed up; timing 2 documents (30 words), 1 round")
    assert [line.split(":")[1].strip() for line in progress[1:]] == [
        "n_process=1 round 1/1",
        "n_process=2 round 1/1",
    ]
    assert all(" s, quoteattr " in line for line in progress[1:])
    report = srsly.read_json(report_path)
    assert [run["n_process"] for run in report["runs"]] == [1, 2]
    words = _count_words(spacy.blank("en").pipe(TEXTS[:2]))
    assert (report["rounds"], report["path"]) == (1, str(path))
    for run in report["runs"]:
        assert run["documents"] == 2 and run["words"] == words == 30
        _check_run(run, rounds=1)
    assert 0 < report["max_rss_mb"] < 100_000


def test_speed_of_one_long_document(tmp_path: Path) -> None:
    from quoteattr.evaluation.benchmark import speed

    # the command's --long joins 45,000 words; a few hundred show the mode works
    report = speed(write_texts(tmp_path / "texts.jsonl"), long=True, long_words=300, rounds=1)
    (run,) = report.runs
    assert (run.name, run.n_process, run.documents) == ("long document", 1, 1)
    assert 300 <= run.words < 400
    _check_run(run.to_dict(), rounds=1)


def test_speed_against_the_rules_times_both_through_quoteattr(tmp_path: Path) -> None:
    from quoteattr.evaluation.benchmark import speed

    report = speed(
        write_texts(tmp_path / "texts.jsonl"), rounds=1, n_process=(1,), baseline="rules"
    )
    assert report.bare_pipes == report.quoteattr_pipes and report.bare_pipes[-1] == "quoteattr"
    assert report.attribution == "trained"
    (run,) = report.runs
    assert (run.n_process, run.documents, run.words) == (
        1,
        3,
        _count_words(spacy.blank("en").pipe(TEXTS)),
    )
    _check_run(run.to_dict(), rounds=1)


def test_speed_takes_the_texts_repeat_times_over(tmp_path: Path) -> None:
    from quoteattr.evaluation.benchmark import speed

    report = speed(write_texts(tmp_path / "texts.jsonl"), rounds=1, n_process=(1,), repeat=2)
    (run,) = report.runs
    assert (run.documents, run.words) == (6, 2 * _count_words(spacy.blank("en").pipe(TEXTS)))


def test_speed_command_needs_an_existing_file(tmp_path: Path) -> None:
    from quoteattr.cli import app

    result = CliRunner().invoke(app, ["benchmark", "speed", str(tmp_path / "nothing.jsonl")])
    assert result.exit_code == 2, result.output  # a usage error, before any pipeline is loaded
    assert "nothing.jsonl" in result.output


def test_memory_command_samples_a_cycled_stream(tmp_path: Path) -> None:
    from quoteattr.cli import app

    path, report_path = write_texts(tmp_path / "texts.jsonl"), tmp_path / "memory.json"
    result = CliRunner().invoke(
        app, ["benchmark", "memory", str(path), "--documents", "30", "--json", str(report_path)]
    )
    assert result.exit_code == 0, result.output
    report = srsly.read_json(report_path)
    assert report["documents"] == 30
    assert [done for done, _ in report["samples"]] == [0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30]
    assert all(0 < rss < 100_000 for _, rss in report["samples"])
    assert report["words"] == 10 * sum(len(text.split()) for text in TEXTS)
    assert 0 < report["seconds"] < 600
    warm = report["samples"][1][1]  # after 3 of 30 documents: the first tenth
    assert report["growth_mb"] == pytest.approx(report["samples"][-1][1] - warm)
    assert f"growth after the first tenth: {report['growth_mb']:+.1f} MB" in result.output


def test_memory_drift_is_the_largest_change_after_the_warm_up() -> None:
    from quoteattr.evaluation.benchmark import MemoryReport

    samples = [(0, 100.0), (500, 200.0), (1000, 230.0), (5000, 190.0), (10_000, 210.0)]
    report = MemoryReport("x.jsonl", 10_000, 1, 1.0, samples)
    assert report.drift_percent == pytest.approx(15.0)
    assert "largest change after the first 500 documents: 15.0%" in report.format()


def test_stage_command_times_quoteattrs_own_components_on_parsed_docs(tmp_path: Path) -> None:
    from quoteattr.cli import app

    path, report_path = write_texts(tmp_path / "texts.jsonl"), tmp_path / "stage.json"
    result = CliRunner().invoke(
        app, ["benchmark", "stage", str(path), "--rounds", "2", "-q", "--json", str(report_path)]
    )
    assert result.exit_code == 0, result.output
    report = srsly.read_json(report_path)
    assert report["documents"] == len(TEXTS) and report["attribution"] == "trained"
    assert set(report["parse_seconds"]) == {"tok2vec", "tagger", "parser", "ner"}
    assert len(report["rounds"]) == 2
    for seconds in report["rounds"]:
        assert list(seconds) == ["quoteattr_paragraphs", "quoteattr", "result"]
        assert all(0 <= value < 600 and math.isfinite(value) for value in seconds.values())
    totals = [sum(seconds.values()) for seconds in report["rounds"]]
    assert report["own_seconds"] == pytest.approx(min(totals))
    assert report["fastest"] in report["rounds"]
    assert f"{report['own_seconds']:8.3f}" in result.output


def test_stage_long_document_is_one_doc_of_the_texts_joined(tmp_path: Path) -> None:
    from quoteattr.evaluation.stage import stage_cpu

    path = write_texts(tmp_path / "texts.jsonl")
    report = stage_cpu(path, long=True, long_words=60, rounds=1, trained=False)
    assert report.documents == 1 and report.attribution == "rules"
    single = stage_cpu(path, limit=1, rounds=1, trained=False)
    assert report.tokens > 2 * single.tokens
