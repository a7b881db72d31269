"""Fitting the attribution model: mini-batch AdaGrad on the logistic loss over hashed features."""

from __future__ import annotations

from collections.abc import Sequence

import numpy

from ..model.features import N_FEATURES, hash_features
from ..model.scorer import AttributionScorer


def fit_scorer(
    rows: Sequence[Sequence[str]],
    labels: Sequence[bool],
    *,
    seed: int = 0,
    epochs: int = 10,
    batch_size: int = 64,
    learn_rate: float = 0.2,
    l2: float = 1e-6,
) -> AttributionScorer:
    """Train by mini-batch AdaGrad on the logistic loss; the same rows and seed give the same
    weights."""
    indices, offsets = hash_features(rows)
    targets = numpy.asarray(labels, dtype=numpy.float64)
    weights = numpy.zeros(N_FEATURES, dtype=numpy.float64)
    squares = numpy.full(N_FEATURES, 1e-8)
    generator = numpy.random.default_rng(seed)
    for _ in range(epochs):
        order = generator.permutation(len(targets))
        for start in range(0, len(order), batch_size):
            batch = order[start : start + batch_size]
            batch_indices = numpy.concatenate([indices[offsets[i] : offsets[i + 1]] for i in batch])
            lengths = offsets[batch + 1] - offsets[batch]
            logits = numpy.add.reduceat(
                weights[batch_indices], numpy.r_[0, numpy.cumsum(lengths)[:-1]]
            )
            errors = 1.0 / (1.0 + numpy.exp(-logits)) - targets[batch]
            gradient = numpy.zeros(N_FEATURES)
            numpy.add.at(gradient, batch_indices, numpy.repeat(errors, lengths))
            touched = numpy.unique(batch_indices)
            gradient[touched] += l2 * weights[touched]
            squares[touched] += gradient[touched] ** 2
            weights[touched] -= learn_rate * gradient[touched] / numpy.sqrt(squares[touched])
    return AttributionScorer(weights.astype(numpy.float32))
