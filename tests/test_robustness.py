"""Adversarial text never breaks `extract`: no exception, offsets that hold, the same result twice.

Each case is checked with the `invariants` fixture (tests/conftest.py), as tests/test_properties.py does.
"""

from __future__ import annotations

import time

import pytest

import quoteattr
from quoteattr import api
from quoteattr.evaluation.scaling import generate_article, time_scaling

SPEECH = 'Jane Roe said, "We will reopen the bridge before the winter," and left.'


def check(text: str, nlp, invariants) -> quoteattr.QuoteResult:
    result = quoteattr.extract(text, nlp=nlp)
    invariants(text, result)
    assert quoteattr.extract(text, nlp=nlp) == result
    return result


CONTROL = (
    "".join(chr(c) for c in range(32) if chr(c) not in "\n")
    + "\x7f"
    + "".join(chr(c) for c in range(0x80, 0xA0))
)
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
QUOTE_MARKS = "\"'“”„‟«»‹›‘’‚‛「」『』"

CASES = {
    # Quote marks
    "thousands of straight double marks": '"' * 3000,
    "thousands of marks of every kind": QUOTE_MARKS * 300,
    "thousands of marks between words": " ".join(
        ['"word', 'word"', "“x", "y”", "'z", "«", "»"] * 500
    ),
    # Each quote here reports the one after it: a chain of a thousand reports.
    "only opening marks": "“He said " * 1000,
    "only opening straight marks": ' "Jane said' * 1000,
    "only opening marks, no space": "“" * 3000,
    "only closing marks": "He said” " * 1000,
    "unbalanced quotes": 'She said "a "b "c d" e f. ' * 200,
    "unbalanced across paragraphs": '"Open and never closed, said Jane Roe.\n\n' * 100
    + '"Closed at last," she said.',
    "deeply nested quotes": "Jane said “Tom said ‘Ana said “" * 100
    + "no"
    + "”’”" * 100
    + " today.",
    "deeply nested straight quotes": 'Jane said "Tom said \'Ana said "' * 100 + "no" + '"\'"' * 100,
    "nested quote with speech": 'Jane Roe said, "Tom told me, \'Ana said, "no way at all, really," and left,\' and that was it," on Monday.',
    "a mark alone": '"',
    "marks and spaces": '" " " "\n" "' * 300,
    "marks at paragraph edges": '"\n\n"\n"' * 500,
    "empty quotes": "\"\" “” «» '' " * 300,
    # Apostrophes
    "apostrophes everywhere": "'" * 2000 + " rock 'n' roll 'tis the '90s boys' band '" * 100,
    "possessives and elisions": "Jane's dog's owner's friend's 'quote' isn't ' there' the boys' 'band' '09 "
    * 100,
    "curly apostrophes": "Jane’s ’90s ‘rock ’n’ roll’ it’s the boys’ ‘n’ " * 150,
    # Characters
    "control characters": f'Jane{CONTROL}Roe said, "we will{CONTROL} win the race today," she said.{CONTROL}'
    * 20,
    "NUL characters": "\x00" * 1000 + 'Jane Roe said, "\x00 we will win this race now."\x00' * 20,
    "only NUL": "\x00" * 5000,
    "line and paragraph separators": 'Jane Roe said, "we will win the race today."\u2028Tom said so.\u2029\x85\r\n\r\r\v\f'
    * 50,
    "carriage returns only": 'Jane Roe said, "We will win the race today."\r\r' * 100,
    "zero-width characters": f'Jane{ZERO_WIDTH}Roe said, {ZERO_WIDTH}"we{ZERO_WIDTH} will win the race {ZERO_WIDTH}today,"{ZERO_WIDTH} she told reporters.'
    * 30,
    "only zero-width": ZERO_WIDTH * 500,
    "bidi controls": f'{BIDI}Jane Roe said, "{BIDI}we will win the race today{BIDI}," {BIDI}she said.{BIDI}\n'
    * 30,
    "emoji": '😀 Jane Roe 👩‍👩‍👧 said, "we 🇫🇷 will win the race today 🏳️‍🌈 👍🏽 1️⃣," she said. 😀😀😀\n'
    * 30,
    "only emoji": "👩‍👩‍👧🇫🇷🏳️‍🌈👍🏽" * 500,
    "mixed scripts": (
        "Владимир Петров said, «Мы победим в этой гонке сегодня». 李伟说：“我们会赢得这场比赛。” "
        'Jane Roe said, "نحن سنفوز اليوم" she added. אמר דני: „זה לא נכון“. Ελλάδα नमस्ते สวัสดี 「引用」\n'
    )
    * 30,
    "combining marks": 'Jane Roe said, "e\u0301\u0301\u0301 will win the race today," Zalgo: a'
    + "\u0300\u0336" * 500,
    "lone surrogates": 'Jane \udc80Roe said, "We will \ud800reopen the bridge next week," she said. \udfff'
    * 20,
    "private use and noncharacters": '\ue000\uf8ff\ufdd0\uffff\U0010fffd Jane Roe said, "we will win the race today."'
    * 30,
    "unicode whitespace": "\u00a0\u2000\u2003\u3000\t" * 200 + SPEECH,
    "tabs and marks": '\t\t"\t"\t' * 500,
    # Shapes
    "one long word": "x" * 50_000,
    "a long run of punctuation": "!?" * 5_000,
    "a long run of dashes and marks": "-“" * 5_000 + SPEECH,
    "only newlines": "\n" * 10_000,
    "a thousand short paragraphs": ('"Yes," he said.\n\n' * 1000),
    "one character": "x",
    "a quote with no words": '"..."',
    "a cue alone": "said",
    "speech without a speaker": '"We will reopen the bridge before the winter is out," said.',
    "a dash with no name after it": '"We will reopen the bridge before the winter is out." - ',
}


