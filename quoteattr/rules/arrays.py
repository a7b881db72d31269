"""The Doc's token attributes as arrays, read once per Doc: the stages find the few tokens a rule
can apply to without a Token object for every token (creating one costs more than the test)."""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, LOWER, TAG
from spacy.tokens import Doc

COLUMNS = (TAG, DEP, HEAD, LOWER, ENT_TYPE)
_TAG, _DEP, _HEAD, _LOWER, _ENT_TYPE = range(len(COLUMNS))


class DocArrays:
    """Tags, dependency labels, heads, lower-case forms and entity types of a Doc's tokens. The
    tests take strings and answer with one boolean per token."""

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc)
        self._strings = doc.vocab.strings
        # uint64: string hashes, and heads as offsets from the token
        self._array = doc.to_array(list(COLUMNS)) if self.size else numpy.zeros((0, len(COLUMNS)))
        self.positions = numpy.arange(self.size)
        self.heads = self.positions + self._array[:, _HEAD].astype(numpy.uint64).view(numpy.int64)
        self._labels: dict[int, tuple[list[str], numpy.ndarray]] = {}

    def _labelled(self, column: int, test: Callable[[str], bool]) -> numpy.ndarray:
        """Each token's label in `column` passes `test`: the test runs once per distinct label."""
        if column not in self._labels:
            values, inverse = numpy.unique(self._array[:, column], return_inverse=True)
            self._labels[column] = ([self._strings[v] for v in values.tolist()], inverse)
        labels, inverse = self._labels[column]
        return numpy.array([test(label) for label in labels], dtype=bool)[inverse]

    def tag(self, test: Callable[[str], bool]) -> numpy.ndarray:
        return self._labelled(_TAG, test)

    def dep(self, test: Callable[[str], bool]) -> numpy.ndarray:
        return self._labelled(_DEP, test)

    def lower_in(self, words: Collection[str]) -> numpy.ndarray:
        return self._labelled(_LOWER, words.__contains__)

    def has_entity_type(self) -> numpy.ndarray:
        return self._array[:, _ENT_TYPE] != 0

    def heads_of(self, children: numpy.ndarray) -> numpy.ndarray:
        """The tokens that have a child among `children` (a root is not its own child)."""
        found = numpy.zeros(self.size, dtype=bool)
        found[self.heads[children & (self.heads != self.positions)]] = True
        return found

    def after_head(self) -> numpy.ndarray:
        """The tokens right of their head (a head's `rights`)."""
        return self.positions > self.heads


def indices(mask: numpy.ndarray) -> list[int]:
    return numpy.flatnonzero(mask).tolist()
