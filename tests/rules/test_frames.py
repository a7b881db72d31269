"""The rarer verb frames and the whole rule pass (find_attributions) on hand-built parses."""

import pytest

from quoteattr.records import QuoteKind
from quoteattr.rules.attribute import find_attributions
from quoteattr.rules.candidates import Via
from quoteattr.rules.cues import verb_attributions

from .conftest import chars, from_rows, span_text


def frame(doc, a):
    return (
        chars(doc, a.content),
        span_text(doc, a.cue),
        span_text(doc, a.speaker),
        a.via,
        [(span_text(doc, s), r) for s, r in a.sources],
        a.hedge,
    )


# "Xi was quoted as saying the plan was dead ."
QUOTED_AS = [
    ("Xi", 2, "nsubjpass", "NNP", "B-PERSON"),
    ("was", 2, "auxpass", "VBD"),
    ("quoted", 2, "ROOT", "VBN"),
    ("as", 2, "prep", "IN"),
    ("saying", 3, "pcomp", "VBG"),
    ("the", 6, "det", "DT"),
    ("plan", 7, "nsubj", "NN"),
    ("was", 4, "ccomp", "VBD"),
    ("dead", 7, "acomp", "JJ"),
    (".", 2, "punct", "."),
]
# "Xi was quoted by Xinhua as saying the plan was dead ."
QUOTED_BY = [
    ("Xi", 2, "nsubjpass", "NNP", "B-PERSON"),
    ("was", 2, "auxpass", "VBD"),
    ("quoted", 2, "ROOT", "VBN"),
    ("by", 2, "agent", "IN"),
    ("Xinhua", 3, "pobj", "NNP", "B-ORG"),
    ("as", 2, "prep", "IN"),
    ("saying", 5, "pcomp", "VBG"),
    ("the", 8, "det", "DT"),
    ("plan", 9, "nsubj", "NN"),
    ("was", 6, "ccomp", "VBD"),
    ("dead", 9, "acomp", "JJ"),
    (".", 2, "punct", "."),
]
# "The minister is said to have resigned ."
SAID_TO_HAVE = [
    ("The", 1, "det", "DT"),
    ("minister", 3, "nsubjpass", "NN"),
    ("is", 3, "auxpass", "VBZ"),
    ("said", 3, "ROOT", "VBN"),
    ("to", 6, "aux", "TO"),
    ("have", 6, "aux", "VB"),
    ("resigned", 3, "xcomp", "VBN"),
    (".", 3, "punct", "."),
]
# "Hale was told the plan was dead ."
WAS_TOLD = [
    ("Hale", 2, "nsubjpass", "NNP", "B-PERSON"),
    ("was", 2, "auxpass", "VBD"),
    ("told", 2, "ROOT", "VBN"),
    ("the", 4, "det", "DT"),
    ("plan", 5, "nsubj", "NN"),
    ("was", 2, "ccomp", "VBD"),
    ("dead", 5, "acomp", "JJ"),
    (".", 2, "punct", "."),
]
# "It goes without saying that the plan is dead ."
WITHOUT_SAYING = [
    ("It", 1, "nsubj", "PRP"),
    ("goes", 1, "ROOT", "VBZ"),
    ("without", 1, "prep", "IN"),
    ("saying", 2, "pcomp", "VBG"),
    ("that", 7, "mark", "IN"),
    ("the", 6, "det", "DT"),
    ("plan", 7, "nsubj", "NN"),
    ("is", 3, "ccomp", "VBZ"),
    ("dead", 7, "acomp", "JJ"),
    (".", 1, "punct", "."),
]
# "The plan is dead , said the minister Hale ." with the inverted subject parsed as an object
OBJECT_AFTER_CUE = [
    ("The", 1, "det", "DT"),
    ("plan", 2, "nsubj", "NN"),
    ("is", 5, "ccomp", "VBZ"),
    ("dead", 2, "acomp", "JJ"),
    (",", 5, "punct", ","),
    ("said", 5, "ROOT", "VBD"),
    ("the", 8, "det", "DT"),
    ("minister", 8, "compound", "NN"),
    ("Hale", 5, "dobj", "NNP", "B-PERSON"),
    (".", 5, "punct", "."),
]
# "Hale said the plan was good but warned that it was late ." with "warned" hung on "said"
COORDINATED = [
    ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
    ("said", 1, "ROOT", "VBD"),
    ("the", 3, "det", "DT"),
    ("plan", 4, "nsubj", "NN"),
    ("was", 1, "ccomp", "VBD"),
    ("good", 4, "acomp", "JJ"),
    ("but", 1, "cc", "CC"),
    ("warned", 1, "ccomp", "VBD"),
    ("that", 10, "mark", "IN"),
    ("it", 10, "nsubj", "PRP"),
    ("was", 7, "ccomp", "VBD"),
    ("late", 10, "acomp", "JJ"),
    (".", 1, "punct", "."),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            QUOTED_AS,
            [(["the plan was dead"], "saying", "Xi", Via.RAISED_PASSIVE, [], "was quoted as")],
            id="raised-passive-hedged",
        ),
        pytest.param(
            QUOTED_BY,
            [
                (
                    ["the plan was dead"],
                    "saying",
                    "Xi",
                    Via.RAISED_PASSIVE,
                    [("Xinhua", "quoted")],
                    None,
                )
            ],
            id="raised-passive-by-source",
        ),
        pytest.param(
            SAID_TO_HAVE,
            [],
            id="is-said-to-is-nobodys-report",
        ),
        pytest.param(WAS_TOLD, [], id="was-told-is-not-an-attribution"),
        pytest.param(WITHOUT_SAYING, [], id="goes-without-saying"),
        pytest.param(
            OBJECT_AFTER_CUE,
            [(["The plan is dead"], "said", "the minister Hale", Via.INVERTED, [], None)],
            id="object-after-cue",
        ),
        pytest.param(
            COORDINATED,
            [
                (["the plan was good"], "said", "Hale", Via.SUBJECT, [], None),
                (["that it was late"], "warned", "Hale", Via.INHERITED_SUBJECT, [], None),
            ],
            id="second-cue-shares-subject",
        ),
    ],
)
def test_verb_frames(rows, expected, lexicon):
    doc = from_rows(rows)
    sent = doc[:]
    assert [frame(doc, a) for a in verb_attributions(sent, lexicon, list(sent))] == expected


