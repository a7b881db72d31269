"""The Doc's token attributes as arrays, read once per Doc: the stages find the few tokens a rule
can apply to without a Token object for every token (creating one costs more than the test)."""

from __future__ import annotations

from collections.abc import Callable, Collection

import numpy
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    HEAD,
    IDX,
    IS_TITLE,
    IS_UPPER,
    LOWER,
    ORTH,
    SENT_START,
    SPACY,
    TAG,
)
from spacy.strings import StringStore
from spacy.tokens import Doc

COLUMNS = (TAG, DEP, HEAD, LOWER, ENT_TYPE, ORTH, SPACY, IS_UPPER, IS_TITLE, SENT_START, IDX)
_TAG, _DEP, _HEAD, _LOWER, _ENT_TYPE, _ORTH, _SPACY, _IS_UPPER, _IS_TITLE, _SENT_START, _IDX = (
    range(len(COLUMNS))
)


class DocArrays:
    """Tags, dependency labels, heads, lower-case and written forms, trailing spaces, upper and
    title case, sentence starts, character offsets and entity types of a Doc's tokens. The tests
    take strings and answer with one boolean per token."""

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc)
        self._strings = doc.vocab.strings
        # uint64: string hashes, and heads as offsets from the token
        self._array = doc.to_array(list(COLUMNS)) if self.size else numpy.zeros((0, len(COLUMNS)))
        self.positions = numpy.arange(self.size)
        self.heads = self.positions + self._array[:, _HEAD].astype(numpy.uint64).view(numpy.int64)
        self._labels: dict[int, tuple[list[str], numpy.ndarray]] = {}

    def _distinct(self, column: int) -> tuple[list[str], numpy.ndarray]:
        """The distinct strings of `column`, and each token's index among them."""
        if column not in self._labels:
            self._labels[column] = distinct_strings(self._strings, self._array[:, column])
        return self._labels[column]

    def _labelled(self, column: int, test: Callable[[str], bool]) -> numpy.ndarray:
        """Each token's label in `column` passes `test`: the test runs once per distinct label."""
        labels, inverse = self._distinct(column)
        return numpy.array([test(label) for label in labels], dtype=bool)[inverse]

    def text(self) -> str:
        """The Doc's text (as `Doc.text`, which makes a Token object for every token)."""
        words, inverse = self._distinct(_ORTH)
        spaced = words + [word + " " for word in words]
        chosen = inverse + len(words) * (self._array[:, _SPACY] != 0)
        return "".join([spaced[i] for i in chosen.tolist()])

    def lower_forms(self, mask: numpy.ndarray) -> list[str]:
        """The lower-case forms of the tokens in `mask`, in order."""
        labels, inverse = self._distinct(_LOWER)
        return [labels[i] for i in inverse[mask].tolist()]

    def lower_case_words(self) -> frozenset[str]:
        """The words the Doc writes in lower case somewhere ("startup", not only "Startup")."""
        written_lower = self._array[:, _ORTH] == self._array[:, _LOWER]
        return frozenset(self.lower_forms(written_lower))

    def written_forms(self, mask: numpy.ndarray) -> list[str]:
        """The written forms (`Token.text`) of the tokens in `mask`, in order."""
        words, inverse = self._distinct(_ORTH)
        return [words[i] for i in inverse[mask].tolist()]

    def upper(self) -> numpy.ndarray:
        """The tokens written in upper case (`Token.is_upper`)."""
        return self._array[:, _IS_UPPER] != 0

    def tag(self, test: Callable[[str], bool]) -> numpy.ndarray:
        return self._labelled(_TAG, test)

    def dep(self, test: Callable[[str], bool]) -> numpy.ndarray:
        return self._labelled(_DEP, test)

    def lower(self, test: Callable[[str], bool]) -> numpy.ndarray:
        return self._labelled(_LOWER, test)

    def lower_where(self, mask: numpy.ndarray, test: Callable[[str], bool]) -> numpy.ndarray:
        """The tokens in `mask` whose lower-case form passes `test`: the test runs once per
        distinct form among those tokens only (a lexicon test costs more than the mask)."""
        labels, inverse = self._distinct(_LOWER)
        chosen = numpy.unique(inverse[mask])
        passes = numpy.zeros(len(labels), dtype=bool)
        passes[chosen] = [test(labels[i]) for i in chosen.tolist()]
        return mask & passes[inverse]

    def lower_in(self, words: Collection[str]) -> numpy.ndarray:
        return self._labelled(_LOWER, words.__contains__)

    def title(self) -> numpy.ndarray:
        """The tokens written in title case (`Token.is_title`)."""
        return self._array[:, _IS_TITLE] != 0

    def sentence_start(self) -> numpy.ndarray:
        """The tokens `Token.is_sent_start` calls a sentence's first (1; -1 and 0 are not)."""
        return self._array[:, _SENT_START] == 1

    def sentence_starts(self) -> list[int]:
        """The first token of each sentence as `Doc.sents` parts a Doc without a "sents" hook:
        the first token, and every later one the parse starts a sentence at."""
        if not self.size:
            return []
        return [0, *(i for i in indices(self.sentence_start()) if i > 0)]

    def chars(self, mask: numpy.ndarray) -> list[int]:
        """The character offsets (`Token.idx`) of the tokens in `mask`, in order."""
        return self._array[mask, _IDX].tolist()

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


def distinct_strings(
    strings: StringStore, hashes: numpy.ndarray
) -> tuple[list[str], numpy.ndarray]:
    """The distinct strings of a column of string hashes, and each row's index among them: each
    string is read from the StringStore once."""
    values, inverse = numpy.unique(hashes, return_inverse=True)
    return [strings[value] for value in values.tolist()], inverse.reshape(-1)


def indices(mask: numpy.ndarray) -> list[int]:
    return numpy.flatnonzero(mask).tolist()
