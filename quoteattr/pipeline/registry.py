"""The registered functions that a `quoteattr` config names (entry points `spacy_misc`,
`spacy_scorers`)."""

from __future__ import annotations

from spacy.util import registry

from ..model.scorer import AttributionScorer, packaged_model_path
from ..rules.lexicon import CueLexicon, load_default_lexicon
from .scoring import score_quotes


@registry.misc("quoteattr.cue_lexicon.v1")
def cue_lexicon_v1() -> CueLexicon:
    """The packaged English cue lexicon (`quoteattr/lexicons/en_cues.json`), read when called."""
    return load_default_lexicon()


@registry.misc("quoteattr.packaged_attribution_model.v1")
def packaged_attribution_model_v1() -> AttributionScorer | None:
    """The trained model shipped in `models/quoteattr-polnear`, read when called; None (the rules
    alone) without it."""
    path = packaged_model_path()
    return None if path is None else AttributionScorer.from_disk(path)


@registry.misc("quoteattr.attribution_model.v1")
def attribution_model_v1(path: str) -> AttributionScorer:
    """A model written by `quoteattr train` to `path`."""
    return AttributionScorer.from_disk(path)


@registry.scorers("quoteattr.quotes_scorer.v1")
def make_quotes_scorer():
    """`score_quotes`: precision, recall and F of the quote span group, by label."""
    return score_quotes
