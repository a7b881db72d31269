"""Who does what a verb says: its subject, said or understood (shared down a coordination, an
adverbial or an infinitive, past a dateline or a quotation the parser took for one), and who owns
a reporting noun. Shared by the rules, the model's frames and the speaker resolver."""

from __future__ import annotations

from spacy.tokens import Token

from .candidates import Via
from .lexicon import DASHES
from .participles import subject_set_off_before
from .syntax import (
    AUTHORING_VERBS,
    OBJECT_CONTROL,
    RELATIVE_PRONOUNS,
    SET_OFF,
    SUBJECT_CONTROL,
    SUBJECT_CONTROL_VERBS,
    SUBJECT_SHARING,
    SUBJECTS,
    child_with,
    mention_head,
)


def fronted_clause_subject(verb: Token) -> Token | None:
    """The first of two subjects before `verb` when a comma parts them: a clause the parser read
    as a noun with a modifier ("The findings held for coffee, the authors wrote": "findings" and
    "authors" both subjects of "wrote"), which is what the second says."""
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) < 2:
        return None
    first, second = subjects[0], subjects[-1]
    between = first.doc[first.right_edge.i + 1 : second.left_edge.i]
    return first if any(t.text in SET_OFF for t in between) else None


def find_subject(verb: Token, depth: int = 0) -> tuple[Token, Via] | None:
    """The speaker-subject of `verb`, following shared subjects up the tree."""
    fronted = fronted_clause_subject(verb)
    skipped = -1 if fronted is None else fronted.i
    subjects = (
        _past_dateline(c)
        for c in verb.children
        if (c.dep_ in SUBJECTS or (c.dep_ in DATELINE_DEPS and dateline_dash(c) is not None))
        and c.i != skipped
        and not c.is_punct
        and not _is_quotation(c)
        and not _closed_before(c, verb)
    )
    found = [c for c in subjects if c is not None]
    subject = found[0] if found else subject_set_off_before(verb)
    if subject is not None:
        # "State news agency Xinhua said": the parser's two subjects side by side are one noun
        # phrase, a description before the name; the name is who speaks.
        for later in found[1:]:
            if later.left_edge.i == subject.right_edge.i + 1 and later.i < verb.i:
                subject = later
        subject = _whose_apposition(subject)
        via = Via.INVERTED if subject.i > verb.i else Via.SUBJECT
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return mention_head(subject), Via.RELATIVE_CLAUSE
        return subject, via if depth == 0 else Via.INHERITED_SUBJECT
    if (
        verb.dep_ == "relcl"
        and not verb.head.tag_.startswith("VB")
        # "the changes lawmakers are expected to consider": a passive's noun is what is spoken
        # or thought of, not who speaks
        and not any(c.dep_ == "auxpass" for c in verb.children)
    ):
        return verb.head, Via.RELATIVE_CLAUSE
    agent = child_with(verb, "agent")
    if agent is not None:
        by_object = child_with(agent, "pobj")
        if by_object is not None:
            return by_object, Via.PASSIVE_AGENT
    head = verb.head
    if depth < 3 and verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep":
        return _gerund_doer(head, depth)
    if verb.dep_ == "xcomp" and head.i != verb.i and head.lower_ not in SUBJECT_CONTROL_VERBS:
        # "forced him to admit", "prompted NATO to order": the object does what follows.
        obj = child_with(head, "dobj")
        if obj is not None and obj.i < verb.i:
            return obj, Via.INHERITED_SUBJECT
    if (
        head.dep_ == "acomp" and head.head.i != head.i
    ):  # "he was able to tout": the copula's subject
        head = head.head
    if verb.dep_ == "conj" and _outside_perfect(verb, head):
        head = head.head  # "said his side had switched off and accused the referee": said's
    if (
        depth < 3
        and verb.dep_ in SUBJECT_SHARING
        and head.i != verb.i
        and head.tag_.startswith("VB")
    ):
        found = find_subject(head, depth + 1)
        if found is not None:
            return found[0], Via.INHERITED_SUBJECT
    return None


def _outside_perfect(conjunct: Token, first: Token) -> bool:
    """Whether a past-tense conjunct cannot share its first conjunct's perfect ("had switched
    off and accused", not "had ... accused"): it joins the verb the clause reports to."""
    return (
        conjunct.tag_ == "VBD"
        and first.tag_ == "VBN"
        and first.dep_ == "ccomp"
        and first.head.tag_.startswith("VB")
        and any(c.dep_ == "aux" and c.lower_ in ("had", "has", "have") for c in first.children)
    )


