"""Source chains ("Hale told reporters that Lopez had said ...": Lopez's words through Hale) and the
hedge of unnamed sourcing ("sources said")."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..records import Category
from .candidates import Attribution
from .lexicon import CueLexicon

# How far back (characters) an attribution may start and still contain a later cue.
CHAIN_REACH = 3000
MAX_CHAIN_HOPS = 4
# What a speaker may report of herself inside her own statement.
SELF_REPORTED = frozenset({Category.THOUGHT, Category.STANCE})


def _outer_report(
    doc: Doc, attributions: list[Attribution], starts: list[int], attribution: Attribution
) -> Attribution | None:
    """The attribution with a speaker whose content holds `attribution`'s cue, if any."""
    if attribution.cue is None:
        return None
    cue = doc[attribution.cue[0]].idx
    i = bisect.bisect_right(starts, cue) - 1
    while i >= 0 and attributions[i].start >= cue - CHAIN_REACH:
        outer = attributions[i]
        if (
            outer is not attribution
            and outer.speaker is not None
            and any(a <= cue < b for a, b in outer.content)
        ):
            return outer
        i -= 1
    return None


def chain_sources(doc: Doc, attributions: list[Attribution]) -> None:
    """ "Hale told reporters that Lopez had said ...": Lopez's words reach us through Hale. An
    attribution whose cue lies in another's content gets that one's chain and speaker as sources,
    outermost first."""
    starts = [a.start for a in attributions]
    # In document order: an outer report is chained before its inner ones.
    for attribution in attributions:
        outer = _outer_report(doc, attributions, starts, attribution)
        if outer is not None:
            chain = [*outer.sources, (outer.speaker, outer.cue_lemma or "reported")]
            # Real reports nest a few deep; a bound keeps adversarial text linear.
            attribution.sources[:0] = chain[-MAX_CHAIN_HOPS:]
            attribution.second_hand = True


def fold_self_reports(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """ "Hale said she thinks the plan will fail" is one statement of Hale's: a thought or stance a
    speaker reports of herself, by a pronoun inside her own statement, is no record of its own."""
    starts = [a.start for a in attributions]
    folded = set()
    for attribution in attributions:
        if attribution.category not in SELF_REPORTED or attribution.speaker is None:
            continue
        speaker = doc[attribution.speaker[0] : attribution.speaker[1]]
        if len(speaker) != 1 or speaker[0].tag_ != "PRP":
            continue
        outer = _outer_report(doc, attributions, starts, attribution)
        if outer is not None and outer.category is Category.STATEMENT:
            folded.add(id(attribution))
    return [a for a in attributions if id(a) not in folded]


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
            first, second = (cue, mention) if cue.start < mention.start else (mention, cue)
            attribution.hedge = f"{first.text.lower()} {second.text.lower()}"
