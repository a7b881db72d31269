import pytest

from quoteattr.records import QuoteKind
from quoteattr.rules.candidates import Attribution
from quoteattr.rules.clauses import after_dateline, clip_to_paragraphs, parenthetical_content

from .conftest import chars, flat_doc, from_rows

TWO_PARAGRAPHS = "Hale said the plan was dead\nand the vote was close."
TWO_PARAGRAPHS_WORDS = [
    "Hale",
    "said",
    "the",
    "plan",
    "was",
    "dead",
    "\n",
    "and",
    "the",
    "vote",
    "was",
    "close",
    ".",
]


@pytest.mark.parametrize(
    ("kind", "cue", "content", "expected"),
    [
        pytest.param(
            QuoteKind.INDIRECT,
            (1, 2),
            "the plan was dead\nand the vote was close",
            ["the plan was dead"],
            id="clipped-to-cue-paragraph",
        ),
        pytest.param(
            QuoteKind.MIXED,
            (1, 2),
            "the plan was dead\nand the vote",
            ["the plan was dead"],
            id="mixed-clipped",
        ),
        pytest.param(
            QuoteKind.DIRECT,
            (1, 2),
            "the plan was dead\nand the vote was close",
            ["the plan was dead\nand the vote was close"],
            id="direct-spans-paragraphs",
        ),
        pytest.param(
            QuoteKind.INDIRECT,
            None,
            "the plan was dead\nand the vote",
            ["the plan was dead\nand the vote"],
            id="no-cue-untouched",
        ),
        pytest.param(
            QuoteKind.INDIRECT,
            (9, 10),
            "dead\nand the vote was close",
            ["and the vote was close"],
            id="cue-in-second-paragraph",
        ),
    ],
)
def test_clip_to_paragraphs(kind, cue, content, expected, context_of):
    doc = flat_doc(TWO_PARAGRAPHS, TWO_PARAGRAPHS_WORDS, root=1)
    start = TWO_PARAGRAPHS.index(content)
    attribution = Attribution(content=[(start, start + len(content))], kind=kind, cue=cue)
    clip_to_paragraphs(context_of(doc), [attribution])
    assert chars(doc, attribution.content) == expected


def test_clip_drops_pieces_left_empty(context_of):
    doc = flat_doc(TWO_PARAGRAPHS, TWO_PARAGRAPHS_WORDS, root=1)
    second = TWO_PARAGRAPHS.index("and")
    attribution = Attribution(content=[(0, 4), (second, second + 3)], cue=(1, 2))
    clip_to_paragraphs(context_of(doc), [attribution])
    assert chars(doc, attribution.content) == ["Hale"]


@pytest.mark.parametrize(
    ("paragraph", "rest"),
    [
        ("SPRINGFIELD, Ill. (AP) — A man was arrested.", "A man was arrested."),
        ("NEW YORK (Reuters) - Shares fell.", "Shares fell."),
        ("LONDON, Oct 2 - Shares fell.", "Shares fell."),
        ("WASHINGTON — The Senate voted.", "The Senate voted."),
        ("SAN JUAN, Puerto Rico -- Power returned.", "Power returned."),
        # no dateline: a name in capitals is not one, nor a dash inside the sentence
        ("NATO said - at last - that it would act.", "NATO said - at last - that it would act."),
        ("The US - and its allies - will act.", "The US - and its allies - will act."),
        ("Shares fell — sharply.", "Shares fell — sharply."),
    ],
)
def test_after_dateline(paragraph, rest):
    text = "Earlier.\n" + paragraph
    start = text.index(paragraph)
    assert text[after_dateline(text, start, len(text)) :] == rest


# "The plan , he said , is dead ."
INTERRUPTING = [
    ("The", 1, "det", "DT"),
    ("plan", 6, "nsubj", "NN"),
    (",", 4, "punct", ","),
    ("he", 4, "nsubj", "PRP"),
    ("said", 6, "parataxis", "VBD"),
    (",", 4, "punct", ","),
    ("is", 6, "ROOT", "VBZ"),
    ("dead", 6, "acomp", "JJ"),
    (".", 6, "punct", "."),
]
# "The plan is dead , the minister said ."
TRAILING_CUE = [
    ("The", 1, "det", "DT"),
    ("plan", 2, "nsubj", "NN"),
    ("is", 7, "ccomp", "VBZ"),
    ("dead", 2, "acomp", "JJ"),
    (",", 7, "punct", ","),
    ("the", 6, "det", "DT"),
    ("minister", 7, "nsubj", "NN"),
    ("said", 7, "ROOT", "VBD"),
    (".", 7, "punct", "."),
]
# "The plan is dead the minister said ." (no comma: not set off)
NOT_SET_OFF = [row for row in TRAILING_CUE if row[0] != ","]
NOT_SET_OFF = [(w, h - 1 if h > 4 else h, d, t) for w, h, d, t in NOT_SET_OFF]
# "He said ." (nothing to take)
BARE = [("He", 1, "nsubj", "PRP"), ("said", 1, "ROOT", "VBD"), (".", 1, "punct", ".")]


@pytest.mark.parametrize(
    ("rows", "cue", "expected"),
    [
        pytest.param(INTERRUPTING, 4, ["The plan", "is dead"], id="interrupting-cue"),
        pytest.param(TRAILING_CUE, 7, ["The plan is dead"], id="trailing-cue"),
        pytest.param(NOT_SET_OFF, 6, [], id="not-set-off-by-comma"),
        pytest.param(BARE, 1, [], id="nothing-to-take"),
    ],
)
def test_parenthetical_content(rows, cue, expected, lexicon):
    doc = from_rows(rows)
    assert doc[cue].text == "said"
    attribution = Attribution(content=[], kind=QuoteKind.DIRECT, cue=(cue, cue + 1))
    parenthetical_content(doc, attribution, lexicon)
    assert chars(doc, attribution.content) == expected


# "The old harbour , Mayor Duarte said , was the heart ." parsed with the name in apposition to
# the host's subject and that subject under the cue (an apposition with no closing comma)
HOST_SUBJECT_UNDER_THE_CUE = [
    ("The", 2, "det", "DT"),
    ("old", 2, "amod", "JJ"),
    ("harbour", 6, "nsubj", "NN"),
    (",", 2, "punct", ","),
    ("Mayor", 5, "compound", "NNP"),
    ("Duarte", 2, "appos", "NNP"),
    ("said", 8, "parataxis", "VBD"),
    (",", 6, "punct", ","),
    ("was", 8, "ROOT", "VBD"),
    ("the", 10, "det", "DT"),
    ("heart", 8, "attr", "NN"),
    (".", 8, "punct", "."),
]


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        pytest.param((4, 6), ["The old harbour", "was the heart"], id="words-before-the-speaker"),
        pytest.param(None, ["was the heart"], id="near-no-speaker-to-part-them-by"),
    ],
)
def test_parenthetical_host_keeps_the_words_before_its_speaker(speaker, expected, lexicon):
    doc = from_rows(HOST_SUBJECT_UNDER_THE_CUE)
    attribution = Attribution(content=[], kind=QuoteKind.DIRECT, cue=(6, 7), speaker=speaker)
    parenthetical_content(doc, attribution, lexicon)
    assert chars(doc, attribution.content) == expected
