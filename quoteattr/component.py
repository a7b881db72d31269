"""spaCy components: `quoteattr` (the whole attribution stack) and `quoteattr_paragraphs`.

`quoteattr_paragraphs` goes before the parser and makes every paragraph start a sentence, which the
parser then respects; `quoteattr` goes after the NER and writes the quotes. Annotations are stored as
primitives in `doc.user_data` and as a span group, so they survive DocBin, pickling and `n_process`.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Optional

import numpy
import srsly
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from .model.scorer import SETTINGS_FILE, AttributionScorer, packaged_model_path
from .rules.attribute import find_attributions
from .rules.candidates import CONFIDENCE, RESOLVED_MENTION_CONFIDENCE, Attribution, Via
from .rules.context import DocContext
from .rules.lexicon import CueLexicon, load_default_lexicon
from .rules.speakers import EntityResolver, MentionKind, ResolvedMention, continue_speakers, seed_names
from .records import Cue, DocumentEntity, Entity, EntityType, Mention, Quote, Source

USER_DATA_KEY = "quoteattr"
DEFAULT_SPANS_KEY = "quoteattr_quotes"
NOT_SENT_START = numpy.uint64(-1 % 2**64)  # -1 as Doc arrays store it
DEFAULT_CONFIG: dict[str, Any] = {
    "lexicon": {"@misc": "quoteattr.cue_lexicon.v1"},
    "spans_key": DEFAULT_SPANS_KEY,
    "scorer": {"@misc": "quoteattr.packaged_attribution_model.v1"},
}


@registry.misc("quoteattr.cue_lexicon.v1")
def cue_lexicon_v1() -> CueLexicon:
    """The packaged English cue lexicon (`quoteattr/lexicons/en_cues.json`)."""
    return load_default_lexicon()


@registry.misc("quoteattr.packaged_attribution_model.v1")
def packaged_attribution_model_v1() -> AttributionScorer | None:
    """The trained model shipped in `models/quoteattr-polnear`; None (the rules alone) without it."""
    path = packaged_model_path()
    return None if path is None else AttributionScorer.from_disk(path)


@registry.misc("quoteattr.attribution_model.v1")
def attribution_model_v1(path: str) -> AttributionScorer:
    """A model written by `quoteattr train` to `path`."""
    return AttributionScorer.from_disk(path)


@Language.factory(
    "quoteattr_paragraphs",
    assigns=["token.is_sent_start"],
    default_config={},
)
def make_paragraph_segmenter(nlp: Language, name: str) -> ParagraphSegmenter:
    return ParagraphSegmenter()


class ParagraphSegmenter:
    """Starts a sentence at every paragraph and keeps a closing quote mark with its sentence."""

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        # Written as one array: Token.is_sent_start's setter scans the whole Doc on every call.
        values = doc.to_array([SENT_START])
        after_newline = False
        for token in doc:
            if token.i > 0:
                if after_newline and not token.is_space:
                    values[token.i] = 1
                elif token.is_quote and not text[token.idx - 1].isspace():
                    values[token.i] = NOT_SENT_START
            if token.is_space:
                after_newline = after_newline or "\n" in token.text
            else:
                after_newline = False
        doc.from_array([SENT_START], values)
        return doc


@Language.factory(
    "quoteattr",
    assigns=[f"doc.spans", "doc.user_data"],
    requires=["token.dep", "token.tag", "doc.ents"],
    default_config=DEFAULT_CONFIG,
)
def make_quote_attributor(
    nlp: Language, name: str, lexicon: CueLexicon, spans_key: str, scorer: Optional[AttributionScorer]
) -> QuoteAttributor:
    return QuoteAttributor(nlp.vocab, name=name, lexicon=lexicon, spans_key=spans_key, scorer=scorer)


class QuoteAttributor:
    """Finds quotes, cues, speakers, addressees, sources and hedges, and resolves the entities.

    Args:
        vocab (Vocab): the pipeline's vocab.
        name (str): the component name.
        lexicon (CueLexicon): the cues to look for.
        spans_key (str): the span group that receives the quote spans (labels DIRECT, INDIRECT, MIXED).
        scorer (AttributionScorer | None): the trained model that adds open-class attributions to
            the rules' and drops improbable ones; None for the rules alone.
    """

    def __init__(
        self,
        vocab: Any,
        *,
        name: str = "quoteattr",
        lexicon: CueLexicon,
        spans_key: str = DEFAULT_SPANS_KEY,
        scorer: AttributionScorer | None = None,
    ) -> None:
        self.vocab = vocab
        self.name = name
        self.lexicon = lexicon
        self.spans_key = spans_key
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        quotes, entities = self.attribute(doc)
        self.set_annotations(doc, quotes, entities)
        return doc

    def attribute(self, doc: Doc) -> tuple[list[Quote], list[DocumentEntity]]:
        """Compute the records for `doc` without writing anything."""
        if not doc.has_annotation("DEP"):
            return [], []
        context = DocContext.build(doc, self.lexicon)
        text = context.text
        attributions = find_attributions(context, self.scorer)
        resolver = EntityResolver(context)
        seed_names(resolver)
        continue_speakers(resolver, attributions)
        resolved: dict[int, dict[str, Any]] = {}
        previous_speakers: list = []
        for attribution in attributions:
            roles = resolved.setdefault(id(attribution), {})
            # The addressee first: the speaker's pronoun cannot be the addressee ("he told Putin").
            if attribution.addressee is not None:
                mention = _char_range(doc, attribution.addressee)
                roles["addressee"] = (mention, resolver.resolve(*mention, previous_speakers))
            addressee_entity = roles["addressee"][1].entity if "addressee" in roles else None
            exclude = frozenset() if addressee_entity is None else frozenset({addressee_entity.entity_id})
            if attribution.speaker is not None:
                mention = _char_range(doc, attribution.speaker)
                roles["speaker"] = (mention, resolver.resolve(*mention, previous_speakers, exclude))
                entity = roles["speaker"][1].entity
                if entity is not None:
                    previous_speakers.append((mention[0], entity))
                    if attribution.relative_pronoun is not None:
                        # "Hale, who said": the speaker as written is "who", which names Hale
                        # (as "he" would); the mention is the pronoun, the entity Hale.
                        start, end = _char_range(doc, attribution.relative_pronoun)
                        entity.add_mention(start, end, text[start:end])
                        roles["speaker"] = ((start, end), roles["speaker"][1])
            roles["sources"] = [
                (_char_range(doc, tokens), resolver.resolve(*_char_range(doc, tokens), previous_speakers), relation)
                for tokens, relation in attribution.sources
            ]
        # Continued speakers last: a quote may take the speaker of a cue after it ("..., he added.").
        for attribution in attributions:
            if attribution.speaker is None and attribution.inherited_from is not None:
                donor = resolved[id(attribution.inherited_from)].get("speaker")
                if donor is not None and donor[1].entity is not None and not resolver.introduced_between(
                    _attribution_end(doc, attribution.inherited_from), attribution.start, donor[1].entity
                ):
                    resolved[id(attribution)]["speaker"] = (None, donor[1])
        quotes = [_quote(text, attribution, resolved[id(attribution)], doc) for attribution in attributions]
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

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the trained model's weights with the pipeline (`nlp.to_disk`); the rules need nothing."""
        Path(path).mkdir(parents=True, exist_ok=True)
        if self.scorer is not None:
            self.scorer.to_disk(path)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        if (Path(path) / SETTINGS_FILE).is_file():
            self.scorer = AttributionScorer.from_disk(path)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps({"scorer": None if self.scorer is None else self.scorer.to_bytes()})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> QuoteAttributor:
        scorer = srsly.msgpack_loads(data)["scorer"]
        self.scorer = None if scorer is None else AttributionScorer.from_bytes(scorer)
        return self

    def set_annotations(self, doc: Doc, quotes: list[Quote], entities: list[DocumentEntity]) -> None:
        doc.user_data[USER_DATA_KEY] = {
            "quotes": [quote.to_dict() for quote in quotes],
            "entities": [entity.to_dict() for entity in entities],
        }
        spans = []
        for quote in quotes:
            span = doc.char_span(quote.start, quote.end, label=quote.kind.name, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans


def _attribution_end(doc: Doc, attribution: Attribution) -> int:
    """Where an attribution's sentence ends: names after it may interrupt a speaker's turn."""
    end = attribution.end
    if attribution.cue is not None:
        end = max(end, doc[attribution.cue[0]].sent.end_char)
    return end


def _char_range(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    last = doc[tokens[1] - 1]
    return doc[tokens[0]].idx, last.idx + len(last.text)


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
        cue_start, cue_end = _char_range(doc, attribution.cue)
        cue = Cue(text=text[cue_start:cue_end], start=cue_start, end=cue_end, lemma=attribution.cue_lemma or "")
    speaker = roles.get("speaker")
    addressee = roles.get("addressee")
    return Quote(
        kind=attribution.kind,
        text=" ".join(text[a:b] for a, b in parts),
        start=start,
        end=end,
        parts=parts if len(parts) > 1 else None,
        speaker=None if speaker is None else _entity(text, speaker[0], speaker[1]),
        addressee=None if addressee is None else _entity(text, addressee[0], addressee[1]),
        cue=cue,
        sources=[Source(entity=_entity(text, mention, resolved), relation=relation) for mention, resolved, relation in roles["sources"]],
        hedge=attribution.hedge,
        confidence=_confidence(attribution, speaker),
    )


def _confidence(attribution: Attribution, speaker: tuple[Any, ResolvedMention] | None) -> float:
    if speaker is None:
        return CONFIDENCE[Via.NONE]
    if speaker[0] is not None and speaker[1].how != MentionKind.NAME and speaker[1].entity is not None:
        return min(attribution.confidence, RESOLVED_MENTION_CONFIDENCE)
    return attribution.confidence
