"""Tests for quoteattr.rules.marks: pairing quote marks into direct-quote spans."""

from __future__ import annotations

import gc
import time

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteattr.rules.marks import QUOTE_MARKS, QuotedSpan, find_quoted_spans, paragraph_spans

# (quoted words, depth, paragraphs) for each span, in output order.
Expected = list[tuple[str, int, int]]


def quoted(text: str) -> Expected:
    return [(text[s.start : s.end], s.depth, s.paragraphs) for s in find_quoted_spans(text)]


def check_invariants(text: str, spans: list[QuotedSpan]) -> None:
    for s in spans:
        assert 0 <= s.open < s.start <= s.end <= s.close < len(text), s
        # only spaces lie between a mark and the words
        assert not text[s.open + 1 : s.start].strip() and not text[s.end : s.close].strip(), s
        assert text[s.open] in QUOTE_MARKS and text[s.close] in QUOTE_MARKS, s
        assert s.paragraphs >= 1, s
    assert spans == sorted(spans, key=lambda s: (s.start, s.depth))
    top = [s for s in spans if s.depth == 0]
    for a, b in zip(top, top[1:]):
        assert a.close < b.open, (a, b)  # top-level spans never overlap
    for s in spans:
        parents = [p for p in spans if p.open < s.open and s.close < p.close]
        assert s.depth == len(parents), s  # a nested span lies inside its parent(s)
        for other in spans:  # spans nest or are disjoint, never cross
            assert not (s.open < other.open <= s.close < other.close), (s, other)


# --- the examples from the issue -------------------------------------------------------------

