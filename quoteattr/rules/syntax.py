"""Syntax helpers over the parse: mention heads, subjects, names and cue words (the character
ranges of token spans are `ranges`, the words of a mention `mention_spans`). Shared by the
rules, the model's frames and the speaker resolver."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from .candidates import Via
from .lexicon import DASHES, word_list
from .morphology import inflections, plural
from .participles import subject_set_off_before

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
