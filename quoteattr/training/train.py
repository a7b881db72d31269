"""`quoteattr train`: fit the attribution scorer on PolNeAR-style gold and write it to a directory.

The recipe, all of it seeded: parse the training articles with the base pipeline; list every
candidate (the rules' attributions and the open-class frames) with its features; label a candidate
right when its content covers more than 30% of a gold content (for a frame, of one whose cue it
shares) and its speaker mention, where both have one, overlaps that one's source; fit the
logistic model on k-1 folds of the articles to score the k-th, and choose the two thresholds that
maximise F1 over those held-out scores; fit once more on everything. The development set, when
given, is only scored, never used to choose anything.
"""

from __future__ import annotations

import datetime
import hashlib
import platform
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy
import spacy
import srsly
from attrs import asdict, frozen

from ..about import __version__
from ..evaluation.evaluate import EvaluationReport, evaluate, overlap, read_gold
from ..intervals import intersection_size, union
from ..model.features import FEATURE_VERSION, N_FEATURES
from ..model.frames import Candidate, find_candidates
from ..model.scorer import AttributionScorer
from ..rules.attribute import rule_attributions
from ..rules.context import DocContext
from .card import model_card, pipeline_config
from .fit import fit_scorer

MATCH = 0.3  # a candidate is right when it covers more of a gold content than this (overlap > 0.3)
ADD_THRESHOLDS = tuple(round(0.2 + 0.05 * i, 2) for i in range(13))  # 0.2 ... 0.8
DROP_THRESHOLDS = tuple(
    round(0.05 * i, 2) for i in range(9)
)  # 0 (keep every rule attribution) ... 0.4


@frozen
class TrainingSettings:
    """What `quoteattr train` fixes; the same settings and data give the same weights."""

    seed: int = 0
    epochs: int = 5
    folds: int = 5
    batch_size: int = 64
    learn_rate: float = 0.2
    l2: float = 1e-6


@frozen
class LabelledCandidates:
    rows: list[list[str]]
    labels: numpy.ndarray
    is_frame: numpy.ndarray
    eligible: numpy.ndarray  # frames that may be reported, rule attributions that may be dropped
    document: numpy.ndarray  # index of the article each candidate comes from (for the folds)
    gold: int  # gold attributions with a content, the denominator of recall


def _cue_chars(candidate: Candidate, doc: Any) -> tuple[tuple[int, int], ...]:
    cue = candidate.attribution.cue
    if cue is None:
        return ()
    words = doc[cue[0] : cue[1]]
    return union([(words.start_char, words.end_char)])


def _speaker_chars(candidate: Candidate, doc: Any) -> tuple[tuple[int, int], ...]:
    """The speaker's mention and its sources' ("Xinhua cited Xi as saying": PolNeAR, which
    annotates one level, names Xinhua the source; quoteattr, Xi the speaker and Xinhua a
    source)."""
    attribution = candidate.attribution
    mentions = [attribution.speaker] if attribution.speaker is not None else []
    if attribution.relative_pronoun is not None:
        mentions.append(attribution.relative_pronoun)  # "Hale, who said": the record's mention
    mentions += [tokens for tokens, _ in attribution.sources]
    return union((doc[start:end].start_char, doc[start:end].end_char) for start, end in mentions)


def is_right(candidate: Candidate, doc: Any, gold: Sequence[tuple[tuple, tuple, tuple]]) -> bool:
    """Whether a candidate matches a gold attribution (content, cue, source): its content covers
    more than 30% of the gold content; for a frame, its cue overlaps the gold cue (a frame is
    judged as a cue); and its speaker's or a source's mention, where both sides have one,
    overlaps the gold source (a record with the wrong speaker is wrong)."""
    content = union(candidate.attribution.content)
    cue = _cue_chars(candidate, doc) if candidate.origin == "frame" else ()
    speaker = _speaker_chars(candidate, doc)
    return any(
        overlap(gold_content, content) > MATCH
        and (not cue or not gold_cue or intersection_size(gold_cue, cue) > 0)
        and (not speaker or not gold_source or intersection_size(gold_source, speaker) > 0)
        for gold_content, gold_cue, gold_source in gold
    )


