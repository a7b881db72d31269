"""Name helpers on plain strings: the byline whose author is the writer's "I"."""

import pytest

from quoteattr.rules.writers import byline_author


def starts(text: str) -> list[int]:
    """Paragraph starts: after every blank line."""
    found = [0]
    at = text.find("\n\n")
    while at != -1:
        found.append(at + 2)
        at = text.find("\n\n", at + 2)
    return found


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Buses deserve better\n\nBy Karen Holt\n\nI ride the bus.", "Karen Holt"),
        ("Buses deserve better\n\nBY KAREN HOLT, Staff Writer\n\nI ride it.", "KAREN HOLT"),
        ("Buses deserve better\n\nBy Karen Holt / Metro News\n\nI ride it.", "Karen Holt"),
        # Two authors: no "I" is one of theirs.
        ("Buses deserve better\n\nBy Karen Holt and Tom Ray\n\nI ride it.", None),
        # A sentence that opens with "By" is no byline.
        ("By Tuesday, the council had voted.\n\nI ride the bus.", None),
        # Only among the first paragraphs.
        ("Buses deserve better\n\n" + "I ride it.\n\n" * 5 + "By Karen Holt", None),
    ],
)
def test_byline_author(text, author):
    found = byline_author(text, starts(text))
    assert (None if found is None else text[found[0] : found[1]]) == author
