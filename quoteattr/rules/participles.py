"""Participles beside a cue that are not what its speaker said: past participles that report what
was said to the subject ("Asked about the plan, Diaz said ...", "Brandt, asked whether he would
start, said ...", which the parser may take for the main verb), and a participle's phrase that
says how the speaker spoke ("Garner, gasping on the sidewalk, said")."""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import word_list

PARTICIPLE_TAGS = frozenset({"VBN", "VBD"})  # the tagger takes a clause-initial "Asked" for a past
ADDRESSEE_REQUIRED = word_list("addressee_required_forms")


def reduced_passive(verb: Token) -> bool:
    """A past participle heading an adverbial clause with neither subject nor auxiliary ("Asked
    about the plan, ...", "Told of the vote, ..."), or one set off after the subject (see
    `set_off_participle`): the subject is spoken to."""
    if verb.tag_ not in PARTICIPLE_TAGS:
        return False
    if any(c.dep_ in ("aux", "auxpass", "nsubjpass") for c in verb.children):
        return False
    if verb.dep_ in ("advcl", "acl"):
        return not any(c.dep_ == "nsubj" for c in verb.children)
    return set_off_participle(verb) is not None or told_to(verb)


def told_to(verb: Token) -> bool:
    """A verb that needs the one spoken to as its object, with none and an infinitive after it:
    a headline's passive ("Attacker told to expect jail": the attacker is told)."""
    if verb.lower_ not in ADDRESSEE_REQUIRED or any(c.dep_ == "dobj" for c in verb.children):
        return False
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    return after is not None and after.lower_ == "to" and after.head.head.i == verb.i


def set_off_participle(verb: Token) -> Token | None:
    """The subject's own verb when `verb` is a participle set off by commas after the subject
    that the parser made a verb of that subject ("Brandt, asked whether he would start, said",
    "Brandt, told of the decision, said"), else None. The own verb follows the second comma, has
    no subject and hangs from the participle or holds it; the participle has no object."""
    doc = verb.doc
    if verb.tag_ not in PARTICIPLE_TAGS or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    subject = _subject_before(verb)
    if subject is None or subject.i >= verb.i - 1:
        return None
    if any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass") for c in verb.children):
        return None
    candidates = [c for c in verb.rights if c.dep_ in ("ccomp", "conj")]
    if verb.dep_ in ("ccomp", "advcl") and verb.head.i > verb.i:
        candidates.append(verb.head)
    for own in candidates:
        if (
            own.tag_.startswith("VB")
            and doc[own.i - 1].text == ","
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in own.children)
        ):
            return own
    return None


def subject_set_off_before(verb: Token) -> Token | None:
    """The subject before a set-off participle whose own verb `verb` is, hanging from it or
    holding it ("Brandt, told of the decision, said": Brandt says)."""
    for participle in (*verb.lefts, verb.head):
        if participle.i < verb.i and set_off_participle(participle) == verb:
            return _subject_before(participle)
    return None


def _subject_before(verb: Token) -> Token | None:
    return next((c for c in verb.lefts if c.dep_ == "nsubj"), None)


def participle_phrase(clause: Token) -> bool:
    """A participle's phrase with neither subject nor auxiliary ("Garner, gasping on the
    sidewalk, said"): how or when the speaker spoke, never what."""
    return clause.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in clause.children
    )
