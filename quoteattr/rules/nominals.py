"""Speakers described but not named. A definite description ("the senator", "the company", "the
union") refers to an entity introduced with its words or of its kind; what it does not, a group
or a person described ("most of the 40 nurses", "a spokeswoman for the campaign"), is named by
its own noun phrase (`descriptions`); an anonymous source ("a source", "officials") and a bare
plural ("experts") are not."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from ..records import EntityType
from .descriptions import DescriptionResolution, described_body, descriptive_phrase
from .lexicon import word_groups, word_list
from .mention_spans import names_in, proper_noun_run
from .mentions import MentionKind, ResolvedMention
from .names import NameCluster, fold, name_key
from .people import ROLE_NOUNS, is_person_noun, names_a_person
from .pronouns import FEMALE, MALE, other_party
from .syntax import NAME_LABELS, ORG_NOUNS

TITLE_EQUIVALENTS = word_groups("title_equivalents")  # "sen" -> {"sen", "senator"}
NAMED_ORG_NOUNS = word_groups("named_organisation_nouns")  # "union" -> {"union", ...}
GENERIC_ORG_NOUNS = word_list("generic_organisation_nouns")
INDEFINITE = word_list("indefinite_determiners")
DEFINITE = word_list("definite_determiners")
PLACE_NOUNS = word_list("place_nouns")
# How many paragraphs back a nominal ("the president") looks for its referent.
NOMINAL_WINDOW = 6
NAMED_NEXT_WINDOW = 1  # paragraphs after a description where the person it describes is named
LEAD_PARAGRAPHS = 4  # headline, byline, dateline and lead: where news describes before naming
ARTICLE = 1_000_000  # a window of paragraphs that is the whole article
# "the 51-year-old": a person known by age, as by a role.
AGE_EPITHET = re.compile(r"\b\d+-year-old$", re.IGNORECASE)


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
            if self._owned_by_name(start, end):
                # "the city's small-business office": a body its owner names, no body before
                entity = None
            elif own_words is None:
                # "the charity" is no "Bristol Crown Court": a name that says its kind
                of_kind = None if head in GENERIC_ORG_NOUNS else _not_of_a_named_kind
                entity = self._recent(start, previous, {kind}, None, agrees=of_kind)
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

    def _owned_by_name(self, start: int, end: int) -> bool:
        """Whether the mention's head has a noun for its possessor ("the city's office", not
        "its office")."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is not None and any(
            child.dep_ == "poss" and child.tag_ != "PRP$" for child in span.root.children
        )

    def _plural_head(self, start: int, end: int) -> bool:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        # (A capitalised word tagged so is a name the tagger missed: "Sanders:" in a headline;
        # but a listed noun for people opening a sentence is a group: "Nurses said".)
        return (
            span is not None
            and span.root.tag_ == "NNS"
            and (
                span.root.is_lower or (span.root.is_sent_start and is_person_noun(span.root.lower_))
            )
        )

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


def _not_of_a_named_kind(entity: NameCluster) -> bool:
    """Whether no name of the entity says what kind of body it is ("Bristol Crown Court", "the
    Teamsters Union"): only such a body may be taken up by a noun its name does not hold."""
    return not any(word in NAMED_ORG_NOUNS for key in entity.names for word in key)
