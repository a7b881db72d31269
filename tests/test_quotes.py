"""Table-driven tests of quote finding and same-sentence attribution, from the specification.

Each case runs the real pipeline (session `nlp` fixture) over a short invented news text and compares
plain values: kind, quote text, cue text, speaker name and mention, addressee, sources and hedge.
Cases the library does not meet yet are marked `xfail(strict=True)` with the reason.
"""

from __future__ import annotations

from typing import Any

import pytest

import quoteattr

# --- helpers -----------------------------------------------------------------------------------


def _entity_name(entity: quoteattr.Entity | None) -> str | None:
    return None if entity is None else entity.name


def _mention_text(entity: quoteattr.Entity | None) -> str | None:
    return None if entity is None or entity.mention is None else entity.mention.text


def summary(quote: quoteattr.Quote, text: str) -> dict[str, Any]:
    """Every checked field of a quote as plain values."""
    return {
        "kind": quote.kind.value,
        "text": quote.text,
        "parts": None if quote.parts is None else [text[a:b] for a, b in quote.parts],
        "cue": None if quote.cue is None else quote.cue.text,
        "speaker": _entity_name(quote.speaker),
        "mention": _mention_text(quote.speaker),
        "addressee": _entity_name(quote.addressee),
        "addressee_mention": _mention_text(quote.addressee),
        "sources": [(source.entity.name, source.relation) for source in quote.sources],
        "hedge": quote.hedge,
    }


def project(quote: quoteattr.Quote, text: str, keys) -> dict[str, Any]:
    full = summary(quote, text)
    return {key: full[key] for key in keys}


def quote_with_text(result: quoteattr.QuoteResult, wanted: str) -> quoteattr.Quote:
    found = [quote for quote in result if quote.text == wanted]
    assert found, f"no quote {wanted!r}; found {[(q.kind.value, q.text) for q in result]}"
    assert len(found) == 1, f"{wanted!r} reported {len(found)} times"
    return found[0]


def xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


# --- direct quotes: which spans are quotes ----------------------------------------------------
# (text, every quote of the document as (kind, text) in document order)

DIRECT_QUOTES = [
    pytest.param(
        '"We will rebuild every school," Maria Lopez said.',
        [("direct", "We will rebuild every school,")],
        id="straight-double",
    ),
    pytest.param(
        "“We will rebuild every school,” Maria Lopez said.",
        [("direct", "We will rebuild every school,")],
        id="typographic-double",
    ),
    pytest.param(
        "‘We will rebuild every school,’ Maria Lopez said.",
        [("direct", "We will rebuild every school,")],
        id="typographic-single",
    ),
    pytest.param(
        "«We will rebuild every school», Maria Lopez said.",
        [("direct", "We will rebuild every school")],
        id="guillemets",
    ),
    pytest.param(
        "„We will rebuild every school“, Maria Lopez said.",
        [("direct", "We will rebuild every school")],
        id="german-low-high",
    ),
    pytest.param(
        "„We will rebuild every school”, Maria Lopez said.",
        [("direct", "We will rebuild every school")],
        id="low-nine-closed-by-right-double",
    ),
    pytest.param(
        "«Nous gagnerons», said the French minister Pierre Dubois.",
        [("direct", "Nous gagnerons")],
        id="guillemets-foreign-words",
    ),
    pytest.param('"Never," said Maria Lopez.', [("direct", "Never,")], id="one-word-with-cue"),
    pytest.param(
        '"The budget is balanced," Senator John Hale said on Tuesday.',
        [("direct", "The budget is balanced,")],
        id="marks-excluded-from-text",
    ),
    pytest.param(
        '"It is all over now for us," she said.',
        [("direct", "It is all over now for us,")],
        id="common-words-only",
    ),
    pytest.param(
        '"We are done," he said.',
        [("direct", "We are done,")],
        id="short-common-words",
    ),
    pytest.param(
        "\"We grew up on rock 'n' roll in the '90s,\" Maria Lopez said.",
        [("direct", "We grew up on rock 'n' roll in the '90s,")],
        id="apostrophes-inside-quote",
    ),
    pytest.param(
        "“Russia's offer is not serious,” Senator John Hale said.",
        [("direct", "Russia's offer is not serious,")],
        id="possessive-inside-quote",
    ),
    pytest.param(
        "“The boys' band played all night,” Maria Lopez said.",
        [("direct", "The boys' band played all night,")],
        id="plural-possessive-inside-quote",
    ),
    pytest.param(
        "Russia's envoy met the boys' band, which played rock 'n' roll hits from the '90s.",
        [],
        id="apostrophes-are-not-quotes",
    ),
    pytest.param(
        "Russia’s envoy met the boys’ band, which played rock ’n’ roll hits from the ’90s.",
        [],
        id="typographic-apostrophes-are-not-quotes",
    ),
    pytest.param(
        "\"He told me 'never give up' and I listened,\" Maria Lopez said.",
        [("direct", "He told me 'never give up' and I listened,")],
        id="single-nested-in-double",
    ),
    pytest.param(
        "“He told me ‘never give up’ and I listened,” Maria Lopez said.",
        [("direct", "He told me ‘never give up’ and I listened,")],
        id="typographic-single-nested-in-double",
    ),
    pytest.param(
        '"The economy is recovering faster than expected. We remain cautious.\n\n'
        '"Inflation is still a concern for families," Maria Lopez said.',
        [
            (
                "direct",
                'The economy is recovering faster than expected. We remain cautious.\n\n"Inflation is still a concern for families,',
            )
        ],
        id="two-paragraph-quote",
    ),
    pytest.param(
        "“The first stage is finished.\n\n“The second stage starts in May.\n\n“The third stage will follow next year,” "
        "Senator John Hale said.",
        [
            (
                "direct",
                "The first stage is finished.\n\n“The second stage starts in May.\n\n“The third stage will follow next year,",
            )
        ],
        id="three-paragraph-quote",
    ),
    pytest.param(
        '"We will rebuild every school," Maria Lopez said. "And we will start this week."',
        [("direct", "We will rebuild every school,"), ("direct", "And we will start this week.")],
        id="two-quotes-two-sentences",
    ),
    pytest.param(
        'Senator Ann Marsh scolded him: "The whole field is against you," she said.',
        [("direct", "The whole field is against you,")],
        id="colon-lead-in-is-not-part-of-the-words",
    ),
    pytest.param(
        'The mayor will use the vote to make news, Kall said: "She has a surprise up her sleeve."',
        [("direct", "She has a surprise up her sleeve.")],
        id="cue-with-a-clause-before-and-a-quotation-after-its-colon",
    ),
    pytest.param(
        "”We will rebuild every school.” ― Maria Lopez",
        [("direct", "We will rebuild every school.")],
        id="right-mark-opening-a-dash-attribution",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DIRECT_QUOTES)
def test_direct_quote_spans(extract, text, expected):
    result = extract(text)
    assert [(quote.kind.value, quote.text) for quote in result] == expected


# --- a quote split by its attribution -----------------------------------------------------------
# (text, expected fields of the one quote)

SPLIT_QUOTES = [
    pytest.param(
        '"The budget is balanced," he said, "and the deficit is gone."',
        {
            "kind": "direct",
            "text": "The budget is balanced, and the deficit is gone.",
            "parts": ["The budget is balanced,", "and the deficit is gone."],
            "cue": "said",
            "mention": "he",
        },
        id="pronoun",
    ),
    pytest.param(
        "“The budget is balanced,” Senator John Hale said, “and the deficit is gone.”",
        {
            "kind": "direct",
            "text": "The budget is balanced, and the deficit is gone.",
            "parts": ["The budget is balanced,", "and the deficit is gone."],
            "cue": "said",
            "speaker": "John Hale",
            "mention": "Senator John Hale",
        },
        id="name-subject",
    ),
    pytest.param(
        '"We have waited long enough," said Maria Lopez, "and now we will act."',
        {
            "kind": "direct",
            "text": "We have waited long enough, and now we will act.",
            "parts": ["We have waited long enough,", "and now we will act."],
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="inverted",
    ),
    pytest.param(
        '"We have waited long enough," Maria Lopez said, but "now we will act."',
        {
            "kind": "direct",
            "text": "We have waited long enough, now we will act.",
            "parts": ["We have waited long enough,", "now we will act."],
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="joined-by-but-outside-the-marks",
    ),
    pytest.param(
        '"The talks went well," Maria Lopez told reporters on Monday, "but there is more work to do."',
        {
            "kind": "direct",
            "text": "The talks went well, but there is more work to do.",
            "parts": ["The talks went well,", "but there is more work to do."],
            "cue": "told",
            "speaker": "Maria Lopez",
        },
        id="longer-attribution",
    ),
]

# The same, followed by a paragraph that opens with another speaker: the split quote stays whole.
NEXT_PARAGRAPH = "\n\nHale said the plan was good but warned that costs would rise."


@pytest.mark.parametrize(("text", "expected"), SPLIT_QUOTES)
def test_split_quote_is_one_record(extract, text, expected):
    result = extract(text)
    assert len(result) == 1, [(q.kind.value, q.text) for q in result]
    assert project(result[0], text, expected) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            *param.values,
            id=param.id,
        )
        for param in SPLIT_QUOTES
    ],
)
def test_split_quote_is_one_record_before_another_paragraph(extract, text, expected):
    text += NEXT_PARAGRAPH
    result = extract(text)
    assert project(quote_with_text(result, expected["text"]), text, expected) == expected


