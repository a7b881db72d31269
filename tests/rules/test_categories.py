import pytest

from quoteattr.rules.categories import unsaid

from .conftest import from_rows

# "Evans refused to blame the referee ."
REFUSED_TO_BLAME = [
    ("Evans", 1, "nsubj", "NNP"),
    ("refused", 1, "ROOT", "VBD"),
    ("to", 3, "aux", "TO"),
    ("blame", 1, "xcomp", "VB"),
    ("the", 5, "det", "DT"),
    ("referee", 3, "dobj", "NN"),
    (".", 1, "punct", "."),
]
# "Evans did not want to say it ."
NOT_WANT_TO_SAY = [
    ("Evans", 3, "nsubj", "NNP"),
    ("did", 3, "aux", "VBD"),
    ("not", 3, "neg", "RB"),
    ("want", 3, "ROOT", "VB"),
    ("to", 5, "aux", "TO"),
    ("say", 3, "xcomp", "VB"),
    ("it", 5, "dobj", "PRP"),
    (".", 3, "punct", "."),
]
# "Evans never said it ."
NEVER_SAID = [
    ("Evans", 2, "nsubj", "NNP"),
    ("never", 2, "neg", "RB"),
    ("said", 2, "ROOT", "VBD"),
    ("it", 2, "dobj", "PRP"),
    (".", 2, "punct", "."),
]
# "Evans wanted to say it ."
WANTED_TO_SAY = [
    ("Evans", 1, "nsubj", "NNP"),
    ("wanted", 1, "ROOT", "VBD"),
    ("to", 3, "aux", "TO"),
    ("say", 1, "xcomp", "VB"),
    ("it", 3, "dobj", "PRP"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "verb", "expected"),
    [
        pytest.param(REFUSED_TO_BLAME, 3, True, id="refused-to"),
        pytest.param(NOT_WANT_TO_SAY, 5, True, id="under-a-negated-verb"),
        pytest.param(NEVER_SAID, 2, True, id="negated"),
        pytest.param(WANTED_TO_SAY, 3, False, id="wanted-to"),
        pytest.param(REFUSED_TO_BLAME, 1, False, id="the-refusal-itself"),
    ],
)
def test_a_statement_the_sentence_says_was_not_made(rows, verb, expected):
    doc = from_rows(rows)
    assert unsaid(doc[verb]) is expected
