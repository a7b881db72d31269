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
    # Each print's expected line is written in the block as a comment.
    expected = [line.split("# ", 1)[1] for line in block.splitlines() if line.startswith("# ")]
    expected += [line.split("# ", 1)[1] for line in block.splitlines() if "print(" in line and "# " in line]
    assert sorted(output.getvalue().splitlines()) == sorted(expected)
