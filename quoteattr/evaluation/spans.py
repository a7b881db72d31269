"""Character sets as sorted, disjoint [start, end) intervals, the measures on them, and the
one-to-one matching of gold and predicted quotes (see `quoteattr.evaluation.evaluate`)."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence

from ..intervals import Spans, intersection_size, size, union

# The characters scoring treats as a span's edge: trimmed from gold and predicted pieces (`trim`)
# and taken into a prediction that they border (`_predicted_content`). Not `marks.QUOTE_MARKS`, the
# marks quoteattr pairs into quotes: this set also has the backtick, and making them one set would
# change the scores.
EDGE_MARKS = frozenset("\"'“”‘’«»‹›„‟‚‛`")


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