# A cue clause after a finished sentence that runs on to the next quotation introduces that one:
# (text, the quotations with their cue, None for none).
CUE_BEFORE_THE_NEXT_QUOTE = [
    pytest.param(
        'I had to change my answer: "I was just kidding." To which she said, "Thank God."',
        [("Thank God.", "said")],
        id="to-which-she-said",
    ),
    pytest.param(
        '"We lost the game." Smith said, "But we will be back next year."',
        [("We lost the game.", None), ("But we will be back next year.", "said")],
        id="a-full-stop-before-the-cue",
    ),
    pytest.param(
        '"We lost the game," Smith said. "But we will be back next year."',
        [("We lost the game,", "said"), ("But we will be back next year.", None)],
        id="near-neighbour-the-cue-closes-the-first",
    ),
    pytest.param(
        'Dr. Paul Brenner called the findings "intriguing." He said a trial would be needed.',
        [('the findings "intriguing."', "called"), ("a trial would be needed", "said")],
        id="a-full-stop-before-a-cue-with-its-own-clause",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CUE_BEFORE_THE_NEXT_QUOTE)
def test_a_cue_clause_before_a_quotation_is_not_the_last_ones(extract, text, expected):
    result = extract(text)
    assert [(q.text, None if q.cue is None else q.cue.text) for q in result] == expected


# --- stray and unbalanced marks -------------------------------------------------------------------
# (text, the well-formed quote that must still be found: expected fields)

STRAY_MARKS = [
    pytest.param(
        'The phone has a 6" screen.\n\n"We will replace every phone," said Maria Lopez.',
        {"kind": "direct", "text": "We will replace every phone,", "speaker": "Maria Lopez"},
        id="inch-mark-before",
    ),
    pytest.param(
        '"We will replace every phone," said Maria Lopez.\n\nThe phone has a 6" screen.',
        {"kind": "direct", "text": "We will replace every phone,", "speaker": "Maria Lopez"},
        id="inch-mark-after",
    ),
    pytest.param(
        "“We will replace every phone,” said Maria Lopez.”\n\nSenator John Hale said the recall was too slow.",
        {"kind": "indirect", "text": "the recall was too slow", "speaker": "John Hale"},
        id="extra-closing-mark",
    ),
    pytest.param(
        'Maria Lopez said the plan "would fail.\n\nSenator John Hale said the plan would work.',
        {"kind": "indirect", "text": "the plan would work", "speaker": "John Hale"},
        id="unclosed-mark-then-plain-paragraph",
    ),
    pytest.param(
        '"We will replace every phone," said Maria Lopez. "',
        {"kind": "direct", "text": "We will replace every phone,", "speaker": "Maria Lopez"},
        id="lone-mark-at-end",
    ),
    pytest.param(
        '" \n\n"We will replace every phone," said Maria Lopez.',
        {"kind": "direct", "text": "We will replace every phone,", "speaker": "Maria Lopez"},
        id="lone-mark-at-start",
    ),
    pytest.param(
        "The ‘offer was late.\n\n“We will replace every phone,” said Maria Lopez.",
        {"kind": "direct", "text": "We will replace every phone,", "speaker": "Maria Lopez"},
        id="unbalanced-single",
    ),
    pytest.param(
        "«We will replace every phone,” said Maria Lopez.\n\nSenator John Hale said the recall was too slow.",
        {"kind": "indirect", "text": "the recall was too slow", "speaker": "John Hale"},
        id="mismatched-marks",
    ),
]


@pytest.mark.parametrize(("text", "expected"), STRAY_MARKS)
def test_stray_marks_are_skipped(extract, text, expected):
    result = extract(text)  # must not raise
    assert project(quote_with_text(result, expected["text"]), text, expected) == expected


# --- quoted words that are not speech ------------------------------------------------------------
# (text, quoted words that must not be reported as a quote by themselves)

NOT_SPEECH = [
    pytest.param(
        'The campaign paints the senator as a "career politician" ― just as it did with Tom Hale in '
        "2012.",
        "career politician",
        id="a-dash-then-a-clause-is-no-speaker",
    ),
    pytest.param(
        'Residents of the "green zone" stayed indoors on Monday.', "green zone", id="scare-quote"
    ),
    pytest.param(
        "The so-called “reform package” passed the Senate on Monday.",
        "reform package",
        id="so-called",
    ),
    pytest.param(
        'Boxer Tom "The Hammer" Reed won the title on Saturday night.', "The Hammer", id="nickname"
    ),
    pytest.param(
        'Boxer Tom "The Hammer of the North" Reed won the title on Saturday night.',
        "The Hammer of the North",
        id="long-nickname",
    ),
    pytest.param(
        'Her novel "The Long Road" sold a million copies.', "The Long Road", id="short-title"
    ),
    pytest.param(
        'Her novel "A Long Walk to the Sea and Back" sold a million copies last year.',
        "A Long Walk to the Sea and Back",
        id="long-title",
    ),
    pytest.param(
        "The film “Where the River Meets the Old Town” opened in cinemas on Friday.",
        "Where the River Meets the Old Town",
        id="long-film-title",
    ),
    pytest.param(
        'The ministry launched its "Jobs for Every Young Person in the Region" programme.',
        "Jobs for Every Young Person in the Region",
        id="long-programme-name",
    ),
    pytest.param(
        'Slang goes mainstream as the dictionary adds "rizz"', "rizz", id="a-word-added-to-a-list"
    ),
    pytest.param(
        'The editors added "rizz," "slay" and "mid" to the new edition.',
        "rizz,",
        id="quoted-words-added",
    ),
]


def test_the_next_sentence_acting_on_a_thing_is_not_the_cue(extract):
    result = extract('United won 2-1. "We earned every point." The goalie denied three breakaways.')
    assert [(q.text, q.cue) for q in result] == [("We earned every point.", None)]
    told = extract('United won 2-1. "We earned every point," the goalie told the crowd.')
    assert [q.cue.text for q in told] == ["told"]


@pytest.mark.parametrize(("text", "quoted"), NOT_SPEECH)
def test_quoted_words_that_are_not_speech(extract, text, quoted):
    result = extract(text)
    assert quoted not in [quote.text for quote in result]
    assert [quote for quote in result if quote.kind.value == "direct"] == []


# --- mixed quotes --------------------------------------------------------------------------------

MIXED = [
    pytest.param(
        'Maria Lopez said the plan was "a historic mistake" that would cost jobs.',
        {
            "kind": "mixed",
            "text": 'the plan was "a historic mistake" that would cost jobs',
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="fragment-in-middle",
    ),
    pytest.param(
        "Senator John Hale said that the bill was “dead on arrival.”",
        {
            "kind": "mixed",
            "text": "that the bill was “dead on arrival.”",
            "cue": "said",
            "speaker": "John Hale",
        },
        id="fragment-at-end",
    ),
    pytest.param(
        'Hale added that the plan was "dead on arrival."',
        {
            "kind": "mixed",
            "text": 'that the plan was "dead on arrival."',
            "cue": "added",
            "speaker": "Hale",
        },
        id="near-words-added-in-a-clause",
    ),
    pytest.param(
        'The so-called "word of the year" will be announced in November, according to a '
        "spokeswoman.",
        {
            "kind": "mixed",
            "text": 'The so-called "word of the year" will be announced in November',
            "cue": "according to",
            "speaker": None,
        },
        id="a-clause-opening-before-its-scare-quote-is-whole",
    ),
    pytest.param(
        "The Ministry of Finance warned that the deficit would remain “far too high” for years.",
        {
            "kind": "mixed",
            "text": "that the deficit would remain “far too high” for years",
            "cue": "warned",
            "speaker": "Ministry of Finance",
        },
        id="org-speaker",
    ),
    pytest.param(
        'According to Maria Lopez, the reform is "a gift to the rich".',
        {
            "kind": "mixed",
            "text": 'the reform is "a gift to the rich"',
            "speaker": "Maria Lopez",
        },
        id="according-to",
    ),
    pytest.param(
        'The plan was "a historic mistake," Maria Lopez said.',
        {
            "kind": "mixed",
            "text": 'The plan was "a historic mistake,"',
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="fragment-then-trailing-cue",
    ),
    pytest.param(
        'Canada branded the regime an "outlaw state in the region."',
        {
            "kind": "mixed",
            "text": 'the regime an "outlaw state in the region."',
            "cue": "branded",
            "speaker": "Canada",
        },
        id="naming-verb-with-a-quoted-fragment-kept-by-the-model",
    ),
    pytest.param(
        "Maria Lopez tweeted in the early morning hours that the governor was “disgusting” and "
        "“a con”.",
        {
            "kind": "mixed",
            "text": "that the governor was “disgusting” and “a con”",
            "cue": "tweeted",
            "speaker": "Maria Lopez",
        },
        id="that-clause-after-an-adjunct",
    ),
    pytest.param(
        'Senator John Hale has been steadily pounding the governor as a "con artist."',
        {
            "kind": "mixed",
            "text": 'the governor as a "con artist."',
            "cue": "pounding",
            "speaker": "John Hale",
        },
        id="judged-as-a-quoted-fragment",
    ),
    pytest.param(
        'The main requirement is a "lawful source of income," as Maria Lopez put it.',
        {
            "kind": "mixed",
            "text": 'The main requirement is a "lawful source of income,"',
            "cue": "put",
            "speaker": "Maria Lopez",
        },
        id="as-she-put-it-after-a-fragment",
    ),
    pytest.param(
        'Another critic, Maria Lopez, likened the rules to "burning the Constitution."',
        {
            "kind": "mixed",
            "text": 'the rules to "burning the Constitution."',
            "cue": "likened",
            "speaker": "Maria Lopez",
        },
        id="a-verb-inside-the-fragment-is-of-the-quoted-words",
    ),
    pytest.param(
        "With 50 days until the election, Maria Lopez, a senior adviser to the campaign, called "
        'the remarks "a true wake-up call" to voters.',
        {
            "kind": "mixed",
            "text": 'the remarks "a true wake-up call" to voters',
            "cue": "called",
            "speaker": "Maria Lopez",
        },
        id="the-name-in-apposition-to-a-misread-subject",
    ),
    pytest.param(
        'A Harbour Gazette editorial hailed the mayor as "the comeback kid" for her work.',
        {
            "kind": "mixed",
            "text": 'the mayor as "the comeback kid" for her work',
            "cue": "hailed",
        },
        id="a-document-judges-with-a-fragment",
    ),
    pytest.param(
        'Maria Lopez tells her supporters at a rally to "go to your polling place and vote."',
        {
            "kind": "mixed",
            "text": 'her supporters at a rally to "go to your polling place and vote."',
            "cue": "tells",
            "speaker": "Maria Lopez",
        },
        id="told-to-parsed-as-an-adverbial",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MIXED)
def test_mixed_quotes(extract, text, expected):
    result = extract(text)
    assert len(result) == 1, [(q.kind.value, q.text) for q in result]
    assert project(result[0], text, expected) == expected


# A clause whose verb lies inside the quotation it opens with is that quotation alone; one whose
# verb lies outside it is a mixed quote: (text, the record's kind and text).
QUOTATION_THEN_NARRATION = [
    pytest.param(
        'Fans chanted "We are top of the league" long after the final whistle, and the manager '
        "applauded them.",
        ("direct", "We are top of the league"),
        id="narration-after-a-quoted-clause",
    ),
    pytest.param(
        'Maria Lopez said "reunification" is inevitable.',
        ("mixed", 'reunification" is inevitable'),
        id="near-neighbour-the-verb-outside-the-quotation",
    ),
]


@pytest.mark.parametrize(("text", "expected"), QUOTATION_THEN_NARRATION)
def test_words_after_a_quoted_clause_are_the_writers(extract, text, expected):
    assert [(q.kind.value, q.text) for q in extract(text)] == [expected]


def test_quoted_sentences_the_writer_completes_continue_their_speaker(extract):
    text = '"We will win," said Maria Lopez. "It is a matter of time. They will fold" before May.'
    quote = quote_with_text(extract(text), "It is a matter of time. They will fold")
    assert quote.speaker is not None and quote.speaker.name == "Maria Lopez"
    # near neighbour: a title inside the writer's sentence is no speech
    assert not extract('The band played "Hey Jude. Let It Be" at the end.').quotes


# --- indirect quotes: the content clause of a cue ------------------------------------------------

INDIRECT = [
    # "According to X" over a clause whose verb is a speech verb reporting nothing there.
    pytest.param(
        "According to Maria Lopez, more than 40 former inmates have written to her.",
        {
            "kind": "indirect",
            "text": "more than 40 former inmates have written to her",
            "cue": "According to",
            "speaker": "Maria Lopez",
        },
        id="according-to-over-a-verb-of-writing",
    ),
    # A date the parser hung on the reported clause is when it was said.
    pytest.param(
        "Northwind said on Wednesday it had raised $40 million.",
        {"kind": "indirect", "text": "it had raised $40 million", "cue": "said"},
        id="said-on-a-day-then-the-words",
    ),
    pytest.param(
        "Northwind said on Wednesday that it had raised $40 million.",
        {"kind": "indirect", "text": "that it had raised $40 million", "cue": "said"},
        id="near-said-on-a-day-that",
    ),
    pytest.param(
        "As Maria Lopez said last week, the factory will close in March.",
        {
            "kind": "indirect",
            "text": "the factory will close in March",
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="as-she-said-before-the-clause",
    ),
    pytest.param(
        "The factory will close in March, as Maria Lopez put it.",
        {
            "kind": "indirect",
            "text": "The factory will close in March",
            "cue": "put",
            "speaker": "Maria Lopez",
        },
        id="as-she-put-it-after-the-clause",
    ),
    pytest.param(
        "Maria Lopez said that the factory would close in March.",
        {
            "kind": "indirect",
            "text": "that the factory would close in March",
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="said-that",
    ),
    pytest.param(
        "Maria Lopez said the factory would close in March.",
        {
            "kind": "indirect",
            "text": "the factory would close in March",
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="said-bare-clause",
    ),
    pytest.param(
        "On Monday, Maria Lopez said the factory would close in March.",
        {
            "kind": "indirect",
            "text": "the factory would close in March",
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="clause-not-whole-sentence",
    ),
    pytest.param(
        "Senator John Hale told Maria Lopez that the bill would pass.",
        {
            "kind": "indirect",
            "text": "that the bill would pass",
            "cue": "told",
            "speaker": "John Hale",
            "addressee": "Maria Lopez",
        },
        id="told-y-that",
    ),
    pytest.param(
        "Senator John Hale told Maria Lopez the bill would pass.",
        {
            "kind": "indirect",
            "text": "the bill would pass",
            "cue": "told",
            "speaker": "John Hale",
            "addressee": "Maria Lopez",
        },
        id="told-y-bare-clause",
    ),
    pytest.param(
        "Senator John Hale urged Maria Lopez to withdraw the bill.",
        {"kind": "indirect", "cue": "urged", "speaker": "John Hale", "addressee": "Maria Lopez"},
        id="urged-y-to",
    ),
    pytest.param(
        "According to Maria Lopez, the factory will close in March.",
        {
            "kind": "indirect",
            "text": "the factory will close in March",
            "cue": "According to",
            "speaker": "Maria Lopez",
        },
        id="according-to-first",
    ),
    pytest.param(
        "The factory will close in March, according to Maria Lopez.",
        {
            "kind": "indirect",
            "text": "The factory will close in March",
            "cue": "according to",
            "speaker": "Maria Lopez",
        },
        id="according-to-last",
    ),
    pytest.param(
        "The factory, according to Maria Lopez, will close in March.",
        {
            "kind": "indirect",
            "text": "The factory will close in March",
            "cue": "according to",
            "speaker": "Maria Lopez",
        },
        id="according-to-inside",
    ),
    pytest.param(
        "Short and long. When the town added a bus line, ridership doubled, according to Maria Lopez.",
        {
            "kind": "indirect",
            "text": "When the town added a bus line, ridership doubled",
            "cue": "according to",
            "speaker": "Maria Lopez",
        },
        id="according-to-last-after-a-clause",
    ),
    pytest.param(
        "The factory will close in March, Maria Lopez said.",
        {
            "kind": "indirect",
            "text": "The factory will close in March",
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="trailing-said",
    ),
    pytest.param(
        "The factory will close in March, said Maria Lopez.",
        {
            "kind": "indirect",
            "text": "The factory will close in March",
            "cue": "said",
            "speaker": "Maria Lopez",
        },
        id="trailing-inverted",
    ),
    pytest.param(
        "The Ministry of Finance announced that taxes would rise next year.",
        {
            "kind": "indirect",
            "text": "that taxes would rise next year",
            "cue": "announced",
            "speaker": "Ministry of Finance",
        },
        id="org-announced-that",
    ),
    pytest.param(
        "Maria Lopez said the factory would close, and added that workers would be paid until March.",
        {
            "kind": "indirect",
            "text": "that workers would be paid until March",
            "cue": "added",
            "speaker": "Maria Lopez",
        },
        id="second-cue-and-added",
    ),
    pytest.param(
        "Chief Dana Roberts said the videos were unclear and that the footage did not show a gun.",
        {
            "kind": "indirect",
            "text": "the videos were unclear and that the footage did not show a gun",
            "cue": "said",
            "speaker": "Dana Roberts",
        },
        id="two-that-clauses-one-report",
    ),
    pytest.param(
        "The plan -- Senator John Hale said -- is dead.",
        {"kind": "indirect", "text": "The plan is dead", "cue": "said", "speaker": "John Hale"},
        id="dash-parenthetical",
    ),
    pytest.param(
        "The real Ned Kelly, Chief Justice Marsh said, was a man of courage.",
        {
            "kind": "indirect",
            "text": "The real Ned Kelly was a man of courage",
            "cue": "said",
            "speaker": "Marsh",
        },
        id="parenthetical-host-subject-parsed-as-the-speakers-apposition",
    ),
    pytest.param(
        "Dana Roberts, the chief justice, said the ruling was fair.",
        {
            "kind": "indirect",
            "text": "the ruling was fair",
            "cue": "said",
            "speaker": "Dana Roberts",
        },
        id="near-a-real-apposition-closed-by-its-comma",
    ),
    pytest.param(
        "The company expects savings of $300 million from the cuts, Chief Executive Maria Santos "
        "told analysts on a conference call.",
        {
            "kind": "indirect",
            "text": "The company expects savings of $300 million from the cuts",
            "cue": "told",
            "speaker": "Maria Santos",
        },
        id="trailing-cue-hung-as-a-complement",
    ),
    pytest.param(
        "Chief Executive Maria Santos told analysts on a conference call that the company expects "
        "savings of $300 million.",
        {
            "kind": "indirect",
            "text": "that the company expects savings of $300 million",
            "cue": "told",
            "speaker": "Maria Santos",
        },
        id="near-the-same-cue-before-its-clause",
    ),
    pytest.param(
        "Lula said the talks went well, Xinhua reported on Friday.",
        {"kind": "indirect", "text": "the talks went well", "cue": "said", "speaker": "Lula"},
        id="a-trailing-reporter-hung-on-the-first-cue-leaves-its-words",
    ),
    pytest.param(
        "The difference now, Hale told me on Friday, is that he is the one in charge.",
        {
            "kind": "indirect",
            "text": "The difference now is that he is the one in charge",
            "cue": "told",
            "speaker": "Hale",
        },
        id="a-parenthetical-cue-the-parser-hung-on-the-subject-interrupts-the-sentence",
    ),
    pytest.param(
        "DuVernay said she felt the 13th Amendment was worth examining because it mattered.",
        {
            "kind": "indirect",
            "text": "she felt the 13th Amendment was worth examining because it mattered",
            "cue": "said",
            "speaker": "DuVernay",
        },
        id="no-sentence-starts-after-a-word-that-ends-none",
    ),
    pytest.param(
        "A deal could be announced as soon as next week, two of the people said, asking not to "
        "be identified because the talks are private.",
        {
            "kind": "indirect",
            "text": "A deal could be announced as soon as next week",
            "cue": "said",
        },
        id="the-speakers-act-after-a-parenthetical-cue-is-no-part-of-the-words",
    ),
    pytest.param(
        "Lula said the talks went well, Xinhua reported on Friday.",
        {
            "kind": "indirect",
            "text": "Lula said the talks went well",
            "cue": "reported",
            "speaker": "Xinhua",
        },
        id="a-trailing-reporter-reports-the-whole-report-before-its-comma",
    ),
    pytest.param(
        "Lula said Brazil valued China as a partner, Xinhua reported.",
        {
            "kind": "indirect",
            "text": "Brazil valued China as a partner",
            "cue": "said",
            "speaker": "Lula",
            "sources": [("Xinhua", "report")],
        },
        id="a-trailing-reporter-the-parser-hung-over-the-words",
    ),
    pytest.param(
        "Senator John Hale said the plan was good but warned that costs would rise.",
        {"kind": "indirect", "text": "the plan was good", "cue": "said", "speaker": "John Hale"},
        id="first-of-two-cues-but",
    ),
    pytest.param(
        "Senator John Hale said the plan was good but warned that costs would rise.",
        {
            "kind": "indirect",
            "text": "that costs would rise",
            "cue": "warned",
            "speaker": "John Hale",
        },
        id="second-of-two-cues-but",
    ),
    pytest.param(
        "Analysts at the bank said rising rates have hurt the market, citing the figures for May.",
        {
            "kind": "indirect",
            "text": "rising rates have hurt the market",
            "cue": "said",
            "speaker": "Analysts at the bank",
        },
        id="the-speakers-next-act-set-off-by-a-comma-is-no-part-of-the-words",
    ),
    pytest.param(
        "Officials said the road would reopen on Monday, while residents said they feared floods.",
        {"kind": "indirect", "text": "the road would reopen on Monday", "cue": "said"},
        id="another-speakers-report-set-off-by-a-comma-is-no-part-of-the-words",
    ),
    pytest.param(
        "At a rally in Ohio on Monday John Smith said the race was close.",
        {"kind": "indirect", "text": "the race was close", "cue": "said", "speaker": "John Smith"},
        id="subject-the-parser-took-into-a-fronted-phrase-without-a-comma",
    ),
    pytest.param(
        "Ruth Hale is a senator. In an interview with CNN Hale said the plan was dead.",
        {"kind": "indirect", "text": "the plan was dead", "cue": "said", "speaker": "Ruth Hale"},
        id="subject-run-into-the-phrases-name-split-off-by-the-articles-own-name",
    ),
    pytest.param(
        "Officials said the road would reopen on Monday, while crews cleared the last of the mud.",
        {
            "kind": "indirect",
            "text": "the road would reopen on Monday, while crews cleared the last of the mud",
            "cue": "said",
        },
        id="near-an-adverbial-clause-without-a-report-stays",
    ),
    pytest.param(
        "Senator John Hale: Budget deal is close",
        {"kind": "indirect", "text": "Budget deal is close", "speaker": "John Hale"},
        id="news-colon",
    ),
    pytest.param(
        "Hale says budget deal is close\n\nSenator John Hale said on Monday that talks had gone well.",
        {"kind": "indirect", "text": "budget deal is close", "cue": "says", "speaker": "John Hale"},
        id="headline-says",
    ),
    pytest.param(
        "Lopez warns of factory closures\n\nMaria Lopez said on Monday that two factories could close.",
        {
            "kind": "indirect",
            "text": "factory closures",
            "cue": "warns of",
            "speaker": "Maria Lopez",
        },
        id="headline-warns-of",
    ),
]


@pytest.mark.parametrize(("text", "expected"), INDIRECT)
def test_indirect_quotes(extract, text, expected):
    result = extract(text)
    assert result.quotes, "no quote found"
    quote = quote_with_text(result, expected["text"]) if "text" in expected else result[0]
    assert project(quote, text, expected) == expected


# --- cue, speaker, addressee, sources and hedge within one sentence ------------------------------

ROLES = [
    pytest.param(
        "Maria Lopez said the factory would close in March.",
        {
            "speaker": "Maria Lopez",
            "mention": "Maria Lopez",
            "cue": "said",
            "sources": [],
            "hedge": None,
        },
        id="active-subject",
    ),
    pytest.param(
        "Senator Maria Lopez was quick to insist that the plan would pass.",
        {"speaker": "Maria Lopez", "cue": "insist", "text": "that the plan would pass"},
        id="subject-through-an-adjective",
    ),
    pytest.param(
        # The tagger takes "Tulsa" for a verb inside the quote's clause: the clause must stop at
        # the closing mark, not run on into the speaker's phrase.
        "\u201cI will make you one promise: We will find whoever did this,\u201d "
        "Tulsa police Chief Dana Brooks said Monday.\n",
        {
            "speaker": "Dana Brooks",
            "cue": "said",
            "text": "I will make you one promise: We will find whoever did this,",
        },
        id="quote-clause-stops-at-its-closing-mark",
    ),
    pytest.param(
        '"We will not back down," said Senator John Hale.',
        {"speaker": "John Hale", "mention": "Senator John Hale", "cue": "said", "sources": []},
        id="inverted-subject",
    ),
    pytest.param(
        "It was announced by the Ministry of Finance that taxes would rise next year.",
        {
            "speaker": "Ministry of Finance",
            "cue": "announced",
            "text": "that taxes would rise next year",
        },
        id="passive-agent",
    ),
    pytest.param(
        '"The bill will pass," was stated by Senator John Hale on Monday.',
        {
            "speaker": "John Hale",
            "mention": "Senator John Hale",
            "cue": "stated",
            "text": "The bill will pass,",
        },
        id="passive-agent-direct",
    ),
    pytest.param(
        "Maria Lopez was quoted by Xinhua as saying that the factory would close.",
        {
            "speaker": "Maria Lopez",
            "text": "that the factory would close",
            "sources": [("Xinhua", "quoted")],
        },
        id="was-quoted-by",
    ),
    pytest.param(
        "Senator John Hale was cited as saying that the bill would pass.",
        {
            "speaker": "John Hale",
            "mention": "Senator John Hale",
            "text": "that the bill would pass",
            "sources": [],
            "hedge": "was cited as",
        },
        id="raised-passive-cited",
    ),
    pytest.param(
        "Maria Lopez is quoted as saying that the factory would close.",
        {
            "speaker": "Maria Lopez",
            "text": "that the factory would close",
            "sources": [],
            "hedge": "is quoted as",
        },
        id="raised-passive-quoted",
    ),
    pytest.param(
        "Xinhua cited Maria Lopez as having said that the factory would close.",
        {
            "speaker": "Maria Lopez",
            "mention": "Maria Lopez",
            "text": "that the factory would close",
            "sources": [("Xinhua", "cited")],
        },
        id="citing-object",
    ),
    pytest.param(
        "Xinhua quoted Maria Lopez as saying that the factory would close.",
        {"speaker": "Maria Lopez", "sources": [("Xinhua", "quoted")]},
        id="quoting-object",
    ),
    pytest.param(
        "According to Maria Lopez, the factory will close in March.",
        {"speaker": "Maria Lopez", "mention": "Maria Lopez", "cue": "According to", "sources": []},
        id="according-to-object",
    ),
    pytest.param(
        '"We will rebuild every school." - Commissioner Jane Roe',
        {
            "kind": "direct",
            "text": "We will rebuild every school.",
            "speaker": "Jane Roe",
            "mention": "Commissioner Jane Roe",
            "cue": "-",
        },
        id="trailing-dash",
    ),
    pytest.param(
        "“We will rebuild every school.” — Commissioner Jane Roe",
        {"kind": "direct", "text": "We will rebuild every school.", "speaker": "Jane Roe"},
        id="trailing-em-dash",
    ),
    pytest.param(
        '"We will rebuild every school." ― Ana Ruiz, mayor of Linwood',
        {
            "kind": "direct",
            "text": "We will rebuild every school.",
            "speaker": "Ana Ruiz",
            "cue": "―",
        },
        id="trailing-bar-before-a-name-the-recognizer-missed",
    ),
    pytest.param(
        'Finance Minister Maria Lopez visited the site on Monday. The minister said: "We will rebuild every school."',
        {
            "kind": "direct",
            "text": "We will rebuild every school.",
            "speaker": "Maria Lopez",
            "mention": "The minister",
            "cue": "said",
        },
        id="colon-lead-in-said",
    ),
    pytest.param(
        'Senator John Hale said: "We will rebuild every school."',
        {
            "kind": "direct",
            "text": "We will rebuild every school.",
            "speaker": "John Hale",
            "cue": "said",
        },
        id="colon-lead-in-name",
    ),
    pytest.param(
        'The board met chairwoman Jane Roe on Monday.\n\nFrom the chairwoman: "We will rebuild every school."',
        {
            "kind": "direct",
            "text": "We will rebuild every school.",
            "speaker": "Jane Roe",
            "mention": "the chairwoman",
        },
        id="colon-lead-in-from",
    ),
    pytest.param(
        'Maria Lopez: "We will rebuild every school."',
        {"kind": "direct", "text": "We will rebuild every school.", "speaker": "Maria Lopez"},
        id="colon-lead-in-bare-name",
    ),
    pytest.param(
        'The budget would make the tax code longer. Said Ellis: "She does not care about reform."',
        {
            "kind": "direct",
            "text": "She does not care about reform.",
            "speaker": "Ellis",
            "mention": "Ellis",
            "cue": "Said",
        },
        id="colon-lead-in-inverted-after-a-sentence",
    ),
    pytest.param(
        'Asked about the plan, Senator Ann Marsh said: "It is dead."',
        {"kind": "direct", "text": "It is dead.", "speaker": "Ann Marsh", "cue": "said"},
        id="colon-lead-in-with-a-participle-is-not-inverted",
    ),
    pytest.param(
        "On Monday, in a long speech to the party, Senator Ann Marsh made the following comment:\n\n"
        '"We will not raise taxes."',
        {
            "kind": "direct",
            "text": "We will not raise taxes.",
            "speaker": "Ann Marsh",
            "cue": "comment",
        },
        id="colon-lead-in-a-clause-with-a-speech-noun-across-a-paragraph",
    ),
    pytest.param(
        'She became so upset that Maria Lopez had to change her answer: "I was just kidding."',
        {
            "kind": "direct",
            "text": "I was just kidding.",
            "speaker": "Maria Lopez",
            "cue": "answer",
        },
        id="colon-lead-in-ending-in-what-was-said-of-any-verb",
    ),
    pytest.param(
        "On Monday, in a long and angry speech to the party, Maria Lopez told the delegates:\n\n"
        '"We will win."',
        {"kind": "direct", "text": "We will win.", "speaker": "Maria Lopez", "cue": "told"},
        id="colon-lead-in-a-long-clause",
    ),
    pytest.param(
        '"The campaign is in panic mode. Full panic mode," said Leslie Wimes.',
        {
            "kind": "direct",
            "text": "The campaign is in panic mode. Full panic mode,",
            "speaker": "Leslie Wimes",
            "cue": "said",
        },
        id="inverted-after-a-quote-of-two-sentences",
    ),
    pytest.param(
        "President Anna Weber said the talks would resume in May.",
        {"speaker": "Anna Weber", "mention": "President Anna Weber"},
        id="title-kept-in-mention",
    ),
    pytest.param(
        "France's Pierre Dubois said the talks would resume in May.",
        {"speaker": "Pierre Dubois", "mention": "France's Pierre Dubois"},
        id="possessive-country-in-mention",
    ),
    pytest.param(
        "Hugh Hill, a doctor, said the clinic was full.",
        {"speaker": "Hugh Hill", "mention": "Hugh Hill, a doctor", "text": "the clinic was full"},
        id="apposition-in-mention",
    ),
    pytest.param(
        "Senator John Hale told Maria Lopez that the bill would pass.",
        {"speaker": "John Hale", "addressee": "Maria Lopez", "addressee_mention": "Maria Lopez"},
        id="addressee-told",
    ),
    pytest.param(
        "Speaking to Senator John Hale, Maria Lopez said the factory would close.",
        {
            "speaker": "Maria Lopez",
            "addressee": "John Hale",
            "addressee_mention": "Senator John Hale",
        },
        id="addressee-speaking-to",
    ),
    pytest.param(
        "Maria Lopez said to Senator John Hale that the factory would close.",
        {"speaker": "Maria Lopez", "addressee": "John Hale"},
        id="addressee-said-to",
    ),
    pytest.param(
        "Maria Lopez reportedly said that the factory would close.",
        {"speaker": "Maria Lopez", "hedge": "reportedly"},
        id="hedge-reportedly",
    ),
    pytest.param(
        "Senator John Hale allegedly told donors that the bill would pass.",
        {"speaker": "John Hale", "hedge": "allegedly"},
        id="hedge-allegedly",
    ),
    pytest.param(
        "According to Xinhua, President Anna Weber said the talks would resume in May.",
        {
            "speaker": "Anna Weber",
            "mention": "President Anna Weber",
            "cue": "said",
            "sources": [("Xinhua", "according_to")],
            "text": "the talks would resume in May",
        },
        id="according-to-source",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROLES)
def test_roles_in_one_sentence(extract, text, expected):
    result = extract(text)
    assert result.quotes, "no quote found"
    if "text" in expected:
        quote = quote_with_text(result, expected["text"])
    else:
        assert len(result) == 1, [(q.kind.value, q.text) for q in result]
        quote = result[0]
    assert project(quote, text, expected) == expected


# --- one run over all tables: nothing raises and offsets slice the input -------------------------

ALL_TEXTS = [
    param.values[0]
    for table in (DIRECT_QUOTES, SPLIT_QUOTES, STRAY_MARKS, NOT_SPEECH, MIXED, INDIRECT, ROLES)
    for param in table
]


def test_offsets_of_every_table_text_slice_the_input(nlp, invariants):
    assert len(ALL_TEXTS) > 50
    found = 0
    for text in ALL_TEXTS:
        result = quoteattr.extract(text, nlp=nlp)
        invariants(text, result)
        found += len(result)
    assert found > len(ALL_TEXTS) // 2, found


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param(
            '"Nobody was hurt," police spokesman Omar Haddad said on Sunday.',
            "said",
            id="time-is-not-topic",
        ),
        pytest.param(
            "Maria Lopez warned of higher prices next year.", "warned of", id="topic-preposition"
        ),
        pytest.param(
            "Senator John Hale pointed out that the vote was close.", "pointed out", id="particle"
        ),
    ],
)
def test_cue_words_take_particles_and_content_prepositions_only(extract, text, cue):
    assert [quote.cue.text for quote in extract(text)] == [cue]


# --- attribution after a quote that ends in "!" or "?" ---------------------------------------------
# The sentence splitter ends a sentence after '!"' and '?"'; the clause that follows is the quote's
# attribution all the same. (text, quote, cue, speaker name, speaker mention)
EXCLAIMED = [
    pytest.param(
        '"Get out!" shouted the officer.',
        "Get out!",
        "shouted",
        None,
        "the officer",
        id="bang-inverted-nominal",
    ),
    pytest.param(
        'Mary Lee stood up. "We are done!" she cried.',
        "We are done!",
        "cried",
        "Mary Lee",
        "she",
        id="bang-pronoun",
    ),
    pytest.param(
        '"Why not?" asked Senator Bob Hale.',
        "Why not?",
        "asked",
        "Bob Hale",
        "Senator Bob Hale",
        id="question-titled-name",
    ),
    pytest.param(
        '"Is it over?" Dana Park asked.',
        "Is it over?",
        "asked",
        "Dana Park",
        "Dana Park",
        id="question-name-first",
    ),
    pytest.param(
        '"Stop!" yelled Officer Dana Park.',
        "Stop!",
        "yelled",
        "Dana Park",
        "Officer Dana Park",
        id="bang-title-name",
    ),
    pytest.param(
        '"Enough!" the mayor shouted.',
        "Enough!",
        "shouted",
        None,
        "the mayor",
        id="bang-nominal-first",
    ),
    pytest.param(
        'Ruth Okafor frowned. "Really?" she asked.',
        "Really?",
        "asked",
        "Ruth Okafor",
        "she",
        id="question-pronoun",
    ),
]


@pytest.mark.parametrize(("text", "quote", "cue", "speaker", "mention"), EXCLAIMED)
def test_attribution_after_an_exclaimed_or_asked_quote(extract, text, quote, cue, speaker, mention):
    found = quote_with_text(extract(text), quote)
    assert project(found, text, ("cue", "speaker", "mention")) == {
        "cue": cue,
        "speaker": speaker,
        "mention": mention,
    }


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '"We won!" Hale\'s rival left the room.', id="next-sentence-starts-with-a-name"
        ),
        pytest.param('"We won!" The crowd left the room.', id="next-sentence-starts-capitalised"),
        pytest.param('"We won!"\nshe left the room.', id="clause-on-the-next-line"),
    ],
)
def test_a_new_sentence_after_an_exclaimed_quote_is_no_attribution(extract, text):
    (found,) = [quote for quote in extract(text) if quote.text == "We won!"]
    assert found.cue is None and found.speaker is None


# --- interview transcripts: a title-case label the NER may not know ----------------------------

INTERVIEW = (
    "Ines Okoro has run the harbour authority for ten years.\n\n"
    "Has the job changed?\n\n"
    "Okoro: Not really. We still move more grain than anyone on the coast.\n\n"
    "Your critics say the port is too slow.\n\n"
    "Okoro: That is simply not true. We cut waiting times in half last year.\n\n"
    "Corrections: The port opened in 1911, not 1912.\n\n"
    "Corrections: Her name was misspelt in an earlier version."
)


def test_an_interviews_repeated_label_is_its_speaker_and_a_notice_is_not(extract):
    labelled = [q for q in extract(INTERVIEW) if q.cue is not None and q.cue.text == ":"]
    assert [(q.speaker.mention.text, q.text.split(".")[0]) for q in labelled] == [
        ("Okoro", "Not really"),
        ("Okoro", "That is simply not true"),
    ]


Q_AND_A = (
    "Ines Okoro has run the harbour authority for ten years. We asked Okoro about the port.\n\n"
    "Q: Has the job changed?\n"
    "A: Not really. We still move more grain than anyone on the coast.\n\n"
    "Q: Your critics say the port is too slow.\n"
    "A: That is simply not true. We cut waiting times in half last year."
)


def test_a_question_and_answer_interviews_answers_are_the_interviewees(extract):
    answers = [q for q in extract(Q_AND_A) if q.cue is not None and q.cue.text == ":"]
    assert [(q.kind.value, q.speaker.name, q.text.split(".")[0]) for q in answers] == [
        ("direct", "Ines Okoro", "Not really"),
        ("direct", "Ines Okoro", "That is simply not true"),
    ]


def test_the_interviewee_is_whom_the_article_names_most_not_the_first_person_tagged(extract):
    """The recognizer tags "Riverton" a person and misses the mayor in the intro; the article
    names her again and again, the town once."""
    text = (
        "A conversation with Mayor Ana Colón\n\n"
        "Ana Colón became mayor of Riverton in January. She spoke to the Gazette.\n\n"
        "Q: Do you still feel like an outsider?\n\n"
        "A: Every day. I walk into City Hall and wonder who let me in.\n\n"
        'Colón, 41, grew up above her father\'s store. "He taught me to open at seven," '
        "Colón said."
    )
    answers = [q for q in extract(text) if q.cue is not None and q.cue.text == ":"]
    assert [(q.speaker.name, q.text.split(".")[0]) for q in answers] == [("Ana Colón", "Every day")]


def test_a_transcript_inside_one_quotation_of_many_paragraphs_is_line_by_line(extract):
    """Each paragraph opens a quote mark that only the last one closes; each line is its
    speaker's own direct quote, not the whole transcript."""
    text = (
        "Governor Ada Reyes spoke to Tom Brandt on Sunday. A partial transcript follows.\n\n"
        '"BRANDT: Will the mayor come to the hearing on Friday?\n\n'
        '"REYES: She has other plans on Friday.\n\n'
        '"BRANDT: Are the two plans really the same to you?\n\n'
        '"REYES: I think the voters will judge them."'
    )
    lines = [
        (q.kind.value, q.speaker.mention.text, q.text)
        for q in extract(text)
        if q.cue is not None and q.cue.text == ":"
    ]
    assert lines == [
        ("direct", "BRANDT", "Will the mayor come to the hearing on Friday?"),
        ("direct", "REYES", "She has other plans on Friday."),
        ("direct", "BRANDT", "Are the two plans really the same to you?"),
        ("direct", "REYES", "I think the voters will judge them."),
    ]


def test_a_format_label_is_no_speaker_but_a_name_is(extract):
    label = "Q&A: The coach who turned around a losing team\n\nMarisol Vega took over in May."
    assert [q.text for q in extract(label)] == []
    name = "Vega: The players started to trust each other\n\nMarisol Vega took over in May."
    assert [q.speaker.name for q in extract(name)] == ["Marisol Vega"]


def test_a_role_before_the_name_after_a_quotation_leaves_the_quotation_out(extract):
    """The parser may read '"...," product lead Maya Chen said' with the quotation inside the
    speaker's noun phrase; the mention begins after the quotation ends."""
    text = '"We listened to every complaint," product lead Maya Chen told me.'
    (quote,) = extract(text)
    assert (quote.kind.value, quote.cue.text, quote.speaker.name) == ("direct", "told", "Maya Chen")


def test_a_manner_of_speaking_verb_tags_a_quotation(extract):
    text = '"I have never seen anything like it," Gary Pendlebury fumed.'
    (quote,) = extract(text)
    assert (quote.cue.text, quote.speaker.name) == ("fumed", "Gary Pendlebury")
    assert extract("Gary Pendlebury fumed at the officials after the match.").quotes == ()


def test_a_section_label_of_a_market_wire_is_no_speaker_but_a_transcripts_is(extract):
    wire = (
        "Stocks edged lower on Thursday, while miner Corvane Resources tumbled.\n\n"
        "STOCKS: The benchmark index fell 0.6 percent to 7,412.35, its third decline.\n\n"
        "CORVANE: Shares of Corvane Resources plunged 14 percent after the output cut."
    )
    assert [q for q in extract(wire) if q.cue is not None and q.cue.text == ":"] == []
    transcript = (
        "Tom Brandt spoke to the governor on Sunday.\n\n"
        "BRANDT: Will the mayor come to the hearing on Friday?\n\n"
        "BRANDT: Are the two plans really the same to you?"
    )
    labels = [q.speaker.mention.text for q in extract(transcript) if q.cue and q.cue.text == ":"]
    assert labels == ["BRANDT", "BRANDT"]


def test_quoted_words_named_one_by_one_are_not_speech(extract):
    text = 'The words matter. "Footfall." "Stakeholders." They sound neutral.'
    assert extract(text).quotes == ()


def test_a_quoted_title_case_line_is_a_subheading_not_speech(extract):
    text = (
        "The talks went on for hours.\n\n"
        '"All Bets Are Off."\n\n'
        "The president said nothing.\n\n"
        '"We are ready to sign."\n\n'
        '"We Will Win This Fight," she told the crowd.'
    )
    assert [q.text for q in extract(text)] == ["We are ready to sign.", "We Will Win This Fight,"]


def test_a_report_inside_an_answer_is_the_interviewees_words(extract):
    """As inside a quotation: the answer's "she used to say" is no record of its own, while the
    same report in the article's prose after the interview is one."""
    text = (
        Q_AND_A.replace(
            "A: Not really.", "A: Not really. My mother used to say that the sea always wins."
        )
        + "\n\nOkoro said the harbour would expand next year."
    )
    records = [(q.cue.text if q.cue else None, q.text.split(".")[0]) for q in extract(text)]
    assert ("say", "that the sea always wins") not in records
    assert (":", "Not really") in records
    assert ("said", "the harbour would expand next year") in records


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(Q_AND_A.replace("Q: ", ""), id="answers-without-questions"),
        pytest.param(
            "We asked about the port.\n\nQ: Has the job changed?\nA: Not really, the harbour is busy.",
            id="no-one-named-before-the-questions",
        ),
    ],
)
def test_no_interview_answers_without_questions_and_an_interviewee(extract, text):
    assert [q.text for q in extract(text) if q.cue is not None and q.cue.text == ":"] == []


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        pytest.param(
            'Ingrid Halvorsen withdrew on Tuesday from the new production of "Tosca," the '
            "company said.",
            "indirect",
            'Ingrid Halvorsen withdrew on Tuesday from the new production of "Tosca,"',
            id="a-quoted-title-is-no-quoted-speech",
        ),
        pytest.param(
            'Ingrid Halvorsen withdrew on Tuesday from a production that was "a disaster," the '
            "company said.",
            "mixed",
            'Ingrid Halvorsen withdrew on Tuesday from a production that was "a disaster,"',
            id="near-quoted-words-make-a-mixed-quote",
        ),
        pytest.param(
            'Hale accused the network of airing "State of the Nation" to mock him, his aides said.',
            "indirect",
            'Hale accused the network of airing "State of the Nation" to mock him',
            id="a-title-of-several-words",
        ),
        pytest.param(
            'The agency said Xi had called for Taiwan "Reunification" at the talks.',
            "mixed",
            'Xi had called for Taiwan "Reunification" at the talks',
            id="near-one-capitalised-word-is-the-speakers-own",
        ),
        pytest.param(
            'Clinton said Trump had called the pageant winner "Miss Piggy" in 1996.',
            "mixed",
            'Trump had called the pageant winner "Miss Piggy" in 1996',
            id="near-a-name-a-verb-of-calling-gives-is-the-speakers",
        ),
        pytest.param(
            'Hale said on Monday that the plan was "Unacceptable."',
            "mixed",
            'that the plan was "Unacceptable."',
            id="near-a-capitalised-word-said-is-speech",
        ),
    ],
)
def test_a_title_in_quote_marks_makes_no_mixed_quote(extract, text, kind, words):
    records = [(q.kind.value, q.text) for q in extract(text)]
    assert (kind, words) in records, records