def labelled_candidates(
    path: str | Path, nlp: Any, *, limit: int | None = None, n_process: int = 1
) -> LabelledCandidates:
    """Every candidate of the articles in `path`, with features and labels. `nlp` is a pipeline
    with the `quoteattr` component (which is not run: its lexicon is used)."""
    documents = read_gold(path, limit)
    lexicon = nlp.get_pipe("quoteattr").lexicon
    rows: list[list[str]] = []
    labels: list[bool] = []
    is_frame: list[bool] = []
    eligible: list[bool] = []
    document: list[int] = []
    gold_count = 0
    with nlp.select_pipes(disable=["quoteattr"]):
        docs = nlp.pipe((d.text for d in documents), n_process=n_process, batch_size=16)
        for number, (gold_document, doc) in enumerate(zip(documents, docs, strict=True)):
            gold = [
                (union(g["content"]), union(g.get("cue") or ()), union(g.get("source") or ()))
                for g in gold_document.attributions
                if union(g.get("content") or ())
            ]
            gold_count += len(gold)
            context = DocContext.build(doc, lexicon)
            for candidate in find_candidates(context, rule_attributions(context)):
                rows.append(candidate.features)
                labels.append(is_right(candidate, doc, gold))
                is_frame.append(candidate.origin == "frame")
                eligible.append(candidate.eligible)
                document.append(number)
    return LabelledCandidates(
        rows,
        numpy.array(labels, bool),
        numpy.array(is_frame, bool),
        numpy.array(eligible, bool),
        numpy.array(document),
        gold_count,
    )


def _fit(
    data: LabelledCandidates, selected: numpy.ndarray, settings: TrainingSettings
) -> AttributionScorer:
    return fit_scorer(
        [data.rows[i] for i in numpy.flatnonzero(selected)],
        data.labels[selected],
        seed=settings.seed,
        epochs=settings.epochs,
        batch_size=settings.batch_size,
        learn_rate=settings.learn_rate,
        l2=settings.l2,
    )


def held_out_probabilities(data: LabelledCandidates, settings: TrainingSettings) -> numpy.ndarray:
    """Each candidate's probability from a model fitted without its article's fold."""
    articles = int(data.document.max()) + 1 if len(data.document) else 0
    fold_of = numpy.random.default_rng(settings.seed).permutation(articles) % settings.folds
    folds = fold_of[data.document]
    probabilities = numpy.zeros(len(data.rows))
    for fold in range(settings.folds):
        held_out = folds == fold
        if held_out.any() and (~held_out).any():
            scorer = _fit(data, ~held_out, settings)
            probabilities[held_out] = scorer.probabilities(
                [data.rows[i] for i in numpy.flatnonzero(held_out)]
            )
    return probabilities


def choose_thresholds(
    data: LabelledCandidates, probabilities: numpy.ndarray
) -> tuple[float, float, float]:
    """(add, drop, F1): the thresholds under which the kept candidates (rule attributions and
    eligible frames) reach the best F1 against the gold count, smoothed over the grid. Candidates
    stand in for matched attributions and nested frames are not resolved, so this F1 is an
    estimate."""
    droppable, frames = ~data.is_frame & data.eligible, data.is_frame & data.eligible
    kept_anyway = ~data.is_frame & ~data.eligible
    f1 = numpy.zeros((len(DROP_THRESHOLDS), len(ADD_THRESHOLDS)))
    for i, drop in enumerate(DROP_THRESHOLDS):
        kept_rules = kept_anyway | (droppable & (probabilities >= drop))
        for j, add in enumerate(ADD_THRESHOLDS):
            kept = kept_rules | (frames & (probabilities >= add))
            right = int((kept & data.labels).sum())
            f1[i, j] = 2 * right / (int(kept.sum()) + data.gold) if data.gold else 0.0
    # The best mean over each point's grid neighbours, not the best point: a lone peak is noise of
    # the folds, and the model is fitted again on all of them.
    padded = numpy.pad(f1, 1, mode="edge")
    smoothed = sum(
        padded[1 + di : 1 + di + f1.shape[0], 1 + dj : 1 + dj + f1.shape[1]]
        for di in (-1, 0, 1)
        for dj in (-1, 0, 1)
    )
    i, j = numpy.unravel_index(int(numpy.argmax(smoothed)), smoothed.shape)
    return ADD_THRESHOLDS[j], DROP_THRESHOLDS[i], float(f1[i, j])


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _rounded(measure: dict[str, Any]) -> dict[str, float]:
    return {key: round(measure[key], 6) for key in ("precision", "recall", "f1")}


