"""Names and the clusters they form: normalised name keys, which names may be one person's, the
display name, and the entity a cluster of mentions makes (its names, labels, gender and type)."""

from __future__ import annotations

import functools
import operator
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from attrs import define, field
from rapidfuzz import fuzz

from ..records import EntityType
from .lexicon import read_lexicon, word_list
from .people import PERSON_NOUNS, is_person_noun
from .syntax import AGENT_NOUN_SUFFIXES, NAME_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Span

TITLES = word_list("titles")

MALE_TITLES = word_list("male_titles")

FEMALE_TITLES = word_list("female_titles")

LONE_SURNAME_LABELS = 2  # at most this many ORG labels leave a lone word a possible surname

PLACE_LABELS = frozenset({"GPE", "NORP"})  # a lone name tagged so is no first name ("Georgia")

ENTITY_TYPES = {label: EntityType[label] for label in NAME_LABELS}  # NER label -> record type

TRAILING_FUNCTION_WORDS = word_list("trailing_function_words")

SUFFIXES = word_list("name_suffixes")

CALENDAR = word_list("calendar_words")

# A legal form ends only a firm's name ("Harlow Foods Plc").
ORGANISATION_NAME_WORDS = word_list("organisation_name_words") | word_list("legal_forms")
# Institutions named after someone ("Trump University"), unlike a company's legal form ("Corp").
NAMED_AFTER_WORDS = ORGANISATION_NAME_WORDS - word_list("legal_forms")

PARTICLES = word_list("name_particles")
COMPANY_DESCRIPTORS = word_list("company_descriptors")

BYLINE_SEPARATORS = frozenset({"/", "|"})  # "Jane Roe / Metro News"

QUOTE_MARKS = " \"'‘’“”«»"

FIRST_NAME_GENDER = {
    name: gender
    for gender, names in read_lexicon("en_first_names.json").items()
    if gender in ("male", "female")
    for name in names
}

# Fuzzy match threshold for full names spelled differently (accents, typos, transliteration).
NAME_SIMILARITY = 90.0


# Names and mentions recur through an article (and across articles): each is folded once.
@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@functools.lru_cache(maxsize=8192)
def name_key(text: str) -> tuple[str, ...]:
    """Normalised name words: no titles (an institution's own words stay: see
    `is_institution`), possessives, accents, case or punctuation."""
    raw_words = fold(text).replace("’", "'").split()
    words = [word for raw in raw_words if (word := _bare(raw))]
    dropped = INSTITUTION_ARTICLES if is_institution(raw_words) else TITLES
    return tuple(word for word in words if word not in dropped)


def _bare(word: str) -> str:
    """A folded name word without its possessive and punctuation."""
    return word.removesuffix("'s").strip(".,;:'\"()[]")


INSTITUTION_ARTICLES = frozenset({"the", "of"})


def is_institution(raw_words: list[str]) -> bool:
    """Whether folded name words (possessives kept) name an institution, whose words a person's
    titles may be part of: "Democratic National Committee" is not the "National Committee",
    "Chinese Foreign Ministry" no "Ministry", "Department of State" no "Department". The name
    ends in an organisation's word or has one before "of"; "Tom Church" (a first name before it)
    is a person, "St. Mary's Hospital" (a possessive) an institution named after one."""
    words = [_bare(word) for word in raw_words]
    if not words:
        return False
    if words[-1] in ORGANISATION_NAME_WORDS:
        return len(words) < 2 or words[-2] not in FIRST_NAME_GENDER or raw_words[-2].endswith("'s")
    return any(
        word in ORGANISATION_NAME_WORDS and after == "of"
        for word, after in zip(words, words[1:], strict=False)
    )


# Read for every name the article registers, and the same names recur: each is judged once.
@functools.lru_cache(maxsize=8192)
def plausible_name(text: str) -> bool:
    """Whether words can be a name as a reader sees it: every word capitalised but for particles
    ("Commission on Presidential Debates", "Ludwig van Beethoven"), not a date or a weekday
    alone ("Friday", "May 5"), not a byline ("Jane Roe / Metro News"). The recognizer's and the
    parse's mistakes ("Patriot 13 percent", "bloc") are not."""
    words = text.split()
    if not words or any(word in BYLINE_SEPARATORS for word in words):
        return False
    folded = [fold(word).strip(".,'’") for word in words]
    if all(word in CALENDAR or word.isdigit() for word in folded):
        return False
    return all(
        any(ch.isupper() for ch in word) or not word[0].isalpha() or low in PARTICLES
        for word, low in zip(words, folded, strict=True)
    )


