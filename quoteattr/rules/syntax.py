"""Syntax helpers over the parse: mention heads, names, cue words and where a clause stands (a
verb's subject is `subjects`, the character ranges of token spans `ranges`, the words of a
mention `mention_spans`). Shared by the rules, the model's frames and the speaker resolver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .lexicon import word_list
from .morphology import inflections, plural

if TYPE_CHECKING:
    from .lexicon import CueLexicon

PROPER_NOUN_TAGS = frozenset({"NNP", "NNPS"})  # "Harlow Foods Inc": "Foods" is NNPS
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# Clauses that take their subject from the verb they hang on ("..., calling for X", "and added").
SUBJECT_SHARING = frozenset({"conj", "advcl", "xcomp", "pcomp"})
RELATIVE_PRONOUNS = word_list("relative_pronouns")
# Subjects that hold no view: "it seems that", "there is a sense that", "this shows that".
IMPERSONAL_SUBJECTS = word_list("impersonal_subjects")
PERSONAL_OBJECTS = word_list("personal_objects")
AGENT_NOUN_SUFFIXES = tuple(word_list("agent_noun_suffixes"))  # "lawmaker", "economist"
ORG_NOUNS = word_list("organisation_nouns")
# Verbs whose subject made their object: "the council issued a statement", "he made the claim"
# (not "aides rejected the claim": a claim rejected is somebody else's).
AUTHORING_VERBS = frozenset(f for lemma in word_list("authoring_verbs") for f in inflections(lemma))
# "the report", "a memo", "court records": documents that speak, singular and plural.
DOCUMENT_NOUNS = frozenset(
    form for noun in word_list("document_nouns") for form in (noun, plural(noun))
)
SUBJECT_CONTROL = word_list("subject_control_prepositions")
OBJECT_CONTROL = word_list("object_control_prepositions")
SUBJECT_CONTROL_VERBS = word_list("subject_control_verbs")
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
COPULAS = word_list("copulas")
NOT_TOPICS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC", "QUANTITY", "MONEY", "PERCENT"}
)
TOPIC_PREPOSITIONS = word_list("topic_prepositions")


# Punctuation that sets a parenthetical off from the clause it interrupts.
SET_OFF = frozenset({",", "--", "—", "–"})


def mention_head(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("Smith, who said ...")."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        noun = token.head.head
        # "Maria Lopez, a lawmaker who said": the name the apposition describes.
        return noun.head if noun.dep_ == "appos" else noun
    return token


def named_apposition(token: Token) -> Token:
    """The name in apposition to a subject that names nobody, where the parser took a fronted
    phrase's noun for the subject ("With 30 days until the vote, Dana Okoro, a senior
    adviser, called ..."); else the token itself."""
    if is_personal(token):
        return token
    name = next((c for c in token.children if c.dep_ == "appos" and is_personal(c)), None)
    return token if name is None else name


def is_personal(token: Token) -> bool:
    return (
        token.ent_type_ in NAME_LABELS
        or token.lower_ in PERSONAL_OBJECTS
        or token.tag_ == "PRP"
        or token.tag_ in PROPER_NOUN_TAGS
    )


SUBJECT_NAME_DEPS = frozenset({"nsubj", "nsubjpass"})


def is_subject_name(head: Token) -> bool:
    """A name that is a subject, or in apposition to one ("His brother, Devon Bell, spoke")."""
    if head.dep_ == "appos":
        head = head.head
    return head.dep_ in SUBJECT_NAME_DEPS


def proper_name_start(head: Token) -> int:
    """The first token of the proper-noun run a name's head closes ("Ines Okoro": "Ines",
    "Charlotte-Mecklenburg Police": "Charlotte")."""
    doc, start = head.doc, head.i
    while start > 0:
        if doc[start - 1].tag_ in PROPER_NOUN_TAGS and doc[start - 1].head.i == head.i:
            start -= 1
        elif start > 1 and joins_names(doc[start - 1]):
            start -= 2
        else:
            break
    return start


