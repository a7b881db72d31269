"""Who wrote the article's own words, whose "I" it is outside quote marks: the author a byline
names at the top ("By Karen Holt"), the writer a letters page signs below each letter ("Toni
LeAnn Williams."), or the one an op-ed's closing line is about ("Charlotte Meehan is
playwright-in-residence at ...")."""

from __future__ import annotations

import bisect
import re

from .names import FIRST_NAME_GENDER, fold

NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
# "By Karen Holt" (a line of its own, maybe followed by ", Staff Writer" or "/ Metro News"): one
# author; "By Ann Lee and Tom Ray" names two, and no "I" is theirs alone.
BYLINE = re.compile(rf"(?i:by)\s+({NAME})\s*(?:[,/|]|$)")
BYLINE_PARAGRAPHS = 5  # a byline stands among the article's first paragraphs
# A signature is a paragraph that is a name alone, maybe with a place ("Jane Roe, Dayton, Ohio.")
# or a dash before it, or a handle ("@casawhitby.").
SIGNATURE = re.compile(rf"(?:[-—–]\s*)?({NAME}|@\w+)(?:\s*,[^,.]{{1,40}}){{0,2}}\.?")
SIGNATURE_CHARS = 80
# An op-ed's line about its writer: "Dana Okoro is writer-in-residence at ...".
AUTHOR_LINE = re.compile(rf"({NAME}),? (?:is|was|has been|teaches|writes)\b")
AUTHOR_LINE_PARAGRAPHS = 2  # among the article's last paragraphs


def byline_author(text: str, paragraph_starts: list[int]) -> tuple[int, int] | None:
    """The character range of the one author a byline names ("By Karen Holt"), else None."""
    starts = paragraph_starts[:BYLINE_PARAGRAPHS]
    for start, end in zip(starts, [*starts[1:], len(text)], strict=False):
        line = text[start:end].strip()
        match = BYLINE.match(line)
        if match is not None and len(line) <= 80:
            offset = text.index(line, start)
            return offset + match.start(1), offset + match.end(1)
    return None


def _persons_name(name: str, start: int, person_starts: frozenset[int]) -> bool:
    """A handle, or words that begin with a first name or that the recognizer read as a person's
    name: a name alone on a line may also be a heading ("Small Steps Toward College Savings.")."""
    return (
        name.startswith("@") or fold(name.split()[0]) in FIRST_NAME_GENDER or start in person_starts
    )


class Writers:
    """Whose the writer's words are, anywhere in one article."""

    def __init__(
        self, text: str, paragraphs: list[tuple[int, int]], person_starts: frozenset[int]
    ) -> None:
        """`person_starts`: the characters where the recognizer's person names begin."""
        self._signed: list[tuple[int, tuple[int, int]]] = []  # (signature start, name range)
        for number, (start, end) in enumerate(paragraphs):
            line = text[start:end].strip()
            match = SIGNATURE.fullmatch(line)
            if not number or match is None or len(line) > SIGNATURE_CHARS:
                continue
            offset = text.index(line, start)
            name = (offset + match.start(1), offset + match.end(1))
            if _persons_name(match[1], name[0], person_starts):
                self._signed.append((start, name))
        self._byline = byline_author(text, [start for start, _ in paragraphs] or [0])
        self._closing: tuple[int, int] | None = None  # the op-ed's line about its writer
        for start, end in paragraphs[-AUTHOR_LINE_PARAGRAPHS:]:
            line = text[start:end].strip()
            match = AUTHOR_LINE.match(line)
            if match is None:
                continue
            offset = text.index(line, start)
            name = (offset + match.start(1), offset + match.end(1))
            if _persons_name(match[1], name[0], person_starts):
                self._closing = name
                break

    @property
    def names(self) -> frozenset[tuple[int, int]]:
        """The character ranges of every writer's name."""
        found = {name for _, name in self._signed} | {self._byline, self._closing}
        return frozenset(found - {None})

    def at(self, char: int) -> tuple[int, int] | None:
        """The character range of the name of whoever wrote the words at `char`: the byline's
        author, else the signature below them, else the writer the closing line is about, else
        None."""
        if self._byline is not None:
            return self._byline
        i = bisect.bisect_right(self._signed, char, key=lambda item: item[0])
        if i < len(self._signed):
            return self._signed[i][1]
        return self._closing
