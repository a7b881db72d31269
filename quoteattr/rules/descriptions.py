"""Entities named by their description: which noun phrase describes a group, a person, a body
or a document the article does not name ("most of the 40 nurses", "A European diplomat", "the
commerce ministry", `descriptive_phrase`, `described_body`), one entity per description, and a
definite description that takes one up again with its head noun ("the diplomat said"). So a
table of who is quoted stays complete; an anonymous source and a bare plural keep no name."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .lexicon import DASHES, word_list
from .morphology import plural
from .names import NameCluster, fold
from .people import PERSON_NOUNS, QUANTIFIERS, RELATION_NOUNS, ROLE_NOUNS, is_person_noun
from .syntax import DOCUMENT_NOUNS, NAME_LABELS, ORG_NOUNS, SPEAKER_LABELS

DESCRIBED_LABEL = "DESCRIBED"  # the label of a group entity named by its description (OTHER)
LABEL_MARKS = frozenset({":", *DASHES})  # between a label or a description and what it says
BODIES = frozenset(form for noun in ORG_NOUNS for form in (noun, plural(noun)))  # "parties"
WHEN = frozenset({"DATE", "TIME"})  # entity labels of a date ("a 2014 study", "on Friday")
GENERIC_PEOPLE = word_list("generic_people_nouns")  # "people familiar with the talks"
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
    # A relative clause set off by a comma says more of whom it describes, not which it is ("a
    # spokesman for the club, which reopened on Friday"; "lawyers for the men who were arrested"
    # keeps its clause).
    doc = span.doc
    set_off = next(
        (
            t.left_edge.i
            for t in span
            if t.dep_ == "relcl"
            and span.start < t.left_edge.i
            and doc[t.left_edge.i - 1].text == ","
        ),
        None,
    )
    if set_off is not None:
        span = doc[span.start : set_off]
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


class DescriptionResolution:
    """The description methods of `EntityResolver`, which holds the entities and paragraphs."""

    doc: Doc
    entities: list[NameCluster]
    _descriptions: dict[str, NameCluster]  # folded description -> entity (set by the resolver)
    _plural_groups: set[int]  # the described entities that are groups (set by the resolver)
    paragraph_of: Callable[[int], int]  # the resolver's

    def _described(self, name: str, start: int, end: int, text: str) -> NameCluster:
        """The entity of a group, a person or a body named by its description (typed OTHER),
        one per description: it is kept out of the name index, so that no name joins it."""
        key = fold(name)
        entity = self._descriptions.get(key)
        if entity is None:
            entity = NameCluster(entity_id=len(self.entities), best_display=name)
            entity.labels[DESCRIBED_LABEL] += 1
            self.entities.append(entity)
            self._descriptions[key] = entity
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is not None and span.root.tag_ == "NNS":
                self._plural_groups.add(entity.entity_id)  # whom a "they" may take up
        entity.add_mention(start, end, text)
        return entity

    def _described_before(self, head: str, start: int, window: int) -> NameCluster | None:
        """The entity described last before character `start`, within `window` paragraphs,
        whose description has the head noun `head`: what a definite description with that noun
        takes up ("A European diplomat said ... "...," the diplomat said")."""
        paragraph = self.paragraph_of(start)
        best: tuple[int, NameCluster] | None = None
        for entity in self._descriptions.values():
            for mention_start, mention_end in entity.mentions:
                if mention_start >= start or paragraph - self.paragraph_of(mention_start) > window:
                    continue
                span = self.doc.char_span(mention_start, mention_end, alignment_mode="expand")
                if span is not None and span.root.lower_ == head:
                    if best is None or mention_start > best[0]:
                        best = (mention_start, entity)
        return None if best is None else best[1]
