"""The cue lexicon: speech and writing verbs, cue phrases and hedges, loaded from packaged JSON.

Cue verbs are matched on their surface form (``said`` → ``say``) with the fine-grained tag, so the
pipeline needs neither the lemmatizer nor the attribute ruler.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import srsly
from attrs import field, frozen

_VOWELS = frozenset("aeiou")
# Final consonant doubled before -ed/-ing (stress on the last syllable); the rest follow the rules.
_DOUBLING = frozenset({"admit", "commit", "quip", "plan", "regret", "refer", "prefer", "rebut", "chat", "blog", "omit", "submit", "permit", "compel", "propel", "stop"})


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


@frozen(kw_only=True)
class CueLexicon:
    """Lookup tables for cues. Build it with `CueLexicon.from_dict` or `load_default_lexicon()`."""

    verb_forms: dict[str, str] = field(repr=False)
    content_requires_clause: frozenset[str]
    addressee_object: frozenset[str]
    infinitive_content: frozenset[str]
    object_content: frozenset[str]
    preposition_content: dict[str, str]
    speaking_to_verbs: frozenset[str]
    citing_verbs: frozenset[str]
    content_nouns: frozenset[str]
    naming_verb_forms: frozenset[str]
    non_speaker_labels: frozenset[str]
    phrases: tuple[tuple[tuple[str, ...], str], ...]
    hedges: frozenset[str]
    anonymous_source_nouns: frozenset[str]

    def verb_lemma(self, form: str) -> str | None:
        return self.verb_forms.get(form.lower())

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CueLexicon:
        verb_forms: dict[str, str] = {}
        irregular = data.get("irregular_forms", {})
        for lemma in data["speech_verbs"]:
            forms = {lemma, *irregular[lemma]} if lemma in irregular else inflections(lemma)
            for form in forms:
                verb_forms.setdefault(form, lemma)
        return cls(
            verb_forms=verb_forms,
            content_requires_clause=frozenset(data.get("content_requires_clause", ())),
            addressee_object=frozenset(data.get("addressee_object", ())),
            infinitive_content=frozenset(data.get("infinitive_content", ())),
            object_content=frozenset(data.get("object_content", ())),
            preposition_content=dict(data.get("preposition_content", {})),
            speaking_to_verbs=frozenset(data.get("speaking_to_verbs", ())),
            citing_verbs=frozenset(data.get("citing_verbs", ())),
            content_nouns=frozenset(data.get("content_nouns", ())),
            non_speaker_labels=frozenset(data.get("non_speaker_labels", ())),
            naming_verb_forms=frozenset(form for lemma in data.get("naming_verbs", ()) for form in inflections(lemma)),
            phrases=tuple((tuple(p["words"]), p["relation"]) for p in data.get("phrases", ())),
            hedges=frozenset(data.get("hedges", ())),
            anonymous_source_nouns=frozenset(data.get("anonymous_source_nouns", ())),
        )


def default_lexicon_data() -> dict[str, Any]:
    path = resources.files("quoteattr") / "lexicons" / "en_cues.json"
    return srsly.json_loads(path.read_text(encoding="utf8"))


@functools.cache
def load_default_lexicon() -> CueLexicon:
    return CueLexicon.from_dict(default_lexicon_data())
