"""Attribution candidates: what a rule found, in token and character coordinates, and how sure."""

from __future__ import annotations

from enum import Enum

from attrs import define, field

from ..records import Category, QuoteKind


class Via(str, Enum):
    """How a candidate's speaker was found (each has its confidence in `CONFIDENCE`)."""

    SUBJECT = "subject"
    INVERTED = "inverted"
    PASSIVE_AGENT = "passive_agent"
    RAISED_PASSIVE = "raised_passive"
    CITING_OBJECT = "citing_object"
    ACCORDING_TO = "according_to"
    COLON = "colon"
    DASH = "dash"
    INHERITED_SUBJECT = "inherited_subject"
    RELATIVE_CLAUSE = "relative_clause"
    FOLLOWING_CUE = "following_cue"
    FRAGMENT_SUBJECT = "fragment_subject"
    SAME_PARAGRAPH = "same_paragraph"
    PREVIOUS_PARAGRAPH = "previous_paragraph"
    NONE = "none"


# How sure the speaker is, by how it was found (documented in README and docs/speakers.md).
CONFIDENCE = {
    Via.SUBJECT: 0.95,
    Via.INVERTED: 0.9,
    Via.PASSIVE_AGENT: 0.85,
    Via.RAISED_PASSIVE: 0.85,
    Via.CITING_OBJECT: 0.85,
    Via.ACCORDING_TO: 0.85,
    Via.COLON: 0.8,
    Via.DASH: 0.8,
    Via.INHERITED_SUBJECT: 0.8,
    Via.RELATIVE_CLAUSE: 0.8,
    Via.FOLLOWING_CUE: 0.7,
    Via.FRAGMENT_SUBJECT: 0.7,
    Via.SAME_PARAGRAPH: 0.6,
    Via.PREVIOUS_PARAGRAPH: 0.5,
    Via.NONE: 0.3,
}
# A speaker mention that is a pronoun or a nominal ("he", "the minister") linked to a name.
RESOLVED_MENTION_CONFIDENCE = 0.75
# A report inside another's words ("Hale said Lopez had called for ..."): the writer vouches only
# for Hale's report of it.
SECOND_HAND_CONFIDENCE = 0.5


@define
class Attribution:
    """One attribution candidate. Token ranges are [start, end) token indices; content in
    characters."""

    content: list[tuple[int, int]]
    kind: QuoteKind = QuoteKind.INDIRECT
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    sources: list[tuple[tuple[int, int], str]] = field(factory=list)
    hedge: str | None = None
    category: Category | None = None  # set by `categories.categorize`
    probability: float | None = None  # the trained model's that the content is right, if judged
    second_hand: bool = False  # reported inside another attribution's content (`chains`)
    via: Via = Via.NONE
    sentence_start: int = (
        0  # token index of the first token of the sentence holding the cue or quote
    )
    inherited_from: Attribution | None = field(default=None, repr=False)
    relative_pronoun: tuple[int, int] | None = (
        None  # "who" in "Hale, who said": another mention of the speaker
    )

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.via]


def drop_duplicates(attributions: list[Attribution]) -> list[Attribution]:
    """The same content found twice (by two rules) is reported once."""
    seen: set[tuple[tuple[int, int], ...]] = set()
    kept = []
    for attribution in attributions:
        key = tuple(attribution.content)
        if key in seen:
            continue
        seen.add(key)
        kept.append(attribution)
    return kept
