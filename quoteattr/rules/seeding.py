"""Registering the article's names before any mention is resolved: every PERSON and ORG the
recognizer found, and the proper-noun subjects it missed, in document order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span

from .arrays import indices
from .mention_spans import noun_phrase, with_name_number
from .names import CALENDAR, FIRST_NAME_GENDER, fold, name_key, person_words
from .naming import is_common_noun_name, is_title_word, person_read_into_organisation
from .nominals import NAMED_ORG_NOUNS
from .syntax import PROPER_NOUN_TAGS, SUBJECT_NAME_DEPS, joins_names, proper_name_start

# Labels the recognizer gives a surname it takes for a place or a people ("Okonkwo", "Jordan").
SURNAME_LOOKALIKE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})

if TYPE_CHECKING:
    from .speakers import EntityResolver


def seed_names(resolver: EntityResolver) -> None:
    """Register every PERSON and ORG the NER found, so later surnames and pronouns can refer to
    them. The whole noun phrase around the name is a mention too: its titles and appositions
    ("Finance Minister Maria Lopez", "Anna Weber, the president,") tell gender and what "the
    minister" means. A proper noun the NER left out is a name too when it is the subject of a
    verb ("Byron received his education"): subjects are who acts, and pronouns go back to them;
    not after "the" ("the Met needed"), which names a body or a place.
    Names are registered in document order, so that a surname goes to whoever was named before
    it, not after."""
    doc, arrays = resolver.doc, resolver.arrays
    seeds: list[tuple[int, int, Span | None]] = []  # (first token, end token, the NER's name)
    people = person_words(resolver.ents)
    for ent in resolver.ents:
        while len(ent) > 1 and ent[0].tag_.startswith("VB"):
            # 'Said Ellis: "..."': an inverted cue the NER took into the name
            ent = Span(ent.doc, ent.start + 1, ent.end, label=ent.label)
        # "9:50 a.m. — Airport closes": the dash of a heading is no part of a name
        start, end = ent.start, ent.end
        while start < end and doc[start].is_punct:
            start += 1
        while end > start and doc[end - 1].is_punct:
            end -= 1
        if start == end:
            continue
        if (start, end) != (ent.start, ent.end):
            ent = Span(doc, start, end, label=ent.label)
        if ent.label_ == "ORG" and _portfolio(ent):
            continue  # "Transport Minister Colin Reyes": a title's portfolio, no body that speaks
        if ent.label_ == "ORG" and with_name_number(doc, ent.end) > ent.end:
            ent = Span(doc, ent.start, ent.end + 1, label=ent.label)  # "Teamsters Local" 99
        if ent.label_ == "ORG":
            ent = person_read_into_organisation(ent) or ent
        # "Reyes denied it", tagged a common noun opening its sentence: a person's surname still
        common = is_common_noun_name(ent) and not all(t.lower_ in people for t in ent)
        if ent.label_ in ("PERSON", "ORG") and not common:
            ent = _with_untagged_front(ent)
            seeds.append((ent.start, ent.end, ent))
    seeds.extend(_surnames_tagged_as_places(resolver.ents))
    seeds.extend(_people_tagged_as_places(resolver.ents))
    seeds.extend(_untagged_bodies(resolver))
    untagged_subjects = (
        arrays.tag(lambda tag: tag == "NNP")
        & arrays.dep(SUBJECT_NAME_DEPS.__contains__)
        & ~arrays.has_entity_type()
    )
    tagged_words = {token.lower_ for ent in resolver.ents for token in ent}
    for i in indices(untagged_subjects):
        start = proper_name_start(doc[i])
        if start > 0 and doc[start - 1].lower_ == "the":
            continue  # "the Met needed a soprano": a body or a place, which nobody calls "she"
        if start == i and doc[i].is_sent_start and doc[i].lower_ not in tagged_words:
            if doc[i].lower_ in resolver.lower_case_words:
                continue  # "Startup says ..." above "a two-year-old startup": a common noun
        if not any(doc[k].lower_ in CALENDAR for k in range(start, i + 1)):
            seeds.append((start, with_name_number(doc, i + 1), None))
    for start, end, ent in sorted(seeds, key=lambda seed: seed[0]):
        if ent is None:
            resolver.add_name(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), None)
            continue
        entity = resolver.add_name(ent.start_char, ent.end_char, ent.label_)
        phrase_start, phrase_end = noun_phrase(ent.root)
        if (
            entity is not None
            and (phrase_start, phrase_end) != (ent.start, ent.end)
            and phrase_start <= ent.start
            and ent.end <= phrase_end
        ):
            phrase = doc[phrase_start:phrase_end]
            entity.add_mention(phrase.start_char, phrase.end_char, phrase.text)
    _share_surnames(resolver)


def _share_surnames(resolver: EntityResolver) -> None:
    """'Rosa and Elena Ferraro': a first name coordinated with a full name shares its surname,
    so that Rosa is named Rosa Ferraro. The surname alone still goes to the full name's entity,
    as the article wrote it."""
    doc, ents = resolver.doc, resolver.ents
    for first, full in zip(ents, ents[1:]):
        if (
            first.label_ == full.label_ == "PERSON"
            and len(first) == 1
            and len(full) > 1
            and full.start == first.end + 1
            and doc[first.end].lower_ in ("and", "&")
            and fold(first.text) in FIRST_NAME_GENDER
            and fold(full[0].text) in FIRST_NAME_GENDER
        ):
            entity = resolver.add_name(first.start_char, first.end_char, "PERSON")
            if entity is not None:
                name = f"{first.text} {full[1:].text}"
                entity.names[name_key(name)] = None
                entity.offer_name(name)


def _with_untagged_front(ent: Span) -> Span:
    """The name with the proper nouns before it that the recognizer left out but the parser joined
    to it ("Lumen Silicon", tagged "Silicon"): untagged, compounds of a word of the name, and no
    title ("Senator", "Del.")."""
    doc, start = ent.doc, ent.start
    while start > 0:
        word = doc[start - 1]
        if (
            word.tag_ not in PROPER_NOUN_TAGS
            or word.ent_type
            or word.dep_ != "compound"
            or not ent.start <= word.head.i < ent.end
            or is_title_word(word.lower_)
            or word.lower_ in CALENDAR
        ):
            break
        start -= 1
    return ent if start == ent.start else Span(doc, start, ent.end, label=ent.label)


def _untagged_bodies(resolver: EntityResolver) -> list[tuple[int, int, Span | None]]:
    """A body's proper name the recognizer left out, of two proper nouns or more ending in a
    word for a kind of body ("Foreign Ministry spokesperson Lin Mei", "the Interior Department
    said"): an organisation, which "the ministry" may refer to later."""
    doc, arrays = resolver.doc, resolver.arrays
    untagged = arrays.tag(PROPER_NOUN_TAGS.__contains__) & ~arrays.has_entity_type()
    found = []
    for i in indices(untagged):
        if doc[i].lower_ not in NAMED_ORG_NOUNS or (i + 1 < len(doc) and untagged[i + 1]):
            continue
        start = i
        while start > 0:
            if untagged[start - 1] and doc[start - 1].head.i >= start - 1:
                start -= 1
            elif start > 1 and untagged[start - 2] and joins_names(doc[start - 1]):
                start -= 2  # "Charlotte-Mecklenburg Police Department"
            else:
                break
        if start < i:
            found.append((start, i + 1, Span(doc, start, i + 1, label="ORG")))
    return found


def _portfolio(ent: Span) -> bool:
    """Whether an organisation the recognizer found is the portfolio of a title before a
    person's name ("Transport Minister Colin Reyes", "Health Secretary Ann Lee")."""
    doc = ent.doc
    title = doc[ent.end] if ent.end < len(doc) else None
    return (
        title is not None
        and is_title_word(title.lower_)
        and title.ent_type_ == ""
        and ent.end + 1 < len(doc)
        and doc[ent.end + 1].ent_type_ == "PERSON"
    )


def _surnames_tagged_as_places(ents: tuple[Span, ...]) -> list[tuple[int, int, None]]:
    """A lone word the recognizer tagged a place or a group that is the surname of a person named
    before it ("Chidi Okonkwo scored ... Okonkwo, 19, was asked", the second tagged GPE): news
    style keeps the bare surname for the person, so it is a name to match, not a place."""
    surnames: dict[str, int] = {}  # a person's last name word -> where the person is first named
    for ent in ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            surnames.setdefault(ent[-1].lower_, ent.start)
    found = []
    for ent in ents:
        if (
            ent.label_ in SURNAME_LOOKALIKE_LABELS
            and len(ent) == 1
            and ent[0].tag_ in PROPER_NOUN_TAGS
            and surnames.get(ent[0].lower_, ent.start) < ent.start
        ):
            found.append((ent.start, ent.end, None))
    return found


# The ages news gives in an apposition after a person's name ("Adeyemi, 22, scored").
AGES = range(1, 111)


def _people_tagged_as_places(ents: tuple[Span, ...]) -> list[tuple[int, int, Span]]:
    """Names the recognizer tagged a place or a people that the article gives an age ("Kemi
    Adeyemi ... Adeyemi, 22, has scored"), or that open with a first name and whose surname it
    tags a person elsewhere ("Agnes Moore climbed ..." a place, "Moore says" a person): a place
    has no age and no first name, so each mention of the name (the full name and the surname
    alone) is a person's."""
    surnames = {ent[-1].lower_ for ent in ents if ent.label_ == "PERSON"}
    people_words: set[str] = set()
    for ent in ents:
        if ent.label_ not in SURNAME_LOOKALIKE_LABELS:
            continue
        if (
            len(ent) > 1
            and ent[0].lower_ in FIRST_NAME_GENDER
            and ent[-1].lower_ in surnames
            and all(t.tag_ in PROPER_NOUN_TAGS for t in ent)
        ):
            people_words.add(ent[-1].lower_)
            continue
        after = ent.doc[ent.end : ent.end + 3]
        if (
            ent[-1].tag_ in PROPER_NOUN_TAGS
            and len(after) == 3
            and after[0].text == ","
            and after[1].text.isdigit()
            and int(after[1].text) in AGES
            and after[2].text == ","
        ):
            people_words.add(ent[-1].lower_)
    if not people_words:
        return []
    return [
        (ent.start, ent.end, Span(ent.doc, ent.start, ent.end, label="PERSON"))
        for ent in ents
        if ent.label_ in SURNAME_LOOKALIKE_LABELS
        and ent[-1].lower_ in people_words
        and all(t.tag_ in PROPER_NOUN_TAGS for t in ent)
    ]
