"""Which common nouns name people: roles ("the senator"), trades and other people's nouns ("a
judge", "the keeper"), relations ("his wife", "aides") and agent nouns ("economists"). Read by
the nominal resolver, the pronoun resolver and the model's frames."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import word_list
from .morphology import plural, singular
from .syntax import AGENT_NOUN_SUFFIXES, DOCUMENT_NOUNS, ORG_NOUNS

ROLE_NOUNS = word_list("role_nouns")
RELATION_NOUNS = frozenset(
    form for noun in word_list("relation_nouns") for form in (noun, plural(noun))
)
PERSON_NOUNS = word_list("person_nouns")
FEMALE_NOUNS = word_list("female_nouns")  # "his mother", "the actress"
MALE_NOUNS = word_list("male_nouns")
# "most of the nurses", "one of his clients" (with "one"): a part of the group named after "of".
QUANTIFIERS = word_list("group_quantifiers")


def noun_gender(word: str) -> str | None:
    """The gender a person's common noun tells ("spokeswoman", "mother", "the king"), if any."""
    if word in FEMALE_NOUNS or word.endswith("woman"):
        return "female"
    if word in MALE_NOUNS or word.endswith("man"):
        return "male"
    return None


# Every listed noun for people, singular and plural; agent nouns are left out, as many are
# surnames too ("Baker").
_PERSON_NOUN_FORMS = RELATION_NOUNS | {
    form for noun in ROLE_NOUNS | PERSON_NOUNS for form in (noun, plural(noun))
}


def is_person_noun(word: str) -> bool:
    """Whether a lower-case word is a listed noun for people ("attorneys", "member")."""
    return word in _PERSON_NOUN_FORMS


def names_a_person(noun: Token) -> bool:
    """Whether a common noun names people ("attorney", "aides", "his wife", "economists"), not
    a thing of theirs ("his plan", "her tax proposals", "his best response")."""
    word = noun.lower_
    if word in DOCUMENT_NOUNS or word in ORG_NOUNS:
        return False
    base = singular(word) if noun.tag_ == "NNS" else word
    return (
        word in RELATION_NOUNS
        or base in ROLE_NOUNS
        or base in PERSON_NOUNS
        or base.endswith(AGENT_NOUN_SUFFIXES)
    )
