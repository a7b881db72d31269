"""Direct-quote spans in raw text, found by pairing quote marks.

Pure Python (no spaCy), linear in the length of the text: one left-to-right pass per paragraph over
the quote marks only, with a small bounded stack. Marks are paired with an explicit open -> close
table, never by counting, so a stray mark costs one quote at most, not every quote after it.

Straight marks (" and ') point neither way, so whether one opens or closes is decided from the
characters around it. Single marks double as apostrophes (Russia's, rock 'n' roll, the '90s, the
boys' band), so they only count when they clearly open and a clear close follows in the paragraph.

News continues a long quote into the next paragraph by leaving the paragraph unclosed and opening
the next one with a quote mark again; such a run is returned as one span over several paragraphs.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import NamedTuple

import attrs

__all__ = ["CLOSERS_FOR", "QUOTE_MARKS", "QuotedSpan", "find_quoted_spans", "paragraph_spans"]

# Opening mark -> the marks that may close it. « » and ‹ › appear both ways round: French «…»,
# German »…«. „ and ‚ (German) close with “/‘ or, in some typesetting, ”/’. Swedish and Finnish
# print ”…” both ways, and a closing “ after a word is a common slip for ” ("…percent.“).
CLOSERS_FOR: dict[str, str] = {
    '"': '"',
    "“": "”“",
    "”": "”",
    "„": "“”",
    "‟": "”",
    "«": "»",
    "»": "«",
    "‹": "›",
    "›": "‹",
    "'": "'",
    "‘": "’",
    "‚": "‘’",
    "‛": "’",
}
_CLOSING = frozenset("".join(CLOSERS_FOR.values()))
QUOTE_MARKS = frozenset(CLOSERS_FOR) | _CLOSING

# Single marks that are also written as apostrophes: weak evidence of a quote, so stricter rules.
_APOSTROPHES = frozenset("'‘’‚‛")
# Guillemets may have a (no-break) space inside them in French: « Bonjour ».
_GUILLEMETS = frozenset("«»‹›")

# Words that begin with an elision apostrophe: 'n', 'tis, 'em, ... ('90s is handled separately).
_ELIDED_WORDS = frozenset({"n", "tis", "twas", "til", "em", "cause", "bout", "nuff", "twere"})

# Nesting deeper than this does not occur in prose; the cap keeps the stack search O(1) per mark.
_MAX_DEPTH = 8

# A plain character class: no backtracking, finditer is linear.
_MARK_RE = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + "]")


@attrs.frozen
class QuotedSpan:
    """One quote: marks at `open` and `close`, quoted words at `text[start:end]`."""

    open: int  # offset of the opening mark character
    close: int  # offset of the closing mark character (the quote ends at close + 1)
    start: int  # first character of the quoted words (open + 1, after any space)
    end: int  # end (exclusive) of the quoted words (close, before any space)
    depth: int  # 0 for a top-level quote, 1 for a quote nested inside another, ...
    paragraphs: int  # how many paragraphs the quote spans (1 normally)


class _Open(NamedTuple):
    pos: int  # where the quote opened (the first paragraph's mark, for a continued quote)
    mark: str  # the mark now awaiting its closer (the reopening mark, for a continued quote)
    paragraph: int  # index of the paragraph where the quote opened


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph: a line with its surrounding whitespace trimmed.

    Paragraphs are separated by one or more newlines; blank or whitespace-only lines are skipped.
    """
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    while pos < size:
        newline = text.find("\n", pos)
        if newline == -1:
            newline = size
        line = text[pos:newline]
        start = pos + len(line) - len(line.lstrip())
        end = pos + len(line.rstrip())
        if start < end:
            spans.append((start, end))
        pos = newline + 1
    return spans


def find_quoted_spans(
    text: str, paragraphs: list[tuple[int, int]] | None = None
) -> list[QuotedSpan]:
    """Quotes in `text`, sorted by start then depth. Never raises; unpairable marks are skipped.
    `paragraphs` are `paragraph_spans(text)`, if the caller has them."""
    pairs: list[tuple[int, int, int]] = []  # (open, close, paragraphs)
    carried: _Open | None = None
    for index, (lo, hi) in enumerate(paragraph_spans(text) if paragraphs is None else paragraphs):
        carried = _pair_paragraph(text, lo, hi, index, carried, pairs)
    return _nest(text, pairs)


