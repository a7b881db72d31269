"""Scoring on hand-made gold and predictions with known answers, then the command end to end."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import srsly
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quoteattr.evaluation.evaluate import (
    EvaluationReport,
    intersection_size,
    jaccard,
    match,
    overlap,
    score_document,
    summarize,
    trim,
    union,
)
from quoteattr.evaluation.report import bin_name, precision_tables

TEXT = (
    "The mayor said that taxes would fall. "
    "\u201cWe will build it,\u201d she said. "
    "Critics called the plan \u201ca fantasy\u201d on Monday. "
    "A sign read \u201cClosed\u201d."
)


def span(piece: str, after: str = "") -> list[int]:
    start = TEXT.index(piece, TEXT.index(after) if after else 0)
    return [start, start + len(piece)]


def gold(
    kind: str, content: list[list[int]], source: list[list[int]] = (), cue: list[list[int]] = ()
) -> dict[str, Any]:
    return {"kind": kind, "content": content, "source": list(source), "cue": list(cue)}


def pred(
    kind: str,
    content: list[int],
    speaker: list[int] | None = None,
    cue: list[int] | None = None,
    parts: Any = None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "text": "",
        "start": content[0],
        "end": content[1],
        "parts": parts,
        "speaker": None
        if speaker is None
        else {"name": "X", "type": "PERSON", "entity_id": 0, "mention": mention(speaker)},
        "addressee": None,
        "cue": None if cue is None else {**mention(cue), "lemma": "say"},
        "sources": [],
        "hedge": None,
        "confidence": 1.0,
    }


def mention(where: list[int]) -> dict[str, Any]:
    return {"text": "", "start": where[0], "end": where[1]}


def scores(
    gold_quotes: list[dict[str, Any]], predicted: list[dict[str, Any]], text: str = TEXT
) -> dict[str, Any]:
    return {
        name: report.to_dict()
        for name, report in summarize(score_document(text, gold_quotes, predicted).counts).items()
    }


# Interval arithmetic -----------------------------------------------------------------------------


def test_union_sorts_merges_and_drops_empty_pieces() -> None:
    assert union([[20, 30], [0, 10], [5, 12], [40, 40], [12, 15]]) == ((0, 15), (20, 30))
    assert union([]) == ()


def test_overlap_and_jaccard() -> None:
    gold_spans, pred_spans = union([[0, 10], [20, 30]]), union([[5, 25]])
    assert intersection_size(gold_spans, pred_spans) == 10
    assert overlap(gold_spans, pred_spans) == 0.5  # 10 of the 20 gold characters
    assert jaccard(gold_spans, pred_spans) == 10 / 30  # union is 0..30
    assert overlap((), pred_spans) == 0.0 and jaccard((), ()) == 0.0


spans_strategy = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)).map(sorted), max_size=5)


@given(spans_strategy, spans_strategy)
def test_intersection_size_agrees_with_sets(a: list[list[int]], b: list[list[int]]) -> None:
    def chars(spans: list[list[int]]) -> set[int]:
        return {i for start, end in spans for i in range(start, end)}

    assert intersection_size(union(a), union(b)) == len(chars(a) & chars(b))
    assert sum(end - start for start, end in union(a)) == len(chars(a))


def test_trim_removes_marks_whitespace_and_edge_punctuation_only() -> None:
    text = " \u201cWe will build it,\u201d she said."
    assert [text[s:e] for s, e in trim(text, [[0, 21]])] == ["We will build it"]
    said = text.index("said")
    assert [text[s:e] for s, e in trim(text, [[0, 4], [said - 1, len(text)]])] == ["We", "said"]
    assert trim(text, [[0, 2]]) == ()  # nothing but marks


# Matching ----------------------------------------------------------------------------------------


def test_match_is_one_to_one_and_best_first() -> None:
    # P0 covers both gold quotes (overlap 1.0 with each), P1 is exactly G0: G0 must take the tighter
    # P1 so that G1 can still take P0.
    gold_spans = [union([[0, 10]]), union([[10, 20]])]
    pred_spans = [union([[0, 20]]), union([[0, 10]])]
    assert match(gold_spans, pred_spans, overlap, lambda score: score > 0.3) == {0: 1, 1: 0}
    # two predictions of one quote: only one is a match
    assert match(
        gold_spans[:1], [union([[0, 10]]), union([[2, 10]])], overlap, lambda s: s > 0.3
    ) == {0: 0}
    assert match(gold_spans, pred_spans, jaccard, lambda score: score >= 0.5) == {0: 1, 1: 0}


# Documents ---------------------------------------------------------------------------------------


GOLD = [
    gold("indirect", [span("that taxes would fall")], [span("The mayor")], [span("said")]),
    gold("direct", [span("\u201cWe will build it,\u201d")], [span("she")], [span("said", "she")]),
    gold("mixed", [span("the plan \u201ca fantasy\u201d")], [span("Critics")], [span("called")]),
]
PREDICTED = [
    # "that" left out: overlap 16/21 = 0.76
    pred("indirect", span("taxes would fall"), speaker=span("The mayor"), cue=span("said")),
    # marks excluded as quoteattr does; the speaker mention points at the wrong person
    pred("direct", span("We will build it,"), speaker=span("The mayor"), cue=span("said", "she")),
    # a sign, not a quote
    pred("direct", span("Closed")),
]


def test_document_scores_per_measure_and_subset() -> None:
    result = scores(GOLD, PREDICTED)
    everything = result["all"]
    assert (everything["gold"], everything["predicted"]) == (3, 3)

    def pr(subset: str, measure: str) -> tuple[float, float]:
        measured = result[subset]["measures"][measure]
        return round(measured["precision"], 3), round(measured["recall"], 3)

    assert pr("all", "overlap>0.3") == (0.667, 0.667)
    assert pr("all", "overlap>0.8") == (0.333, 0.333)  # only the direct quote (marks widened over)
    assert pr("all", "jaccard>=0.5") == (0.667, 0.667)
    assert pr("all", "exact") == (
        0.333,
        0.333,
    )  # the direct quote, once marks and commas are trimmed
    assert pr("direct+mixed", "overlap>0.3") == (0.5, 0.5)
    assert pr("direct", "overlap>0.3") == (0.5, 1.0)
    assert pr("mixed", "overlap>0.3") == (0.0, 0.0)
    assert pr("indirect", "overlap>0.3") == (1.0, 1.0)
    assert result["indirect"]["measures"]["overlap>0.8"]["recall"] == 0.0
    assert everything["measures"]["overlap>0.3"]["f1"] == pytest.approx(2 / 3)


def test_speaker_cue_and_kind_accuracy_on_matched_pairs() -> None:
    result = scores(GOLD, PREDICTED)
    assert result["all"]["speaker"] == {"correct": 1, "total": 2, "accuracy": 0.5}
    assert result["direct"]["speaker"]["accuracy"] == 0.0
    assert result["indirect"]["speaker"]["accuracy"] == 1.0
    assert result["all"]["cue"]["accuracy"] == 1.0
    assert result["all"]["kind"]["accuracy"] == 1.0
    assert result["mixed"]["speaker"]["total"] == 0  # its gold was missed


def test_errors_name_misses_false_positives_and_wrong_speakers() -> None:
    errors = score_document(TEXT, GOLD, PREDICTED, doc_id="d1").errors
    assert Counter(error["error"] for error in errors) == {
        "miss": 1,
        "false_positive": 1,
        "wrong_speaker": 1,
        "wrong_name": 1,  # the wrong speaker does not name "she" either
    }
    by_type = {error["error"]: error for error in errors}
    assert by_type["miss"]["gold"]["kind"] == "mixed" and by_type["miss"]["predicted"] is None
    assert by_type["false_positive"]["predicted"]["content"] == [span("Closed")]
    wrong = by_type["wrong_speaker"]
    assert wrong["doc_id"] == "d1" and wrong["predicted"]["speaker_mention"]["start"] == 0
    assert wrong["context_start"] == 0 and "We will build it" in wrong["context"]
    json.dumps(errors)  # plain JSON


def test_predicted_kind_decides_precision_and_gold_kind_recall() -> None:
    text = "x" * 100
    result = scores([gold("direct", [[0, 10]])], [pred("mixed", [0, 10])], text)
    assert result["direct"]["measures"]["exact"]["recall"] == 1.0  # matched, whatever the kind
    assert result["direct"]["predicted"] == 0
    assert result["mixed"]["measures"]["exact"]["precision"] == 1.0
    assert result["direct"]["kind"]["accuracy"] == 0.0


def test_discontinuous_gold_and_split_predictions_are_unions() -> None:
    text = "x" * 100
    gold_quotes = [gold("direct", [[0, 10], [20, 30]])]
    split = scores(gold_quotes, [pred("direct", [0, 30], parts=[[0, 10], [20, 30]])], text)["all"][
        "measures"
    ]
    assert split["exact"]["recall"] == 1.0 and split["jaccard>=0.5"]["recall"] == 1.0
    whole = scores(gold_quotes, [pred("direct", [0, 30])], text)["all"]["measures"]
    assert whole["overlap>0.8"]["recall"] == 1.0  # covers all of the gold: overlap 1.0
    assert whole["exact"]["recall"] == 0.0  # but also the attribution between the pieces


def test_missing_source_and_cue_are_right_when_the_prediction_has_none_either() -> None:
    text = "x" * 100
    no_source = [gold("indirect", [[0, 10]], source=[], cue=[])]
    assert scores(no_source, [pred("indirect", [0, 10])], text)["all"]["speaker"]["accuracy"] == 1.0
    assert scores(no_source, [pred("indirect", [0, 10])], text)["all"]["cue"]["accuracy"] == 1.0
    claimed = scores(no_source, [pred("indirect", [0, 10], speaker=[20, 25], cue=[12, 16])], text)[
        "all"
    ]
    assert claimed["speaker"]["accuracy"] == 0.0 and claimed["cue"]["accuracy"] == 0.0
    # a speaker resolved to a name but with no mention in the text counts as no mention
    unnamed = pred("indirect", [0, 10])
    unnamed["speaker"] = {"name": "X", "type": "PERSON", "entity_id": None, "mention": None}
    assert scores(no_source, [unnamed], text)["all"]["speaker"]["accuracy"] == 1.0
    # gold source but no predicted speaker is wrong
    with_source = [gold("indirect", [[0, 10]], source=[[20, 25]])]
    assert (
        scores(with_source, [pred("indirect", [0, 10])], text)["all"]["speaker"]["accuracy"] == 0.0
    )


def test_gold_without_content_is_skipped_and_counts_add_up_over_documents() -> None:
    text = "x" * 100
    first = score_document(text, [gold("indirect", [])], []).counts
    assert first["all", "gold"] == 0
    counts = (
        first
        + score_document(TEXT, GOLD, PREDICTED).counts
        + score_document(TEXT, GOLD, PREDICTED).counts
    )
    totals = summarize(counts)["all"]
    assert (totals.gold, totals.predicted, totals.measures["overlap>0.3"].matched_gold) == (6, 6, 4)


def test_report_formats_a_table_and_a_plain_dict() -> None:
    subsets = summarize(score_document(TEXT, GOLD, PREDICTED).counts)
    report = EvaluationReport("gold.jsonl", "en_test", 1, 3, 3, 0.5, subsets)
    table = report.format()
    assert "direct+mixed" in table and "overlap>0.8" in table and "66.7" in table
    assert json.loads(json.dumps(report.to_dict()))["subsets"]["all"]["gold"] == 3


def test_precision_per_category_and_per_band_of_confidence() -> None:
    said = pred("indirect", span("that taxes would fall"))
    thought = {**pred("indirect", span("the plan")), "category": "thought", "confidence": 0.55}
    stance = {**pred("indirect", span("Critics")), "category": "stance", "confidence": 0.85}
    counts = score_document(
        TEXT,
        [gold("indirect", [span("that taxes would fall")])],
        [
            {**said, "category": "statement", "confidence": 0.95},
            thought,
            stance,
        ],
    ).counts
    categories, reliability = precision_tables(counts, ["statement", "thought", "stance"])
    assert {name: (p.predicted, p.matched) for name, p in categories.items()} == {
        "statement": (1, 1),
        "thought": (1, 0),
        "stance": (1, 0),
    }
    assert (reliability["0.9-1.0"].predicted, reliability["0.9-1.0"].matched) == (1, 1)
    assert (reliability["0.5-0.6"].predicted, reliability["0.8-0.9"].predicted) == (1, 1)
    report = EvaluationReport(
        "gold.jsonl", "en_test", 1, 1, 3, 0.5, summarize(counts), categories, reliability
    )
    trusted = report.trusted()  # confidence >= 0.8: the statement (right) and the stance (wrong)
    assert (trusted.predicted, trusted.matched) == (2, 1)
    assert "by category and by confidence" in report.format()
    assert report.to_dict()["trusted"]["precision"] == 0.5


@pytest.mark.parametrize(
    ("confidence", "band"),
    [(0.0, "0.0-0.5"), (0.5, "0.5-0.6"), (0.89, "0.8-0.9"), (1.0, "0.9-1.0")],
)
def test_confidence_bands(confidence: float, band: str) -> None:
    assert bin_name(confidence) == band


# End to end --------------------------------------------------------------------------------------

ARTICLES = [
    'The minister said that the bridge would open in May. "We are ready," she told reporters.',
    'Police said the road was closed. "Nobody was hurt," a spokesman said on Sunday.',
    "The weather was mild and the market was busy all week.",
]


def _attribution(
    text: str, kind: str, source: str, cue: str, content: str, nth_cue: int = 0
) -> dict[str, Any]:
    def where(piece: str, start: int = 0) -> list[list[int]]:
        index = text.index(piece, start)
        return [[index, index + len(piece)]]

    cue_span = where(cue, text.index(content) if nth_cue else 0)
    return {
        "type": "Attribution",
        "kind": kind,
        "source": where(source),
        "source_text": source,
        "cue": cue_span,
        "cue_text": cue,
        "content": where(content),
        "content_text": content,
    }


def write_gold(path: Path) -> Path:
    """Three short articles of our own in PolNeAR's format."""
    first, second, _ = ARTICLES
    attributions = [
        [
            _attribution(
                first, "indirect", "The minister", "said", "that the bridge would open in May"
            ),
            _attribution(first, "direct", "she", "told", '"We are ready,"'),
        ],
        [
            _attribution(second, "indirect", "Police", "said", "the road was closed"),
            _attribution(second, "direct", "a spokesman", "said", '"Nobody was hurt,"', nth_cue=1),
        ],
        [],
    ]
    lines = [
        {"doc_id": f"doc{index}", "text": text, "attributions": found}
        for index, (text, found) in enumerate(zip(ARTICLES, attributions, strict=True))
    ]
    srsly.write_jsonl(path, lines)
    return path


