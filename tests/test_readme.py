"""The Python examples of the README and of the docs' front page run as written (on texts that
have a quote without a speaker or cue, so that an example that assumes one fails)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
PAGES = [README, ROOT / "docs" / "index.md"]
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf8"), flags=re.S)
EXAMPLES = [
    pytest.param(page, block, id=f"{page.name}-block{number}")
    for page in PAGES
    for number, block in enumerate(
        re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf8"), flags=re.S)
    )
]


def test_readme_has_python_examples():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("page, block", EXAMPLES)
def test_readme_example_runs(nlp, page, block):
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block, str(page), "exec"), {})
    expected = printed_lines(block)
    assert expected, "each README example shows what it prints"
    assert output.getvalue().splitlines() == expected  # the same lines, in the same order


def printed_lines(block: str) -> list[str]:
    """What the README says a block prints, in order: a comment line of its own after a print
    (`# mixed | Maria Lopez | ...`) or a comment at the end of a print's line (`print(x)  # DIRECT`)."""
    expected = []
    for line in block.splitlines():
        if line.startswith("# "):
            expected.append(line[2:])
        elif line.lstrip().startswith("print(") and "  # " in line:
            expected.append(line.split("  # ", 1)[1])
    return expected


def test_printed_lines_are_read_in_order():
    block = "print(a)  # one\nx = 1  # not output\nprint(b)\n# two\n# three\nprint(c)   # four\n"
    assert printed_lines(block) == ["one", "two", "three", "four"]


def test_the_first_examples_have_a_quote_without_a_speaker():
    """The first example of each page shows a quote without a speaker or cue, as `print(quote)`
    prints it: an example that reads `quote.speaker.name` unguarded would fail on it."""
    for page in PAGES:
        first = re.search(r"```python\n(.*?)```", page.read_text(encoding="utf8"), flags=re.S)[1]
        assert "(no speaker) | (no cue) |" in first, page.name
