"""Source chains ("Hale told reporters that Lopez had said ...": Lopez's words through Hale) and the
hedge of unnamed sourcing ("sources said")."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from .candidates import Attribution
from .lexicon import CueLexicon

# How far back (characters) an attribution may start and still contain a later cue.
CHAIN_REACH = 3000
MAX_CHAIN_HOPS = 4


def chain_sources(doc: Doc, attributions: list[Attribution]) -> None:
    """ "Hale told reporters that Lopez had said ...": Lopez's words reach us through Hale. An
    attribution whose cue lies in another's content gets that one's chain and speaker as sources,
    outermost first."""
    starts = [a.start for a in attributions]
    for (
        attribution
    ) in attributions:  # in document order: an outer report is chained before its inner ones
        if attribution.cue is None:
            continue
        cue = doc[attribution.cue[0]].idx
        i = bisect.bisect_right(starts, cue) - 1
        while i >= 0 and attributions[i].start >= cue - CHAIN_REACH:
            outer = attributions[i]
            if (
                outer is not attribution
                and outer.speaker is not None
                and any(a <= cue < b for a, b in outer.content)
            ):
                relation = outer.cue_lemma or "reported"
                chain = [*outer.sources, (outer.speaker, relation)]
                # Real reports nest a few deep; a bound keeps adversarial text linear.
                attribution.sources[:0] = chain[-MAX_CHAIN_HOPS:]
                attribution.second_hand = True
                break
            i -= 1


def hedge_anonymous_sources(doc: Doc, attributions: list[Attribution], lexicon: CueLexicon) -> None:
    """ "sources said", "a person familiar with the talks said": unnamed sourcing is a hedge."""
    for attribution in attributions:
        if attribution.hedge is not None or attribution.speaker is None or attribution.cue is None:
            continue
        mention = doc[attribution.speaker[0] : attribution.speaker[1]]
        if mention.root.lower_ in lexicon.anonymous_source_nouns and not any(
            t.tag_ in ("NNP", "NNPS") for t in mention
        ):
            cue = doc[attribution.cue[0] : attribution.cue[1]]
            attribution.hedge = f"{mention.text.lower()} {cue.text.lower()}"
