"""English inflection and stemming: the one home of the crude morphology quoteattr needs without a
lemmatizer (cue forms are generated from lemmas; features and nouns are reduced to stems)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import CueLexicon

_VOWELS = frozenset("aeiou")
# Final consonant doubled before -ed/-ing (stress on the last syllable); the rest follow the rules.
_DOUBLING = frozenset(
    {
        "admit",
        "commit",
        "quip",
        "plan",
        "regret",
        "refer",
        "prefer",
        "rebut",
        "chat",
        "blog",
        "omit",
        "submit",
        "permit",
        "compel",
        "propel",
        "stop",
    }
)


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms of `lemma` (base, -s, -ed, -ing)."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma in _DOUBLING:
        stem = lemma + lemma[-1]
        forms.update({stem + "ed", stem + "ing"})
    elif lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add(lemma + "ing" if lemma.endswith(("ee", "ye", "oe")) else lemma[:-1] + "ing")
    elif lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
    return forms


def plural(noun: str) -> str:
    """A regular English plural: "claim" -> "claims", "worry" -> "worries", "speech" ->
    "speeches"."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


def singular(word: str) -> str:
    """A plural noun's singular, crudely: "claims" -> "claim" (not "press" -> "pres")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def stem(word: str, lexicon: CueLexicon) -> str:
    """The lexicon's lemma of a cue form, else the word without a regular inflection."""
    word = word.lower()
    lemma = lexicon.verb_lemma(word)
    if lemma is not None:
        return lemma
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word
