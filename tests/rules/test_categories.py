import pytest

from quoteattr.rules.categories import topic_is_content, unsaid

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
# "Evans went on to say it ."
WENT_ON_TO_SAY = [
    ("Evans", 1, "nsubj", "NNP"),
    ("went", 1, "ROOT", "VBD"),
    ("on", 1, "prt", "RP"),
    ("to", 4, "aux", "TO"),
    ("say", 1, "xcomp", "VB"),
    ("it", 4, "dobj", "PRP"),
    (".", 1, "punct", "."),
]
# "I have to say it ."
I_HAVE_TO_SAY = [
    ("I", 1, "nsubj", "PRP"),
    ("have", 1, "ROOT", "VBP"),
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
        pytest.param(WANTED_TO_SAY, 3, True, id="wanted-to-is-not-done-yet"),
        pytest.param(WENT_ON_TO_SAY, 4, False, id="went-on-to-is-done"),
        pytest.param(I_HAVE_TO_SAY, 3, False, id="i-have-to-say-says-it"),
        pytest.param(REFUSED_TO_BLAME, 1, False, id="the-refusal-itself"),
    ],
)
def test_a_statement_the_sentence_says_was_not_made(rows, verb, expected):
    doc = from_rows(rows)
    assert unsaid(doc[verb]) is expected


# "her criticism of the budget", "her call for talks", "her support for the bill"
def _noun_with_preposition(noun: str, preposition: str, obj: str):
    return from_rows(
        [
            ("her", 1, "poss", "PRP$"),
            (noun, 1, "ROOT", "NN"),
            (preposition, 1, "prep", "IN"),
            (obj, 2, "pobj", "NN"),
        ]
    )


@pytest.mark.parametrize(
    ("noun", "preposition", "obj", "expected"),
    [
        pytest.param("criticism", "of", "budget", False, id="what-a-statement-noun-is-about"),
        pytest.param("view", "of", "world", False, id="what-a-thought-noun-is-about"),
        pytest.param("call", "for", "talks", True, id="the-preposition-its-verb-reports-with"),
        pytest.param("support", "for", "bill", True, id="a-stance-is-held-about-its-object"),
    ],
)
def test_a_nouns_prepositional_object_is_content_only_as_its_verb_or_a_stance_has_it(
    noun, preposition, obj, expected, lexicon
):
    doc = _noun_with_preposition(noun, preposition, obj)
    assert topic_is_content(doc[1], doc[3], lexicon) is expected
