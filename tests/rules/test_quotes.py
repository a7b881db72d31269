import pytest

from quoteattr.records import QuoteKind
from quoteattr.rules.attribute import rule_attributions
from quoteattr.rules.candidates import Attribution, Via
from quoteattr.rules.quotes import classify, link_quotes, merge_split_quotes

from .conftest import chars, flat_doc, from_rows, span_text

SAID_DIRECT = 'Hale said "we will win."'
SAID_DIRECT_WORDS = ["Hale", "said", '"', "we", "will", "win", ".", '"']
SAID_MIXED = 'Hale said the plan was "dead on arrival."'
SAID_MIXED_WORDS = ["Hale", "said", "the", "plan", "was", '"', "dead", "on", "arrival", ".", '"']
SAID_INDIRECT = "Hale said the plan was dead."
SAID_INDIRECT_WORDS = ["Hale", "said", "the", "plan", "was", "dead", "."]


@pytest.mark.parametrize(
    ("text", "words", "content", "kind", "expected", "consumed"),
    [
        pytest.param(
            SAID_DIRECT,
            SAID_DIRECT_WORDS,
            '"we will win."',
            QuoteKind.DIRECT,
            ["we will win."],
            {10},
            id="direct",
        ),
        pytest.param(
            SAID_MIXED,
            SAID_MIXED_WORDS,
            'the plan was "dead on arrival."',
            QuoteKind.MIXED,
            ['the plan was "dead on arrival."'],
            {23},
            id="mixed",
        ),
        pytest.param(
            SAID_MIXED,
            SAID_MIXED_WORDS,
            'the plan was "dead on arrival.',
            QuoteKind.MIXED,
            ['the plan was "dead on arrival."'],
            {23},
            id="mixed-closing-mark-outside-clause",
        ),
        pytest.param(
            SAID_INDIRECT,
            SAID_INDIRECT_WORDS,
            "the plan was dead",
            QuoteKind.INDIRECT,
            ["the plan was dead"],
            set(),
            id="indirect-no-marks",
        ),
    ],
)
def test_classify(text, words, content, kind, expected, consumed, context_of):
    doc = flat_doc(text, words, root=1)
    start = text.index(content)
    attribution = Attribution(content=[(start, start + len(content))], cue=(1, 2))
    seen: set[int] = set()
    classify(context_of(doc), attribution, seen)
    assert (attribution.kind, chars(doc, attribution.content), seen) == (kind, expected, consumed)


def test_classify_cut_back_to_quote_before_the_cue(context_of):
    # '"We will win," Hale said.' parsed as one clause running from the quote into "Hale":
    # the content stops at the closing mark.
    text = '"We will win," Hale said.'
    words = ['"', "We", "will", "win", ",", '"', "Hale", "said", "."]
    doc = flat_doc(text, words, root=7)
    attribution = Attribution(content=[(0, text.index("Hale") + 4)], cue=(7, 8))
    classify(context_of(doc), attribution, set(), cue=doc[7].idx)
    assert (attribution.kind, chars(doc, attribution.content)) == (
        QuoteKind.DIRECT,
        ["We will win,"],
    )


QUOTE_THEN_CUE = '"We will win," Hale said.'
QUOTE_THEN_CUE_ROWS = [
    ('"', 3, "punct", "``"),
    ("We", 3, "nsubj", "PRP"),
    ("will", 3, "aux", "MD"),
    ("win", 7, "parataxis", "VB"),
    (",", 3, "punct", ","),
    ('"', 3, "punct", "''"),
    ("Hale", 7, "nsubj", "NNP", "B-PERSON"),
    ("said", 7, "ROOT", "VBD"),
    (".", 7, "punct", "."),
]


def test_link_quotes_attaches_quote_to_bare_cue(context_of):
    doc = from_rows(QUOTE_THEN_CUE_ROWS, text=QUOTE_THEN_CUE)
    bare = Attribution(
        content=[],
        kind=QuoteKind.DIRECT,
        cue=(7, 8),
        cue_lemma="say",
        speaker=(6, 7),
        via=Via.SUBJECT,
    )
    consumed: set[int] = set()
    linked = link_quotes(context_of(doc), [bare], consumed)
    assert linked == []  # nothing new: the bare cue took the quote
    assert (chars(doc, bare.content), bare.kind, consumed) == (
        ["We will win,"],
        QuoteKind.DIRECT,
        {0},
    )


