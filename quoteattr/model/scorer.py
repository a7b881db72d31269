"""The trained attribution model at run time: a logistic regression over hashed candidate features
that accepts open-class frames and drops improbable rule attributions; its files and where the
packaged one lives."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy
import srsly
from attrs import define, field

from ..errors import Errors
from ..rules.candidates import Attribution, drop_duplicates
from .features import FEATURE_VERSION, N_FEATURES, hash_features

if TYPE_CHECKING:
    from ..rules.context import DocContext


PACKAGED_MODEL = "quoteattr-polnear"
WEIGHTS_FILE = "weights.npy"
SETTINGS_FILE = "scorer.json"


def _logits(
    weights: numpy.ndarray, indices: numpy.ndarray, offsets: numpy.ndarray
) -> numpy.ndarray:
    sums = numpy.add.reduceat(weights[indices], offsets[:-1]) if len(indices) else numpy.zeros(0)
    sums[offsets[:-1] == offsets[1:]] = 0.0  # reduceat gives an empty row its next value
    return sums


@define
class AttributionScorer:
    """Logistic regression over hashed candidate features.

    Args:
        weights (numpy.ndarray): `N_FEATURES` float32 weights.
        add_threshold (float): a frame is kept from this probability on.
        drop_threshold (float): a rule attribution is dropped below this probability (0: never).
    """

    weights: numpy.ndarray = field(repr=False)
    add_threshold: float = 0.5
    drop_threshold: float = 0.0

    def probabilities(self, rows: Sequence[Sequence[str]]) -> numpy.ndarray:
        if not rows:
            return numpy.zeros(0)
        indices, offsets = hash_features(rows)
        return 1.0 / (1.0 + numpy.exp(-_logits(self.weights, indices, offsets)))

    def select(
        self, context: DocContext, rule_attributions: list[Attribution]
    ) -> list[Attribution]:
        """The rule attributions it keeps and the frames it accepts, in document order.

        A rule attribution is dropped below `drop_threshold`, unless it lies inside another's
        content: a link of a source chain ("X told reporters that Y had said ...") is kept.

        A frame is taken only when eligible: with a speaker (quoteattr says who said what: a
        stance held by nobody named is not reported), outside headings (a headline's verb states
        the news: "Putin congratulates China"), not the setting of a rule's report ("addressed an
        audience, calling for ...": the calling is the report) and outside every content already
        kept (a stance inside a report, "expressed a desire to ...", is part of that report).
        """
        from .frames import contents, find_candidates  # the rules' syntax, with its word lists

        doc = context.doc
        candidates = find_candidates(context, rule_attributions, judged_only=True)
        judged = [c for c in candidates if c.eligible]
        probability = dict(zip(map(id, judged), self.probabilities([c.features for c in judged])))
        for candidate in judged:
            candidate.attribution.probability = float(probability[id(candidate)])
        kept = [
            c.attribution
            for c in candidates
            if c.origin == "rule" and (not c.eligible or probability[id(c)] >= self.drop_threshold)
        ]
        frames = sorted(
            (
                (probability[id(c)], c.attribution)
                for c in judged
                if c.origin == "frame" and probability[id(c)] >= self.add_threshold
            ),
            key=lambda pair: -pair[0],
        )
        covered = contents(kept)
        for _, frame in frames:  # the most probable first: of two nested frames, it is kept
            if not covered.covers(doc[frame.cue[0]].idx):
                kept.append(frame)
                for start, end in frame.content:
                    covered.add(start, end)
        kept.sort(key=lambda a: (a.start, a.end))
        return drop_duplicates(kept)

    def settings(self) -> dict[str, Any]:
        return {
            "feature_version": FEATURE_VERSION,
            "n_features": N_FEATURES,
            "add_threshold": self.add_threshold,
            "drop_threshold": self.drop_threshold,
        }

    @classmethod
    def from_settings(
        cls, settings: dict[str, Any], weights: numpy.ndarray, source: object
    ) -> AttributionScorer:
        """The scorer of `weights` and their settings; `source` names where they came from."""
        if settings.get("feature_version") != FEATURE_VERSION or weights.shape != (N_FEATURES,):
            raise ValueError(
                Errors.E008.format(
                    path=source, found=settings.get("feature_version"), expected=FEATURE_VERSION
                )
            )
        return cls(
            weights,
            add_threshold=settings["add_threshold"],
            drop_threshold=settings["drop_threshold"],
        )

    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        numpy.save(path / WEIGHTS_FILE, self.weights)
        srsly.write_json(path / SETTINGS_FILE, self.settings())

    @classmethod
    def from_disk(cls, path: str | Path) -> AttributionScorer:
        path = Path(path)
        if not (path / SETTINGS_FILE).is_file() or not (path / WEIGHTS_FILE).is_file():
            raise FileNotFoundError(
                Errors.E007.format(path=path, files=f"{SETTINGS_FILE} and {WEIGHTS_FILE}")
            )
        weights = numpy.load(path / WEIGHTS_FILE, allow_pickle=False)
        return cls.from_settings(srsly.read_json(path / SETTINGS_FILE), weights, path)

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps(
            {"settings": self.settings(), "weights": self.weights.astype("<f4").tobytes()}
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> AttributionScorer:
        message = srsly.msgpack_loads(data)
        weights = numpy.frombuffer(message["weights"], dtype="<f4").astype(numpy.float32)
        return cls.from_settings(message["settings"], weights, "bytes")


def packaged_model_path() -> Path | None:
    """The trained model shipped with quoteattr: in the source checkout's `models/` (a clone, an
    editable install: a retrained model is used at once), else inside the installed package (a
    wheel); None when neither has it."""
    for models in (
        Path(__file__).resolve().parents[2] / "models",
        Path(str(resources.files("quoteattr"))) / "models",
    ):
        if (models / PACKAGED_MODEL / SETTINGS_FILE).is_file():
            return models / PACKAGED_MODEL
    return None
