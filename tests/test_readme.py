"""The README's Python examples run as written."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCKS = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf8"), flags=re.S)


def test_readme_has_python_examples():
    assert len(BLOCKS) >= 2


@pytest.mark.parametrize("block", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_example_runs(nlp, block):
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block, str(README), "exec"), {})
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