def lone_word_match(word: str, name: tuple[str, ...]) -> int:
    """How one word stands for a name: 2 as the name itself or its surname ("Clinton"), 1 as its
    first word ("Hillary", "Goldman" for "Goldman Sachs", "Northwind" for "Northwind Corp"), 0
    not at all: a word inside a longer run ("Trump" is not "Washington Post Hit Piece Exploits
    Trump Supporter"), or the person an institution is named after ("Trump University", "the
    Clinton Foundation")."""
    surname = next((w for w in reversed(name) if w not in SUFFIXES), name[-1])
    if word == surname:
        return 2
    return 1 if word == name[0] and name[-1] not in NAMED_AFTER_WORDS else 0


def compatible_names(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if not short or not long:
        return False
    # "John Hale" and "John Hale Jr." are two people; "Hale" may be either.
    if len(short) > 1 and set(short) & SUFFIXES != set(long) & SUFFIXES:
        return False
    if len(short) == 1 < len(long):
        return lone_word_match(short[0], long) > 0
    if set(short) <= set(long):
        return True
    # Initials: "J. Smith" ~ "John Smith".
    if short[-1] == long[-1] and all(
        any(w.startswith(s[0]) for w in long[:-1]) for s in short[:-1]
    ):
        return True
    return len(short) > 1 and fuzz.ratio(" ".join(short), " ".join(long)) >= NAME_SIMILARITY


@define
class WrittenName:
    """One way an entity's name is written: its key and how often, in text and in headlines."""

    key: tuple[str, ...]
    in_text: int = 0
    in_title_lines: int = 0

    def rank(self, text: str, forms: list[WrittenName]) -> tuple[bool, bool, int, tuple]:
        """The order of `NameCluster.offer_name` among all `forms` of the name."""
        key = self.key
        # A headline's capitals hide which words are the name: trust one there that opens with a
        # first name ("Hillary Clinton Was Headed ...", not "Derelict Obama and Clinton").
        full = len(key) > 1 and (self.in_text > 0 or key[0] in FIRST_NAME_GENDER)
        if full:
            full = not any(_front_extends(key, other.key) for other in forms)
        # Written most often, counting the shorter full names it completes ("Bill de Blasio"
        # stands for each "De Blasio"), so that a run-on read once loses to the usual name.
        words = set(key)
        support = sum(
            other.in_text + other.in_title_lines
            for other in forms
            if len(other.key) > 1 and words.issuperset(other.key)
        )
        return full, self.in_text > 0, support, name_rank(text)


@define
class NameCluster:
    entity_id: int
    names: dict[tuple[str, ...], None] = field(factory=dict)  # an ordered set
    best_display: str = ""  # the name as the article writes it (see `offer_name`)
    written: dict[str, WrittenName] = field(factory=dict)  # each way the name is written
    labels: Counter = field(factory=Counter)
    mentions: dict[tuple[int, int], None] = field(factory=dict)  # character ranges, an ordered set
    words: set[str] = field(factory=set)  # every word of every mention: titles, appositions
    pronoun_gender: str | None = None  # from the first he/she linked to the entity
    # The recognizer's label for the longest name it tagged ("Amara Okoro" PERSON), and its length.
    full_name_label: tuple[int, str] | None = None

    def add_mention(self, start: int, end: int, text: str) -> None:
        if (start, end) not in self.mentions:
            self.mentions[(start, end)] = None
            self.words.update(word.strip(".,") for word in fold(text).split())

    def count_label(self, label: str, key: tuple[str, ...]) -> None:
        self.labels[label] += 1
        if len(key) > 1 and (self.full_name_label is None or len(key) > self.full_name_label[0]):
            self.full_name_label = (len(key), label)

    def offer_name(self, text: str, in_title_line: bool = False) -> None:
        """Keep the name as the article writes it: a full name before a lone surname, the full
        name written most often ("Donald Trump" over a run-on "Washington Post Trump"), then the
        most complete and the one in proper case ("Maria Lopez", not "MARIA LOPEZ"). A headline's
        capitals ("Obama Sees 'Personal Insult'") and words in front of a known full name
        ("Crooked Hillary Clinton", "Miss Universe Alicia Machado") are no way of writing it.
        Kept as it comes, so that reading the name costs nothing."""
        form = self.written.get(text)
        if form is None:
            form = self.written[text] = WrittenName(name_key(text))
        if in_title_line:
            form.in_title_lines += 1
        else:
            form.in_text += 1
        forms = list(self.written.values())
        self.best_display = max(self.written, key=lambda t: self.written[t].rank(t, forms))

    @property
    def text_names(self) -> list[tuple[str, ...]]:
        """The names the article writes outside headlines, else every name: a headline's run of
        capitals ("Gold Star Mom Corners Obama") is no evidence that "Obama" is its surname."""
        in_text = [form.key for form in self.written.values() if form.in_text]
        return in_text or list(self.names)

    @property
    def gender(self) -> str | None:
        """Evidence in order of strength: a title (Mr., Ms.), a first name, a linked pronoun."""
        return self.title_or_first_name_gender or self.pronoun_gender

    @property
    def title_or_first_name_gender(self) -> str | None:
        if self.words & MALE_TITLES:
            return "male"
        if self.words & FEMALE_TITLES:
            return "female"
        # A first name before a surname; else the one name of someone known by a first name alone
        # ("Jason"), unless it names a place ("Georgia"). A surname alone ("Scott" after "Rakeyia
        # Scott") is no first name.
        longest = max(self.names, key=len, default=())
        if len(longest) > 1:
            return FIRST_NAME_GENDER.get(longest[0])
        if longest and (self.labels["PERSON"] or not set(self.labels) & PLACE_LABELS):
            return FIRST_NAME_GENDER.get(longest[0])
        return None

    @property
    def named_as_organisation(self) -> bool:
        """Whether a name of the entity ends in a word for an organisation ("... Union")."""
        return any(key[-1] in ORGANISATION_NAME_WORDS for key in self.names)

    @property
    def may_be_person(self) -> bool:
        """Whether "he" or "she" may refer to the entity: the recognizer gave no label, or called
        it a person at least a third of the time ("Norton" tagged PERSON twice and ORG four
        times) or in its full name, or a title or a first name tells its gender."""
        if self.is_calendar:
            return False
        if not self.labels["PERSON"] and self.named_as_organisation:
            return False  # "Washington Area Music Association": no first name makes it a person
        if not self.labels:
            return self.type == EntityType.PERSON
        if self.type == EntityType.PERSON or 3 * self.labels["PERSON"] >= sum(self.labels.values()):
            return True
        return self.title_or_first_name_gender is not None or self.lone_surname

    @property
    def lone_surname(self) -> bool:
        """Whether the entity is one word the recognizer called an organisation once or twice
        but which reads as a surname: capitalised, not an acronym ("NATO"), no organisation word
        ("Union"), never after "the" ("the Kremlin", "the Smiths" of a family). The recognizer
        often takes a surname alone ("Meucci's finances") for a company; a word it calls one
        every time ("Congress") is one."""
        return (
            set(self.labels) == {"ORG"}
            and self.labels["ORG"] <= LONE_SURNAME_LABELS
            and "the" not in self.words
            and all(len(key) == 1 and key[0] not in ORGANISATION_NAME_WORDS for key in self.names)
            and not self.best_display.isupper()
            and self.best_display[:1].isupper()
        )

    @property
    def is_calendar(self) -> bool:
        """Whether every word of every name is a weekday, a month or a day ("Friday", "May 5"):
        a date the recognizer or a capitalised run took for a name."""
        return bool(self.names) and all(
            all(word in CALENDAR or word.isdigit() for word in key) for key in self.names
        )

    @property
    def name(self) -> str:
        best = self.best_display
        if best.isupper() and " " in best and self.type == EntityType.PERSON:
            return best.title()  # a headline's capitals are not the person's name
        return best

    @property
    def type(self) -> EntityType:
        if not self.labels:
            # A name the recognizer missed: an organisation when its last word says so
            # ("Teamsters Local 99" no, "Harbour Workers Union" yes), else a person.
            if self.named_as_organisation:
                return EntityType.ORG
            return EntityType.PERSON
        if self.full_name_label is not None and self.full_name_label[1] == "PERSON":
            # A full name read as a person's outweighs a surname read as a place or a firm
            # ("Amara Okoro" PERSON, then "Okoro" GPE four times).
            return EntityType.PERSON
        # The label counted most, the first counted on a tie: `most_common(1)` without its heap.
        label = max(self.labels.items(), key=operator.itemgetter(1))[0]
        return ENTITY_TYPES.get(label, EntityType.OTHER)


def name_rank(text: str) -> tuple[int, bool, int]:
    return (len(name_key(text)), not text.isupper(), len(text))


def _front_extends(key: tuple[str, ...], full_name: tuple[str, ...]) -> bool:
    """Whether `key` is a first name and surname with words in front that are no first names:
    an epithet or a title the recognizer took in ("Crooked Hillary Clinton")."""
    extra = len(key) - len(full_name)
    return (
        len(full_name) > 1
        and full_name[0] in FIRST_NAME_GENDER
        and extra > 0
        and key[extra:] == full_name
        and not any(word in FIRST_NAME_GENDER for word in key[:extra])
    )


def is_title_case(line: str) -> bool:
    """Whether a line is set in title case, as headlines and section heads are: two words or
    more, every word of four letters or more capitalised ("Obama Sees 'Personal Insult' if ...")."""
    words = [word.strip(QUOTE_MARKS + "([") for word in line.split()]
    words = [word for word in words if word[:1].isalpha()]
    return len(words) > 1 and all(word[0].isupper() for word in words if len(word) > 3)


# As `plausible_name`: each way a name is written is cleaned once.
@functools.lru_cache(maxsize=8192)
def display_name(text: str) -> str:
    """The name as written, without titles or lower-case words in front ("the federal
    Securities and Exchange Commission") and possessive 's; an institution keeps the titles its
    name holds ("Democratic National Committee", see `is_institution`). An agent noun in front
    of a first name is a role the recognizer took in ("Striker Jonas Berg"), and so is a listed
    noun for people ("Soprano Ingrid Halvorsen"), or one in the singular before two name words
    ("Analyst Ming-Chi Kuo"; "Citizens for Tax Justice" is a body's name), unless a first name
    itself ("Walker Evans"); any other word may be one ("Cornell William Brooks", "Baker Hughes
    Inc"). A headline's kind of company goes too ("Startup Lumen")."""
    words = text.replace("’", "'").split()
    dropped = INSTITUTION_ARTICLES if is_institution([fold(word) for word in words]) else TITLES
    while len(words) > 1:
        first = words[0].strip(".").lower()
        # "the federal Harbour and Rivers Commission": a name begins with a capital
        lowercase = words[0].islower() and fold(first) not in PARTICLES
        descriptor = fold(first) in COMPANY_DESCRIPTORS  # "Startup Lumen": a headline's kind
        if first in dropped or lowercase or descriptor or _role_before_name(fold(first), words[1:]):
            words.pop(0)
        else:
            break
    while len(words) > 1 and words[-1].lower() in TRAILING_FUNCTION_WORDS:
        words.pop()  # an entity span the NER ran one word too far ("Ketil Okafor of")
    # Quote marks the recognizer took in ("Ava DuVernay's ‘Selma’") go before the possessive.
    cleaned = " ".join(words).strip(QUOTE_MARKS).removesuffix("'s")
    return cleaned.strip(" ,.;:")


def _role_before_name(word: str, rest: list[str]) -> bool:
    """Whether `word` (folded), before the name words `rest`, is a role, not a first name: an
    agent noun or a noun for people before a first name ("Striker Jonas Berg"), or a listed noun
    for people in the singular before two capitalised words ("Analyst Ming-Chi Kuo"; "Citizens
    for Tax Justice" and "Mothers Against Drunk Driving" are bodies' names)."""
    if len(rest) < 2 or word in FIRST_NAME_GENDER:
        return False
    if word in PERSON_NOUNS and rest[0][:1].isupper():
        return True
    return fold(rest[0]) in FIRST_NAME_GENDER and (
        word.endswith(AGENT_NOUN_SUFFIXES) or is_person_noun(word)
    )


def person_words(ents: tuple[Span, ...]) -> frozenset[str]:
    """The words of the people the recognizer found in the article, lower-cased."""
    return frozenset(token.lower_ for ent in ents if ent.label_ == "PERSON" for token in ent)
