"""Quotes without a cue continue a nearby speaker: of their paragraph, of the cue right after
them ('..., he added.'), or of the previous paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidates import Attribution, Via

if TYPE_CHECKING:
    from .speakers import EntityResolver


def continue_speakers(resolver: EntityResolver, attributions: list[Attribution]) -> None:
    """A quote with no cue continues the speaker of its paragraph; else '..., he added.' in the
    next sentence gives it that speaker; else it continues the previous paragraph's speaker. A run
    of such quote paragraphs continues the same speaker."""
    last: Attribution | None = None  # the latest quote with a speaker, found or continued
    for i, attribution in enumerate(attributions):
        if attribution.speaker is not None or attribution.cue is not None:
            if attribution.speaker is not None:
                last = attribution
            continue
        here = resolver.paragraph_of(attribution.start)
        there = resolver.paragraph_of(last.end) if last is not None else -2
        following = attributions[i + 1] if i + 1 < len(attributions) else None
        if here == there:
            attribution.via = Via.SAME_PARAGRAPH
        elif following is not None and _cue_follows(resolver, attribution, following):
            attribution.via = Via.FOLLOWING_CUE
            attribution.inherited_from = following
            continue
        elif here - there == 1:
            attribution.via = Via.PREVIOUS_PARAGRAPH
        else:
            continue
        attribution.inherited_from = last.inherited_from or last
        last = attribution


def _cue_follows(resolver: EntityResolver, quote: Attribution, following: Attribution) -> bool:
    """Whether `following` is an attributed sentence right after the quote, in its paragraph."""
    if following.cue is None or following.speaker is None:
        return False
    sentence_start = resolver.doc[following.sentence_start].idx
    gap = resolver.text[quote.end : sentence_start]
    return sentence_start >= quote.end and "\n" not in gap and len(gap.strip(" \"'”’.!?,")) == 0
