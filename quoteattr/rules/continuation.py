"""Quotes without a cue continue a nearby speaker: of their paragraph, of the cue right after
them ('..., he added.'), or of the previous paragraph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .candidates import Attribution, Via
from .lexicon import word_list

FIRST_PERSON_SINGULAR = word_list("first_person_singular")

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


def first_person_in_quotes(
    text: str, attributions: list[Attribution], speakers: dict[int, tuple[Any, Any]]
) -> dict[int, Any]:
    """The speakers of reports inside a quote whose speaker is "I" ('"I told them I would stay,"
    Hale said'): the quote's own speaker. `speakers` maps id(attribution) to its (mention,
    resolved mention); the result maps id(attribution) to the entity its "I" refers to."""
    found = {}
    for inner in attributions:
        mention, resolved = speakers.get(id(inner), (None, None))
        if mention is None or resolved.entity is not None:
            continue
        if text[mention[0] : mention[1]].lower() not in FIRST_PERSON_SINGULAR:
            continue
        for outer in attributions:
            outer_speaker = speakers.get(id(outer), (None, None))[1]
            if (
                outer is not inner
                and outer_speaker is not None
                and outer_speaker.entity is not None
                and any(start <= mention[0] < end for start, end in outer.content)
            ):
                found[id(inner)] = outer_speaker.entity
                break
    return found
