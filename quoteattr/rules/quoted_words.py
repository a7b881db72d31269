"""What a quotation's words are: speech that stands as a sentence of its own, or words named and
not said: a title ('her novel "The Long Road"', 'the production of "Tosca"'), a section's
subheading, a nickname. Read by the quote kinds and the uncued quotes of `quotes`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from .lexicon import CueLexicon, word_list
from .marks import QuotedSpan
from .morphology import singular
from .salience import is_verb

if TYPE_CHECKING:
    from .context import DocContext

TITLE_WORD_LETTERS = 4  # title case capitalises every word this long or longer ("The Long Road")
WORK_NOUNS = word_list("work_nouns")  # "production", "novel": what a title names
# A sentence's end and the capital of the next, inside quoted words.
SENTENCE_INSIDE = re.compile(r"[a-z0-9][.!?]\s+[A-Z]")


def looks_like_speech(text: str, quote: QuotedSpan) -> bool:
    """A quote with no cue is speech when it stands as a sentence of its own: it opens a paragraph
    or follows the end of a sentence, and it ends a sentence. Scare quotes, titles and nicknames
    sit inside someone else's sentence."""
    line_start = text.rfind("\n", 0, quote.open) + 1
    before = text[line_start : quote.open].rstrip()
    if before and before[-1] not in ".!?…\"'”’":
        return False
    words = text[quote.start : quote.end].split()
    if not words:
        return False
    if len(words) == 1 or (not before and _is_subheading(text, quote, words)):
        return False  # '"Footfall." "Stakeholders."': words named, not said
    ends_sentence = words[-1][-1] in ".!?…,;—-" or words[-1].endswith("...")
    after = text[quote.close + 1 : quote.close + 3].lstrip(" ")
    # A whole sentence quoted before more ('"I wouldn't call it reform. It's just a tax
    # increase" for the top bracket'): the writer ends the speaker's last sentence.
    return (
        ends_sentence
        or not after
        or after[0] in ".!?\n"
        or SENTENCE_INSIDE.search(text, quote.start, quote.end) is not None
    )


SUBHEADING_WORDS = 8  # a quoted line longer than this is not a section's title


def _is_subheading(text: str, quote: QuotedSpan, words: list[str]) -> bool:
    """A quoted line in title case that is its paragraph ('"All Bets Are Off."', a section's
    title in a long article): every word of four letters or more capitalised."""
    line_end = text.find("\n", quote.close)
    rest = text[quote.close + 1 : len(text) if line_end < 0 else line_end]
    if rest.strip(" .") or not 2 <= len(words) <= SUBHEADING_WORDS:
        return False
    long_words = [w.strip(".,;:!?'\"“”‘’") for w in words]
    long_words = [w for w in long_words if len(w) >= TITLE_WORD_LETTERS]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def names_a_title(context: DocContext, quote: QuotedSpan) -> bool:
    """Whether quoted words inside a sentence name a work, a show or a programme rather than
    quote anyone: in title case, every word of four letters or more a capitalised noun or
    adjective ('on CNN's "State of the Union"'; one word only after a work's noun: 'the
    production of "Tosca,"'), and no sentence ending inside ('"Unacceptable."' and '"Make
    America Great Again"' are words said)."""
    doc = context.doc
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or any(t.text in ".!?" for t in span):
        return False
    long_words = [t for t in words if len(t.text) >= TITLE_WORD_LETTERS]
    title_case = bool(long_words) and all(
        t.text[:1].isupper() and t.tag_.startswith(("NN", "JJ")) for t in long_words
    )
    # One capitalised word may be the speaker's own ('calling for Taiwan "Reunification"'): a
    # title only right after a work it names.
    if not title_case or not (len(words) > 1 or _after_a_work_noun(doc, span.start)):
        return False
    return not _in_a_title_line(context.text, span) and not _named_by_the_speaker(
        span, context.lexicon
    )


# A line whose words, but for this share, are capitalised is a headline ("Donald Trump Is Right,
# 'Thousands of Shootings' in Chicago this Year").
TITLE_LINE_SHARE = 0.8


def _in_a_title_line(text: str, span: Span) -> bool:
    """Whether the quotation's line is set in title case ('Christie Calls Clinton "A
    Disgrace"'): a headline's capitals tell nothing of its quoted words. (`text` is the Doc's,
    read once: `Doc.text` builds it anew.)"""
    doc = span.doc
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line = doc.char_span(
        line_start, len(text) if line_end < 0 else line_end, alignment_mode="expand"
    )
    if line is None:
        return False
    outside = [
        t
        for t in line
        if not span.start <= t.i < span.end and t.is_alpha and len(t.text) >= TITLE_WORD_LETTERS
    ]
    capitalised = sum(t.text[:1].isupper() for t in outside)
    return bool(outside) and capitalised >= TITLE_LINE_SHARE * len(outside)


def _named_by_the_speaker(span: Span, lexicon: CueLexicon) -> bool:
    """Whether a verb of calling ('called the winner "Miss Piggy"', 'nicknamed "King James"') or
    an "as" ('hailed Trump as "The Comeback Kid"') makes the quoted name someone's words."""
    verb = span.root
    while verb.head.i != verb.i and (span.start <= verb.i < span.end or not is_verb(verb)):
        verb = verb.head
        if verb.lower_ == "as" and verb.dep_ == "prep":
            return True  # "as" with its object, or the first of two ("as "A" and "B"")
    return is_verb(verb) and verb.lower_ in lexicon.naming_verb_forms


def _after_a_work_noun(doc: Doc, start: int) -> bool:
    """Whether the words before token `start` end in a noun for a work, past a quote mark, "of"
    and a determiner ("the production of", "her novel")."""
    i = start - 1
    while i >= 0 and (doc[i].is_quote or doc[i].lower_ in ("of", "the", "a", "an")):
        i -= 1
    return i >= 0 and singular(doc[i].lower_) in WORK_NOUNS
