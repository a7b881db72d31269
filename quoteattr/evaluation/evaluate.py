"""Score quoteattr against gold attributions (PolNeAR's JSON lines, see the data's ABOUT.md).

Quotes are compared by their content: a gold attribution's content pieces, and a prediction's parts
(or its start..end), each count as one quote covering the union of its pieces. Character sets are
kept as sorted, disjoint [start, end) intervals so the measures cost a merge, not a set of ints.

Measures (each a one-to-one matching, greedy best-first by score):

- `overlap>0.3`, `overlap>0.8`: |gold ∩ pred| / |gold| above the threshold (the Gender Gap Tracker's
  measure);
- `jaccard>=0.5`: |gold ∩ pred| / |gold ∪ pred| at least 0.5;
- `exact`: the same characters after trimming whitespace, quote marks and punctuation from the edges
  of every piece on both sides.

Speaker, cue and kind accuracy are measured on the pairs of the `overlap>0.3` matching.
"""

from __future__ import annotations

import itertools
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import srsly
from attrs import field, frozen

from ..api import DEFAULT_BATCH_SIZE

__all__ = [
    "MEASURES",
    "SUBSETS",
    "Accuracy",
    "DocumentScore",
    "EvaluationReport",
    "GoldDocument",
    "PrecisionRecall",
    "SubsetReport",
    "evaluate",
    "intersection_size",
    "jaccard",
    "match",
    "overlap",
    "read_gold",
    "score_document",
    "summarize",
    "trim",
    "union",
]

Span = tuple[int, int]
Spans = tuple[Span, ...]  # sorted, disjoint, non-empty intervals

CONTEXT_CHARS = 150
# The characters scoring treats as a span's edge: trimmed from gold and predicted pieces (`trim`)
# and taken into a prediction that they border (`_predicted_content`). Not `marks.QUOTE_MARKS`, the
# marks quoteattr pairs into quotes: this set also has the backtick, and making them one set would
# change the scores.
EDGE_MARKS = frozenset("\"'“”‘’«»‹›„‟‚‛`")

SUBSETS: dict[str, frozenset[str]] = {
    "all": frozenset({"direct", "mixed", "indirect"}),
    "direct+mixed": frozenset({"direct", "mixed"}),
    "direct": frozenset({"direct"}),
    "mixed": frozenset({"mixed"}),
    "indirect": frozenset({"indirect"}),
}


# Interval arithmetic ----------------------------------------------------------------------------


def union(spans: Iterable[Sequence[int]]) -> Spans:
    """The characters covered by `spans`, as sorted, disjoint, non-empty intervals."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def size(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def intersection_size(a: Spans, b: Spans) -> int:
    """|a ∩ b| by one merge pass over two normalised interval lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


def overlap(gold: Spans, pred: Spans) -> float:
    """|gold ∩ pred| / |gold|: the share of the gold quote that the prediction covers."""
    total = size(gold)
    return intersection_size(gold, pred) / total if total else 0.0


def jaccard(gold: Spans, pred: Spans) -> float:
    common = intersection_size(gold, pred)
    either = size(gold) + size(pred) - common
    return common / either if either else 0.0


def _is_edge(char: str) -> bool:
    return char.isspace() or char in EDGE_MARKS or unicodedata.category(char).startswith("P")


def trim(text: str, spans: Iterable[Sequence[int]]) -> Spans:
    """Every piece without whitespace, quote marks and punctuation at its edges."""
    trimmed = []
    for start, end in spans:
        end = min(end, len(text))
        while start < end and _is_edge(text[start]):
            start += 1
        while end > start and _is_edge(text[end - 1]):
            end -= 1
        trimmed.append((start, end))
    return union(trimmed)


def _exact(gold: Spans, pred: Spans) -> float:
    return float(bool(gold) and gold == pred)


# name -> (score, accepted); `exact` is scored on trimmed spans.
MEASURES: dict[str, tuple[Callable[[Spans, Spans], float], Callable[[float], bool]]] = {
    "overlap>0.3": (overlap, lambda score: score > 0.3),
    "overlap>0.8": (overlap, lambda score: score > 0.8),
    "jaccard>=0.5": (jaccard, lambda score: score >= 0.5),
    "exact": (_exact, lambda score: score == 1.0),
}
PAIRING = "overlap>0.3"  # the matching on which speaker, cue and kind are judged


