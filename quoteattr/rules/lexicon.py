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

from .morphology import inflections, plural, singular

DASHES = ("--", "-", "–", "—", "―")  # the longer first, for `str.startswith`
# The marks that cue the words they set off by layout alone: a colon or a dash attribution.
LAYOUT_CUES = frozenset({":", *DASHES})


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
    object_is_target: frozenset[str] = frozenset()
    quoted_object_is_thing: frozenset[str] = frozenset()
    agent_only_verbs: frozenset[str] = frozenset()
    topic_only_verbs: frozenset[str] = frozenset()
    adjunct_only_verbs: frozenset[str] = frozenset()
    aspectual_verbs: frozenset[str] = frozenset()  # "continue to show": no report
    # An `infinitive_content` verb -> the prepositions its content needs ("called on X to act";
    # "called X to thank her" is a phone call).
    infinitive_after_preposition: dict[str, tuple[str, ...]] = field(factory=dict)
    # Part of speech ("verb", "noun", "adjective") -> inflected form -> its category.
    category_forms: dict[str, dict[str, str]] = field(factory=dict, repr=False)
    # An inflected form of a verb in `categories` -> its lemma ("attacked" -> "attack").
    category_verb_lemmas: dict[str, str] = field(factory=dict, repr=False)
    proposition_nouns: frozenset[str] = frozenset()
    # An inflected form of an idiom verb -> its cue lemma with its object ("puts" -> "put it"):
    # a cue only with that object in an "as" clause ("as Hale put it").
    as_clause_idioms: dict[str, str] = field(factory=dict, repr=False)

    def verb_lemma(self, form: str) -> str | None:
        return self.verb_forms.get(form.lower())

    def any_verb_lemma(self, form: str) -> str:
        """The lemma of a cue verb or of a verb in `categories`, else the word in lower case."""
        form = form.lower()
        return self.verb_forms.get(form) or self.category_verb_lemmas.get(form, form)

    def category_of(self, word: str, part: str) -> str | None:
        """The category ("statement", "thought", "stance") a cue reports, by its word and part of
        speech ("verb", "noun" or "adjective"): as `categories` lists it, else
        "statement" for a speech verb or a noun of something said; None for an open-class
        word that reports nothing ("runs", "began")."""
        word = word.lower()
        category = self.category_forms.get(part, {}).get(word)
        if category is not None:
            return category
        if part == "verb" and self.verb_lemma(word) is not None:
            return self.category_forms.get(part, {}).get(self.verb_lemma(word), "statement")
        if part == "noun" and self.is_proposition_noun(word):
            return "statement"
        if part == "verb" and word in self.as_clause_idioms.values():
            return "statement"
        return None

    def is_phrase_lemma(self, word: str) -> bool:
        """Whether a cue lemma is a cue phrase's ("according to") or a colon or dash
        attribution's."""
        return word in LAYOUT_CUES or any(" ".join(words) == word for words, _ in self.phrases)

    def is_proposition_noun(self, word: str) -> bool:
        """Whether a noun names something said, thought or held ("the allegation", "a desire"),
        which a speech verb may report as its plain object."""
        word = word.lower()
        return word in self.proposition_nouns or singular(word) in self.proposition_nouns

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CueLexicon:
        irregular = data.get("irregular_forms", {})

        def forms_of(lemma: str) -> set[str]:
            return {lemma, *irregular[lemma]} if lemma in irregular else inflections(lemma)

        verb_forms: dict[str, str] = {}
        for lemma in data["speech_verbs"]:
            for form in forms_of(lemma):
                verb_forms.setdefault(form, lemma)
        category_forms: dict[str, dict[str, str]] = {"verb": {}, "noun": {}, "adjective": {}}
        category_verb_lemmas: dict[str, str] = {}
        nouns: set[str] = set(data.get("content_nouns", ()))
        for category, words in data.get("categories", {}).items():
            if category == "about":
                continue
            for lemma in words.get("verbs", ()):
                for form in forms_of(lemma):
                    category_forms["verb"].setdefault(form, category)
                    category_verb_lemmas.setdefault(form, lemma)
            for noun in words.get("nouns", ()):
                nouns.add(noun)
                for form in (noun, plural(noun)):
                    category_forms["noun"].setdefault(form, category)
            for adjective in words.get("adjectives", ()):
                category_forms["adjective"].setdefault(adjective, category)
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
            object_is_target=frozenset(data.get("object_is_target", ())),
            quoted_object_is_thing=frozenset(data.get("quoted_object_is_thing", ())),
            agent_only_verbs=frozenset(data.get("agent_only_verbs", ())),
            topic_only_verbs=frozenset(data.get("topic_only_verbs", ())),
            adjunct_only_verbs=frozenset(data.get("adjunct_only_verbs", ())),
            aspectual_verbs=frozenset(data.get("aspectual_verbs", ())),
            infinitive_after_preposition={
                verb: tuple(words)
                for verb, words in data.get("infinitive_after_preposition", {}).items()
            },
            category_forms=category_forms,
            category_verb_lemmas=category_verb_lemmas,
            proposition_nouns=frozenset(nouns),
            as_clause_idioms={
                form: f"{lemma} {obj}"
                for lemma, obj in data.get("as_clause_idioms", {}).items()
                for form in forms_of(lemma)
            },
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


def word_groups(name: str) -> dict[str, frozenset[str]]:
    """A list of word groups of `lexicons/en_words.json` ("title_equivalents", ...): each word
    mapped to its whole group."""
    return {word: frozenset(group) for group in _word_lists()[name] for word in group}
