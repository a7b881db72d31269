"""The words of a mention over the parse: the noun phrase a name heads, with its titles and
appositions ("Finance Minister Maria Lopez", "Anna Weber, the president,"), the names inside
a span and the run of proper nouns the recognizer missed, without a dateline run into it; and
the speaker mention an attribution takes from its verb's subject. Read by the speaker
resolver, the name seeding, the cue finders and the model's frames."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .lexicon import DASHES
from .names import FIRST_NAME_GENDER, fold
from .people import is_person_noun
from .subjects import dateline_dash
from .syntax import (
    NAME_LABELS,
    PROPER_NOUN_TAGS,
    RELATIVE_PRONOUNS,
    SPEAKER_LABELS,
    SUBJECTS,
    joins_names,
    mention_head,
)

if TYPE_CHECKING:
    from .candidates import Attribution, Via


def noun_phrase(token: Token) -> tuple[int, int]:
    """The mention headed by `token`: determiners, titles, possessives and appositions included,
    relative clauses and trailing prepositional phrases left out."""
    start = token.left_edge.i
    end = token.i + 1
    passed_person = False  # a phrase left out names another person ("Ito, like Jo Jarvis, ...")
    for child in token.rights:
        if child.dep_ == "appos":
            # An apposition's own noun phrase, without its relative clause ("a lawmaker who told
            # ..."); one naming other people is the next of a list ("Dr Jo Foyle, the climber Lu
            # Creamer and ...").
            appos_end = noun_phrase(child)[1]
            if _names_another_person(token, child, appos_end):
                break
            end = max(end, appos_end)
        elif child.dep_ in ("compound", "flat", "nummod"):
            end = max(end, child.i + 1)
        elif child.dep_ == "punct":
            if not passed_person:
                end = max(end, child.i + 1)
        elif child.dep_ == "prep" and child.lower_ == "of" and _is_name_of_place(child):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "amod":  # "a person familiar with the talks"
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "prep" and (name := _apposition_hung_on_object(token, child)):
            # "A spokeswoman for Cycle City, Priya Menon,": the parser hung her name on the body
            end = max(end, noun_phrase(name)[1])
        elif child.dep_ in ("prep", "npadvmod", "advmod"):  # "An official there, Per Moen," goes on
            passed_person |= _names_another_person(token, child, child.right_edge.i + 1)
        else:
            break
    doc = token.doc
    dash = dateline_dash(doc[start])
    if dash is not None and dash.i < token.i:
        start = dash.i + 1  # "BEIJING (Xinhua) -- Foreign Ministry spokesperson Lin Mei"
    # '"...," product lead Maya Chen said', the quotation parsed into the phrase: a mention
    # begins after a quotation's end (a nickname's marks close no sentence: 'Dwayne "The Rock"')
    for k in range(max(start, 1), token.i):
        if doc[k].tag_ == "''" and doc[k - 1].text in (",", ".", "!", "?"):
            start = k + 1
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def _apposition_hung_on_object(token: Token, preposition: Token) -> Token | None:
    """A person's name set off after the object of a person noun's preposition, which the parser
    hung on the object ("A spokeswoman for Cycle City, Priya Menon,"): the person's own name,
    since a body or a place has none; else None."""
    if token.ent_type_ or not is_person_noun(token.lower_):
        return None
    obj = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ == "PERSON":
        return None
    return next(
        (
            c
            for c in obj.rights
            if c.dep_ == "appos"
            and c.ent_type_ == "PERSON"
            and c.doc[c.left_edge.i - 1].text == ","
        ),
        None,
    )


def _names_another_person(token: Token, phrase: Token, end: int) -> bool:
    """Whether a dependent phrase of a person's name `token`, ending at token `end`, holds
    another person's name outside a possessive ("Anna Weber, Tom Hale's sister" holds none: a
    relation tells who she is)."""
    if token.ent_type_ != "PERSON":
        return False  # "a spokesman, Per Moen," is one person
    for word in token.doc[phrase.left_edge.i : end]:
        if word.ent_iob_ != "B" or word.ent_type_ != "PERSON":
            continue
        # Up to the phrase's head: a possessive on the way makes the name a relation's.
        link = word
        while link.i != phrase.i and link.dep_ != "poss" and link.head.i != link.i:
            link = link.head
        if link.dep_ != "poss" or link.i == phrase.i:
            return True
    return False


def names_in(span: Span, labels: frozenset[str] = NAME_LABELS) -> list[Span]:
    """Named entities inside `span` (clipped to it), read from the tokens: `Span.ents` would scan
    the whole document on every call."""
    found = []
    start = None
    for token in [*span, None]:
        if start is not None and (token is None or token.ent_iob_ != "I"):
            ent = Span(
                span.doc,
                start,
                token.i if token is not None else span.end,
                label=span.doc[start].ent_type_,
            )
            if ent.label_ in labels:
                found.append(ent)
            start = None
        if token is not None and token.ent_iob_ in ("B", "I") and start is None:
            start = token.i
    return found


def _is_name_of_place(prep: Token) -> bool:
    """`of China` in "president Xi Jinping of China": a title's place, part of the mention."""
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    return (
        bool(objects)
        and objects[0].ent_type_ in ("GPE", "NORP", "ORG")
        and prep.right_edge.i - prep.i <= 4
    )


def set_speaker(attribution: Attribution, verb: Token, subject: tuple[Token, Via]) -> None:
    """Make `verb`'s subject (found by `find_subject`) the speaker; "who" in "Hale, who said" is
    recorded as another mention of Hale."""
    attribution.speaker = noun_phrase(mention_head(subject[0]))
    attribution.via = subject[1]
    pronoun = next(
        (c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ in RELATIVE_PRONOUNS), None
    )
    if pronoun is not None and mention_head(pronoun) == subject[0]:
        attribution.relative_pronoun = (pronoun.i, pronoun.i + 1)