def match(
    gold: Sequence[Spans],
    pred: Sequence[Spans],
    score: Callable[[Spans, Spans], float],
    accepted: Callable[[float], bool],
) -> dict[int, int]:
    """One-to-one matching, greedy best-first: {gold index: prediction index}.

    Pairs are taken by descending score; ties go to the tighter pair (higher Jaccard), because
    overlap alone rates a prediction spanning two gold quotes as high as an exact one; then to
    document order.
    """
    candidates = []
    for g, gold_spans in enumerate(gold):
        for p, pred_spans in enumerate(pred):
            value = score(gold_spans, pred_spans)
            if accepted(value):
                candidates.append((-value, -jaccard(gold_spans, pred_spans), g, p))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, _, g, p in sorted(candidates):
        if g not in pairs and p not in taken:
            pairs[g] = p
            taken.add(p)
    return pairs


# Gold and predictions ----------------------------------------------------------------------------


@frozen
class GoldDocument:
    doc_id: str
    text: str = field(repr=False)
    attributions: tuple[dict[str, Any], ...] = field(converter=tuple, repr=False)


def read_gold(path: str | Path, limit: int | None = None) -> list[GoldDocument]:
    """The first `limit` articles of a PolNeAR-style JSON lines file."""
    lines = itertools.islice(srsly.read_jsonl(path), limit)
    return [
        GoldDocument(str(line.get("doc_id", index)), line["text"], line.get("attributions", ()))
        for index, line in enumerate(lines)
    ]


def _predicted_content(text: str, quote: Mapping[str, Any]) -> Spans:
    """A prediction's characters, widened over adjacent quote marks.

    Gold content includes a direct quote's marks and quoteattr's excludes them: without this the
    overlap measures would punish short direct quotes for a difference of convention.
    """
    pieces = []
    for start, end in quote.get("parts") or [(quote["start"], quote["end"])]:
        if start > 0 and text[start - 1] in EDGE_MARKS:
            start -= 1
        if end < len(text) and text[end] in EDGE_MARKS:
            end += 1
        pieces.append((start, end))
    return union(pieces)


def _mention_span(entity: Mapping[str, Any] | None) -> Spans:
    mention = (entity or {}).get("mention")
    return union([(mention["start"], mention["end"])]) if mention else ()


def _cue_span(quote: Mapping[str, Any]) -> Spans:
    cue = quote.get("cue")
    return union([(cue["start"], cue["end"])]) if cue else ()


def _agrees(gold: Spans, pred: Spans) -> bool:
    """Right when the spans share a character, or when neither side has one."""
    return intersection_size(gold, pred) > 0 if gold or pred else True


# Scoring -----------------------------------------------------------------------------------------


@frozen
class DocumentScore:
    """Counts keyed by (subset, what) to add up over documents, and this document's errors."""

    counts: Counter[tuple[str, ...]]
    errors: list[dict[str, Any]]


