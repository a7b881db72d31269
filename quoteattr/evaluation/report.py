"""The reports of an evaluation: precision, recall and F1 per measure and accuracies, per subset
of quote kinds (see `quoteattr.evaluation.evaluate`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from attrs import frozen

from .spans import MEASURES, PAIRING

# Confidence bins of the reliability table: [low, high), the last one closed.
CONFIDENCE_BINS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.0))
# The confidence from which records should be right nine times in ten (docs/evaluation.md).
TRUSTED_CONFIDENCE = 0.8

SUBSETS: dict[str, frozenset[str]] = {
    "all": frozenset({"direct", "mixed", "indirect"}),
    "direct+mixed": frozenset({"direct", "mixed"}),
    "direct": frozenset({"direct"}),
    "mixed": frozenset({"mixed"}),
    "indirect": frozenset({"indirect"}),
}


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


@frozen
class PrecisionRecall:
    gold: int
    predicted: int
    matched_gold: int
    matched_predicted: int

    @property
    def precision(self) -> float:
        return _ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched_gold": self.matched_gold,
            "matched_predicted": self.matched_predicted,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@frozen
class Accuracy:
    correct: int
    total: int

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": self.value}


@frozen
class SubsetReport:
    gold: int
    predicted: int
    measures: dict[str, PrecisionRecall]
    speaker: Accuracy
    speaker_entity: Accuracy
    named: Accuracy  # pronoun and nominal gold sources resolved to a name
    cue: Accuracy
    kind: Accuracy

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "measures": {name: scores.to_dict() for name, scores in self.measures.items()},
            "speaker": self.speaker.to_dict(),
            "speaker_entity": self.speaker_entity.to_dict(),
            "named": self.named.to_dict(),
            "cue": self.cue.to_dict(),
            "kind": self.kind.to_dict(),
        }


def bin_name(confidence: float) -> str:
    """The reliability table's bin of a confidence ("0.8-0.9")."""
    for low, high in CONFIDENCE_BINS:
        if confidence < high or high == CONFIDENCE_BINS[-1][1]:
            return f"{low:.1f}-{high:.1f}"
    raise AssertionError(confidence)


def precision_tables(
    counts: Mapping[tuple[str, ...], int], categories: Iterable[str]
) -> tuple[dict[str, Precision], dict[str, Precision]]:
    """(precision per category, precision per confidence bin) from `score_document`'s counts."""

    def table(kind: str, names: Iterable[str]) -> dict[str, Precision]:
        return {
            name: Precision(
                counts.get((kind, name, "predicted"), 0), counts.get((kind, name, "matched"), 0)
            )
            for name in names
        }

    bins = [bin_name(low) for low, _ in CONFIDENCE_BINS]
    return table("category", categories), table("confidence", bins)


def summarize(counts: Mapping[tuple[str, ...], int]) -> dict[str, SubsetReport]:
    """Scores per subset from counts added up over documents (see `score_document`)."""
    reports = {}
    for subset in SUBSETS:
        gold, predicted, pairs = (
            counts.get((subset, what), 0) for what in ("gold", "predicted", "pairs")
        )
        reports[subset] = SubsetReport(
            gold=gold,
            predicted=predicted,
            measures={
                name: PrecisionRecall(
                    gold,
                    predicted,
                    counts.get((subset, name, "gold"), 0),
                    counts.get((subset, name, "predicted"), 0),
                )
                for name in MEASURES
            },
            speaker=Accuracy(counts.get((subset, "speaker"), 0), pairs),
            speaker_entity=Accuracy(counts.get((subset, "speaker_entity"), 0), pairs),
            named=Accuracy(
                counts.get((subset, "named"), 0), counts.get((subset, "pronominal_pairs"), 0)
            ),
            cue=Accuracy(counts.get((subset, "cue"), 0), pairs),
            kind=Accuracy(counts.get((subset, "kind"), 0), pairs),
        )
    return reports


