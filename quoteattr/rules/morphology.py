"""English inflection and stemming: the one home of the crude morphology quoteattr needs without a
lemmatizer (cue forms are generated from lemmas; features and nouns are reduced to stems)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .lexicon import CueLexicon

_VOWELS = frozenset("aeiou")
# Verbs of two or more syllables stressed on the last, whose final consonant doubles before -ed and
# -ing ("admitted"); one-syllable verbs ending in a single vowel and consonant double by rule.
_STRESSED_FINAL = frozenset(
    {"admit", "commit", "regret", "refer", "prefer", "rebut", "omit", "submit", "permit", "compel"}
    | {"propel", "concur", "occur", "incur", "deter"}
)


def _doubles_final(lemma: str) -> bool:
    """Whether `lemma` doubles its last consonant before -ed/-ing ("stop", "slam", "admit")."""
    if lemma in _STRESSED_FINAL:
        return True
    core = lemma.replace("qu", "q")  # the u of "qu" is no vowel of its own ("quip")
    vowel_groups = re.findall("[aeiou]+", core)
    return (
        len(core) >= 3
        and len(vowel_groups) == 1
        and len(vowel_groups[0]) == 1
        and core[-1] not in _VOWELS | set("wxy")
        and core[-2] in _VOWELS
        and core[-3] not in _VOWELS
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
    if _doubles_final(lemma):
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
    "speeches", "analysis" -> "analyses"."""
    if noun.endswith("is"):
        return noun[:-2] + "es"
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