def test_write_gold_fixture_is_consistent(tmp_path: Path) -> None:
    for line in srsly.read_jsonl(write_gold(tmp_path / "gold.jsonl")):
        for attribution in line["attributions"]:
            for role in ("source", "cue", "content"):
                ((start, end),) = attribution[role]
                assert line["text"][start:end] == attribution[f"{role}_text"]


def test_evaluate_command(tmp_path: Path) -> None:
    from quoteattr.cli import app

    gold_path = write_gold(tmp_path / "gold.jsonl")
    report_path, errors_path = tmp_path / "report.json", tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(gold_path),
            "--json",
            str(report_path),
            "--errors",
            str(errors_path),
            "--limit",
            "2",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "overlap>0.3" in result.output and "direct+mixed" in result.output
    report = srsly.read_json(report_path)
    assert (report["documents"], report["gold"]) == (2, 4)
    # these plain sentences are found
    assert report["subsets"]["all"]["measures"]["overlap>0.3"]["recall"] >= 0.5
    assert report["subsets"]["direct"]["measures"]["overlap>0.3"]["recall"] == 1.0
    for error in srsly.read_jsonl(errors_path):
        assert error["error"] in {
            "miss",
            "false_positive",
            "wrong_speaker",
            "wrong_cue",
            "wrong_name",
        }


