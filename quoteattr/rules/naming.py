"""Which of the names inside a speaker mention is the speaker's: "Okafor campaign manager Dana
Whitby" is Whitby, "A New York judge" is nobody named, "Keane's lawyer, Ruth Dalton," is Dalton."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .mention_spans import MODIFYING_CLAUSE_DEPS, PREPOSITION_DEPS, hangs_through, names_in
from .names import FIRST_NAME_GENDER, PLACE_LABELS, TITLES, fold
from .people import names_a_person
from .syntax import NAME_LABELS, ORG_NOUNS, PROPER_NOUN_TAGS

PLACE_NAME_LABELS = frozenset({"GPE", "LOC", "FAC"})

COMMON_NOUN_TAGS = frozenset({"NN", "NNS"})


def speaker_name(span: Span, anonymous: frozenset[str]) -> tuple[Span | None, bool]:
    """The name in the mention `span` that names its speaker, if any, and whether a place or a
    people the mention holds only describes it (`placed`: "a New York judge", "Ohio voters").
    `anonymous`: the nouns of unnamed sources ("officials"), which may speak for a place."""
    root = span.root
    names = [
        (person_read_into_organisation(ent) or ent) if ent.label_ == "ORG" else ent
        for ent in names_in(span, NAME_LABELS)
    ]
    if root.tag_ in PROPER_NOUN_TAGS and not root.ent_type_:
        # "Mikel Arteta, the Arsenal manager" with Arteta untagged: the head names the
        # speaker, not a name inside its apposition ("Kowal, an appointee of President Barack
        # Obama," is no Obama).
        names = [
            ent
            for ent in names
            if ent.label_ == "PERSON" and not hangs_through(ent.root, root, PREPOSITION_DEPS)
        ]
    # One person ("A New York judge", "the Russian ambassador") is no place; a group or a
    # body may speak for one ("Chinese officials", "the Russian government").
    # Nor is a group of people ("Ohio voters", "many European citizens", "Republican
    # senators"), which its own words name; officials may speak for their state.
    one_or_people = root.tag_ == "NN" or (
        root.tag_ == "NNS" and root.lower_ not in anonymous and names_a_person(root)
    )
    placed = (
        one_or_people
        and root.lower_ not in ORG_NOUNS
        and any(_describes(ent, root) for ent in names)
    )
    if placed:
        names = [ent for ent in names if not _describes(ent, root)]
    # "the Hungarian told reporters": one of a people, whom that people only describes.
    if any(ent.label_ == "NORP" and ent.root.i == root.i for ent in names) and root.tag_ == "NNP":
        return None, True
    # "Lumen, a startup based in Reno,": where a body is, said in a clause, is no name of it.
    names = [
        ent
        for ent in names
        if ent.label_ not in PLACE_NAME_LABELS
        or not hangs_through(ent.root, root, MODIFYING_CLAUSE_DEPS)
    ]
    # A possessor names someone else, whom a name beside the noun is not ("Keane's lawyer,
    # Ruth Dalton,": Dalton).
    names = [ent for ent in names if not is_common_noun_name(ent)]
    unowned = [ent for ent in names if not _possessor_of(ent, root)]
    if unowned:
        names = unowned
    if not names:
        return None, placed
    # The name the mention's head is in ("Okafor campaign manager Dana Whitby": Whitby), else its
    # first person's, else its last name.
    own = next((ent for ent in names if ent.start <= root.i < ent.end), None)
    person = next((ent for ent in names if ent.label_ == "PERSON"), None)
    return own or person or names[-1], placed


def _possessor_of(name: Span, head: Token) -> bool:
    """Whether the name is in a possessor of `head` ("Keane's" in "Keane's lawyer")."""
    return any(
        child.dep_ == "poss"
        and child.left_edge.i <= name.start
        and name.end <= child.right_edge.i + 1
        for child in head.children
    )


def _describes(name: Span, head: Token) -> bool:
    """Whether a place or a people named before a noun describes it ("a New York judge"), not
    what follows it ("the city of Phoenix", "a majority of Americans"), unless the noun is a
    person's ("the mayor of Calgary" is no city)."""
    return name.label_ in PLACE_LABELS and (name.end <= head.i or names_a_person(head))


def is_common_noun_name(name: Span) -> bool:
    """Whether a name the recognizer found is common nouns capitalised because they open a
    sentence ("Farmers' groups said", "Exit polls showed", tagged ORG): no one's name."""
    return name[0].is_sent_start and all(token.tag_ in COMMON_NOUN_TAGS for token in name)


def is_title_word(word: str) -> bool:
    """A title, plural ("Senators") or abbreviated ("Del.", "Lt."); an initial ("J.") is not."""
    return (
        word.rstrip(".") in TITLES or word[:-1] in TITLES or (word.endswith(".") and len(word) > 2)
    )


def person_read_into_organisation(ent: Span) -> Span | None:
    """The person's name in an organisation the recognizer read into one name with it, where an
    apposition, a title or a role before it, or a first name says the name is a person's
    ("Another analyst, Pradeep Chaturvedi of Parmeshwar Securities," and "lead author Dr. Nadia
    Petrov of Linwood University", tagged ORG whole): the proper nouns before "of", as PERSON;
    else None."""
    root, doc = ent.root, ent.doc
    of = next((t.i for t in ent if t.lower_ == "of"), ent.end)
    before = doc[ent.start - 1] if ent.start > 0 else None
    described = (
        (root.dep_ == "appos" and names_a_person(root.head))
        or any(c.dep_ == "appos" and names_a_person(c) for c in root.children)
        # "of" parts the person from the body: a title, a role or a first name tells which
        # ("Johns Hopkins University" has no "of" to part it at)
        or (
            of < ent.end
            and (
                (before is not None and (is_title_word(before.lower_) or names_a_person(before)))
                or fold(ent[0].text) in FIRST_NAME_GENDER
            )
        )
    )
    if not described or root.tag_ not in PROPER_NOUN_TAGS:
        return None
    if of - ent.start < 2 or not all(t.tag_ in PROPER_NOUN_TAGS for t in ent.doc[ent.start : of]):
        return None
    return Span(ent.doc, ent.start, of, label="PERSON")