def _pair_paragraph(
    text: str,
    lo: int,
    hi: int,
    index: int,
    carried: _Open | None,
    pairs: list[tuple[int, int, int]],
) -> _Open | None:
    """Pair the marks of paragraph text[lo:hi]; return the quote left open for the next one."""
    marks = [match.start() for match in _MARK_RE.finditer(text, lo, hi)]
    stack: list[_Open] = []
    if carried is not None and _reopens(text, lo, hi) and _same_typeface(carried.mark, text[lo]):
        # The continuation mark only restates the open quote: swallow it, keep the first opening.
        stack.append(_Open(carried.pos, text[lo], carried.paragraph))
        marks = marks[1:]
    waiting = "".join(CLOSERS_FOR[entry.mark] for entry in stack)  # marks that close something
    skip = -1  # the second apostrophe of rock 'n' roll
    last_clear_close: int | None = None  # computed only when a possessive needs it

    for i in marks:
        if i == skip:
            continue
        mark = text[i]
        opens, closes = _roles(*_neighbours(text, i, lo, hi))
        if opens and mark in _APOSTROPHES and _is_elision(text, i, hi):
            if i + 2 < hi and text[i + 1] in "nN" and text[i + 2] in _APOSTROPHES:
                skip = i + 2
            continue
        match = _find_opener(stack, mark) if closes and mark in waiting else -1
        if match >= 0 and mark in _APOSTROPHES and _looks_possessive(text, i, hi):
            # "the boys' band": an apostrophe unless nothing later could close the open quote.
            if last_clear_close is None:
                last_clear_close = _last_clear_close(text, marks, lo, hi)
            if last_clear_close > i:
                match = -1
        if match >= 0:
            pairs.append((stack[match].pos, i, index - stack[match].paragraph + 1))
            del stack[match:]
            waiting = "".join(CLOSERS_FOR[entry.mark] for entry in stack) if stack else ""
        elif opens and len(stack) < _MAX_DEPTH:
            stack.append(_Open(i, mark, index))
            waiting += CLOSERS_FOR[mark]

    # Only a double quote may run on into the next paragraph: single marks must close in their own.
    return next((entry for entry in stack if entry.mark not in _APOSTROPHES), None)


def _neighbours(text: str, i: int, lo: int, hi: int) -> tuple[str, str, str]:
    """The character before the mark at i, the mark, the character after ("" at an edge)."""
    return (text[i - 1] if i > lo else "", text[i], text[i + 1] if i + 1 < hi else "")


def _reopens(text: str, lo: int, hi: int) -> bool:
    """Does the paragraph start with an opening double mark (a continued quote)?"""
    return text[lo] not in _APOSTROPHES and _roles(*_neighbours(text, lo, lo, hi))[0]


def _same_typeface(carried: str, reopening: str) -> bool:
    """Are both marks straight, or both typographic? A paragraph that opens with a curly mark
    after an unclosed straight one (or the other way round) starts a quote of its own: the
    straight mark was a stray, or a block excerpt that never closes."""
    return (carried == '"') == (reopening == '"')


def _find_opener(stack: list[_Open], mark: str) -> int:
    """Index of the open quote that `mark` closes, or -1.

    A double mark may close past unclosed inner quotes (they are dropped). An apostrophe-like mark
    only closes the innermost quote, so a stray apostrophe cannot cut an open double quote short.
    """
    if mark in _APOSTROPHES:
        innermost = len(stack) - 1
        return innermost if stack and mark in CLOSERS_FOR[stack[innermost].mark] else -1
    for index in range(len(stack) - 1, -1, -1):
        if mark in CLOSERS_FOR[stack[index].mark]:
            return index
    return -1


@functools.lru_cache(maxsize=4096)
def _roles(prev: str, mark: str, nxt: str) -> tuple[bool, bool]:
    """(can open, can close) for `mark` between `prev` and `nxt`; cached, texts repeat contexts."""
    return _is_opening(prev, mark, nxt), _is_closing(prev, mark, nxt)


