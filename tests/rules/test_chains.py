import pytest

from quoteattr.rules.candidates import Attribution, Via
from quoteattr.rules.chains import chain_sources, hedge_anonymous_sources

from .conftest import flat_doc, from_rows, span_text

NESTED = "Aides said Hale told reporters that Lopez said the plan was dead."
NESTED_WORDS = [
    "Aides",
    "said",
    "Hale",
    "told",
    "reporters",
    "that",
    "Lopez",
    "said",
    "the",
    "plan",
    "was",
    "dead",
    ".",
]


def _attribution(text, content, cue, speaker, lemma):
    start = text.index(content)
    return Attribution(
        content=[(start, start + len(content))],
        cue=cue,
        cue_lemma=lemma,
        speaker=speaker,
        via=Via.SUBJECT,
    )


def _sources(doc, attribution):
    return [(span_text(doc, s), relation) for s, relation in attribution.sources]


def test_chain_sources_nesting_outermost_first():
    doc = flat_doc(NESTED, NESTED_WORDS, root=1)
    outer = _attribution(
        NESTED, "Hale told reporters that Lopez said the plan was dead", (1, 2), (0, 1), "say"
    )
    middle = _attribution(NESTED, "that Lopez said the plan was dead", (3, 4), (2, 3), "tell")
    inner = _attribution(NESTED, "the plan was dead", (7, 8), (6, 7), "say")
    chain_sources(doc, [outer, middle, inner])
    assert [_sources(doc, a) for a in (outer, middle, inner)] == [
        [],
        [("Aides", "say")],
        [("Aides", "say"), ("Hale", "tell")],
    ]


def test_chain_sources_outer_without_speaker_or_lemma():
    doc = flat_doc(NESTED, NESTED_WORDS, root=1)
    outer = _attribution(
        NESTED, "Hale told reporters that Lopez said the plan was dead", (1, 2), None, None
    )
    middle = _attribution(NESTED, "that Lopez said the plan was dead", (3, 4), (2, 3), None)
    inner = _attribution(NESTED, "the plan was dead", (7, 8), (6, 7), "say")
    chain_sources(doc, [outer, middle, inner])
    # No speaker: no source; no cue lemma: the relation is "reported".
    assert [_sources(doc, a) for a in (middle, inner)] == [[], [("Hale", "reported")]]


def test_chain_sources_side_by_side_are_not_chained():
    text = "Hale said the plan was dead. Lopez said the vote was close."
    words = [
        "Hale",
        "said",
        "the",
        "plan",
        "was",
        "dead",
        ".",
        "Lopez",
        "said",
        "the",
        "vote",
        "was",
        "close",
        ".",
    ]
    doc = flat_doc(text, words, root=1)
    first = _attribution(text, "the plan was dead", (1, 2), (0, 1), "say")
    second = _attribution(text, "the vote was close", (8, 9), (7, 8), "say")
    chain_sources(doc, [first, second])
    assert (first.sources, second.sources) == ([], [])


# "Senior officials said the plan was dead ." / "Acme officials said ..."
def _officials(first_word, first_tag):
    return from_rows(
        [
            (first_word, 1, "amod" if first_tag == "JJ" else "compound", first_tag),
            ("officials", 2, "nsubj", "NNS"),
            ("said", 2, "ROOT", "VBD"),
            ("the", 4, "det", "DT"),
            ("plan", 5, "nsubj", "NN"),
            ("was", 2, "ccomp", "VBD"),
            ("dead", 5, "acomp", "JJ"),
            (".", 2, "punct", "."),
        ]
    )


@pytest.mark.parametrize(
    ("first_word", "first_tag", "speaker", "hedge_before", "expected"),
    [
        pytest.param("Senior", "JJ", (0, 2), None, "senior officials said", id="unnamed-officials"),
        pytest.param("Senior", "JJ", (1, 2), None, "officials said", id="bare-noun"),
        pytest.param("Acme", "NNP", (0, 2), None, None, id="named-organisation-no-hedge"),
        pytest.param("Senior", "JJ", (0, 2), "reportedly", "reportedly", id="existing-hedge-kept"),
        pytest.param("Senior", "JJ", (4, 5), None, None, id="not-a-source-noun"),
    ],
)
def test_hedge_anonymous_sources(first_word, first_tag, speaker, hedge_before, expected, lexicon):
    doc = _officials(first_word, first_tag)
    attribution = Attribution(
        content=[(0, 1)], cue=(2, 3), speaker=speaker, hedge=hedge_before, via=Via.SUBJECT
    )
    hedge_anonymous_sources(doc, [attribution], lexicon)
    assert attribution.hedge == expected


def test_hedge_needs_a_speaker_and_a_cue(lexicon):
    doc = _officials("Senior", "JJ")
    no_cue = Attribution(content=[(0, 1)], speaker=(0, 2))
    no_speaker = Attribution(content=[(0, 1)], cue=(2, 3))
    hedge_anonymous_sources(doc, [no_cue, no_speaker], lexicon)
    assert (no_cue.hedge, no_speaker.hedge) == (None, None)


def test_an_anonymous_source_after_its_cue_reads_in_the_texts_order(lexicon):
    doc = from_rows(
        [
            ("according", 0, "prep", "VBG"),
            ("to", 0, "prep", "IN"),
            ("officials", 1, "pobj", "NNS"),
            (",", 5, "punct", ","),
            ("talks", 5, "nsubj", "NNS"),
            ("failed", 5, "ROOT", "VBD"),
            (".", 5, "punct", "."),
        ]
    )
    attribution = Attribution(content=[(4, 6)], cue=(0, 2), speaker=(2, 3), via=Via.ACCORDING_TO)
    hedge_anonymous_sources(doc, [attribution], lexicon)
    assert attribution.hedge == "according to officials"