def joins_names(token: Token) -> bool:
    """A hyphen with no space around it between two proper nouns: "Charlotte-Mecklenburg"."""
    doc = token.doc
    return (
        token.text == "-"
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].tag_ in PROPER_NOUN_TAGS
        and doc[token.i + 1].tag_ in PROPER_NOUN_TAGS
        and not doc[token.i - 1].whitespace_
        and not token.whitespace_
    )


def child_with(token: Token, *deps: str, lower: str | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and (lower is None or child.lower_ == lower):
            return child
    return None


def trailing_cue_clause(clause: Token) -> bool:
    """ "Savings will reach $300 million, Santos told analysts.": a clause with its own subject
    after a comma or dash, ending its sentence, with no subordinator, is the parenthetical cue of
    what comes before it, though the parser hangs it there as a complement."""
    doc, head = clause.doc, clause.head
    left, right = clause.left_edge.i, clause.right_edge.i
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS and c.i < clause.i), None)
    # The comma may hang on the clause itself, or on the verb before it; or the parser hung
    # the words before the comma on the cue as well ("Lula said Brazil valued China, Xinhua
    # reported"), and the comma comes before its subject.
    set_off = (
        doc[left].text in SET_OFF
        or doc[left - 1].text in SET_OFF
        or (
            subject is not None
            and doc[subject.left_edge.i - 1].text in SET_OFF
            and any(c.dep_ == "ccomp" and c.i < subject.i for c in clause.children)
        )
    )
    return (
        head.i < clause.i
        and left > head.i
        and set_off
        and subject is not None
        and not any(c.dep_ == "mark" for c in clause.children)
        # last: `Token.sent` scans for the sentence's edges
        and all(t.is_punct for t in doc[right + 1 : clause.sent.end])
    )


def parted_before(clause: Token, verb: Token) -> bool:
    """Whether a semicolon or a colon parts a clause before the cue from it: the clause is a
    sentence of its own, which the cue after the mark does not report ('"Two options: stay or
    go," she said' has its colon inside the quotation)."""
    if clause.i >= verb.i:
        return False
    after = verb.doc[clause.i + 1 : verb.i]
    marks = [k for k, t in enumerate(after) if t.text in (";", ":")]
    return bool(marks) and not any(t.is_quote for t in after[marks[-1] :])


def cues_quotation_before(clause: Token, lexicon: CueLexicon) -> bool:
    """Whether a clause of a cue verb opens right after a closing quote mark with its own subject
    ('"You winning?" she said, but ...'): the cue of that quotation, whatever the parser hangs
    it on."""
    if lexicon.verb_lemma(clause.lower_) is None:
        return False
    doc, left = clause.doc, clause.left_edge.i
    # A closing mark hangs on the words before it and is set off from the clause after it; an
    # opening one ('"It is over," she said') is the other way round.
    closing = (
        left > 1
        and doc[left - 1].is_quote
        and doc[left - 1].whitespace_
        and not doc[left - 2].whitespace_
    )
    return closing and any(c.dep_ in SUBJECTS and c.i < clause.i for c in clause.children)


def open_class_lemma(token: Token) -> str:
    """The lemma of a cue the lexicon does not list: the pipeline's, when it has a lemmatizer
    (`quoteattr.load(minimal=False)`), else the word in lower case. Read from the token alone: a
    token has a lemma only in a Doc that has lemmas, and `Doc.has_annotation` scans every token."""
    return token.lemma_.lower() if token.lemma_ else token.lower_


def subtree_span(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def cue_words(verb: Token, content: tuple[int, int] | None) -> tuple[int, int]:
    """The verb with its particle, and with the preposition that introduces its content
    ("pointed out", "calling for"; not the "on" of "said on Sunday")."""
    end = verb.i + 1
    for child in verb.rights:
        if child.i == end and (
            child.dep_ == "prt"
            or (child.dep_ == "prep" and content is not None and content[0] == child.i + 1)
        ):
            end += 1
    after = verb.doc[end] if end < len(verb.doc) else None
    if (
        after is not None
        and after.dep_ == "mark"
        and after.head.head.i == verb.i
        and content is not None
        and content[0] == end + 1
    ):
        end += 1  # "calls for the money to be spent": the parser's "for" marks the clause
    return verb.i, end