def _is_opening(prev: str, mark: str, nxt: str) -> bool:
    """Can `mark` open a quote, between `prev` and `nxt` ("" at a paragraph edge)?"""
    if mark not in CLOSERS_FOR:
        return False
    if mark in "“„‟":  # the glyph says it opens
        return True
    if not nxt or not _after_boundary(prev):
        return False
    if mark in _APOSTROPHES:
        # 'no' and '"No," he said' open; ' - and '... do not.
        return nxt.isalnum() or (nxt in CLOSERS_FOR and nxt not in _APOSTROPHES)
    return mark in _GUILLEMETS or not nxt.isspace()  # « Bonjour » may have a space inside


def _is_closing(prev: str, mark: str, nxt: str) -> bool:
    """Can `mark` close a quote, between `prev` and `nxt` ("" at a paragraph edge)?"""
    if mark not in _CLOSING:
        return False
    if mark == "”":  # the glyph says it closes
        return True
    if not prev or not _before_boundary(nxt):
        return False
    return mark in _GUILLEMETS or not prev.isspace()


def _after_boundary(prev: str) -> bool:
    """Does a quote open after `prev`: start, space, opening bracket, dash, opening mark?"""
    return (
        not prev
        or prev.isspace()
        or prev in CLOSERS_FOR
        or unicodedata.category(prev) in ("Ps", "Pd", "Pi")
    )


def _before_boundary(nxt: str) -> bool:
    """Does a quote close before `nxt`: end, space, punctuation (closing marks included)?"""
    return not nxt or nxt.isspace() or unicodedata.category(nxt).startswith("P")


def _is_elision(text: str, i: int, hi: int) -> bool:
    """Is the mark at i an elision apostrophe: rock 'n' roll, 'tis, the '90s?"""
    j = i + 1
    while j < hi and j - i <= 6 and text[j].isalpha():
        j += 1
    if j < hi and text[j].isalnum():  # a longer word or a digit follows: not a listed elision
        return _is_decade(text, i, hi)
    return text[i + 1 : j].lower() in _ELIDED_WORDS or _is_decade(text, i, hi)


def _is_decade(text: str, i: int, hi: int) -> bool:
    """'90s, '09: two digits, an optional s, then no further letter or digit."""
    if i + 2 >= hi or not (text[i + 1].isdigit() and text[i + 2].isdigit()):
        return False
    j = i + 3
    if j < hi and text[j] == "s":
        j += 1
    return j >= hi or not text[j].isalnum()


def _looks_possessive(text: str, i: int, hi: int) -> bool:
    """`s' ` followed by a lowercase word, as in "the boys' band"."""
    return i + 2 < hi and text[i - 1] in "sS" and text[i + 1].isspace() and text[i + 2].islower()


def _last_clear_close(text: str, marks: list[int], lo: int, hi: int) -> int:
    """Offset of the paragraph's last apostrophe-like mark that clearly closes, or -1."""
    for i in reversed(marks):
        if (
            text[i] in _APOSTROPHES
            and _roles(*_neighbours(text, i, lo, hi))[1]
            and not _looks_possessive(text, i, hi)
        ):
            return i
    return -1


def _nest(text: str, pairs: list[tuple[int, int, int]]) -> list[QuotedSpan]:
    """Drop empty quotes and give each kept quote its depth among the kept ones.

    Pairs come from a stack, so they nest properly; depth is computed only now because an opening
    mark that never closed must not count as a parent of the quotes found inside it.
    """
    spans: list[QuotedSpan] = []
    enclosing: list[int] = []  # close offsets of the kept quotes around the current one
    for open_, close, paragraphs in sorted(pairs):
        if open_ + 1 == close or text[open_ + 1 : close].isspace():
            continue
        while enclosing and enclosing[-1] < open_:
            enclosing.pop()
        # The spaces inside the marks are typography, not words: « Nous gagnerons ».
        inside = text[open_ + 1 : close]
        start = open_ + 1 + len(inside) - len(inside.lstrip())
        end = close - (len(inside) - len(inside.rstrip()))
        spans.append(QuotedSpan(open_, close, start, end, len(enclosing), paragraphs))
        enclosing.append(close)
    return spans
