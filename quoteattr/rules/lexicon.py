"""The lexicons: the cue lexicon (speech and writing verbs, cue phrases, hedges) and the
closed-class word lists, loaded from packaged JSON in `quoteattr/lexicons/`.

Cue verbs are matched on their surface form (``said`` → ``say``) with the fine-grained tag, so the
pipeline needs neither the lemmatizer nor the attribute ruler.
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import Any

import srsly
from attrs import field, frozen

from .morphology import inflections


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
    direct_speech_only: frozenset[str]

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
            naming_verb_forms=frozenset(
                form for lemma in data.get("naming_verbs", ()) for form in inflections(lemma)
            ),
            phrases=tuple((tuple(p["words"]), p["relation"]) for p in data.get("phrases", ())),
            hedges=frozenset(data.get("hedges", ())),
            anonymous_source_nouns=frozenset(data.get("anonymous_source_nouns", ())),
            direct_speech_only=frozenset(data.get("direct_speech_only", ())),
        )


def read_lexicon(filename: str) -> Any:
    """A packaged lexicon file of `quoteattr/lexicons/`, parsed."""
    path = resources.files("quoteattr") / "lexicons" / filename
    return srsly.json_loads(path.read_text(encoding="utf8"))


def default_lexicon_data() -> dict[str, Any]:
    return read_lexicon("en_cues.json")


@functools.cache
def load_default_lexicon() -> CueLexicon:
    return CueLexicon.from_dict(default_lexicon_data())


@functools.cache
def _word_lists() -> dict[str, Any]:
    return read_lexicon("en_words.json")


def word_list(name: str) -> frozenset[str]:
    """One closed-class word list of `lexicons/en_words.json` ("copulas", "titles", ...)."""
    return frozenset(_word_lists()[name])
