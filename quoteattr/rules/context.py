"""The per-document context every stage reads: the Doc, its text, paragraphs and quoted spans, built
once."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from attrs import define, frozen
from spacy.tokens import Doc, Span

from .arrays import DocArrays
from .lexicon import CueLexicon
from .marks import QuotedSpan, find_quoted_spans, paragraph_spans


@define
class QuoteIndex:
    """Top-level quoted spans, sorted, with bisect lookups by character."""

    spans: list[QuotedSpan]
    starts: list[int]

    @classmethod
    def build(cls, text: str, paragraphs: list[tuple[int, int]] | None = None) -> QuoteIndex:
        spans = [q for q in find_quoted_spans(text, paragraphs) if q.depth == 0]
        return cls(spans, [q.open for q in spans])

    def contains(self, char: int) -> bool:
        return any(q.start <= char < q.end for q in self.overlapping(char, char + 1))

    def overlapping(self, start: int, end: int) -> list[QuotedSpan]:
        i = bisect.bisect_left(self.starts, start)
        # A span opening before `start` may still reach into the range.
        if i > 0 and self.spans[i - 1].close >= start:
            i -= 1
        found = []
        while i < len(self.spans) and self.spans[i].open < end:
            found.append(self.spans[i])
            i += 1
        return found


@frozen
class DocContext:
    """What the stages share about one parsed Doc. `text` is read once, from the token arrays:
    `Doc.text` makes a Token object for every token on each access."""

    doc: Doc
    text: str
    lexicon: CueLexicon
    paragraphs: list[tuple[int, int]]
    quotes: QuoteIndex
    paragraph_starts: list[int]
    arrays: DocArrays
    sentence_starts: list[int]  # the first token of each sentence
    ents: tuple[Span, ...]  # `Doc.ents`, which makes its Spans anew on each access

    def sentences(self) -> Iterator[tuple[int, int]]:
        """(first token, end token) of each sentence, in order (`Doc.sents` without its Spans)."""
        if "sents" in self.doc.user_hooks:  # a hook's sentences need not follow one another
            return ((sentence.start, sentence.end) for sentence in self.doc.sents)
        starts = self.sentence_starts
        return zip(starts, [*starts[1:], len(self.doc)] if starts else [], strict=True)

    def sentence_start(self, token: int) -> int:
        """The first token of the sentence of `token` (`Token.sent.start`, without making the
        sentence's Span)."""
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, token) - 1]

    @classmethod
    def build(cls, doc: Doc, lexicon: CueLexicon) -> DocContext:
        arrays = DocArrays(doc)
        text = arrays.text()
        paragraphs = paragraph_spans(text)
        quotes = QuoteIndex.build(text, paragraphs)
        starts = [start for start, _ in paragraphs]
        if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
            sentences = [sentence.start for sentence in doc.sents]  # the hook's, or its error
        else:
            sentences = arrays.sentence_starts()  # without a Span for every sentence
        return cls(
            doc, text, lexicon, paragraphs, quotes, starts, arrays, sentences, tuple(doc.ents)
        )
