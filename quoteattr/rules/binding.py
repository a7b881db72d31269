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

# How far from the pronoun binding is looked for, in tokens: a clause's reach, which keeps the
# work per pronoun bounded however deep the parse.
REACH = 40
# A verb's complements, which its subject commands.
COMPLEMENTS = frozenset(
    {"ccomp", "xcomp", "dobj", "dative", "attr", "oprd", "acomp", "prep", "agent"}
)


def bound_names(pronoun: Token) -> list[Token]:
    """The proper nouns the pronoun binds (see the module's docstring), in text order, looked
    for within `REACH` tokens of it."""
    if pronoun.dep_ not in SUBJECTS:
        return []
    doc, verb = pronoun.doc, pronoun.head
    # A comma or a quotation mark after the pronoun ends what it commands: the parser hangs the
    # main clause after a subordinate one under it ("While she praised Sandiford, Puchko stated
    # ...", "Once she is made Abbess, Alexandra expels ..."), and a quotation is its own.
    reach = min(pronoun.i + REACH, len(doc))
    end = next(
        (t.i for t in doc[pronoun.i + 1 : reach] if t.text == "," or t.is_quote or t.is_sent_start),
        reach,
    )
    ranges = []
    for child in verb.children:
        if pronoun.left_edge.i <= child.i <= pronoun.right_edge.i:
            continue
        left, right = child.left_edge.i, child.right_edge.i + 1  # a subtree is contiguous
        if _controlled(child):
            ranges.append((max(left, pronoun.i - REACH), min(right, pronoun.i + REACH)))
        elif left > pronoun.i and child.dep_ in COMPLEMENTS:
            ranges.append((left, min(right, end)))
    return [  # one Token object per token looked at
        token
        for a, b in sorted(ranges)
        for i in range(a, b)
        if (token := doc[i]).tag_ in PROPER_NOUN_TAGS
    ]


def _controlled(child: Token) -> bool:
    """Whether a verb's dependent is a participle or gerund with no subject of its own, whose
    understood subject is the verb's ("Placed under the care of X, he", "after meeting X")."""
    if child.dep_ not in ("advcl", "prep"):
        return False
    clause = child if child.tag_ in ("VBN", "VBG") else None
    if child.dep_ == "prep":
        clause = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    return clause is not None and subject_of(clause) is None
