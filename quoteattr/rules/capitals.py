"""Whether a capitalised word is a name: the words an article spells as names, and a run of
proper-noun tags read against them."""

from __future__ import annotations

import bisect

from spacy.tokens import Span

from .arrays import DocArrays
from .names import name_key
from .people import is_person_noun


def names_written(
    arrays: DocArrays, paragraph_starts: list[int], title_lines: set[int]
) -> frozenset[str]:
    """The lower-case words the article writes with a capital inside a sentence of its text, or
    tags as part of a name: what it spells as names. Read from the token arrays: a Token object
    for every token of the Doc costs more than the test."""
    found: set[str] = set()
    for text in arrays.written_forms(arrays.has_entity_type()):
        found.update(name_key(text))
    inside = ~arrays.has_entity_type() & arrays.title() & ~arrays.sentence_start()
    for text, char in zip(arrays.written_forms(inside), arrays.chars(inside), strict=True):
        if bisect.bisect_right(paragraph_starts, char) - 1 not in title_lines:
            found.update(name_key(text))
    return frozenset(found)


def capitalised_as_name(
    run: Span, names: frozenset[str], lower_case_words: frozenset[str] = frozenset()
) -> bool:
    """Whether a run of proper-noun tags is a name, not one common noun capitalised because it
    opens a sentence: a word before a common noun ("World leaders said", "Exit polls showed"), a
    noun for people ("Attorneys for the family said") or a word the article writes in lower case
    elsewhere (`lower_case_words`: "Startup says" above "a two-year-old startup") that it writes
    as a name nowhere else (`names_written`). Acronyms and longer runs are names."""
    word = run[0]
    if len(run) > 1 or not word.is_sent_start or word.is_upper:
        return True
    if set(name_key(word.text)) <= names:
        return True
    before_common_noun = (
        word.dep_ in ("compound", "amod") and word.head.tag_ in ("NN", "NNS") and word.head.is_lower
    )
    return not (
        before_common_noun or is_person_noun(word.lower_) or word.lower_ in lower_case_words
    )
