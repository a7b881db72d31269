"""The model card (README.md) of a pronoun ranker written by `quoteattr train-coref`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import srsly

from ..rules.ranking import WEIGHTS_FILE

COMMAND = (
    "quoteattr train-coref --gap ../shared/data/gap/gap-development.tsv "
    "--gum ../shared/data/gum/train.jsonl --validation ../shared/data/gap/gap-validation.tsv "
    "--output models/quoteattr-coref"
)


def write_card(output: Path, meta: dict[str, Any]) -> None:
    data, settings, training = meta["data"], meta["settings"], meta["training"]
    sources = [f"GAP `{data['gap']['file']}` ({data['gap']['examples']} examples)"]
    if "gum" in data:
        sources.append(f"GUM `{data['gum']['file']}` ({data['gum']['examples']} examples)")
    weights = srsly.read_json(output / WEIGHTS_FILE)["features"]
    lines = [
        "# quoteattr-coref: the ranker of pronouns' candidate antecedents",
        "",
        "Written by `quoteattr train-coref` (do not edit by hand: retraining rewrites it).",
        "",
        "## What it does",
        "",
        "The speaker resolver keeps, for a third-person pronoun, the entities the hard constraints",
        "allow (type, gender, binding; docs/speakers.md). This ranker orders them: a log-linear",
        "score over features of each (pronoun, entity) pair (`quoteattr.rules.ranking.FEATURES`):",
        "the hand-set salience, the latest mention's distance and grammatical role, parallel",
        "roles, mention counts, gender evidence, clause subjects, being named in a headline,",
        "being a recent speaker.",
        "",
        "The pipeline orders pronouns' candidates by it (docs/benchmarks.md has its scores",
        "against the hand-set order); `EntityResolver(context, ranker=None)` and",
        "`quoteattr evaluate-coref --hand-set` use the hand-set order instead.",
        "",
        "## Training data",
        "",
        "Every pronoun whose gold referent is one of two or more candidates (GAP rows read as",
        "`quoteattr evaluate-coref` reads them: the page's title as a headline, A and B given),",
        "each corpus weighing alike: " + " and ".join(sources) + ".",
        "The files' sha256 are in meta.json. The weights are one number per feature: they hold",
        "no text of the data.",
        "",
        "## Settings",
        "",
        f"Feature version {meta['feature_version']}; full-batch gradient descent from zero,",
        f"{settings['epochs']} steps of {settings['learn_rate']}, L2 {settings['l2']}. The",
        "weight of `speaker` is set by hand (`ranking.SPEAKER_PRIOR`): no example has an",
        "attributed speaker to learn it from.",
        f"Training examples {training['examples']}: the ranker's first candidate is the gold",
        f"one in {100 * training['accuracy']:.1f}%, the hand-set order's in "
        f"{100 * training['hand_set_accuracy']:.1f}%.",
        "",
    ]
    if "validation" in meta:
        validation = meta["validation"]
        lines += [
            f"## Evaluation: GAP `{validation['file']}` (page context; F1 of GAP's scorer, in %)",
            "",
            "| order | masculine | feminine | overall |",
            "|---|---|---|---|",
        ]
        for name in ("hand_set", "ranker"):
            scores = validation[name]
            lines.append(
                f"| {name.replace('_', '-')} | {100 * scores['masculine']:.1f} | "
                f"{100 * scores['feminine']:.1f} | {100 * scores['overall']:.1f} |"
            )
        lines.append("")
    lines += [
        "## Weights",
        "",
        "| feature | weight |",
        "|---|---|",
        *(f"| {name} | {weight:+.3f} |" for name, weight in weights.items()),
        "",
        "## Limits",
        "",
        "- GAP is Wikipedia text and GUM mixes six genres: news, where most speakers are, is a",
        "  small part of what it learned from.",
        "- Neither GAP nor GUM attributes quotes, so no training example has a recent speaker:",
        "  the `speaker` feature's weight stays 0 (the `salience` feature leaves the hand-set",
        "  speaker bonus out), and having spoken does not move a candidate up.",
        "- Its features come from the base pipeline's parse (en_core_web_sm): with another base",
        "  pipeline the numbers above do not hold.",
        "",
        "## Reproduce",
        "",
        "From a checkout beside `shared/` (tests/test_coref_ranker.py checks that this gives these",
        "weights again):",
        "",
        "```",
        COMMAND,
        "```",
        "",
    ]
    (output / "README.md").write_text("\n".join(lines), encoding="utf-8")
