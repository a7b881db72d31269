"""Typed, frozen records: what quoteattr returns.

Records hold only primitives and other records (never spaCy objects), so they pickle, serialise to
JSON and outlive the `Doc` they came from. `Quote.to_dict()` is the published JSON contract.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from typing import Any

import attrs
from attrs import field, frozen, validators

__all__ = [
    "Category",
    "Cue",
    "DocumentEntity",
    "Entity",
    "EntityType",
    "Mention",
    "Quote",
    "QuoteKind",
    "QuoteResult",
    "Source",
]

_offset = [validators.instance_of(int), validators.ge(0)]


class QuoteKind(str, Enum):
    """How the words are reported: verbatim, paraphrased, or paraphrase with quoted fragments."""

    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class Category(str, Enum):
    """What is reported: words said or written, a thought (belief, expectation, finding), or a
    stance held (want, plan, support, oppose). `quoteattr.extract` returns statements unless asked
    for more (`categories="all"`)."""

    STATEMENT = "statement"
    THOUGHT = "thought"
    STANCE = "stance"


class EntityType(str, Enum):
    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"
    NORP = "NORP"
    OTHER = "OTHER"


def _end_after_start(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < instance.start:
        raise ValueError(f"{type(instance).__name__}: end ({value}) < start ({instance.start})")


@frozen
class Mention:
    """Words in the input: `input[start:end] == text`."""

    text: str = field(validator=validators.instance_of(str))
    start: int = field(validator=_offset)
    end: int = field(validator=[*_offset, _end_after_start])

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        return cls(data["text"], data["start"], data["end"])


def _optional_mention(data: dict[str, Any] | None) -> Mention | None:
    return None if data is None else Mention.from_dict(data)


@frozen(kw_only=True)
class Entity:
    """Who a mention refers to.

    `name` is the canonical (most complete) name of the document entity, or None where it could not
    be resolved (an unresolved pronoun); `mention` is the words in the attributing clause.
    """

    name: str | None = field(validator=validators.optional(validators.instance_of(str)))
    type: EntityType = field(converter=EntityType)
    entity_id: int | None = field(
        default=None, validator=validators.optional(validators.instance_of(int))
    )
    mention: Mention | None = field(
        default=None, validator=validators.optional(validators.instance_of(Mention))
    )

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "type": self.type.value,
            "entity_id": self.entity_id,
            "mention": None if self.mention is None else self.mention.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            name=data["name"],
            type=data["type"],
            entity_id=data["entity_id"],
            mention=_optional_mention(data["mention"]),
        )


@frozen(kw_only=True)
class Source:
    """One hop of a source chain: who reports the speaker's words, and how ("cited",
    "according_to")."""

    entity: Entity = field(validator=validators.instance_of(Entity))
    relation: str = field(validator=validators.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        return {**self.entity.to_dict(), "relation": self.relation}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        return cls(entity=Entity.from_dict(data), relation=data["relation"])


@frozen(kw_only=True)
class Cue:
    """The words that mark the attribution ("said", "told", "according to"), with their lemma."""

    text: str = field(validator=validators.instance_of(str))
    start: int = field(validator=_offset)
    end: int = field(validator=[*_offset, _end_after_start])
    lemma: str = field(validator=validators.instance_of(str))

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cue:
        return cls(text=data["text"], start=data["start"], end=data["end"], lemma=data["lemma"])


def _parts(value: Any) -> tuple[tuple[int, int], ...] | None:
    if value is None:
        return None
    return tuple((int(start), int(end)) for start, end in value)


def _confidence(instance: Any, attribute: attrs.Attribute, value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence must be within 0..1, got {value}")


@frozen(kw_only=True)
class Quote:
    """One attributed quote.

    `text` is `input[start:end]` (without the enclosing marks for a direct quote), except for a
    quote split by its attribution, where `parts` holds each piece and `text` joins them with a
    space.
    """

    kind: QuoteKind = field(converter=QuoteKind)
    category: Category = field(default=Category.STATEMENT, converter=Category)
    text: str = field(
        validator=validators.instance_of(str),
        repr=lambda text: repr(text[:60] + "…" if len(text) > 60 else text),
    )
    start: int = field(validator=_offset)
    end: int = field(validator=[*_offset, _end_after_start])
    parts: tuple[tuple[int, int], ...] | None = field(default=None, converter=_parts)
    speaker: Entity | None = field(
        default=None, validator=validators.optional(validators.instance_of(Entity))
    )
    addressee: Entity | None = field(
        default=None, validator=validators.optional(validators.instance_of(Entity))
    )
    cue: Cue | None = field(
        default=None, validator=validators.optional(validators.instance_of(Cue))
    )
    sources: tuple[Source, ...] = field(default=(), converter=tuple)
    hedge: str | None = field(
        default=None, validator=validators.optional(validators.instance_of(str))
    )
    confidence: float = field(default=1.0, converter=float, validator=_confidence)

    def __str__(self) -> str:
        """One line: speaker, cue and the quoted words, `Maria Lopez | added | We will fight it,`.

        The speaker is their name; a mention that could not be resolved is shown quoted,
        `"a source" (unresolved)`, and a quote without one `(no speaker)`; a quote without a cue
        `(no cue)`. Line breaks in the words become spaces.
        """
        if self.speaker is None:
            speaker = "(no speaker)"
        elif self.speaker.name is not None:
            speaker = self.speaker.name
        elif self.speaker.mention is not None:
            speaker = f'"{self.speaker.mention.text}" (unresolved)'
        else:
            speaker = "(no speaker)"
        cue = "(no cue)" if self.cue is None else " ".join(self.cue.text.split())
        return f"{speaker} | {cue} | {' '.join(self.text.split())}"

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape (see the README)."""
        return {
            "kind": self.kind.value,
            "category": self.category.value,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "parts": None if self.parts is None else [list(part) for part in self.parts],
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "addressee": None if self.addressee is None else self.addressee.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "sources": [source.to_dict() for source in self.sources],
            "hedge": self.hedge,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return cls(
            kind=data["kind"],
            # Written before categories existed: every record then was reported as a statement.
            category=data.get("category", Category.STATEMENT),
            text=data["text"],
            start=data["start"],
            end=data["end"],
            parts=data["parts"],
            speaker=None if data["speaker"] is None else Entity.from_dict(data["speaker"]),
            addressee=None if data["addressee"] is None else Entity.from_dict(data["addressee"]),
            cue=None if data["cue"] is None else Cue.from_dict(data["cue"]),
            sources=tuple(Source.from_dict(source) for source in data["sources"]),
            hedge=data["hedge"],
            confidence=data["confidence"],
        )


@frozen(kw_only=True)
class DocumentEntity:
    """A person or organisation of the document, with every mention that refers to it."""

    entity_id: int = field(validator=validators.instance_of(int))
    name: str = field(validator=validators.instance_of(str))
    type: EntityType = field(converter=EntityType)
    mentions: tuple[Mention, ...] = field(converter=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "entity_id": self.entity_id,
            "name": self.name,
            "type": self.type.value,
            "mentions": [mention.to_dict() for mention in self.mentions],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DocumentEntity:
        return cls(
            entity_id=data["entity_id"],
            name=data["name"],
            type=data["type"],
            mentions=tuple(Mention.from_dict(mention) for mention in data["mentions"]),
        )


@frozen(kw_only=True)
class QuoteResult:
    """Everything quoteattr found in one text: iterate over it for the quotes in document order."""

    text: str = field(repr=False)
    quotes: tuple[Quote, ...] = field(default=(), converter=tuple)
    entities: tuple[DocumentEntity, ...] = field(default=(), converter=tuple)

    def __iter__(self) -> Iterator[Quote]:
        return iter(self.quotes)

    def __len__(self) -> int:
        return len(self.quotes)

    def __getitem__(self, index: int) -> Quote:
        return self.quotes[index]

    def to_dicts(self) -> list[dict[str, Any]]:
        return [quote.to_dict() for quote in self.quotes]

    def entity(self, entity_id: int) -> DocumentEntity | None:
        return next((entity for entity in self.entities if entity.entity_id == entity_id), None)

    def _repr_html_(self) -> str:
        """Jupyter's view: the article with its quotes highlighted, and a table (see `display`)."""
        from .display import to_html

        return to_html(self)

    def to_dataframe(self) -> Any:
        """One row per quote, flat columns (a pandas DataFrame; `pip install
        "quoteattr[notebook]"`)."""
        from .dataframes import result_to_dataframe

        return result_to_dataframe(self)
