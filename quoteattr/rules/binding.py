"""Binding: the names a third-person pronoun cannot refer to because it commands them. A subject
pronoun binds its verb's complements after it ("He said Wilk had been the best", "he told
Wilk", "he worked with Wilk": not Wilk) and a participle it is the understood subject of
("Placed under the care of Dr. Bailey, he ...", "he left after meeting Bailey": not Bailey).
Free are a clause with a subject of its own, before or after ("After Bailey left, he ..." and
"he left when Bailey came": the parser often hangs a main clause under such a one), what
follows a comma after the pronoun, a coordinated clause ("she lost, and Lori left" may be
Lori), what stands before the pronoun ("In Hale's view, he ...", "Josh Kindig, he's coming")
and a quotation before its verb, which the parser cannot tell from those.

A possessive cannot refer to whom its own noun phrase is said to be (the i-within-i condition):
"Davis appointed Wells as his minister", "Among his patrons were Brudenell", "Wells became his
deputy", "Wells was named his successor", "starred Bellamy, with Wells as her mother", "Tom, his
brother, ..." are not Wells, Brudenell, Tom (see `predicated_names`).

An object pronoun is free in its clause (principle B): it is not the clause's subject, said or
understood ("Joe threatens to throw him", "Jackson bandaged Bass and left him", "Jacques allows
him to sit": not Joe, Jackson or Jacques; see `coargument_subjects`), and no argument of a
relative clause is the noun its relative pronoun stands for ("Lolotte, whom she raised", "Grable,
with whom she trained": not Lolotte or Grable; see `relativised_noun`)."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import word_list
from .people import QUANTIFIERS
from .ranking import SUBJECTS, subject_of
from .salience import is_verb
from .subjects import find_subject
from .syntax import PASSIVE_SUBJECTS, PROPER_NOUN_TAGS, RELATIVE_PRONOUNS, mention_head

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


# A verb's own arguments, beside the objects of its argument prepositions.
CLAUSE_ARGUMENTS = SUBJECTS | {"dobj", "dative"}
# Object pronouns, and the prepositions whose object is one of the verb's own arguments.
OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
ARGUMENT_PREPOSITIONS = word_list("argument_prepositions")


def coargument_subjects(pronoun: Token) -> list[Token]:
    """The subject, said or understood (`subjects.find_subject`), with its conjuncts ("he and
    Daisy beat her"), of the verb whose object the pronoun is: its direct or indirect object,
    the object of an argument preposition ("shouted at him", "came with her") or of one on a
    predicate adjective ("is furious with her"), or the subject the parser gives an infinitive
    or a bare clause that the pronoun is really the object of the verb above ("allows him to
    sit", "let her go")."""
    if pronoun.tag_ != "PRP" or pronoun.lower_ not in OBJECT_PRONOUNS:
        return []
    head = pronoun.head
    if pronoun.dep_ in ("dobj", "dative"):
        verb = head
    elif pronoun.dep_ == "pobj" and head.dep_ == "prep" and _argument_preposition(head):
        verb = head.head
        if verb.dep_ == "acomp":  # "Lynda is furious with her": the adjective's argument
            verb = verb.head
    elif pronoun.dep_ == "nsubj" and head.dep_ in ("xcomp", "ccomp") and pronoun.i < head.i:
        verb = head.head
    else:
        return []
    subject = _said_or_understood_subject(verb) if is_verb(verb) else None
    if subject is None or subject.i == pronoun.i:
        return []
    return [subject, *subject.conjuncts]


def _argument_preposition(preposition: Token) -> bool:
    """Whether the preposition's object is an argument of what it hangs on: an argument
    preposition, or "with" of a companion where nothing else is taken along ("came with her",
    unlike "took the dog with him", which may be the subject himself)."""
    if preposition.lower_ in ARGUMENT_PREPOSITIONS:
        return True
    return preposition.lower_ == "with" and not any(
        c.dep_ == "dobj" for c in preposition.head.children
    )


def _said_or_understood_subject(verb: Token) -> Token | None:
    """The verb's subject: its passive subject ("Edith was appointed her successor"), or the
    subject it has or takes from the verb above (`subjects.find_subject`: "Hale threatened to sue",
    "asked Wells to be", "Ritchie declined an offer to be")."""
    passive = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS), None)
    if passive is not None:
        return passive
    found = find_subject(verb)
    return None if found is None else found[0]


