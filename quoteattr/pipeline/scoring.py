"""Scores for `nlp.evaluate`: the quote span group against the gold one."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.scorer import Scorer
from spacy.training import Example

DEFAULT_SPANS_KEY = "quoteattr_quotes"


def score_quotes(
    examples: Iterable[Example], *, spans_key: str = DEFAULT_SPANS_KEY, **kwargs: Any
) -> dict[str, Any]:
    """Exact-match scores of the spans in `doc.spans[spans_key]`, labelled (DIRECT, INDIRECT,
    MIXED) and allowed to overlap: `{spans_key}_p`, `_r`, `_f` and `_per_type`.

    Args:
        examples (Iterable[Example]): predicted and gold Docs; a gold Doc without the span group
            counts as having no quotes.
        spans_key (str): the span group to score.
    RETURNS (dict[str, Any]): the scores.
    """
    kwargs.setdefault("labeled", True)
    return Scorer.score_spans(
        examples,
        attr=spans_key,
        getter=lambda doc, key: doc.spans.get(key, []),
        allow_overlap=True,
        **kwargs,
    )