def test_evaluate_in_a_subprocess(tmp_path: Path) -> None:
    gold_path = write_gold(tmp_path / "gold.jsonl")
    report_path = tmp_path / "report.json"
    run = subprocess.run(
        [sys.executable, "-m", "quoteattr", "evaluate", str(gold_path), "--json", str(report_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=Path(__file__).parent.parent,
    )
    assert run.returncode == 0, run.stderr
    assert "speaker" in run.stdout
    report = srsly.read_json(report_path)
    assert (report["documents"], report["gold"]) == (3, 4)
    assert 0.0 <= report["subsets"]["all"]["speaker"]["accuracy"] <= 1.0


def test_evaluate_command_rejects_a_missing_file(tmp_path: Path) -> None:
    from quoteattr.cli import app

    result = CliRunner().invoke(app, ["evaluate", str(tmp_path / "nothing.jsonl")])
    assert result.exit_code != 0


def test_speaker_entity_and_named_judge_the_resolved_entity() -> None:
    text = "Ann Lee spoke. He said the plan works. The spokesman said it failed."
    he = [text.index("He"), text.index("He") + 2]
    spokesman = [text.index("The spokesman"), text.index("The spokesman") + 13]
    works = [text.index("the plan works"), text.index("the plan works") + 14]
    failed = [text.index("it failed"), text.index("it failed") + 9]
    gold_quotes = [gold("indirect", [works], [he]), gold("indirect", [failed], [spokesman])]
    # A continued speaker (no mention) whose entity includes "He"; an unresolved nominal.
    continued = pred("indirect", works)
    continued["speaker"] = {"name": "Ann Lee", "type": "PERSON", "entity_id": 0, "mention": None}
    unresolved = pred("indirect", failed, speaker=spokesman)
    unresolved["speaker"]["name"] = None
    unresolved["speaker"]["entity_id"] = None
    entities = [
        {
            "entity_id": 0,
            "name": "Ann Lee",
            "type": "PERSON",
            "mentions": [mention([0, 7]), mention(he)],
        }
    ]
    scored = score_document(text, gold_quotes, [continued, unresolved], "d", entities)
    report = summarize(scored.counts)["all"]
    assert (report.speaker.correct, report.speaker.total) == (1, 2)  # only the explicit mention
    assert (report.speaker_entity.correct, report.speaker_entity.total) == (2, 2)
    assert (report.named.correct, report.named.total) == (1, 2)  # "the spokesman" stays unnamed
    (unnamed,) = [error for error in scored.errors if error["error"] == "wrong_name"]
    assert unnamed["predicted"]["speaker"] is None
    assert unnamed["gold"]["content"] == [failed]


def test_join_continuations_joins_only_cueless_same_paragraph_quotes_of_the_same_speaker() -> None:
    from quoteattr.evaluation.evaluate import join_continuations

    text = '"A is so," Lee said. "B is so."\n\n"C is so."'
    first = pred("direct", [1, 9], speaker=[11, 14], cue=[15, 19])
    first["speaker"]["entity_id"] = 3
    second = pred("direct", [22, 30])
    second["speaker"] = {"name": "Lee", "type": "PERSON", "entity_id": 3, "mention": None}
    third = {**second, "start": 34, "end": 42}  # the next paragraph: a relation of its own
    joined = join_continuations(text, [first, second, third])
    assert [q["parts"] for q in joined] == [[[1, 9], [22, 30]], None]
    assert (joined[0]["start"], joined[0]["end"]) == (1, 30)
    other = {**second, "speaker": {**second["speaker"], "entity_id": 4}}
    assert len(join_continuations(text, [first, other])) == 2


POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev is not beside the repository")
def test_evaluate_and_benchmark_run_on_a_slice_of_polnear(tmp_path: Path) -> None:
    """The benchmark commands on real news, so that CI catches them breaking (scores are not asserted)."""
    report_path = tmp_path / "report.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quoteattr",
            "evaluate",
            str(POLNEAR_DEV),
            "--limit",
            "3",
            "--json",
            str(report_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(report_path.read_text())
    assert report["documents"] == 3 and report["gold"] > 0 and report["predicted"] > 0
    speed = subprocess.run(
        [
            sys.executable,
            "-m",
            "quoteattr",
            "benchmark",
            "speed",
            str(POLNEAR_DEV),
            "--limit",
            "3",
            "--rounds",
            "1",
            "--n-process",
            "1",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert speed.returncode == 0, speed.stderr
    assert "n_process=1" in speed.stdout
