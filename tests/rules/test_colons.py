import pytest

from quoteattr.records import QuoteKind
from quoteattr.rules.candidates import Via
from quoteattr.rules.colons import colon_lead_ins, news_colons

from .conftest import chars, flat_doc, from_rows, span_text


def lead_in_summary(doc, found):
    return [(chars(doc, a.content), a.kind, span_text(doc, a.speaker), a.via) for a in found]


def test_colon_lead_in_with_a_name(context_of):
    text = 'Hale: "We will win."'
    words = ["Hale", ":", '"', "We", "will", "win", ".", '"']
    doc = flat_doc(text, words, root=5, ents=["B-PERSON"] + ["O"] * 7)
    consumed: set[int] = set()
    found = colon_lead_ins(context_of(doc), consumed)
    assert lead_in_summary(doc, found) == [(["We will win."], QuoteKind.DIRECT, "Hale", Via.COLON)]
    assert consumed == {6}


def test_colon_lead_in_from_a_nominal(context_of):
    text = 'From the chairwoman: "We will win."'
    rows = [
        ("From", 7, "prep", "IN"),
        ("the", 2, "det", "DT"),
        ("chairwoman", 0, "pobj", "NN"),
        (":", 7, "punct", ":"),
        ('"', 7, "punct", "``"),
        ("We", 7, "nsubj", "PRP"),
        ("will", 7, "aux", "MD"),
        ("win", 7, "ROOT", "VB"),
        (".", 7, "punct", "."),
        ('"', 7, "punct", "''"),
    ]
    doc = from_rows(rows, text=text)
    found = colon_lead_ins(context_of(doc), set())
    assert lead_in_summary(doc, found) == [
        (["We will win."], QuoteKind.DIRECT, "the chairwoman", Via.COLON)
    ]


@pytest.mark.parametrize(
    ("text", "words", "ents", "consumed"),
    [
        pytest.param(
            'The plan: "We will win."',
            ["The", "plan", ":", '"', "We", "will", "win", ".", '"'],
            None,
            set(),
            id="no-name",
        ),
        pytest.param(
            'Hale: "We will win."',
            ["Hale", ":", '"', "We", "will", "win", ".", '"'],
            ["B-PERSON"] + ["O"] * 7,
            {6},
            id="already-consumed",
        ),
        pytest.param(
            'Hale said "We will win."',
            ["Hale", "said", '"', "We", "will", "win", ".", '"'],
            ["B-PERSON"] + ["O"] * 7,
            set(),
            id="no-colon",
        ),
    ],
)
def test_colon_lead_in_does_not_fire(text, words, ents, consumed, context_of):
    doc = flat_doc(text, words, ents=ents)
    assert colon_lead_ins(context_of(doc), set(consumed)) == []


def news_summary(doc, found):
    return [
        (
            chars(doc, a.content),
            span_text(doc, a.cue),
            a.cue_lemma,
            span_text(doc, a.speaker),
            a.via,
        )
        for a in found
    ]


@pytest.mark.parametrize(
    ("text", "words", "ents", "expected"),
    [
        pytest.param(
            "Senator John Hale: Budget deal is close",
            ["Senator", "John", "Hale", ":", "Budget", "deal", "is", "close"],
            ["O", "B-PERSON", "I-PERSON"] + ["O"] * 5,
            [(["Budget deal is close"], ":", ":", "Senator John Hale", Via.COLON)],
            id="name-headline",
        ),
        pytest.param(
            "SEN. HALE: We will win the vote",
            ["SEN.", "HALE", ":", "We", "will", "win", "the", "vote"],
            None,
            [(["We will win the vote"], ":", ":", "SEN. HALE", Via.COLON)],
            id="transcript-label-needs-no-ner",
        ),
        pytest.param(
            "METALS: Gold rose three dollars an ounce",
            ["METALS", ":", "Gold", "rose", "three", "dollars", "an", "ounce"],
            None,
            [],
            id="section-label-is-no-speaker",
        ),
        pytest.param(
            "NOTE: The vote is close",
            ["NOTE", ":", "The", "vote", "is", "close"],
            None,
            [],
            id="non-speaker-label",
        ),
        pytest.param(
            "Hale: Yes indeed",
            ["Hale", ":", "Yes", "indeed"],
            ["B-PERSON", "O", "O", "O"],
            [],
            id="too-short",
        ),
        pytest.param(
            "The budget plan: It is close now",
            ["The", "budget", "plan", ":", "It", "is", "close", "now"],
            None,
            [],
            id="no-name-lowercase",
        ),
        pytest.param(
            "Hale of Ohio: Budget deal is close",
            ["Hale", "of", "Ohio", ":", "Budget", "deal", "is", "close"],
            ["B-PERSON", "O", "B-GPE"] + ["O"] * 5,
            [],
            id="name-must-end-the-lead",
        ),
        pytest.param(
            'Hale: "We will win."',
            ["Hale", ":", '"', "We", "will", "win", ".", '"'],
            ["B-PERSON"] + ["O"] * 7,
            [],
            id="quote-is-a-lead-in",
        ),
    ],
)
def test_news_colons(text, words, ents, expected, context_of):
    doc = flat_doc(text, words, ents=ents)
    assert news_summary(doc, news_colons(context_of(doc))) == expected


def test_news_colon_transcript_line_opening_with_a_quote_mark(context_of):
    text = 'Hale spoke.\n"HALE: We will win the vote'
    words = ["Hale", "spoke", ".", "\n", '"', "HALE", ":", "We", "will", "win", "the", "vote"]
    ents = ["B-PERSON"] + ["O"] * 11
    doc = flat_doc(text, words, root=1, tags={0: "NNP"}, ents=ents)
    # the label is a word of a person the article names ("Hale")
    assert news_summary(doc, news_colons(context_of(doc))) == [
        (["We will win the vote"], ":", ":", "HALE", Via.COLON)
    ]


def test_an_upper_case_label_of_a_name_no_person_has_labels_a_section_once(context_of):
    text = "Corvane spoke.\nCORVANE: Output fell by a fifth\nSTOCKS: The index fell"
    words = ["Corvane", "spoke", ".", "\n", "CORVANE", ":", "Output", "fell", "by", "a"]
    words += ["fifth", "\n", "STOCKS", ":", "The", "index", "fell"]
    doc = flat_doc(text, words, root=1, tags={0: "NNP"})
    assert news_summary(doc, news_colons(context_of(doc))) == []


def test_news_colon_sentence_start_is_the_sentence_of_the_lead(context_of):
    text = 'Hale spoke.\n"HALE: We will win the vote'
    words = ["Hale", "spoke", ".", "\n", '"', "HALE", ":", "We", "will", "win", "the", "vote"]
    doc = flat_doc(text, words, root=1, tags={0: "NNP"}, ents=["B-PERSON"] + ["O"] * 11)
    (found,) = news_colons(context_of(doc))
    assert doc[found.speaker[0]].text == "HALE"
    assert found.sentence_start == doc[found.speaker[0]].sent.start != found.speaker[0]