def relativised_noun(pronoun: Token) -> Token | None:
    """The noun a relative clause modifies, where the pronoun is one argument of the clause's
    verb and the relative pronoun another ("Grable, with whom she trained", "Lolotte, whom she
    raised", "Wells, who hired him": not Grable, Lolotte or Wells; principle B, the relative
    pronoun standing for the noun). A possessive is free ("Lolotte, whom her aunt raised")."""
    if pronoun.tag_ != "PRP" or pronoun.dep_ not in (*CLAUSE_ARGUMENTS, "pobj"):
        return None
    verb = pronoun.head
    if pronoun.dep_ == "pobj":
        if verb.dep_ != "prep" or not _argument_preposition(verb):
            return None
        verb = verb.head
    if verb.dep_ != "relcl":
        return None
    arguments = [c for c in verb.children if c.dep_ in CLAUSE_ARGUMENTS]
    arguments += [  # "with whom she trained"
        c
        for prep in verb.children
        if prep.dep_ == "prep" and _argument_preposition(prep)
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    relative = next(
        (a for a in arguments if a.i != pronoun.i and a.lower_ in RELATIVE_PRONOUNS), None
    )
    return None if relative is None else mention_head(relative)


# Prepositions whose object is said of another phrase: "appointed Wells as his minister",
# "Kim was among his advisers".
PREDICATING_PREPOSITIONS = frozenset({"as", "among"})


def predicated_names(pronoun: Token) -> list[Token]:
    """The proper nouns of the phrase that the noun a possessive pronoun belongs to is said of
    (see the module's docstring), with their conjuncts and compounds."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.i == pronoun.i:
        return []
    noun = _partitive_whole(noun)
    said_of: Token | None = None
    if noun.dep_ == "appos" and _set_off(noun):  # "Tom, his brother, ..."
        said_of = noun.head
    elif noun.dep_ in ("attr", "oprd"):  # "Wells became his deputy", "asked Wells to be his"
        said_of = _said_or_understood_subject(noun.head)
    elif noun.dep_ == "pobj" and noun.head.lower_ in PREDICATING_PREPOSITIONS:
        preposition = noun.head
        verb = preposition.head
        # "starred Bellamy, with Dresser as his mother" is said of the object of "with" just
        # before; "Dresser as his mother" of the name it hangs on; "appointed Wells as his
        # minister", of the verb's object; "served as his adviser", "Among his patrons were
        # Brudenell", of the subject.
        said_of = _with_object_before(preposition)
        if said_of is None and verb.tag_ in PROPER_NOUN_TAGS:
            said_of = verb
        elif said_of is None:
            said_of = next((c for c in verb.children if c.dep_ == "dobj"), None) or (
                _said_or_understood_subject(verb)
            )
    if said_of is not None:
        said_of = mention_head(said_of)  # "Breslau, whom Bashkirtseff viewed as her rival"
    if said_of is None or said_of.tag_ not in PROPER_NOUN_TAGS:
        return []
    heads = [said_of, *said_of.conjuncts]
    return sorted(
        (t for head in heads for t in (head, *head.children) if t.tag_ in PROPER_NOUN_TAGS),
        key=lambda t: t.i,
    )


def _partitive_whole(noun: Token) -> Token:
    """The part a partitive names of the group `noun` heads: "one of her favourite models",
    "most of his clients" are said of as the part; else `noun` itself."""
    of = noun.head
    if noun.dep_ == "pobj" and of.lower_ == "of" and of.dep_ == "prep":
        part = of.head
        if part.lower_ == "one" or part.lower_ in QUANTIFIERS:
            return part
    return noun


def _with_object_before(preposition: Token) -> Token | None:
    """The object of a "with" that ends right before `preposition` (the absolute "with Dresser
    as his mother"), whether the parser hung "as" on it or beside it."""
    if preposition.i == 0:
        return None
    before = preposition.doc[preposition.i - 1]
    return before if before.dep_ == "pobj" and before.head.lower_ == "with" else None


def _set_off(apposition: Token) -> bool:
    """Whether punctuation or the sentence's end closes an apposition: "Dunn, his lawyer said,
    left" is a parenthetical clause the parser may read as one."""
    after = apposition.right_edge.i + 1
    doc = apposition.doc
    return after >= len(doc) or doc[after].is_punct or doc[after].is_sent_start


def _controlled(child: Token) -> bool:
    """Whether a verb's dependent is a participle or gerund with no subject of its own, whose
    understood subject is the verb's ("Placed under the care of X, he", "after meeting X")."""
    if child.dep_ not in ("advcl", "prep"):
        return False
    clause = child if child.tag_ in ("VBN", "VBG") else None
    if child.dep_ == "prep":
        clause = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
    return clause is not None and subject_of(clause) is None
