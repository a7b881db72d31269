"""Speakers described but not named. A definite description ("the senator", "the company", "the
union") refers to an entity introduced with its words or of its kind; a group ("most of the 40
nurses", "shelter users") is named by its own noun phrase, so that a table of who is quoted stays
complete; an anonymous source ("a source", "officials") and a bare plural ("experts") are not."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from ..records import EntityType
from .descriptions import DescriptionResolution
from .lexicon import word_groups, word_list
from .mention_spans import names_in
from .mentions import MentionKind, ResolvedMention
from .morphology import plural
from .names import NameCluster, fold, name_key, proper_noun_run
from .people import (
    PERSON_NOUNS,
    QUANTIFIERS,
    RELATION_NOUNS,
    ROLE_NOUNS,
    is_person_noun,
    names_a_person,
)
from .pronouns import FEMALE, MALE, other_party
from .syntax import DASHES, DOCUMENT_NOUNS, NAME_LABELS, ORG_NOUNS, SPEAKER_LABELS

TITLE_EQUIVALENTS = word_groups("title_equivalents")  # "sen" -> {"sen", "senator"}
NAMED_ORG_NOUNS = word_groups("named_organisation_nouns")  # "union" -> {"union", ...}
INDEFINITE = word_list("indefinite_determiners")
DEFINITE = word_list("definite_determiners")
PLACE_NOUNS = word_list("place_nouns")
# How many paragraphs back a nominal ("the president") looks for its referent.
NOMINAL_WINDOW = 6
NAMED_NEXT_WINDOW = 1  # paragraphs after a description where the person it describes is named
LEAD_PARAGRAPHS = 4  # headline, byline, dateline and lead: where news describes before naming
ARTICLE = 1_000_000  # a window of paragraphs that is the whole article
LABEL_MARKS = frozenset({":", *DASHES})  # between a label or a description and what it says
BODIES = frozenset(form for noun in ORG_NOUNS for form in (noun, plural(noun)))  # "parties"
WHEN = frozenset({"DATE", "TIME"})  # entity labels of a date ("a 2014 study", "on Friday")
GENERIC_PEOPLE = word_list("generic_people_nouns")  # "people familiar with the talks"
# "the 51-year-old": a person known by age, as by a role.
AGE_EPITHET = re.compile(r"\b\d+-year-old$", re.IGNORECASE)
JURISDICTION_ADJECTIVES = word_list("jurisdiction_adjectives")  # "the federal government"
# Dependents that describe a group: "federal prosecutors", "the 40 nurses", "shelter users",
# "attorneys for the family", "nurses who work nights".
DESCRIBING_DEPS = frozenset({"amod", "compound", "nummod", "prep", "poss", "acl", "relcl", "nmod"})


def descriptive_phrase(span: Span, anonymous: frozenset[str]) -> Span | None:
    """The noun phrase that names a group speaker the article describes rather than names, else
    None: the span itself, or, for a quantifier ("Most"), the phrase it heads ("Most of the 40
    nurses").

    The head must be a plural common noun, or a singular one that names a person ("a New York
    judge"), that is neither an anonymous source noun nor a document, and the phrase must say
    which group or person it is: a modifier other than a determiner, a pronoun or (for one
    person) a number, or a quantifier over it ("most of the nurses")."""
    root = span.root
    head, quantified = root, False
    if root.lower_ in QUANTIFIERS:
        head = _quantified_group(root) or root
        quantified = head.i != root.i
        if quantified:
            span = span.doc[
                min(span.start, root.left_edge.i) : max(span.end, root.right_edge.i + 1)
            ]
    if head.lower_ in DOCUMENT_NOUNS:
        return _document_description(span, head)
    if head.lower_ in GENERIC_PEOPLE:
        return None
    if head.lower_ in anonymous:
        # An unnamed source is named by where it is from ("a Democratic source on the panel",
        # "campaign aides"), not by how it spoke ("officials who asked not to be named") or by
        # rank ("senior officials"); its hedge still says the sourcing is unnamed.
        return _source_affiliation(span, head)
    # One person described ("a New York judge", "a spokeswoman for the campaign"), not by a
    # number alone ("one questioner"); only nouns listed as people's, as a singular's suffix
    # says little ("a controversial comment", "brain cancer").
    one_person = (
        head.tag_ == "NN"
        and not quantified
        and (
            head.lower_ in PERSON_NOUNS
            or head.lower_ in ROLE_NOUNS
            or head.lower_ in RELATION_NOUNS
        )
    )
    if head.tag_ != "NNS" and not one_person:
        return None
    describing = [
        child
        for child in head.children
        if child.dep_ in DESCRIBING_DEPS
        and span.start <= child.i < span.end
        and child.tag_ not in ("PRP", "PRP$")
        and not (one_person and child.dep_ in ("nummod", "poss"))
    ]
    # "attorneys for the family", "advisers to Mr. Obama": the group's own prepositional phrase,
    # which the speaker mention may have left out.
    after = [c for c in head.rights if c.dep_ == "prep" and c.i >= span.end and not _when(c)]
    if after and span.end == head.i + 1:
        describing += after
        span = span.doc[span.start : max(c.right_edge.i for c in after) + 1]
    if not describing and not quantified:
        return None
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def described_body(span: Span) -> Span | None:
    """The noun phrase that names a body the article describes rather than names ("the commerce
    ministry", "the federal government", "a House panel"), else None: an organisation noun with
    a noun or a jurisdiction before it; "the company" and "the new agency" say not which."""
    head = span.root
    if head.lower_ not in ORG_NOUNS:
        return None
    if not any(
        span.start <= child.i < span.end
        and (
            (child.dep_ == "compound" and child.tag_.startswith("NN"))
            or (
                child.dep_ == "amod"
                and (child.ent_type_ == "NORP" or child.lower_ in JURISDICTION_ADJECTIVES)
            )
        )
        for child in head.children
    ):
        return None
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _document_description(span: Span, head: Token) -> Span | None:
    """The phrase that says which document speaks when the article names no author ("a 2014
    study that appeared in the journal", "court records", "a document on the campaign's
    website"), else None: "the report" and "a new poll" say not which."""
    described = [
        child
        for child in head.children
        if (
            span.start <= child.i < span.end
            and (
                child.dep_ == "compound"
                or (child.dep_ in ("amod", "nummod") and child.ent_type_ in NAME_LABELS | WHEN)
            )
        )
        or (child.dep_ == "prep" and child.i > head.i and not _when(child))
        or (child.dep_ in ("acl", "relcl") and child.i > head.i)
    ]
    return _through(span, described)


def _through(span: Span, dependents: list[Token]) -> Span | None:
    """`span` run on to the end of the last of `dependents`, without trailing punctuation; None
    when there are none."""
    # Not past a colon or a dash: "Poll: Clinton and Trump in dead heat" is what it found.
    stop = next((t.i for t in span.doc[span.start : span.sent.end] if t.text in LABEL_MARKS), None)
    if stop is not None:
        dependents = [c for c in dependents if c.right_edge.i < stop]
    if not dependents:
        return None
    end = max(max(c.right_edge.i for c in dependents) + 1, span.end)
    found = span.doc[span.start : end]
    while len(found) > 1 and (found[-1].is_punct or found[-1].is_space):
        found = found[:-1]
    return found


def _source_affiliation(span: Span, head: Token) -> Span | None:
    """The phrase that names an anonymous source by its affiliation, else None (see
    `descriptive_phrase`)."""
    affiliations = [
        child
        for child in head.children
        if (child.dep_ == "compound" and span.start <= child.i < span.end)
        or (
            child.dep_ == "amod"
            and span.start <= child.i < span.end
            and (
                child.ent_type_ in NAME_LABELS
                or child.lower_ in JURISDICTION_ADJECTIVES
                or any(c.dep_ == "prep" for c in child.children)  # "a source close to her"
            )
        )
        or (child.dep_ == "prep" and child.i >= head.i and _names_a_body(child))
    ]
    return _through(span, affiliations)


def _names_a_body(preposition: Token) -> bool:
    """Whether a prepositional phrase names who a source is with: a name, a body or people
    ("on the House panel", "from both parties", "close to the family"), not where it is
    ("officials in the city")."""
    objects = [c for c in preposition.children if c.dep_ == "pobj"]
    return any(
        token.ent_type_ in SPEAKER_LABELS or token.lower_ in BODIES or is_person_noun(token.lower_)
        for pobj in objects
        for token in pobj.subtree
    )


def _when(preposition: Token) -> bool:
    """Whether a prepositional phrase says when, not who ("leaders on Friday")."""
    return any(child.dep_ == "pobj" and child.ent_type_ in WHEN for child in preposition.children)


def _quantified_group(quantifier: Token) -> Token | None:
    """The group of "most of the nurses"."""
    for child in quantifier.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


class NominalResolution(DescriptionResolution):
    """The definite-description methods of `EntityResolver`, which holds the entities and the
    paragraphs these methods read."""

    def _resolve_nominal(
        self, head: str, text: str, start: int, end: int, previous: list[tuple[int, NameCluster]]
    ) -> ResolvedMention:
        words = set(fold(text).split())
        named_next = False  # the entity is the person named just after the description
        if head in PLACE_NOUNS:
            # "the state" after "Ohio": a place named before, not "Secretary of State Jon Husted".
            kind = EntityType.GPE
            place = self._latest_place(start)
            entity = None if place is None else self.add_name(*place, "GPE")
        elif head in ORG_NOUNS:
            kind = EntityType.ORG
            # "the company" is any company named before it; "the union" only a body whose name
            # says it is one ("the Teamsters", "the Association of Flight Attendants").
            own_words = NAMED_ORG_NOUNS.get(head)
            if own_words is None:
                entity = self._recent(start, previous, {kind}, None)
            else:
                entity = self._titled(start, own_words, words, NOMINAL_WINDOW, {kind})
                facility = None if entity is not None else self._facility(start, own_words)
                if facility is not None:
                    # "the hospital" after "St. Mary's Hospital", which the recognizer took for
                    # a building: the institution that speaks.
                    entity = self.add_name(*facility, "ORG")
        elif self._plural_head(start, end):
            # "27 companies", "the senators": a group, no one entity's title ("United States
            # companies" wrote the word beside the name of a country).
            kind, entity = EntityType.PERSON, None
        else:
            # "the president": an entity introduced with that title or apposition ("the senator"
            # after "Sen. Ted Cruz"), of no other party ("the Democratic candidate" is not
            # "Libertarian candidate Gary Johnson").
            titles = TITLE_EQUIVALENTS.get(head, frozenset({head}))
            entity = self._titled(start, titles, words, NOMINAL_WINDOW)
            kind = EntityType.PERSON
            if entity is None and head not in self._anonymous:
                # A title used long after the person was introduced with it ("the nominee").
                entity = self._titled(start, titles, words, ARTICLE)
            if entity is None and head not in self._anonymous:
                # News style describes first and names after: "A federal judge sentenced ...
                # \n\n U.S. District Judge Helen Marsh said".
                entity = self._named_next(start, titles, words)
                named_next = entity is not None
            if (
                entity is None
                and (head in ROLE_NOUNS or AGE_EPITHET.search(text) is not None)
                and not words & INDEFINITE
            ):
                # A role the article never wrote with the name ("the GOP nominee" after "Donald
                # Trump"): an epithet, which refers to a salient person as a pronoun does.
                span = self.doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    self._previous = previous
                    self._advance(span.root.i)
                    entity = self._epithet_referent(span.root, start, words, previous)
        if entity is None and words & DEFINITE:
            # "A European diplomat said ... the diplomat said": the one described before
            entity = self._described_before(head, start, NOMINAL_WINDOW)
            if entity is not None:
                entity.add_mention(start, end, text)
                return ResolvedMention(entity, entity.type, MentionKind.NOMINAL)
        if entity is None or (words & INDEFINITE and not named_next):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            described = None if span is None else descriptive_phrase(span, self._anonymous)
            if described is None and span is not None and kind == EntityType.ORG:
                described = described_body(span)
            if described is None:
                return ResolvedMention(None, kind, MentionKind.NOMINAL)
            start, end = described.start_char, described.end_char
            group = self._described(described.text, start, end, described.text)
            return ResolvedMention(group, group.type, MentionKind.DESCRIPTIVE, (start, end))
        entity.add_mention(start, end, text)
        return ResolvedMention(entity, entity.type, MentionKind.NOMINAL)

    def _plural_head(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        # (A capitalised word tagged so is a name the tagger missed: "Sanders:" in a headline.)
        return span is not None and span.root.tag_ == "NNS" and span.root.is_lower

    def _possessed(
        self, span: Span, previous: list[tuple[int, NameCluster]]
    ) -> ResolvedMention | None:
        """A person known by someone else's name ("Trump's attorney", "his wife", "a Clinton
        spokesman"): a description with the possessor named ("Donald Trump's attorney"), not the
        possessor, who is someone else. A document or a body of the possessor ("his letter",
        "Clinton's campaign") is left to speak for them, and a name beside the noun ("Trump's
        attorney, Michael Cohen,") names the speaker itself. None when that is not the case or
        the possessor cannot be named."""
        root = span.root
        if root.tag_ not in ("NN", "NNS") or not names_a_person(root):
            return None
        # "Trump's attorney", or a person's name before the noun ("Trump supporters", "a Clinton
        # spokesman"): an organisation's there may speak for it ("White House officials").
        possessor = next(
            (
                c
                for c in root.children
                if span.start <= c.i < span.end
                and (c.dep_ == "poss" or (c.dep_ == "compound" and self._is_persons_name(c)))
            ),
            None,
        )
        if possessor is None:
            return None
        owned_from = possessor.right_edge.i + 1  # past "'s"
        if any(ent.start >= owned_from for ent in names_in(span, NAME_LABELS)):
            return None
        if possessor.lower_ == "my":  # the writer's, outside quote marks ("my father said")
            writer = (
                None if self._quotes.contains(possessor.idx) else self._writers.at(possessor.idx)
            )
            owner = None if writer is None else self.writer(writer)
        elif possessor.tag_ == "PRP$":
            if possessor.lower_ not in MALE | FEMALE:
                return None
            self._previous = previous
            self._advance(possessor.i + 1)
            owner = self._pronouns.get(possessor.i)
        else:
            # The possessor's name, tagged or not ("Lopez's husband" with "Lopez" untagged).
            names = names_in(self.doc[possessor.left_edge.i : owned_from], NAME_LABELS)
            name = (
                names[-1]
                if names
                else proper_noun_run(self.doc[possessor.left_edge.i : owned_from])
            )
            owner = (
                self._match(name_key(possessor.text), possessor.idx)  # "Trump" tagged a noun
                if name is None
                else self.add_name(name.start_char, name.end_char, name.label_ or None)
            )
        owned = self.doc[owned_from : span.end]
        while len(owned) > 1 and owned[-1].is_punct:
            owned = owned[:-1]
        if owner is None or not owner.name or not len(owned):
            return None
        start, end = span.start_char, owned.end_char
        group = self._described(f"{owner.name}'s {owned.text}", start, end, self.text[start:end])
        return ResolvedMention(group, group.type, MentionKind.DESCRIPTIVE, (start, end))

    def _is_persons_name(self, word: Token) -> bool:
        """Whether a word before a noun is a person's name: tagged one, or a capitalised word of
        a person the article named in full ("Trump aides" with "Trump" tagged a common noun;
        not "World leaders" after "the World has not witnessed")."""
        if word.ent_type_:
            return word.ent_type_ == "PERSON"
        key = name_key(word.text)
        return (
            word.is_title
            and len(key) == 1
            and any(
                e.type == EntityType.PERSON and any(len(name) > 1 for name in e.names)
                for e in self._by_word.get(key[0], {}).values()
            )
        )

    def _latest_place(self, start: int) -> tuple[int, int] | None:
        """The character range of the latest place the recognizer named before `start`, within
        `NOMINAL_WINDOW` paragraphs."""
        i = bisect.bisect_left(self._places, (start,)) - 1
        if (
            i < 0
            or self.paragraph_of(start) - self.paragraph_of(self._places[i][0]) > NOMINAL_WINDOW
        ):
            return None
        return self._places[i]

    def _facility(self, start: int, own_words: frozenset[str]) -> tuple[int, int] | None:
        """The character range of the latest building the recognizer named before `start`,
        within `NOMINAL_WINDOW` paragraphs, whose name holds one of `own_words`."""
        paragraph = self.paragraph_of(start)
        for i in range(bisect.bisect_left(self._facilities, (start,)) - 1, -1, -1):
            begin, end, words = self._facilities[i]
            if paragraph - self.paragraph_of(begin) > NOMINAL_WINDOW:
                return None
            if words & own_words:
                return begin, end
        return None

    def _titled(
        self,
        start: int,
        titles: frozenset[str],
        words: set[str],
        window: int,
        types: set[EntityType] | None = None,
    ) -> NameCluster | None:
        """The latest entity within `window` paragraphs written with one of `titles` (and of one
        of `types`, if given)."""
        return next(
            (
                e
                for e in self._recent_entities(start, window)
                if titles & e.words
                and not other_party(words, e.words)
                and (types is None or e.type in types)
            ),
            None,
        )

    def _named_next(
        self, start: int, titles: frozenset[str], words: set[str]
    ) -> NameCluster | None:
        """The first person the article names after `start`, in the same or the next paragraph,
        with one of `titles` (and of no other party), when the description is the first
        mention of anyone so titled (the caller looked back first): the person a news lead
        describes before it names them. An indefinite one ("a senator") past the lead may be
        anyone so titled."""
        paragraph = self.paragraph_of(start)
        if words & INDEFINITE and paragraph >= LEAD_PARAGRAPHS:
            return None
        at = bisect.bisect_right(self._name_mentions, start, key=lambda item: item[0])
        for char, entity in self._name_mentions[at:]:
            if self.paragraph_of(char) - paragraph > NAMED_NEXT_WINDOW:
                return None
            if (
                self._first_seen[entity.entity_id] > start
                and entity.may_be_person
                and titles & entity.words
                and not other_party(words, entity.words)
            ):
                return entity
        return None