def join_continuations(text: str, predicted: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Join each quote that only continues the previous quote's speaker in the same paragraph (no
    cue, no mention of its own) to that quote.

    PolNeAR annotates one relation per cue, whose content holds every quote the cue covers
    ('"A," she said. "B."' is one relation with two pieces); quoteattr reports each quote. Joining
    compares like with like; the quotes themselves are unchanged.
    """
    joined: list[dict[str, Any]] = []
    for quote in predicted:
        speaker = quote.get("speaker") or {}
        previous = joined[-1] if joined else None
        continues = (
            previous is not None
            and quote.get("cue") is None
            and speaker.get("mention") is None
            and speaker.get("entity_id") is not None
            and speaker.get("entity_id") == (previous.get("speaker") or {}).get("entity_id")
            and "\n" not in text[previous["end"] : quote["start"]]
        )
        if continues:
            pieces = previous.get("parts") or [[previous["start"], previous["end"]]]
            pieces += quote.get("parts") or [[quote["start"], quote["end"]]]
            joined[-1] = {**previous, "parts": pieces, "end": quote["end"]}
        else:
            joined.append(dict(quote))
    return joined


def score_document(
    text: str,
    gold: Sequence[Mapping[str, Any]],
    predicted: Sequence[Mapping[str, Any]],
    doc_id: str = "",
    entities: Sequence[Mapping[str, Any]] = (),
) -> DocumentScore:
    """Score one document's predictions (`Quote.to_dict()` shapes) against its gold attributions.

    Each measure matches all gold against all predictions of the document once. A subset's
    recall then counts its gold (by gold kind) that found a partner of any kind, and its precision
    counts its predictions (by predicted kind) that found a partner of any kind. Speaker, cue and
    kind accuracy are over `overlap>0.3` pairs whose gold is in the subset. Gold without content
    is skipped.

    `entities` (`DocumentEntity.to_dict()` shapes) allow two more judgements of the speaker:
    `speaker_entity` is right when the speaker mention agrees or any mention of the resolved speaker
    entity overlaps the gold source (a continued or resolved speaker); `named` counts, among pairs
    whose gold source is a pronoun or a nominal ("he", "the spokesman"), those whose prediction
    names someone whose mentions include the gold source.
    """
    mentions_of = {e["entity_id"]: union((m["start"], m["end"]) for m in e["mentions"]) for e in entities}
    gold = [g for g in gold if union(g.get("content") or ())]
    gold_spans = [union(g["content"]) for g in gold]
    pred_spans = [_predicted_content(text, p) for p in predicted]
    gold_trimmed = [trim(text, g["content"]) for g in gold]
    pred_trimmed = [trim(text, p.get("parts") or [(p["start"], p["end"])]) for p in predicted]
    matchings = {
        name: match(
            gold_trimmed if name == "exact" else gold_spans,
            pred_trimmed if name == "exact" else pred_spans,
            score,
            accepted,
        )
        for name, (score, accepted) in MEASURES.items()
    }
    pairs = matchings[PAIRING]
    judged = {
        g: {
            "speaker": _agrees(
                union(gold[g].get("source") or ()), _mention_span(predicted[p].get("speaker"))
            ),
            "cue": _agrees(union(gold[g].get("cue") or ()), _cue_span(predicted[p])),
            "kind": gold[g]["kind"] == predicted[p]["kind"],
            **_speaker_entity_judgements(text, gold[g], predicted[p], mentions_of),
        }
        for g, p in pairs.items()
    }

    counts: Counter[tuple[str, ...]] = Counter()
    for subset, kinds in SUBSETS.items():
        gold_in = [g for g, quote in enumerate(gold) if quote["kind"] in kinds]
        pred_in = [p for p, quote in enumerate(predicted) if quote["kind"] in kinds]
        counts[subset, "gold"] += len(gold_in)
        counts[subset, "predicted"] += len(pred_in)
        for name, matching in matchings.items():
            partners = set(matching.values())
            counts[subset, name, "gold"] += sum(g in matching for g in gold_in)
            counts[subset, name, "predicted"] += sum(p in partners for p in pred_in)
        for g in gold_in:
            if g in judged:
                counts[subset, "pairs"] += 1
                for what, right in judged[g].items():
                    if right is not None:
                        counts[subset, what] += right
                if judged[g]["named"] is not None:
                    counts[subset, "pronominal_pairs"] += 1

    def error(kind: str, g: int | None, p: int | None) -> dict[str, Any]:
        spans = (gold_spans[g] if g is not None else ()) + (pred_spans[p] if p is not None else ())
        start = max(0, min(s for s, _ in spans) - CONTEXT_CHARS)
        return {
            "doc_id": doc_id,
            "error": kind,
            "overlap": None
            if g is None or p is None
            else round(overlap(gold_spans[g], pred_spans[p]), 3),
            "gold": None if g is None else _gold_summary(gold[g]),
            "predicted": None if p is None else _predicted_summary(predicted[p]),
            "context_start": start,
            "context": text[start : max(e for _, e in spans) + CONTEXT_CHARS],
        }

    errors = [error("miss", g, None) for g in range(len(gold)) if g not in pairs]
    partners = set(pairs.values())
    errors += [error("false_positive", None, p) for p in range(len(predicted)) if p not in partners]
    for what in ("speaker", "cue"):
        errors += [
            error(f"wrong_{what}", g, pairs[g]) for g, right in judged.items() if not right[what]
        ]
    return DocumentScore(counts, sorted(errors, key=lambda error: error["context_start"]))


PRONOUNS = frozenset("he she they it i we you him her them his its their who".split())


def _is_pronoun_or_nominal(source_text: str | None) -> bool:
    """A gold source that is not a name: "he", "the spokesman", "officials"."""
    words = (source_text or "").split()
    return bool(words) and (words[0].lower() in PRONOUNS or words[0][0].islower() or words[0] in ("The", "A", "An"))


def _speaker_entity_judgements(
    text: str, gold: Mapping[str, Any], predicted: Mapping[str, Any], mentions_of: Mapping[int, Spans]
) -> dict[str, bool | None]:
    source = union(gold.get("source") or ())
    source_text = " ".join(text[start:end] for start, end in source)
    speaker = predicted.get("speaker") or {}
    mention = _mention_span(speaker)
    entity_mentions = mentions_of.get(speaker.get("entity_id"), ())
    by_entity = _agrees(source, mention) or intersection_size(source, entity_mentions) > 0
    named = None
    if source and _is_pronoun_or_nominal(source_text):
        named = speaker.get("name") is not None and intersection_size(source, mention + entity_mentions) > 0
    return {"speaker_entity": by_entity, "named": named}


def _gold_summary(gold: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "kind": gold["kind"],
        "content": gold["content"],
        "content_text": gold.get("content_text"),
        "source": gold.get("source") or [],
        "source_text": gold.get("source_text"),
        "cue": gold.get("cue") or [],
        "cue_text": gold.get("cue_text"),
    }


def _predicted_summary(quote: Mapping[str, Any]) -> dict[str, Any]:
    speaker = quote.get("speaker") or {}
    return {
        "kind": quote["kind"],
        "content": quote.get("parts") or [[quote["start"], quote["end"]]],
        "content_text": quote.get("text"),
        "speaker": speaker.get("name"),
        "speaker_mention": speaker.get("mention"),
        "cue": quote.get("cue"),
    }


# Reports -----------------------------------------------------------------------------------------


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
            named=Accuracy(counts.get((subset, "named"), 0), counts.get((subset, "pronominal_pairs"), 0)),
            cue=Accuracy(counts.get((subset, "cue"), 0), pairs),
            kind=Accuracy(counts.get((subset, "kind"), 0), pairs),
        )
    return reports


@frozen
class EvaluationReport:
    gold_path: str
    model: str
    documents: int
    gold: int
    predicted: int
    seconds: float  # extraction and scoring, without loading the pipeline
    subsets: dict[str, SubsetReport]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gold_path": self.gold_path,
            "model": self.model,
            "documents": self.documents,
            "gold": self.gold,
            "predicted": self.predicted,
            "seconds": self.seconds,
            "subsets": {name: report.to_dict() for name, report in self.subsets.items()},
        }

    def format(self) -> str:
        """Plain-text tables: quote spans (P/R/F1 in %), then attribution on overlap>0.3 pairs."""
        lines = [
            f"{self.gold_path} | model {self.model} | {self.documents} documents, "
            f"{self.gold} gold, {self.predicted} predicted quotes | {self.seconds:.1f} s",
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
            values = _percent(report.speaker.value, report.speaker_entity.value, report.cue.value, report.kind.value)
            lines.append(
                f"{subset:<13}{report.speaker.total:>6}  {values}{report.named.total:>10}{_percent(report.named.value)}"
            )
        lines += [
            "",
            "speaker: the predicted mention overlaps the gold source; entity: or any mention of the resolved",
            "speaker does; named: of pairs whose gold source is a pronoun or nominal, share resolved to a name",
            "whose mentions include it.",
        ]
        return "\n".join(lines)


def _percent(*values: float) -> str:
    return "".join(f"{100 * value:>6.1f}" for value in values)


def evaluate(
    gold_path: str | Path,
    *,
    nlp: Any = None,
    limit: int | None = None,
    errors_path: str | Path | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    join: bool = True,
) -> EvaluationReport:
    """Run quoteattr over the gold articles' texts and score it (see `score_document`); with
    `join`, continuation quotes are joined to the quote they continue first (see
    `join_continuations`).

    `errors_path` receives one JSON line per miss, false positive, wrong speaker and wrong cue, with
    the article text around it: write it outside the repository.
    """
    from quoteattr.api import extract_many, load

    documents = read_gold(gold_path, limit)
    nlp = nlp if nlp is not None else load()
    started = time.perf_counter()
    results = extract_many(
        (doc.text for doc in documents), nlp=nlp, n_process=n_process, batch_size=batch_size
    )
    counts: Counter[tuple[str, ...]] = Counter()
    errors: list[dict[str, Any]] = []
    for doc, result in zip(documents, results, strict=True):
        predicted = join_continuations(doc.text, result.to_dicts()) if join else result.to_dicts()
        scored = score_document(doc.text, doc.attributions, predicted, doc.doc_id, [e.to_dict() for e in result.entities])
        counts.update(scored.counts)
        errors += scored.errors
    seconds = time.perf_counter() - started
    if errors_path is not None:
        srsly.write_jsonl(errors_path, errors)
    subsets = summarize(counts)
    return EvaluationReport(
        gold_path=str(gold_path),
        model=f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        documents=len(documents),
        gold=subsets["all"].gold,
        predicted=subsets["all"].predicted,
        seconds=seconds,
        subsets=subsets,
    )