def test_link_quotes_cue_before_quote(context_of):
    text = 'Hale said: "We will win."'
    words = ["Hale", "said", ":", '"', "We", "will", "win", ".", '"']
    doc = flat_doc(text, words, root=1, tags={0: "NNP", 1: "VBD"}, ents=["B-PERSON"] + ["O"] * 8)
    bare = Attribution(
        content=[],
        kind=QuoteKind.DIRECT,
        cue=(1, 2),
        cue_lemma="say",
        speaker=(0, 1),
        via=Via.SUBJECT,
    )
    link_quotes(context_of(doc), [bare], set())
    assert chars(doc, bare.content) == ["We will win."]


def test_link_quotes_dash_attribution(context_of):
    text = '"We will win." - Jane Roe'
    words = ['"', "We", "will", "win", ".", '"', "-", "Jane", "Roe"]
    ents = ["O"] * 7 + ["B-PERSON", "I-PERSON"]
    doc = flat_doc(text, words, root=3, ents=ents)
    consumed: set[int] = set()
    linked = link_quotes(context_of(doc), [], consumed)
    assert [(chars(doc, a.content), a.kind, span_text(doc, a.speaker), a.via) for a in linked] == [
        (["We will win."], QuoteKind.DIRECT, "Jane Roe", Via.DASH)
    ]
    assert consumed == {0}


def test_link_quotes_uncued_sentence_quote_is_kept_without_speaker(context_of):
    text = 'Hale left. "We will win."'
    words = ["Hale", "left", ".", '"', "We", "will", "win", ".", '"']
    doc = flat_doc(text, words, root=1)
    linked = link_quotes(context_of(doc), [], set())
    assert [(chars(doc, a.content), a.speaker, a.via) for a in linked] == [
        (["We will win."], None, Via.NONE)
    ]


def test_link_quotes_scare_quote_is_not_speech(context_of):
    text = 'The "plan" failed.'
    words = ["The", '"', "plan", '"', "failed", "."]
    doc = flat_doc(text, words, root=4)
    assert link_quotes(context_of(doc), [], set()) == []


def test_merge_split_quotes(context_of):
    text = '"We will win," Hale said, "and soon."'
    words = ['"', "We", "will", "win", ",", '"', "Hale", "said", ",", '"', "and", "soon", ".", '"']
    doc = flat_doc(text, words, root=7)
    cued = Attribution(
        content=[(1, 13)], kind=QuoteKind.DIRECT, cue=(7, 8), speaker=(6, 7), via=Via.SUBJECT
    )
    consumed = {0}
    merge_split_quotes(context_of(doc), [cued], consumed)
    assert chars(doc, cued.content) == ["We will win,", "and soon."]
    assert consumed == {0, text.index('"and')}


@pytest.mark.parametrize(
    ("text", "rows", "expected"),
    [
        pytest.param(
            QUOTE_THEN_CUE,
            QUOTE_THEN_CUE_ROWS,
            [(["We will win,"], QuoteKind.DIRECT, "said", "Hale", Via.SUBJECT)],
            id="quote-then-bare-cue",
        ),
        pytest.param(
            SAID_DIRECT,
            [
                ("Hale", 1, "nsubj", "NNP", "B-PERSON"),
                ("said", 1, "ROOT", "VBD"),
                ('"', 5, "punct", "``"),
                ("we", 5, "nsubj", "PRP"),
                ("will", 5, "aux", "MD"),
                ("win", 1, "ccomp", "VB"),
                (".", 5, "punct", "."),
                ('"', 5, "punct", "''"),
            ],
            [(["we will win."], QuoteKind.DIRECT, "said", "Hale", Via.SUBJECT)],
            id="cue-then-quoted-clause",
        ),
    ],
)
def test_rule_attributions_on_quotes(text, rows, expected, context_of):
    doc = from_rows(rows, text=text)
    found = rule_attributions(context_of(doc))
    assert [
        (chars(doc, a.content), a.kind, span_text(doc, a.cue), span_text(doc, a.speaker), a.via)
        for a in found
    ] == expected
