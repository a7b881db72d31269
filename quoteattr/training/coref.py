"""`quoteattr train-coref`: fit the ranker of pronouns' candidate antecedents
(`quoteattr.rules.ranking`) on GAP development and GUM train, and write it as a model directory.

Every pronoun whose gold referent is among the candidates the hard constraints allow, and which
has more than one, is an example: a softmax over its candidates' features, the gold one to win.
The resolver that gathers them orders earlier pronouns by the hand-set salience, so the result
does not depend on a ranker shipped before. Training is full-batch gradient descent from zero
weights in float64: the same data gives the same weights, run after run.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import Any

import numpy as np
import srsly
from attrs import frozen

from ..evaluation.coref import (
    _overlaps,
    _parsed,
    _resolver,
    evaluate_gap,
    gap_items,
    gum_targets,
    read_gap,
    read_gum,
)
from ..rules.ranking import FEATURE_VERSION, FEATURES, SPEAKER_PRIOR, PronounRanker


@frozen
class Settings:
    epochs: int = 2000
    learn_rate: float = 0.5
    l2: float = 1e-3


@frozen
class Example:
    features: np.ndarray  # (candidates, features)
    gold: int  # the index of the gold candidate
    weight: float = 1.0  # its share of the loss (see `balanced`)


def balanced(*corpora: list[Example]) -> list[Example]:
    """The examples of every corpus, each corpus weighing as much as the largest: GAP's short
    Wikipedia paragraphs would otherwise teach the ranker that salience built over a long
    article (GUM's) does not matter."""
    largest = max(len(corpus) for corpus in corpora)
    return [
        Example(e.features, e.gold, e.weight * largest / len(corpus))
        for corpus in corpora
        if corpus
        for e in corpus
    ]


def _gold_index(candidates: list[Any], holds) -> int | None:
    """The one candidate `holds` accepts, else None (no gold candidate, or several)."""
    found = [i for i, entity in enumerate(candidates) if holds(entity)]
    return found[0] if len(found) == 1 else None


def _example(found: Any, holds) -> Example | None:
    if found is None:
        return None
    candidates, features = found
    if len(candidates) < 2:
        return None
    gold = _gold_index(candidates, holds)
    return None if gold is None else Example(features, gold)


def gap_examples(rows: list[dict[str, Any]], nlp: Any) -> list[Example]:
    """One example per GAP row whose pronoun refers to A or B, read as `evaluate_gap` reads it
    (GAP's page context, A and B given)."""
    examples = []
    items = gap_items(rows)
    for row, item, doc in zip(rows, items, _parsed((i.text for i in items), nlp), strict=True):
        which = next((w for w in (0, 1) if row["AB"[w] + "-coref"].upper() == "TRUE"), None)
        if which is None:
            continue
        resolver = item.resolver(doc, ranker=None)
        found = resolver.pronoun_candidates(*item.pronoun)
        example = _example(
            found, lambda entity, which=which: item.holds(entity, which, resolver.entities)
        )
        if example is not None:
            examples.append(example)
    return examples


def gum_examples(documents: list[dict[str, Any]], nlp: Any) -> list[Example]:
    """One example per scored GUM pronoun (`gum_targets`), resolved in text order."""
    examples = []
    for document, doc in zip(documents, _parsed((d["text"] for d in documents), nlp), strict=True):
        resolver = _resolver(doc, ranker=None)
        by_id = {mention["id"]: mention for mention in document["mentions"]}
        for mention, _, how in gum_targets(document):
            if how != "pronoun":
                continue
            cluster = document["clusters"][mention["cluster"]]
            proper = [
                (by_id[m]["start"], by_id[m]["end"])
                for m in cluster["mentions"]
                if by_id[m]["mention_type"] == "proper"
            ]

            def holds(entity, proper=proper) -> bool:
                return any(_overlaps(entity.mentions, a, b) for a, b in proper)

            found = resolver.pronoun_candidates(mention["start"], mention["end"])
            example = _example(found, holds)
            if example is not None:
                examples.append(example)
            resolver.resolve(mention["start"], mention["end"], [])
    return examples


def fit(examples: list[Example], settings: Settings) -> tuple[np.ndarray, float]:
    """Softmax-ranking weights and the final log loss, each example weighed by its `weight`."""
    matrix = np.concatenate([example.features for example in examples])
    sizes = np.array([len(example.features) for example in examples])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    gold_rows = starts + np.array([example.gold for example in examples])
    group = np.repeat(np.arange(len(examples)), sizes)
    example_weights = np.array([example.weight for example in examples])
    example_weights = example_weights / example_weights.sum()
    weights = np.zeros(len(FEATURES))
    loss = 0.0
    for _ in range(settings.epochs):
        scores = matrix @ weights
        scores = scores - np.maximum.reduceat(scores, starts)[group]
        exp = np.exp(scores)
        totals = np.add.reduceat(exp, starts)
        probabilities = exp / totals[group]
        loss = float(example_weights @ (np.log(totals) - scores[gold_rows]))
        probabilities[gold_rows] -= 1.0
        probabilities *= example_weights[group]
        gradient = matrix.T @ probabilities + settings.l2 * weights
        weights = weights - settings.learn_rate * gradient
    return weights, loss


def accuracy(weights: np.ndarray, examples: list[Example]) -> float:
    right = sum(int(np.argmax(e.features @ weights)) == e.gold for e in examples)
    return right / len(examples) if examples else 0.0


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def train_coref(
    gap: Path,
    gum: Path | None,
    output: Path,
    *,
    nlp: Any,
    settings: Settings,
    validation: Path | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Gather the examples, fit, write `output` (the ranker's weights and meta.json) and return
    the meta. `validation`: a GAP file scored with the ranker and with the hand-set order."""
    started = time.perf_counter()
    examples = gap_examples(read_gap(gap, limit), nlp)
    data: dict[str, Any] = {
        "gap": {"file": gap.name, "sha256": _sha256(gap), "examples": len(examples)}
    }
    if gum is not None:
        gum_part = gum_examples(read_gum(gum, limit), nlp)
        data["gum"] = {"file": gum.name, "sha256": _sha256(gum), "examples": len(gum_part)}
        examples = balanced(examples, gum_part)
    if not examples:
        raise ValueError("no usable training data: no pronoun with a gold candidate among others")
    weights, loss = fit(examples, settings)
    weights[FEATURES.index("speaker")] = SPEAKER_PRIOR  # no example has an attributed speaker
    ranker = PronounRanker(weights)
    ranker.to_disk(output)
    meta: dict[str, Any] = {
        "feature_version": FEATURE_VERSION,
        "data": data,
        "settings": {
            "epochs": settings.epochs,
            "learn_rate": settings.learn_rate,
            "l2": settings.l2,
        },
        "training": {
            "examples": len(examples),
            "log_loss": round(loss, 6),
            "accuracy": round(accuracy(weights, examples), 6),
            "hand_set_accuracy": round(sum(e.gold == 0 for e in examples) / len(examples), 6),
        },
    }
    if validation is not None:
        meta["validation"] = {"file": validation.name}
        for name, order in (("ranker", ranker), ("hand_set", None)):
            report = evaluate_gap(validation, nlp=nlp, ranker=order)
            meta["validation"][name] = {
                group: round(getattr(report, group).f1, 6)
                for group in ("masculine", "feminine", "overall")
            }
    meta["seconds"] = round(time.perf_counter() - started, 1)
    srsly.write_json(output / "meta.json", meta)
    return meta
