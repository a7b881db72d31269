"""Entities named by their description: a group, a person or a body the article describes but
does not name ("most of the 40 nurses", "A European diplomat"), one entity per description, and
a definite description that takes one up again with its head noun ("the diplomat said")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from .names import NameCluster, fold

DESCRIBED_LABEL = "DESCRIBED"  # the label of a group entity named by its description (OTHER)


class DescriptionResolution:
    """The description methods of `EntityResolver`, which holds the entities and paragraphs."""

    doc: Doc
    entities: list[NameCluster]
    _descriptions: dict[str, NameCluster]  # folded description -> entity (set by the resolver)
    _plural_groups: set[int]  # the described entities that are groups (set by the resolver)
    paragraph_of: Callable[[int], int]  # the resolver's

    def _described(self, name: str, start: int, end: int, text: str) -> NameCluster:
        """The entity of a group, a person or a body named by its description (typed OTHER),
        one per description: it is kept out of the name index, so that no name joins it."""
        key = fold(name)
        entity = self._descriptions.get(key)
        if entity is None:
            entity = NameCluster(entity_id=len(self.entities), best_display=name)
            entity.labels[DESCRIBED_LABEL] += 1
            self.entities.append(entity)
            self._descriptions[key] = entity
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.root.tag_ == "NNS":
                self._plural_groups.add(entity.entity_id)  # whom a "they" may take up
        entity.add_mention(start, end, text)
        return entity

    def _described_before(self, head: str, start: int, window: int) -> NameCluster | None:
        """The entity described last before character `start`, within `window` paragraphs,
        whose description has the head noun `head`: what a definite description with that noun
        takes up ("A European diplomat said ... "...," the diplomat said")."""
        paragraph = self.paragraph_of(start)
        best: tuple[int, NameCluster] | None = None
        for entity in self._descriptions.values():
            for mention_start, mention_end in entity.mentions:
                if mention_start >= start or paragraph - self.paragraph_of(mention_start) > window:
                    continue
                span = self.doc.char_span(mention_start, mention_end, alignment_mode="expand")
                if span is not None and span.root.lower_ == head:
                    if best is None or mention_start > best[0]:
                        best = (mention_start, entity)
        return None if best is None else best[1]