@pytest.mark.parametrize("name", list(CASES))
def test_adversarial_text(nlp, name, invariants):
    check(CASES[name], nlp, invariants)


def test_adversarial_texts_together_with_extract_many(nlp, invariants):
    texts = [text for text in CASES.values() if len(text) < 5000]
    results = list(quoteattr.extract_many(texts, nlp=nlp, batch_size=4))
    assert [result.text for result in results] == texts
    for text, result in zip(texts, results):
        invariants(text, result)


def test_speech_survives_the_noise_around_it(nlp, invariants):
    """Garbage before and after does not hide a plain quote."""
    noise = '"' * 301 + "\x00\u202e" + "'" * 101 + "\n\n"
    result = check(noise + SPEECH + "\n\n" + noise, nlp, invariants)
    assert any(quote.text == "We will reopen the bridge before the winter," for quote in result)


def test_a_long_line_without_a_newline(nlp, invariants):
    line = " ".join(generate_article(60, seed=3).split())  # one paragraph, no newline
    assert "\n" not in line and len(line) > 5000
    result = check(line, nlp, invariants)
    assert len(result) > 0


@pytest.fixture(scope="module")
def small_nlp():
    nlp = api.add_components(api.load_base(exclude=api.UNUSED_COMPONENTS))
    nlp.max_length = 3000
    return nlp


@pytest.mark.parametrize(
    "name",
    [
        "thousands of straight double marks",
        "only opening marks, no space",
        "lone surrogates",
        "emoji",
        "one long word",
        "mixed scripts",
        "combining marks",
    ],
)
def test_adversarial_text_in_chunks(small_nlp, name, invariants):
    text = CASES[name] * (1 + 2 * small_nlp.max_length // len(CASES[name]))
    assert len(text) > small_nlp.max_length
    invariants(text, quoteattr.extract(text, nlp=small_nlp))


def test_a_long_line_without_a_newline_in_chunks(small_nlp, invariants):
    line = " ".join(generate_article(120, seed=4).split())
    assert len(line) > 3 * small_nlp.max_length
    result = quoteattr.extract(line, nlp=small_nlp)
    invariants(line, result)
    assert result.quotes[-1].end > len(line) - small_nlp.max_length


@pytest.mark.slow
def test_one_megabyte_without_a_newline(nlp, invariants):
    """Over the default max_length, so processed in chunks cut at sentence ends, in linear time:
    1 MB takes at most 6x as long as its first quarter (one Doc, under max_length; quadratic
    would be 16x), both timed in this run. Every offset holds and quotes are found throughout."""
    text, seed = "", 0
    while len(text) < 2**20:
        text += " " + " ".join(generate_article(50, seed=seed).split())
        seed += 1
    assert "\n" not in text and len(text) > nlp.max_length
    quarter = text[: len(text) // 4]
    started = time.process_time()
    quoteattr.extract(quarter, nlp=nlp)
    quarter_seconds = time.process_time() - started
    started = time.process_time()
    result = quoteattr.extract(text, nlp=nlp)
    seconds = time.process_time() - started
    assert seconds <= 6 * quarter_seconds, (
        f"not linear: a quarter in {quarter_seconds:.1f} s, all in {seconds:.1f} s"
    )
    invariants(text, result)
    assert len(result) > 1000
    assert result.quotes[-1].end > len(text) - 10_000


def test_time_scaling_returns_sane_numbers(nlp):
    """The benchmark runs; its numbers are not judged here (timing is not a test)."""
    report = time_scaling(nlp, paragraphs=2, factor=3, repeat=1)
    assert report.factor == 3
    assert 0 < report.chars < report.scaled_chars
    assert 2 <= report.scaled_chars / report.chars <= 4
    assert report.seconds > 0 and report.scaled_seconds > 0
    assert report.ratio == pytest.approx(report.scaled_seconds / report.seconds)
    assert report.per_factor > 0
    with pytest.raises(ValueError):
        time_scaling(nlp, factor=0)


def test_generated_articles_are_reproducible():
    assert generate_article(5, seed=1) == generate_article(5, seed=1)
    assert generate_article(5, seed=1) != generate_article(5, seed=2)
    assert generate_article(10).startswith(generate_article(3).rstrip("\n"))
