import pytest

from quoteattr.rules.context import DocContext, QuoteIndex

from .conftest import flat_doc

TEXT = 'Hale left.\n\n"We will win," he said. "Soon."\n'
WORDS = [
    "Hale",
    "left",
    ".",
    "\n\n",
    '"',
    "We",
    "will",
    "win",
    ",",
    '"',
    "he",
    "said",
    ".",
    '"',
    "Soon",
    ".",
    '"',
    "\n",
]


@pytest.fixture
def context(lexicon) -> DocContext:
    return DocContext.build(flat_doc(TEXT, WORDS, root=1), lexicon)


def test_text_and_paragraphs(context):
    assert context.text == TEXT
    assert [TEXT[a:b] for a, b in context.paragraphs] == [
        "Hale left.",
        '"We will win," he said. "Soon."',
    ]
    assert context.paragraph_starts == [0, 12]


def test_quotes(context):
    assert [TEXT[q.start : q.end] for q in context.quotes.spans] == ["We will win,", "Soon."]
    assert context.quotes.starts == [12, 36]


@pytest.mark.parametrize(
    ("char", "inside"),
    [
        pytest.param(13, True, id="first-quoted-char"),
        pytest.param(12, False, id="opening-mark"),
        pytest.param(25, False, id="closing-mark"),
        pytest.param(0, False, id="outside"),
        pytest.param(37, True, id="second-quote"),
    ],
)
def test_quote_index_contains(context, char, inside):
    assert TEXT[12] == '"' and TEXT[25] == '"'
    assert context.quotes.contains(char) is inside


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        pytest.param(0, 12, [], id="before-any-quote"),
        pytest.param(0, 13, ["We will win,"], id="reaching-into-first"),
        pytest.param(20, 30, ["We will win,"], id="starting-inside-first"),
        pytest.param(14, 40, ["We will win,", "Soon."], id="both"),
        pytest.param(27, 35, [], id="between"),
    ],
)
def test_quote_index_overlapping(context, start, end, expected):
    assert [TEXT[q.start : q.end] for q in context.quotes.overlapping(start, end)] == expected


def test_nested_quotes_are_not_top_level():
    text = "Hale said \"Lopez told me 'no' today.\""
    index = QuoteIndex.build(text)
    assert [text[q.start : q.end] for q in index.spans] == ["Lopez told me 'no' today."]
