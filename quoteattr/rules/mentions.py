"""How a mention was resolved: its entity, type and kind of link, shared by the resolver's parts."""

from __future__ import annotations

from enum import Enum

from attrs import define

from ..records import EntityType
from .names import NameCluster


class MentionKind(str, Enum):
    """How a mention was linked to its entity."""

    NAME = "name"
    PRONOUN = "pronoun"
    NOMINAL = "nominal"
    DESCRIPTIVE = "descriptive"  # a group named by its own description ("the 40 nurses")


@define
class ResolvedMention:
    entity: NameCluster | None
    type: EntityType
    how: MentionKind = MentionKind.NAME  # how the mention was linked
    # The mention's own words when they are fewer than the words given ("date 2024-10-02 Xi
    # Jinping" is the mention "Xi Jinping"), else None.
    mention: tuple[int, int] | None = None

    @property
    def entity_id(self) -> int | None:
        return None if self.entity is None else self.entity.entity_id

    @property
    def name(self) -> str | None:
        return None if self.entity is None else self.entity.name