@frozen
class Precision:
    """Of `predicted` records, `matched` found a gold partner (overlap>0.3)."""

    predicted: int
    matched: int

    @property
    def value(self) -> float:
        return _ratio(self.matched, self.predicted)

    def to_dict(self) -> dict[str, Any]:
        return {"predicted": self.predicted, "matched": self.matched, "precision": self.value}


@frozen
class EvaluationReport:
    gold_path: str
    model: str
    documents: int
    gold: int
    predicted: int
    seconds: float  # extraction and scoring, without loading the pipeline
    subsets: dict[str, SubsetReport]
    categories: dict[str, Precision] = {}  # precision per predicted category
    reliability: dict[str, Precision] = {}  # precision per confidence bin ("0.8-0.9")
    selection: str = "all"  # the categories evaluated, as asked for

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_path": self.gold_path,
            "model": self.model,
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "seconds": self.seconds,
            "selection": self.selection,
            "subsets": {name: report.to_dict() for name, report in self.subsets.items()},
            "categories": {name: p.to_dict() for name, p in self.categories.items()},
            "reliability": {name: p.to_dict() for name, p in self.reliability.items()},
            "trusted": self.trusted().to_dict(),
        }

    def trusted(self) -> Precision:
        """The precision of the records with confidence >= TRUSTED_CONFIDENCE."""
        bins = [
            p
            for (low, _), p in zip(CONFIDENCE_BINS, self.reliability.values())
            if low >= TRUSTED_CONFIDENCE
        ]
        return Precision(sum(p.predicted for p in bins), sum(p.matched for p in bins))

    def format(self) -> str:
        """Plain-text tables: quote spans (P/R/F1 in %), then attribution on overlap>0.3 pairs."""
        lines = [
            f"{self.gold_path} | model {self.model} | categories {self.selection} | "
            f"{self.documents} documents, {self.gold} gold, {self.predicted} predicted quotes | "
            f"{self.seconds:.1f} s",
            "",
            f"{'subset':<13}{'gold':>6}{'pred':>6}  {'match':<13}{'P':>6}{'R':>6}{'F1':>6}",
        ]
        for subset, report in self.subsets.items():
            head = f"{subset:<13}{report.gold:>6}{report.predicted:>6}"
            for name, scores in report.measures.items():
                lines.append(
                    f"{head:<25}  {name:<13}{_percent(scores.precision, scores.recall, scores.f1)}"
                )
                head = ""
        lines += ["", f"on {PAIRING} pairs (% right):"]
        lines.append(
            f"{'subset':<13}{'pairs':>6}{'speaker':>8}{'entity':>7}{'cue':>6}{'kind':>6}"
            f"{'pron/nom':>10}{'named':>6}"
        )
        for subset, report in self.subsets.items():
            values = _percent(
                report.speaker.value,
                report.speaker_entity.value,
                report.cue.value,
                report.kind.value,
            )
            lines.append(
                f"{subset:<13}{report.speaker.total:>6}  "
                f"{values}{report.named.total:>10}{_percent(report.named.value)}"
            )
        lines += [
            "",
            (
                "speaker: the predicted mention overlaps the gold "
                "source; entity: or any mention of the resolved"
            ),
            (
                "speaker does; named: of pairs whose gold source "
                "is a pronoun or nominal, share resolved to a name"
            ),
            "whose mentions include it.",
        ]
        if self.categories:
            lines += ["", f"precision ({PAIRING}) by category and by confidence:"]
            for name, precision in {**self.categories, **self.reliability}.items():
                lines.append(f"{name:<13}{precision.predicted:>6}{_percent(precision.value)}")
            trusted = self.trusted()
            lines.append(
                f"{'>= ' + str(TRUSTED_CONFIDENCE):<13}{trusted.predicted:>6}"
                f"{_percent(trusted.value)}"
            )
        return "\n".join(lines)


def _percent(*values: float) -> str:
    return "".join(f"{100 * value:>6.1f}" for value in values)