# Where the parser hangs a dateline it did not read as a subject.
DATELINE_DEPS = frozenset({"npadvmod", "dep"})


def _whose_apposition(subject: Token) -> Token:
    """'Vireo Labs, whose chief executive, Tom Avery, told ...': a "whose" phrase the parser hung
    on the subject as an apposition names who acts; so does a name it hung there that runs on to
    the verb with no comma to close it ('To understand Dred Scott, Chief Justice Roberts said,
    ...': the fronted phrase's noun is not the speaker). Else the subject itself."""
    for child in subject.children:
        if child.dep_ != "appos":
            continue
        if any(g.dep_ == "poss" and g.lower_ == "whose" for g in child.children):
            return child
        verb = subject.head
        if (
            child.ent_type_ == "PERSON"
            and child.right_edge.i + 1 == verb.i
            and subject.i < child.i < verb.i
        ):
            return child
    return subject


def _past_dateline(subject: Token) -> Token | None:
    """The subject, unless it is a dateline the parser took for one ("DENVER — The widow sued",
    "SPRINGFIELD, Ill. (AP) — ..."). Then the subject is what the parser hung on it after the
    dash ("WASHINGTON -- President Obama ... said": Obama), or none of its words."""
    dash = dateline_dash(subject)
    if dash is None:
        return subject
    return next((c for c in subject.rights if c.dep_ == "appos" and c.i > dash.i), None)


def dateline_dash(token: Token) -> Token | None:
    """The dash after a dateline opening the sentence at `token` (capitals, then a dash before
    any lower-case word), else None."""
    if not (token.is_sent_start and token.is_upper and len(token.text) > 1):
        return None
    for following in token.doc[token.i + 1 : token.i + 9]:
        if following.text in DASHES:
            return following
        if following.is_lower:
            return None
    return None


def _gerund_doer(preposition: Token, depth: int) -> tuple[Token, Via] | None:
    """Who does what a gerund after a preposition says: the subject of the verb the preposition
    modifies ("responded by saying", "after saying ..., the mayor left"), or its object
    ("thanked her for saying", passive "was praised for saying"). Other prepositions ("without",
    "from") say nothing of the doer."""
    verb = preposition.head
    if not verb.tag_.startswith("VB") or verb.i == preposition.i:
        return None
    if preposition.lower_ in OBJECT_CONTROL:
        doer = child_with(verb, "dobj", "nsubjpass")
        if doer is not None:
            return doer, Via.INHERITED_SUBJECT
    elif preposition.lower_ not in SUBJECT_CONTROL:
        return None
    found = find_subject(verb, depth + 1)
    return None if found is None else (found[0], Via.INHERITED_SUBJECT)


def _is_quotation(token: Token) -> bool:
    """A subject that is a whole quotation ('"Stop!" yelled Park', parsed with "Stop" as a subject)
    is what was said, not who said it."""
    first, last = token.left_edge, token.right_edge
    return first.i < last.i and first.is_quote and last.is_quote


def _closed_before(subject: Token, verb: Token) -> bool:
    """A subject followed by the end of a quotation before its verb (a closing mark after a comma
    or a full stop) is a word of the quotation ('"... Full panic mode," said Wimes', parsed with
    "mode" as a subject of "said"); not a name in quote marks ('the "Squad" said')."""
    doc = subject.doc
    return subject.i < verb.i and any(
        doc[i].tag_ == "''" and doc[i - 1].text in (",", ".", "!", "?")
        for i in range(subject.right_edge.i + 1, verb.i)
    )


def noun_owner(noun: Token, before: int) -> Token | None:
    """Whose claim a reporting noun is: "Trump's claim", "a claim by Trump" (before token `before`,
    where the content starts), "Trump made the claim" (the subject of a verb that authors its
    object; "Trump denied the claim" is no claim of his)."""
    owner = child_with(noun, "poss")
    if owner is None:
        by = next(
            (
                c
                for c in noun.rights
                if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < before
            ),
            None,
        )
        owner = child_with(by, "pobj") if by is not None else None
    if owner is None and noun.dep_ == "dobj" and noun.head.lower_ in AUTHORING_VERBS:
        subject = find_subject(noun.head)  # "he made the claim that ..."
        owner = subject[0] if subject is not None else None
    return owner
