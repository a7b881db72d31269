"""Where reported words end because an act of speaking of its own follows them ("..., citing
the figures", "..., while residents said they feared floods"): shared by the content of a cue's
clause (`contents`) and of a parenthetical cue (`clauses`)."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence

import numpy
from spacy.attrs import DEP
from spacy.tokens import Doc, Span

from .lexicon import CueLexicon
from .syntax import SUBJECTS

# A range of words this long or shorter is read word by word; a longer one (nested reports:
# '"He said "He said ...') among the sentence's adverbial clauses, found once in its token array.
SCANNED_RANGE = 64


def adverbial_clauses(sentence: Span) -> list[int]:
    """The heads of the sentence's adverbial clauses, in order (`next_act`'s index for long
    ranges)."""
    deps = sentence.to_array([DEP])[:, 0]
    advcl = sentence.doc.vocab.strings["advcl"]
    return (numpy.flatnonzero(deps == advcl) + sentence.start).tolist()


def next_act(
    doc: Doc,
    start: int,
    end: int,
    lexicon: CueLexicon,
    adverbials: Callable[[], Sequence[int]],
    hung_inside: bool = True,
) -> int | None:
    """Where the words `doc[start:end]` end because an act of speaking of its own follows, set
    off by a comma: "..., citing the figures" (the speaker's next act, a participle), "...,
    while residents said they feared floods" (another speaker's report). The parser hangs these
    on the reported clause as often as on the cue; `hung_inside=False` takes them hung anywhere
    (after a parenthetical cue: "..., two of the people said, asking not to be named").
    `adverbials` gives the sentence's adverbial clauses (`adverbial_clauses`), asked for only
    when the range is long."""
    if end - start <= SCANNED_RANGE:
        candidates: Iterable[int] = (t.i for t in doc[start + 1 : end] if t.dep_ == "advcl")
    else:
        found = adverbials()
        candidates = found[bisect.bisect_right(found, start) : bisect.bisect_left(found, end)]
    for i in candidates:
        token = doc[i]
        if (
            (not hung_inside or start <= token.head.i < end)
            and token.head.i < token.i
            and doc[token.left_edge.i - 1].text == ","
            and token.left_edge.i > start
            and lexicon.verb_lemma(token.lower_) is not None
            and (
                token.tag_ == "VBG"
                or any(c.dep_ in SUBJECTS and c.i < token.i for c in token.children)
            )
        ):
            return token.left_edge.i - 1
    return None
