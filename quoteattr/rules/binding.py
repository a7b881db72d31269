"""Binding: the names a third-person pronoun cannot refer to because it commands them. A subject
pronoun binds its verb's complements after it ("He said Wilk had been the best", "he told
Wilk", "he worked with Wilk": not Wilk) and a participle it is the understood subject of
("Placed under the care of Dr. Bailey, he ...", "he left after meeting Bailey": not Bailey).
Free are a clause with a subject of its own, before or after ("After Bailey left, he ..." and
"he left when Bailey came": the parser often hangs a main clause under such a one), what
follows a comma after the pronoun, a coordinated clause ("she lost, and Lori left" may be
Lori), what stands before the pronoun ("In Hale's view, he ...", "Josh Kindig, he's coming")
and a quotation before its verb, which the parser cannot tell from those."""

from __future__ import annotations

from spacy.tokens import Token

from .ranking import SUBJECTS, subject_of
from .syntax import PROPER_NOUN_TAGS

# A verb's complements, which its subject commands.
COMPLEMENTS = frozenset(
    {"ccomp", "xcomp", "dobj", "dative", "attr", "oprd", "acomp", "prep", "agent"}
)


def bound_names(pronoun: Token) -> list[Token]:
    """The proper nouns the pronoun binds (see the module's docstring), in text order."""
    if pronoun.dep_ not in SUBJECTS:
        return []
    verb = pronoun.head
    own = range(pronoun.left_edge.i, pronoun.right_edge.i + 1)
    # A comma after the pronoun ends what it commands: the parser hangs the main clause after a
    # subordinate one under it ("While she praised Sandiford, Puchko stated ...", "Once she is
    # made Abbess, Alexandra expels ...").
    end = next((t.i for t in pronoun.doc[pronoun.i : verb.sent.end] if t.text == ","), None)
    bound: list[Token] = []
    for child in verb.children:
        if child.i in own:
            continue
        if _controlled(child):
            bound.extend(t for t in child.subtree if t.tag_ in PROPER_NOUN_TAGS)
        elif child.left_edge.i > pronoun.i and child.dep_ in COMPLEMENTS:
            bound.extend(
                t
                for t in child.subtree
                if t.tag_ in PROPER_NOUN_TAGS and (end is None or t.i < end)
            )
    return sorted(bound, key=lambda token: token.i)


def _controlled(child: Token) -> bool:
    """Whether a verb's dependent is a participle or gerund with no subject of its own, whose
    understood subject is the verb's ("Placed under the care of X, he", "after meeting X")."""
    if child.dep_ not in ("advcl", "prep"):
        return False
    clause = child if child.tag_ in ("VBN", "VBG") else None
    if child.dep_ == "prep":
        clause = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    return clause is not None and subject_of(clause) is None