EXAMPLES = [
    pytest.param(
        '"It is all over now for us," she said.',
        [("It is all over now for us,", 0, 1)],
        id="straight-double",
    ),
    pytest.param("“A,” he said, “B.”", [("A,", 0, 1), ("B.", 0, 1)], id="two-typographic"),
    pytest.param(
        "Russia’s leader said the boys' band played rock 'n' roll in the '90s.",
        [],
        id="apostrophes-only",
    ),
    pytest.param("He called it a ‘historic’ day.", [("historic", 0, 1)], id="scare-quote"),
    pytest.param('Dwayne "The Rock" Johnson', [("The Rock", 0, 1)], id="nickname"),
    pytest.param("«Bonjour», dit-il.", [("Bonjour", 0, 1)], id="guillemets"),
    pytest.param("„Ja“, sagte er.", [("Ja", 0, 1)], id="german-low-high"),
    pytest.param(
        '"First paragraph of the quote.\n\n"Second paragraph," he said.',
        [('First paragraph of the quote.\n\n"Second paragraph,', 0, 2)],
        id="multi-paragraph",
    ),
    pytest.param(
        'He said "unfinished.\n\nNext paragraph without quotes. "Real quote," she said.',
        [("Real quote,", 0, 1)],
        id="unclosed-not-reopened",
    ),
    pytest.param("“““““ text", [], id="only-opening-marks"),
    pytest.param(
        "\"He said 'no' to me,\" she said.",
        [("He said 'no' to me,", 0, 1), ("no", 1, 1)],
        id="single-nested-in-double",
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXAMPLES)
def test_examples(text: str, expected: Expected) -> None:
    assert quoted(text) == expected
    check_invariants(text, find_quoted_spans(text))


# --- every mark and the pairing table ---------------------------------------------------------

PAIRS = [
    pytest.param('He said "x" once.', id="straight-double"),
    pytest.param("He said 'x' once.", id="straight-single"),
    pytest.param("He said “x” once.", id="english-double"),
    pytest.param("He said ‘x’ once.", id="english-single"),
    pytest.param("Er sagte „x“ einmal.", id="german-double"),
    pytest.param("Er sagte „x” einmal.", id="low-9-with-right-double"),
    pytest.param("Er sagte ‚x‘ einmal.", id="german-single"),
    pytest.param("Er sagte ‚x’ einmal.", id="low-9-with-right-single"),
    pytest.param("He said ‟x” once.", id="reversed-double"),
    pytest.param("He said ‛x’ once.", id="reversed-single"),
    pytest.param("Il a dit «x» une fois.", id="french-guillemets"),
    pytest.param("Il a dit « x » une fois.", id="french-guillemets-spaced"),
    pytest.param("Il a dit ‹x› une fois.", id="french-single-guillemets"),
    pytest.param("Er sagte »x« einmal.", id="german-guillemets"),
    pytest.param("Er sagte ›x‹ einmal.", id="german-single-guillemets"),
    pytest.param("Han sa ”x” en gång.", id="swedish-right-marks-both-ways"),
    pytest.param("He said “x“ once.", id="left-double-typed-as-close-after-a-word"),
]


@pytest.mark.parametrize("text", PAIRS)
def test_each_mark_pair(text: str) -> None:
    assert [(words.strip(), depth) for words, depth, _ in quoted(text)] == [("x", 0)]


MISMATCHED = [
    pytest.param("He said “x» once.", id="curly-then-guillemet"),
    pytest.param("He said «x” once.", id="guillemet-then-curly"),
    pytest.param('He said ‘x" once.', id="single-then-straight-double"),
    pytest.param("He said “x’ once.", id="double-then-single"),
    pytest.param("He said ”x“ once.", id="curly-backwards"),
    pytest.param("He said ’x‘ once.", id="single-curly-backwards"),
]


@pytest.mark.parametrize("text", MISMATCHED)
def test_mismatched_marks_do_not_pair(text: str) -> None:
    assert quoted(text) == []


# --- straight marks: open or close from context -----------------------------------------------

STRAIGHT = [
    pytest.param('"Yes," he said.', [("Yes,", 0, 1)], id="at-start"),
    pytest.param('He said: "Yes."', [("Yes.", 0, 1)], id="at-end"),
    pytest.param('(" Yes")', [], id="space-after-opening-is-not-an-opening"),
    pytest.param('He said ("Yes") twice.', [("Yes", 0, 1)], id="inside-brackets"),
    pytest.param(
        '"I was going to—" she said.', [("I was going to—", 0, 1)], id="dash-before-close"
    ),
    pytest.param('He said —"Go!"', [("Go!", 0, 1)], id="dash-before-open"),
    pytest.param('"Why?"asked he.', [], id="close-glued-to-a-word"),
    pytest.param("He is 5'10\" tall.", [], id="feet-and-inches"),
    pytest.param('a"b"c', [], id="inside-a-word"),
    pytest.param('He said "" twice.', [], id="empty-quote-dropped"),
    pytest.param('He said " " twice.', [], id="blank-quote-dropped"),
    pytest.param(
        "'\"No,\" he said,' she said.",
        [('"No," he said,', 0, 1), ("No,", 1, 1)],
        id="double-inside-single",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STRAIGHT)
def test_straight_marks_by_context(text: str, expected: Expected) -> None:
    assert quoted(text) == expected


# --- apostrophes are not quotes ---------------------------------------------------------------

APOSTROPHES = [
    pytest.param("Russia's army", id="possessive-straight"),
    pytest.param("Russia’s army", id="possessive-curly"),
    pytest.param("rock 'n' roll", id="rock-n-roll-straight"),
    pytest.param("rock ’n’ roll", id="rock-n-roll-curly"),
    pytest.param("rock ‘n’ roll", id="rock-n-roll-left-right"),
    pytest.param("rock 'n roll", id="rock-n-roll-half"),
    pytest.param("in the '90s", id="decade-straight"),
    pytest.param("in the ’90s", id="decade-curly"),
    pytest.param("in the ‘90s", id="decade-left"),
    pytest.param("back in '09, we won", id="year"),
    pytest.param("the boys' band", id="plural-possessive"),
    pytest.param("the boys’ band", id="plural-possessive-curly"),
    pytest.param("at five o'clock", id="oclock"),
    pytest.param("I don't know, we can’t", id="contractions"),
    pytest.param("'Tis the season, 'twas the night", id="tis-twas"),
    pytest.param("get 'em, 'cause it's time", id="em-cause"),
    pytest.param("the Joneses' house and the boys' band", id="two-plural-possessives"),
]


@pytest.mark.parametrize("text", APOSTROPHES)
def test_apostrophes_are_not_quotes(text: str) -> None:
    assert quoted(text) == []


SINGLE_QUOTES = [
    pytest.param("He called it 'historic' today.", [("historic", 0, 1)], id="scare-straight"),
    pytest.param("He told 'the boys' to leave.", [("the boys", 0, 1)], id="s-close-nothing-later"),
    pytest.param(
        "'The boys' band was great,' he said.",
        [("The boys' band was great,", 0, 1)],
        id="possessive-inside-single-quote",
    ),
    pytest.param(
        "‘The boys’ band was great,’ he said.",
        [("The boys’ band was great,", 0, 1)],
        id="possessive-inside-single-quote-curly",
    ),
    pytest.param(
        '"The boys\' band was great," he said.',
        [("The boys' band was great,", 0, 1)],
        id="possessive-inside-double-quote",
    ),
    pytest.param(
        "'I love rock 'n' roll,' he said.",
        [("I love rock 'n' roll,", 0, 1)],
        id="elision-inside-single-quote",
    ),
    pytest.param(
        "'It was the '90s,' he said.",
        [("It was the '90s,", 0, 1)],
        id="decade-inside-single-quote",
    ),
    pytest.param("He said 'no\n\nthen left.' Fine.", [], id="single-does-not-cross-paragraphs"),
    pytest.param(
        "He said 'no. And \"the boys' band,\" she said.",
        [("the boys' band,", 0, 1)],
        id="apostrophe-cannot-close-past-open-double",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SINGLE_QUOTES)
def test_single_quotes(text: str, expected: Expected) -> None:
    assert quoted(text) == expected


# --- nesting ---------------------------------------------------------------------------------

NESTING = [
    pytest.param(
        "“He said ‘no’ to me,” she said.",
        [("He said ‘no’ to me,", 0, 1), ("no", 1, 1)],
        id="curly-single-in-double",
    ),
    pytest.param(
        "‘He said “no” to me,’ she said.",
        [("He said “no” to me,", 0, 1), ("no", 1, 1)],
        id="british-double-in-single",
    ),
    pytest.param(
        "\"'No,' he said,\" she said.",
        [("'No,' he said,", 0, 1), ("No,", 1, 1)],
        id="single-right-after-double",
    ),
    pytest.param(
        "“She said ‘he told me «go» twice’ today,” he said.",
        [
            ("She said ‘he told me «go» twice’ today,", 0, 1),
            ("he told me «go» twice", 1, 1),
            ("go", 2, 1),
        ],
        id="three-levels",
    ),
    pytest.param(
        "«Il a dit ‹non› hier», dit-elle.",
        [("Il a dit ‹non› hier", 0, 1), ("non", 1, 1)],
        id="french-nested",
    ),
    pytest.param(
        "“He said ‘no to me,” she said.",
        [("He said ‘no to me,", 0, 1)],
        id="unclosed-inner-dropped",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NESTING)
def test_nesting(text: str, expected: Expected) -> None:
    assert quoted(text) == expected


# --- quotes over several paragraphs -----------------------------------------------------------

MULTI_PARAGRAPH = [
    pytest.param('"One.\n"Two," he said.', [('One.\n"Two,', 0, 2)], id="single-newline"),
    pytest.param('"One.\r\n\r\n"Two," he said.', [('One.\r\n\r\n"Two,', 0, 2)], id="crlf"),
    pytest.param(
        "“One.\n\n“Two.\n\n“Three,” he said.",
        [("One.\n\n“Two.\n\n“Three,", 0, 3)],
        id="three-paragraphs",
    ),
    # A paragraph opening in another typeface starts a quote of its own: the open mark before
    # it was a stray, or a block excerpt that never closes.
    pytest.param('“One.\n\n"Two," he said.', [("Two,", 0, 1)], id="reopened-with-another-style"),
    pytest.param(
        'She writes:\n\n"One.\n\n"Two.\n\n“Three,” he said.',
        [("Three,", 0, 1)],
        id="straight-excerpt-then-a-curly-quote",
    ),
    pytest.param(
        "“One.\n\n“He said ‘no’ then,” she said.",
        [("One.\n\n“He said ‘no’ then,", 0, 2), ("no", 1, 1)],
        id="nested-in-continuation",
    ),
    pytest.param('"One.\n\nTwo.\n\n"Three," he said.', [("Three,", 0, 1)], id="gap-breaks-the-run"),
    pytest.param(
        '"Closed," he said.\n\n"Open.\n\n"Continued," she said.',
        [("Closed,", 0, 1), ('Open.\n\n"Continued,', 0, 2)],
        id="after-a-closed-quote",
    ),
    pytest.param('"Open.\n\n"Never closed.', [], id="run-never-closed"),
    pytest.param('"Open.', [], id="unclosed-at-end-of-text"),
]


@pytest.mark.parametrize(("text", "expected"), MULTI_PARAGRAPH)
def test_multi_paragraph(text: str, expected: Expected) -> None:
    assert quoted(text) == expected
    check_invariants(text, find_quoted_spans(text))


# --- stray and unbalanced marks ---------------------------------------------------------------

STRAY = [
    pytest.param('He said "yes. Then "no," she said.', [("no,", 0, 1)], id="two-openings"),
    pytest.param(
        'Nothing open," he said. "Real," she said.',
        [("Real,", 0, 1)],
        id="closing-with-nothing-open",
    ),
    pytest.param("“Mismatched» then “fine,” he said.", [("fine,", 0, 1)], id="mismatched-type"),
    pytest.param(
        'He said "stray.\n\n"Real," she said.',
        [('stray.\n\n"Real,', 0, 2)],
        id="stray-opening-looks-like-continuation",
    ),
    pytest.param(
        'He said "stray\n\nNo marks here.\n\n"Real," she said.',
        [("Real,", 0, 1)],
        id="stray-does-not-swallow-paragraphs",
    ),
    pytest.param("” ” ” “Fine,” he said. “", [("Fine,", 0, 1)], id="closers-then-a-quote"),
    pytest.param(
        "”Fine.” ― Jane Roe\n“Good.“ ― John Doe",
        [("Fine.", 0, 1), ("Good.", 0, 1)],
        id="right-mark-opens-left-mark-closes-a-paragraph",
    ),
    pytest.param(
        "“He said “no” to me,” she said.",
        [("He said “no” to me,", 0, 1), ("no", 1, 1)],
        id="left-mark-after-a-space-still-opens-a-nested-quote",
    ),
    pytest.param("'''''", [], id="only-straight-singles"),
    pytest.param('"""""', [], id="only-straight-doubles"),
    pytest.param("", [], id="empty-text"),
    pytest.param("\n\n \n", [], id="blank-text"),
]


@pytest.mark.parametrize(("text", "expected"), STRAY)
def test_stray_marks(text: str, expected: Expected) -> None:
    assert quoted(text) == expected
    check_invariants(text, find_quoted_spans(text))


# --- paragraphs ------------------------------------------------------------------------------

PARAGRAPHS = [
    pytest.param("", [], id="empty"),
    pytest.param("One.", [(0, 4)], id="one"),
    pytest.param("One.\n\nTwo.", [(0, 4), (6, 10)], id="blank-line"),
    pytest.param("One.\nTwo.", [(0, 4), (5, 9)], id="single-newline"),
    pytest.param("\n\n  One.  \n \n\tTwo.\n", [(4, 8), (14, 18)], id="trimmed-and-blank-skipped"),
    pytest.param("One.\r\n\r\nTwo.", [(0, 4), (8, 12)], id="crlf"),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraph_spans(text: str, expected: list[tuple[int, int]]) -> None:
    assert paragraph_spans(text) == expected


# --- the record ------------------------------------------------------------------------------


def test_quoted_span_is_frozen() -> None:
    span = find_quoted_spans('"Yes," he said.')[0]
    assert span == QuotedSpan(open=0, close=5, start=1, end=5, depth=0, paragraphs=1)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.depth = 1  # type: ignore[misc]


# --- big inputs: linear time ----------------------------------------------------------------

# (repeated unit, size of the large input). Each is timed at a quarter of its size and at its full
# size; a linear scan takes about 4x as long on 4x the input, a quadratic one 16x.
BIG = [
    pytest.param("“a” ‘b’ \"c\" 'd' ", 200_000, id="200k-paired-marks"),
    pytest.param('"', 200_000, id="200k-straight-doubles"),
    pytest.param("“", 1_000_000, id="1MB-opening-marks"),
    pytest.param(
        "He said \"one 'two' three,\" she said. It's the '90s. ",
        1_000_000,
        id="1MB-without-newlines",
    ),
    pytest.param("a", 4_000_000, id="4MB-one-word"),
    pytest.param('"a\n', 300_000, id="300k-reopened-paragraphs"),
]
MAX_RATIO = 6.0  # time on 4x the input over time on 1x


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _fastest(text: str, repeats: int) -> tuple[float, int]:
    """The fastest of `repeats` calls, in this process's CPU time (other work on the machine
    does not count), and the number of spans found. The garbage collector is off while timing,
    as in `timeit`: its full collections scan every live object, which is not the scan being
    measured."""
    best, count = float("inf"), -1
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeats):
            started = time.process_time()
            spans = find_quoted_spans(text)
            best = min(best, time.process_time() - started)
            count = len(spans)
            del spans
    finally:
        gc.enable()
    return best, count


@pytest.mark.parametrize(("unit", "size"), BIG)
def test_big_inputs_take_linear_time(unit: str, size: int) -> None:
    """Linear time: 4x the input takes at most 6x as long (quadratic would be 16x), both timed
    in the same run; and 4x the input gives 4x the spans (up to the cut unit at the end)."""
    small, large = _repeat(unit, size // 4), _repeat(unit, size)
    small_time, small_count = _fastest(small, 3)
    large_time, large_count = _fastest(large, 3)
    for _ in range(2):  # a busy machine can slow one size more than the other: measure again
        if large_time <= MAX_RATIO * small_time:
            break
        small_time = min(small_time, _fastest(small, 3)[0])
        large_time = min(large_time, _fastest(large, 3)[0])
    ratio = large_time / small_time
    assert ratio <= MAX_RATIO, (
        f"4x the input took {ratio:.1f}x as long ({small_time:.4f} s -> {large_time:.4f} s): not linear"
    )
    assert abs(large_count - 4 * small_count) <= 4, (small_count, large_count)
    if small_count == 0:
        assert large_count == 0


# --- properties ------------------------------------------------------------------------------

# Single characters plus a few tokens that make apostrophes and paragraph breaks likely.
QUOTEY = st.lists(
    st.sampled_from(
        [*"\"'“”‘’«»„‟‚‛‹›", *"aAsSnt9 .,—(", "\n", "\n\n", "'n'", "'90s", "boys' ", " said"]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(QUOTEY)
def test_properties_on_quote_heavy_text(text: str) -> None:
    spans = find_quoted_spans(text)
    check_invariants(text, spans)
    assert find_quoted_spans(text) == spans  # deterministic


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_properties_on_any_text(text: str) -> None:
    spans = find_quoted_spans(text)
    check_invariants(text, spans)
    assert find_quoted_spans(text) == spans
    for start, end in paragraph_spans(text):
        assert 0 <= start < end <= len(text) and "\n" not in text[start:end]
