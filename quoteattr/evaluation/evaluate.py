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
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import srsly
from attrs import field, frozen

from ..api import DEFAULT_BATCH_SIZE
from ..records import Category
from ..selection import ALL, CategoriesSetting
from .report import (
    SUBSETS,
    Accuracy,
    EvaluationReport,
    PrecisionRecall,
    SubsetReport,
    bin_name,
    precision_tables,
    summarize,
)
from .spans import (
    EDGE_MARKS,
    MEASURES,
    PAIRING,
    Spans,
    intersection_size,
    jaccard,
    match,
    overlap,
    trim,
    union,
)

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

CONTEXT_CHARS = 150


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
    mentions_of = {
        e["entity_id"]: union((m["start"], m["end"]) for m in e["mentions"]) for e in entities
    }
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
    paired = set(pairs.values())
    for p, quote in enumerate(predicted):
        for table, name in (
            ("category", quote.get("category", "statement")),
            ("confidence", bin_name(quote.get("confidence", 1.0))),
        ):
            counts[table, name, "predicted"] += 1
            counts[table, name, "matched"] += p in paired

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
    for what in ("speaker", "cue", "named"):
        errors += [
            error(f"wrong_{'name' if what == 'named' else what}", g, pairs[g])
            for g, right in judged.items()
            if right[what] is False
        ]
    return DocumentScore(counts, sorted(errors, key=lambda error: error["context_start"]))


PRONOUNS = frozenset("he she they it i we you him her them his its their who".split())


def _is_pronoun_or_nominal(source_text: str | None) -> bool:
    """A gold source that is not a name: "he", "the spokesman", "officials"."""
    words = (source_text or "").split()
    return bool(words) and (
        words[0].lower() in PRONOUNS or words[0][0].islower() or words[0] in ("The", "A", "An")
    )


def _speaker_entity_judgements(
    text: str,
    gold: Mapping[str, Any],
    predicted: Mapping[str, Any],
    mentions_of: Mapping[int, Spans],
) -> dict[str, bool | None]:
    source = union(gold.get("source") or ())
    source_text = " ".join(text[start:end] for start, end in source)
    speaker = predicted.get("speaker") or {}
    mention = _mention_span(speaker)
    entity_mentions = mentions_of.get(speaker.get("entity_id"), ())
    by_entity = _agrees(source, mention) or intersection_size(source, entity_mentions) > 0
    named = None
    if source and _is_pronoun_or_nominal(source_text):
        named = (
            speaker.get("name") is not None
            and intersection_size(source, mention + entity_mentions) > 0
        )
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


def evaluate(
    gold_path: str | Path,
    *,
    nlp: Any = None,
    limit: int | None = None,
    errors_path: str | Path | None = None,
    n_process: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    join: bool = True,
    categories: CategoriesSetting = ALL,
    min_confidence: float | None = None,
) -> EvaluationReport:
    """Run quoteattr over the gold articles' texts and score it (see `score_document`); with
    `join`, continuation quotes are joined to the quote they continue first (see
    `join_continuations`).

    `categories` are those scored: all of them by default, since PolNeAR annotates beliefs and
    stances as well as statements; `min_confidence` leaves out the records below it.

    `errors_path` receives one JSON line per miss, false positive, wrong speaker and wrong cue, with
    the article text around it: write it outside the repository.
    """
    from quoteattr.api import extract_many, load

    documents = read_gold(gold_path, limit)
    nlp = nlp if nlp is not None else load()
    started = time.perf_counter()
    results = extract_many(
        (doc.text for doc in documents),
        nlp=nlp,
        n_process=n_process,
        batch_size=batch_size,
        categories=categories,
        min_confidence=min_confidence,
    )
    counts: Counter[tuple[str, ...]] = Counter()
    errors: list[dict[str, Any]] = []
    for doc, result in zip(documents, results, strict=True):
        predicted = join_continuations(doc.text, result.to_dicts()) if join else result.to_dicts()
        scored = score_document(
            doc.text,
            doc.attributions,
            predicted,
            doc.doc_id,
            [e.to_dict() for e in result.entities],
        )
        counts.update(scored.counts)
        errors += scored.errors
    seconds = time.perf_counter() - started
    if errors_path is not None:
        srsly.write_jsonl(errors_path, errors)
    subsets = summarize(counts)
    by_category, reliability = precision_tables(counts, [c.value for c in Category])
    return EvaluationReport(
        gold_path=str(gold_path),
        model=f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
        documents=len(documents),
        gold=subsets["all"].gold,
        predicted=subsets["all"].predicted,
        seconds=seconds,
        subsets=subsets,
        categories=by_category,
        reliability=reliability,
        selection=categories if isinstance(categories, str) else ",".join(categories),
    )
