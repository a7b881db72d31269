"""The records of a parsed Doc: attributions found, entities resolved, then `Quote`s and
`DocumentEntity`s built from them (primitives and character offsets only)."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..model.scorer import AttributionScorer
from ..records import Category, Cue, DocumentEntity, Entity, Mention, Quote, QuoteKind, Source
from ..rules.attribute import find_attributions
from ..rules.candidates import (
    CONFIDENCE,
    RESOLVED_MENTION_CONFIDENCE,
    SECOND_HAND_CONFIDENCE,
    Attribution,
    Via,
)
from ..rules.context import DocContext
from ..rules.continuation import continue_speakers, first_person_in_quotes
from ..rules.lexicon import CueLexicon
from ..rules.ranges import token_chars
from ..rules.seeding import seed_names
from ..rules.speakers import (
    EntityResolver,
    MentionKind,
    ResolvedMention,
)


def build_records(
    doc: Doc, lexicon: CueLexicon, attribution_model: AttributionScorer | None
) -> tuple[list[Quote], list[DocumentEntity]]:
    """The quotes and entities of `doc`, computed without writing anything."""
    if not doc.has_annotation("DEP"):
        return [], []
    context = DocContext.build(doc, lexicon)
    text = context.text
    attributions = find_attributions(context, attribution_model)
    resolver = EntityResolver(context)
    seed_names(resolver)
    continue_speakers(resolver, attributions)
    resolved: dict[int, dict[str, Any]] = {}
    previous_speakers: list = []
    for attribution in attributions:
        roles = resolved.setdefault(id(attribution), {})
        # The addressee first: the speaker's pronoun cannot be the addressee ("he told Putin").
        if attribution.addressee is not None:
            mention = token_chars(doc, attribution.addressee)
            roles["addressee"] = _own_words(mention, resolver.resolve(*mention, previous_speakers))
        addressee_entity = roles["addressee"][1].entity if "addressee" in roles else None
        exclude = resolver.named_first_within(attribution.content)
        if addressee_entity is not None:
            exclude |= {addressee_entity.entity_id}
        if attribution.speaker is not None:
            mention = token_chars(doc, attribution.speaker)
            roles["speaker"] = _own_words(
                mention, resolver.resolve(*mention, previous_speakers, exclude)
            )
            entity = roles["speaker"][1].entity
            if entity is not None:
                previous_speakers.append((mention[0], entity))
            if attribution.relative_pronoun is not None:
                # "Hale, who said": the speaker as written is "who", which names Hale (as "he"
                # would); the mention is the pronoun, the entity Hale, if the article names him.
                start, end = token_chars(doc, attribution.relative_pronoun)
                if entity is not None:
                    entity.add_mention(start, end, text[start:end])
                roles["speaker"] = ((start, end), roles["speaker"][1])
        roles["sources"] = [
            (
                token_chars(doc, tokens),
                resolver.resolve(*token_chars(doc, tokens), previous_speakers),
                relation,
            )
            for tokens, relation in attribution.sources
        ]
    # "I" in a report inside a quote is the quote's speaker ('"I told them," Hale said').
    speakers = {key: roles["speaker"] for key, roles in resolved.items() if "speaker" in roles}
    for key, entity in first_person_in_quotes(text, attributions, speakers).items():
        mention, _ = resolved[key]["speaker"]
        entity.add_mention(mention[0], mention[1], text[mention[0] : mention[1]])
        resolved[key]["speaker"] = (
            mention,
            ResolvedMention(entity, entity.type, MentionKind.PRONOUN),
        )
    # Continued speakers last: a quote may take the speaker of a cue after it ("..., he added.").
    for attribution in attributions:
        if attribution.speaker is None and attribution.inherited_from is not None:
            donor = resolved[id(attribution.inherited_from)].get("speaker")
            if (
                donor is not None
                and donor[1].entity is not None
                and not resolver.introduced_between(
                    _attribution_end(doc, attribution.inherited_from),
                    attribution.start,
                    donor[1].entity,
                )
            ):
                resolved[id(attribution)]["speaker"] = (None, donor[1])
    quotes = [
        _quote(text, attribution, resolved[id(attribution)], doc) for attribution in attributions
    ]
    # Words given to nobody are no attribution, even inside another's report ("aides rejected the
    # claim that ...": whose claim, it does not say); a quotation without a speaker is still a
    # quote (a paraphrase with quoted words in it, too: they are somebody's words).
    quotes = [q for q in quotes if q.speaker or q.kind is not QuoteKind.INDIRECT]
    entities = [
        DocumentEntity(
            entity_id=entity.entity_id,
            name=entity.name,
            type=entity.type,
            mentions=[Mention(text[a:b], a, b) for a, b in sorted(entity.mentions)],
        )
        for entity in resolver.entities
    ]
    return quotes, entities


def _own_words(
    mention: tuple[int, int], resolved: ResolvedMention
) -> tuple[tuple[int, int], ResolvedMention]:
    """The mention as the resolver narrowed it (a dateline dropped), with its resolution."""
    return (resolved.mention or mention), resolved


def _attribution_end(doc: Doc, attribution: Attribution) -> int:
    """Where an attribution's sentence ends: names after it may interrupt a speaker's turn."""
    end = attribution.end
    if attribution.cue is not None:
        end = max(end, doc[attribution.cue[0]].sent.end_char)
    return end


def _entity(text: str, mention: tuple[int, int] | None, resolved: ResolvedMention) -> Entity:
    entity = resolved.entity
    return Entity(
        name=None if entity is None else entity.name,
        type=resolved.type if entity is None else entity.type,
        entity_id=None if entity is None else entity.entity_id,
        mention=None if mention is None else Mention(text[mention[0] : mention[1]], *mention),
    )


def _quote(text: str, attribution: Attribution, roles: dict[str, Any], doc: Doc) -> Quote:
    parts = attribution.content
    start, end = parts[0][0], parts[-1][1]
    cue = None
    if attribution.cue is not None:
        cue_start, cue_end = token_chars(doc, attribution.cue)
        cue = Cue(
            text=text[cue_start:cue_end],
            start=cue_start,
            end=cue_end,
            lemma=attribution.cue_lemma or "",
        )
    speaker = roles.get("speaker")
    addressee = roles.get("addressee")
    return Quote(
        kind=attribution.kind,
        category=attribution.category or Category.STATEMENT,
        text=" ".join(text[a:b] for a, b in parts),
        start=start,
        end=end,
        parts=parts if len(parts) > 1 else None,
        speaker=None if speaker is None else _entity(text, speaker[0], speaker[1]),
        addressee=None if addressee is None else _entity(text, addressee[0], addressee[1]),
        cue=cue,
        sources=[
            Source(entity=_entity(text, mention, resolved), relation=relation)
            for mention, resolved, relation in roles["sources"]
        ],
        hedge=attribution.hedge,
        confidence=_confidence(attribution, speaker),
    )


def _confidence(attribution: Attribution, speaker: tuple[Any, ResolvedMention] | None) -> float:
    """How sure the record is, to two decimals: of its speaker (by how it was found) and, where the
    trained model judged it, of its content (the model's probability); a report inside another's
    words is second-hand."""
    return round(_unrounded_confidence(attribution, speaker), 2)


def _unrounded_confidence(
    attribution: Attribution, speaker: tuple[Any, ResolvedMention] | None
) -> float:
    content = 1.0 if attribution.probability is None else attribution.probability
    if attribution.second_hand:
        content = min(content, SECOND_HAND_CONFIDENCE)
    if speaker is None:
        return min(content, CONFIDENCE[Via.NONE])
    if (
        speaker[0] is not None
        and speaker[1].how not in (MentionKind.NAME, MentionKind.DESCRIPTIVE)
        and speaker[1].entity is not None
    ):
        return min(content, attribution.confidence, RESOLVED_MENTION_CONFIDENCE)
    return min(content, attribution.confidence)
