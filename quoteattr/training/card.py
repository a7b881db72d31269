"""What `quoteattr train` writes beside the weights: the pipeline config and the model card, made
from the model's meta."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..model.scorer import PACKAGED_MODEL


def pipeline_config(output: Path, settings: dict[str, Any]) -> str:
    """The component block that loads this model, and the settings it was trained with."""
    lines = [
        "# The quoteattr component with this model (quoteattr.load(trained=PATH) builds it).",
        "[components.quoteattr]",
        'factory = "quoteattr"',
        "",
        "[components.quoteattr.attribution_model]",
        '@misc = "quoteattr.attribution_model.v1"',
        f'path = "{output.as_posix()}"',
        "",
        "# quoteattr train's settings (quoteattr train --help).",
        "[training]",
        *(f"{key} = {value}" for key, value in settings.items()),
        "",
    ]
    return "\n".join(lines)


def _score_rows(dev: dict[str, Any]) -> list[str]:
    rows = []
    for name in ("rules", "trained"):
        scores = dev[name]
        measures = scores["measures"]
        cells = [
            f"{100 * measures[m]['f1']:.1f}"
            for m in ("overlap>0.3", "overlap>0.8", "jaccard>=0.5", "exact")
        ]
        best = measures["overlap>0.3"]
        rows.append(
            f"| {name} | {100 * best['precision']:.1f} | {100 * best['recall']:.1f} | "
            + " | ".join(cells)
            + f" | {100 * scores['speaker']:.1f} | {100 * scores['speaker_entity']:.1f}"
            f" | {100 * scores['cue']:.1f} |"
        )
    return rows


def model_card(meta: dict[str, Any]) -> str:
    """The model card, written from the meta so that the two always agree."""
    data = meta["data"]
    lines = [
        f"# {meta['name']}: quoteattr's trained attribution scorer",
        "",
        "Written by `quoteattr train` (do not edit by hand: retraining rewrites it).",
        "",
        "## What it does",
        "",
        (
            "The rules find speech and writing cues from a "
            "lexicon. This model adds what a lexicon cannot"
        ),
        (
            "list: beliefs, intentions, support and criticism "
            '("wants to", "backs the plan", "attacked the'
        ),
        'deal as a fraud"). Every verb, every noun with a clause or a topic and every predicative',
        (
            "adjective with a complement is a candidate "
            "frame (cue = the word, content = its complement,"
        ),
        (
            "speaker = its subject or owner); a logistic "
            "regression over hashed features of the cue, the"
        ),
        (
            "complement, the speaker and the rules' own "
            "findings accepts frames, and drops improbable rule"
        ),
        "attributions. A frame without a speaker, in a heading, or inside another report is never",
        "reported (docs/training.md lists every such rule).",
        "",
        "## Training data",
        "",
        f"PolNeAR v1.0.0 train split (`{data['train']}`, sha256 `{data['train_sha256'][:16]}...`):",
        (
            f"{data['articles']} English political news articles "
            f"(2015-2016), {data['gold_attributions']} gold"
        ),
        (
            f"attributions; {data['candidates']} candidates "
            f"({data['frames']} frames), {data['right_candidates']} right."
        ),
        "The weights are hashed features: they hold no article text and no strings at all.",
        "",
        "## Settings",
        "",
        (
            f"Base pipeline {meta['base_pipeline']}, spaCy "
            f"{meta['spacy_version']}, quoteattr {meta['quoteattr_version']},"
        ),
        (
            f"feature version {meta['features']['version']} "
            f"({meta['features']['hashed_into']} weights)."
        ),
        "Training: " + ", ".join(f"{key} {value}" for key, value in meta["settings"].items()) + ".",
        (
            "Thresholds chosen on held-out folds of train: add "
            f"a frame from p >= {meta['thresholds']['add']},"
        ),
        (
            f"drop a rule attribution below p < {meta['thresholds']['drop']} "
            f"(estimated F1 {meta['thresholds']['held_out_f1_estimate']})."
        ),
        f"Trained {meta['trained']} in {meta['seconds']} s.",
    ]
    dev = meta.get("dev")
    if dev is not None:
        lines += [
            "",
            f"## Evaluation: PolNeAR dev (`{dev['path']}`), all attributions",
            "",
            (
                "| pipeline | P | R | F1 overlap>0.3 | F1 overlap>0.8 | F1 "
                "jaccard>=0.5 | F1 exact | speaker | speaker entity | cue |"
            ),
            "|---|---|---|---|---|---|---|---|---|---|",
            *_score_rows(dev),
        ]
    lines += [
        "",
        "## Limits",
        "",
        (
            "- Trained on US political news of 2015-2016, "
            "annotated by one annotator per article; other"
        ),
        "  genres and years will score lower.",
        (
            "- Its features come from the base pipeline's "
            "tags and parse: with another base pipeline the"
        ),
        "  scores above do not hold.",
        "- PolNeAR's idea of an attribution is broad (beliefs, stances, reports), and the model",
        "  is trained and scored on every category; `quoteattr.extract` reports statements",
        '  unless asked for more (`categories="all"`).',
        "",
        "## Reproduce",
        "",
        "```bash",
        (
            "quoteattr train ../shared/data/polnear/train.jsonl "
            "--dev ../shared/data/polnear/dev.jsonl \\"
        ),
        f"    --output models/{PACKAGED_MODEL}",
        "```",
        "",
    ]
    return "\n".join(lines)
