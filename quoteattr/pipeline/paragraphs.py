"""The `quoteattr_paragraphs` component: every paragraph starts a sentence, which the parser
respects."""

from __future__ import annotations

import numpy
from spacy.attrs import IS_QUOTE, IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.arrays import distinct_strings

NOT_SENT_START = numpy.uint64(-1 % 2**64)  # -1 as Doc arrays store it


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
        if not len(doc):
            return doc
        # Read from the token arrays: a Token object for every token costs more than the tests.
        # Written as one array: Token.is_sent_start's setter scans the whole Doc on every call.
        values = doc.to_array([SENT_START])
        columns = doc.to_array([ORTH, SPACY, IS_SPACE, IS_QUOTE])
        words, word_of = distinct_strings(doc.vocab.strings, columns[:, 0])
        spaces = columns[:, 2] != 0
        newlines = numpy.array(["\n" in word for word in words], dtype=bool)[word_of] & spaces
        # newlines_before[i]: the space tokens with a line break among the tokens before i
        newlines_before = numpy.concatenate(([0], numpy.cumsum(newlines)))
        words_at = numpy.flatnonzero(~spaces)
        previous_word = numpy.concatenate(([-1], words_at[:-1]))
        # a line break between a word and the word before it (or the start): a paragraph starts
        after_newline = newlines_before[words_at] > newlines_before[previous_word + 1]
        starts = words_at[after_newline & (words_at > 0)]
        values[starts] = 1
        # a closing quote mark right after a word stays with that word's sentence
        trailing_space = columns[:, 1] != 0
        quotes = words_at[~after_newline & (words_at > 0) & (columns[words_at, 3] != 0)]
        for i in quotes.tolist():
            if not trailing_space[i - 1] and not words[word_of[i - 1]][-1].isspace():
                values[i] = NOT_SENT_START
        # a word after one that ends no sentence (no full stop, question or exclamation mark,
        # colon or semicolon, closing mark or bracket) starts none: the parser otherwise cuts
        # a sentence in two where its clauses run on unpunctuated ("cited remarks Trump had made")
        ends = numpy.array([_may_end_sentence(word) for word in words], dtype=bool)
        inside = ~after_newline & (previous_word >= 0)
        runs_on = words_at[inside][~ends[word_of[previous_word[inside]]]]
        values[runs_on] = NOT_SENT_START
        doc.from_array([SENT_START], values)
        return doc


# The last characters of a word after which a sentence may end.
SENTENCE_END_CHARACTERS = frozenset(".!?:;…\"'”’)]»›")


def _may_end_sentence(word: str) -> bool:
    return bool(word) and word[-1] in SENTENCE_END_CHARACTERS
