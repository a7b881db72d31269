"""Names registered before resolution, on hand-built parses: which words before a recognized name
belong to it."""

import pytest

from quoteattr.rules.seeding import _with_untagged_front

from .conftest import from_rows


def name_of(rows) -> str:
    doc = from_rows(rows)
    name = next(ent for ent in doc.ents if ent.label_ in ("PERSON", "ORG"))
    return _with_untagged_front(name).text


@pytest.mark.parametrize(
    ("rows", "name"),
    [
        pytest.param(
            [
                ("Lumen", 1, "compound", "NNP"),
                ("Silicon", 2, "nsubj", "NNP", "B-ORG"),
                ("said", 2, "ROOT", "VBD"),
            ],
            "Lumen Silicon",
            id="untagged-proper-noun-compound-joins-the-name",
        ),
        pytest.param(
            [
                ("Senators", 2, "compound", "NNP"),
                ("Charles", 2, "compound", "NNP", "B-PERSON"),
                ("Grassley", 3, "nsubj", "NNP", "I-PERSON"),
                ("said", 3, "ROOT", "VBD"),
            ],
            "Charles Grassley",
            id="a-plural-title-stays-out",
        ),
        pytest.param(
            [
                ("Del.", 2, "compound", "NNP"),
                ("Stacey", 2, "compound", "NNP", "B-PERSON"),
                ("Plaskett", 3, "nsubj", "NNP", "I-PERSON"),
                ("said", 3, "ROOT", "VBD"),
            ],
            "Stacey Plaskett",
            id="an-abbreviated-title-stays-out",
        ),
        pytest.param(
            [
                ("J.", 1, "compound", "NNP"),
                ("Okoro", 2, "nsubj", "NNP", "B-PERSON"),
                ("said", 2, "ROOT", "VBD"),
            ],
            "J. Okoro",
            id="an-initial-joins",
        ),
        pytest.param(
            [
                ("Acme", 2, "nsubj", "NNP", "B-ORG"),
                ("Monday", 2, "npadvmod", "NNP", "B-DATE"),
                ("said", 2, "ROOT", "VBD"),
            ],
            "Acme",
            id="nothing-before",
        ),
        pytest.param(
            [
                ("Paris", 1, "compound", "NNP", "B-GPE"),
                ("Acme", 2, "nsubj", "NNP", "B-ORG"),
                ("said", 2, "ROOT", "VBD"),
            ],
            "Acme",
            id="a-word-of-another-name-stays-out",
        ),
    ],
)
def test_untagged_words_before_a_name(rows, name):
    assert name_of(rows) == name