# "Officials said Hale told reporters that the plan was dead ."
CHAINED_TEXT = "Officials said Hale told reporters that the plan was dead."
CHAINED = [
    ("Officials", 1, "nsubj", "NNS"),
    ("said", 1, "ROOT", "VBD"),
    ("Hale", 3, "nsubj", "NNP", "B-PERSON"),
    ("told", 1, "ccomp", "VBD"),
    ("reporters", 3, "dobj", "NNS"),
    ("that", 8, "mark", "IN"),
    ("the", 7, "det", "DT"),
    ("plan", 8, "nsubj", "NN"),
    ("was", 3, "ccomp", "VBD"),
    ("dead", 8, "acomp", "JJ"),
    (".", 1, "punct", "."),
]


def test_find_attributions_chains_and_hedges(context_of):
    doc = from_rows(CHAINED, text=CHAINED_TEXT)
    found = find_attributions(context_of(doc))
    assert [(*frame(doc, a), span_text(doc, a.addressee), a.kind) for a in found] == [
        (
            ["Hale told reporters that the plan was dead"],
            "said",
            "Officials",
            Via.SUBJECT,
            [],
            "officials said",
            None,
            QuoteKind.INDIRECT,
        ),
        (
            ["that the plan was dead"],
            "told",
            "Hale",
            Via.SUBJECT,
            [("Officials", "say")],
            None,
            "reporters",
            QuoteKind.INDIRECT,
        ),
    ]


def test_cue_inside_a_quote_is_the_quoted_speakers_words(context_of):
    # 'Hale said "I think we will win."': "think" inside the quote is not a second attribution.
    text = 'Hale said "I think we will win."'
    rows = [
        ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
        ("said", 1, "ROOT", "VBD"),
        ('"', 4, "punct", "``"),
        ("I", 4, "nsubj", "PRP"),
        ("think", 1, "ccomp", "VBP"),
        ("we", 7, "nsubj", "PRP"),
        ("will", 7, "aux", "MD"),
        ("win", 4, "ccomp", "VB"),
        (".", 4, "punct", "."),
        ('"', 4, "punct", "''"),
    ]
    doc = from_rows(rows, text=text)
    found = find_attributions(context_of(doc))
    assert [(chars(doc, a.content), span_text(doc, a.cue), a.kind) for a in found] == [
        (["I think we will win."], "said", QuoteKind.DIRECT)
    ]
