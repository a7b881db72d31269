import pytest

from quoteattr.rules.morphology import inflections, plural, singular, stem


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        pytest.param("claim", {"claim", "claims", "claimed", "claiming"}, id="regular"),
        pytest.param("deny", {"deny", "denies", "denied", "denying"}, id="consonant-y-ies"),
        pytest.param("say", {"say", "says", "sayed", "saying"}, id="vowel-y-regular"),
        pytest.param("admit", {"admit", "admits", "admitted", "admitting"}, id="doubling"),
        pytest.param("quip", {"quip", "quips", "quipped", "quipping"}, id="doubling-quip"),
        pytest.param("note", {"note", "notes", "noted", "noting"}, id="final-e"),
        pytest.param("agree", {"agree", "agrees", "agreed", "agreeing"}, id="final-ee-keeps-e"),
        pytest.param("stress", {"stress", "stresses", "stressed", "stressing"}, id="sibilant-es"),
        pytest.param("echo", {"echo", "echoes", "echoed", "echoing"}, id="o-es"),
        pytest.param("vow", {"vow", "vows", "vowed", "vowing"}, id="w-regular"),
    ],
)
def test_inflections(lemma, forms):
    assert inflections(lemma) == forms


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("Said", "say", id="lexicon-irregular-lowercased"),
        pytest.param("insisted", "insist", id="lexicon-regular"),
        pytest.param("tweeting", "tweet", id="lexicon-ing"),
        pytest.param("carries", "carry", id="ies-to-y"),
        pytest.param("carried", "carry", id="ied-to-y"),
        pytest.param("jumping", "jump", id="ing"),
        pytest.param("jumped", "jump", id="ed"),
        pytest.param("boxes", "box", id="es"),
        pytest.param("cats", "cat", id="s"),
        pytest.param("bed", "bed", id="too-short-to-strip"),
        pytest.param("red", "red", id="short-ed-kept"),
    ],
)
def test_stem(word, expected, lexicon):
    assert stem(word, lexicon) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        pytest.param("claims", "claim", id="plural"),
        pytest.param("press", "press", id="double-s"),
        pytest.param("claim", "claim", id="already-singular"),
        pytest.param("statements", "statement", id="plural-long"),
    ],
)
def test_singular(word, expected):
    assert singular(word) == expected


@pytest.mark.parametrize(
    ("noun", "expected"),
    [
        ("claim", "claims"),
        ("study", "studies"),
        ("survey", "surveys"),
        ("speech", "speeches"),
        ("analysis", "analyses"),
    ],
)
def test_plural(noun, expected):
    assert plural(noun) == expected


@pytest.mark.parametrize(
    ("form", "lemma"),
    [
        pytest.param("said", "say", id="irregular"),
        pytest.param("quipped", "quip", id="doubled-listed"),
        pytest.param("testified", "testify", id="ied"),
        pytest.param("noting", "note", id="e-dropped"),
        pytest.param("Insisted", "insist", id="case-insensitive"),
        pytest.param("planned", None, id="not-a-cue"),
    ],
)
def test_lexicon_verb_forms(form, lemma, lexicon):
    assert lexicon.verb_lemma(form) == lemma


# Verbs whose final consonant doubles: one syllable with a single vowel and consonant, or stressed
# on the last syllable.


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        pytest.param("slam", {"slammed", "slamming"}, id="slam"),
        pytest.param("beg", {"begged", "begging"}, id="beg"),
        pytest.param("concur", {"concurred", "concurring"}, id="concur"),
        pytest.param("blog", {"blogged", "blogging"}, id="blog-listed"),
    ],
)
def test_doubling_lexicon_verbs(lemma, forms, lexicon):
    assert forms <= inflections(lemma)
    assert {lexicon.verb_lemma(form) for form in forms} == {lemma}


@pytest.mark.parametrize(
    "form",
    [
        pytest.param("termed", id="termed"),
        pytest.param("labeled", id="labeled"),
        pytest.param("dubbed", id="dubbed"),
        pytest.param("slammed", id="slammed"),
    ],
)
def test_naming_verb_forms(form, lexicon):
    assert form in lexicon.naming_verb_forms