def _scores(report: EvaluationReport) -> dict[str, Any]:
    """All attributions under each measure, speaker and cue accuracy, and direct+mixed quotes."""
    subsets = report.to_dict()["subsets"]
    data = subsets["all"]
    return {
        "measures": {name: _rounded(measure) for name, measure in data["measures"].items()},
        **{
            what: round(data[what]["accuracy"], 6)
            for what in ("speaker", "speaker_entity", "named", "cue", "kind")
        },
        "direct+mixed": _rounded(subsets["direct+mixed"]["measures"]["overlap>0.3"]),
        "predicted": data["predicted"],
        "gold": data["gold"],
        "seconds": round(report.seconds, 1),
    }


def train(
    train_path: str | Path,
    output: str | Path,
    *,
    dev_path: str | Path | None = None,
    model: str | None = None,
    settings: TrainingSettings = TrainingSettings(),
    limit: int | None = None,
    n_process: int = 1,
) -> dict[str, Any]:
    """Train the attribution scorer on `train_path` and write it, with meta.json, config.cfg and a
    model card (README.md), to `output`; score it against the rules on `dev_path` if given.
    RETURNS (dict): the meta written."""
    from ..api import UNUSED_COMPONENTS, add_components, load, load_base

    started = time.perf_counter()
    train_path, output = Path(train_path), Path(output)
    rules_nlp = load(model, trained=False)
    data = labelled_candidates(train_path, rules_nlp, limit=limit, n_process=n_process)
    if not data.rows or not data.labels.any() or data.labels.all():
        raise ValueError(
            f"{train_path} gives no usable training data: it needs articles with gold attributions."
        )
    add, drop, estimate = choose_thresholds(data, held_out_probabilities(data, settings))
    scorer = _fit(data, numpy.ones(len(data.rows), bool), settings)
    scorer.add_threshold, scorer.drop_threshold = add, drop
    scorer.to_disk(output)
    meta: dict[str, Any] = {
        "name": output.name,
        "description": "quoteattr's trained attribution scorer (see README.md, the model card).",
        "quoteattr_version": __version__,
        "spacy_version": spacy.__version__,
        "base_pipeline": (
            f"{rules_nlp.meta.get('lang')}_{rules_nlp.meta.get('name')} "
            f"{rules_nlp.meta.get('version')}"
        ),
        "trained": datetime.date.today().isoformat(),
        "python": platform.python_version(),
        "data": {
            "train": train_path.name,
            "train_sha256": _sha256(train_path),
            "articles": int(data.document.max()) + 1,
            "gold_attributions": data.gold,
            "candidates": len(data.rows),
            "frames": int(data.is_frame.sum()),
            "right_candidates": int(data.labels.sum()),
        },
        "settings": asdict(settings),
        "features": {"version": FEATURE_VERSION, "hashed_into": N_FEATURES},
        "thresholds": {"add": add, "drop": drop, "held_out_f1_estimate": round(estimate, 4)},
    }
    if dev_path is not None:
        dev_path = Path(dev_path)
        rules = evaluate(dev_path, nlp=rules_nlp, n_process=n_process)
        # Built afresh: `load` caches pipelines, and this path may hold an older model.
        trained_nlp = add_components(load_base(model, exclude=UNUSED_COMPONENTS), trained=output)
        trained = evaluate(dev_path, nlp=trained_nlp, n_process=n_process)
        meta["dev"] = {
            "path": dev_path.name,
            "sha256": _sha256(dev_path),
            "rules": _scores(rules),
            "trained": _scores(trained),
        }
    meta["seconds"] = round(time.perf_counter() - started, 1)
    srsly.write_json(output / "meta.json", meta)
    (output / "config.cfg").write_text(pipeline_config(output, asdict(settings)), encoding="utf8")
    (output / "README.md").write_text(model_card(meta), encoding="utf8")
    return meta


__all__ = [
    "TrainingSettings",
    "choose_thresholds",
    "held_out_probabilities",
    "is_right",
    "labelled_candidates",
    "model_card",
    "train",
]