# The dependencies of a word that modifies a noun after it ("its next iPhone models").
PREMODIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


def only_premodifiers(doc: Doc, mentions: Iterable[tuple[int, int]]) -> bool:
    """Whether every mention (character offsets) only modifies a common noun after it ("its
    iPhone models", "a Saturn Award-winning actress"): a word inside another's phrase, which a
    description ("the company") does not take up (an anaphoric island)."""
    found = False
    for start, end in mentions:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        if not (
            root.dep_ in PREMODIFIER_DEPS
            and root.head.i >= span.end
            and root.head.tag_ in ("NN", "NNS")
        ):
            return False
        found = True
    return found


def subject_in_fronted_phrase(verb: Token) -> tuple[int, int] | None:
    """'In an interview with CNN Hale said ...': with no comma after a fronted prepositional
    phrase, the parser takes the subject for the end of the phrase's object, and the finite
    verb is left with none. The name that ends the phrase right before the verb is the subject
    (a token range), where the words before it can be told apart from it: the recognizer's
    name begins with a first name, or it ends in a name the article uses on its own."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i == 0:
        return None
    last = doc[verb.i - 1]
    if last.tag_ not in ("NNP", "NNPS") or last.ent_type_ not in SPEAKER_LABELS:
        return None
    start = last.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    phrase = last
    while phrase.head.i != verb.i:
        if phrase.head.i == phrase.i or phrase.head.i > verb.i:
            return None
        phrase = phrase.head
    if phrase.dep_ != "prep" or start < phrase.i + 2:
        return None
    if start + 1 == verb.i or fold(doc[start].text) in FIRST_NAME_GENDER:
        return start, verb.i
    # "the Washington Post Trump": the recognizer ran the phrase's name into the subject's
    elsewhere = {
        fold(name.text)
        for ent in doc.ents
        if ent.end <= phrase.i or ent.start > verb.i
        for name in (ent, ent[-1:])
    }
    return next(
        ((k, verb.i) for k in range(start + 1, verb.i) if fold(doc[k : verb.i].text) in elsewhere),
        None,
    )


def proper_noun_run(span: Span) -> Span | None:
    """The run of proper nouns in a mention the NER left untagged that holds its head ("Kowal,
    an appointee of President Barack Obama,": Kowal), else the longest ("date 2024 Xi
    Jinping") outside a clause that describes the head."""
    best: tuple[int, int] | None = None
    start = None
    root = span.root.i
    for token in [*span, None]:
        if token is not None and (
            token.tag_ in PROPER_NOUN_TAGS
            or (start is not None and token.i + 1 < span.end and joins_names(token))
        ):
            start = token.i if start is None else start
            continue
        if start is not None:
            end = token.i if token is not None else span.end
            if start <= root < end:
                best = (start, end)
                break
            # "Lumen, a startup based in Reno,": a name in a clause that describes is not the
            # mention's
            described = hangs_through(span.doc[end - 1], span.root, MODIFYING_CLAUSE_DEPS)
            if not described and (best is None or end - start > best[1] - best[0]):
                best = (start, end)
            start = None
    if best is None:
        return None
    return span.doc[best[0] : min(with_name_number(span.doc, best[1]), span.end)]


def with_name_number(doc: Doc, end: int) -> int:
    """The end of a name that ends before token `end`, with the number that modifies its last
    word ("Teamsters Local 99", "Apollo 11"): part of the name, not a count."""
    if end < len(doc) and doc[end].tag_ == "CD" and doc[end].dep_ == "nummod":
        # not a score or a range after it ("Elena Varga 6-4 3-6")
        score = end + 1 < len(doc) and doc[end + 1].text in DASHES
        if doc[end].head.i == end - 1 and not score:
            return end + 1
    return end


def without_dateline(span: Span) -> Span:
    """The mention without a date, a time or a number written before its name ("date 2024-10-02
    Xi Jinping" gives "Xi Jinping"): a dateline or a timestamp run into a headline is no part of
    the name's noun phrase; so is a place in capitals and a dash ("BRUSSELS - European
    leaders"). Else the span itself."""
    dash = next((t for t in span[1:4] if t.text in DASHES), None)
    if (
        dash is not None
        and span.doc[dash.i - 1].whitespace_  # "BRUSSELS - ", not "ANC-led"
        and all(t.is_upper for t in span.doc[span.start : dash.i])
    ):
        return span.doc[dash.i + 1 : span.end]
    for token in span:
        if token.tag_ in PROPER_NOUN_TAGS or token.ent_type_ in ("PERSON", "ORG"):
            before = span.doc[span.start : token.i]
            if any(t.ent_type_ in ("DATE", "TIME") or t.like_num for t in before):
                return span.doc[token.i : span.end]
            return span
    return span


# What a name inside a mention hangs on its head through: a preposition ("an appointee of X"),
# or a clause that modifies a noun ("a startup based in Reno", "a firm that moved to Ohio").
PREPOSITION_DEPS = frozenset({"prep"})
MODIFYING_CLAUSE_DEPS = frozenset({"acl", "relcl"})


def hangs_through(token: Token, head: Token, deps: frozenset[str]) -> bool:
    """Whether `token` hangs on `head` through a dependency in `deps` on the way up."""
    while token.i != head.i and token.head.i != token.i:
        if token.dep_ in deps:
            return True
        token = token.head
    return False
