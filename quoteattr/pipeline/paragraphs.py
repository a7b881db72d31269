"""The `quoteattr_paragraphs` component: every paragraph starts a sentence, which the parser
respects."""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

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
