"""Character intervals: the one interval helper (normalised interval lists and their sizes and
intersections, for scoring; merged coverage with logarithmic lookups, for the model)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

Span = tuple[int, int]
Spans = tuple[Span, ...]  # sorted, disjoint, non-empty intervals


def union(spans: Iterable[Sequence[int]]) -> Spans:
    """The characters covered by `spans`, as sorted, disjoint, non-empty intervals."""
    merged: list[list[int]] = []
    for start, end in sorted((int(s), int(e)) for s, e in spans if e > s):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((start, end) for start, end in merged)


def size(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def intersection_size(a: Spans, b: Spans) -> int:
    """|a ∩ b| by one merge pass over two normalised interval lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        total += max(0, min(a[i][1], b[j][1]) - max(a[i][0], b[j][0]))
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return total


class Coverage:
    """The characters some spans cover, as sorted merged intervals: whether a character is covered
    and how much of a content is, in logarithmic time (a long article has thousands of frames)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        i = bisect.bisect_left(self.ends, start)  # the first interval that ends at or after start
        j = bisect.bisect_right(
            self.starts, end
        )  # past the last interval that starts at or before end
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def covers(self, char: int) -> bool:
        i = bisect.bisect_right(self.starts, char) - 1
        return i >= 0 and char < self.ends[i]

    def share_of(self, pieces: Sequence[tuple[int, int]]) -> float:
        total = sum(end - start for start, end in pieces)
        common = 0
        for start, end in pieces:
            i = max(0, bisect.bisect_right(self.starts, start) - 1)
            while i < len(self.starts) and self.starts[i] < end:
                common += max(0, min(end, self.ends[i]) - max(start, self.starts[i]))
                i += 1
        return common / total if total else 0.0
