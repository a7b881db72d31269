"""What a cue verb reports: its content clause, the topic of its preposition, its infinitive or its
object, with the addressee its frame includes; and the clauses the parser misplaced that are its
content all the same ("tweeted in the early hours that ...", "told analysts on a call that ...")."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from ..records import Category
from .acts import next_act
from .categories import (
    clause_reports_nothing,
    fronted_before_complementizer,
    has_predicate,
    is_finite_clause,
    object_is_content,
    topic_is_content,
)
from .lexicon import CueLexicon, word_list
from .marks import QUOTE_MARKS
from .syntax import (
    NOT_TOPICS,
    SET_OFF,
    SUBJECTS,
    TOPIC_PREPOSITIONS,
    child_with,
    cues_quotation_before,
    is_personal,
    parted_before,
    subtree_span,
    trailing_cue_clause,
)


def content_tokens(
    verb: Token, lemma: str, lexicon: CueLexicon, adverbials: Callable[[], Sequence[int]]
) -> tuple[tuple[int, int] | None, Token | None]:
    """The token range reported by `verb`, and the addressee when the frame includes it
    (`adverbials` gives the sentence's adverbial clauses: `acts.next_act`)."""
    if lemma in lexicon.direct_speech_only:
        return None, None  # "she cried": a cue for the quote beside it, never for a clause or topic
    addressee = None
    obj = child_with(verb, "dobj")
    if lemma in lexicon.addressee_object and obj is not None and is_personal(obj):
        addressee = obj
    # Of two clauses the parser hangs on one cue ('Hale scolded him: "...," she said'), the words
    # are the one beside it.
    clause = min(
        (
            c
            for c in _complements(verb, lexicon)
            if (c.dep_ == "ccomp" or _complement_as_adverbial(verb, c))
            # "X expects savings, Santos told analysts": the cue after the comma is no content.
            and not (lexicon.verb_lemma(c.lower_) and trailing_cue_clause(c))
            # "There is no drug for it; doctors recommend exercise", "We have been here before:
            # Bin Laden declared war": a sentence of its own.
            and not parted_before(c, verb)
            # '"You winning?" she said, but ..., Melanie said yes': a quotation's cue.
            and not (c.i < verb.i and cues_quotation_before(c, lexicon))
            and not fronted_before_complementizer(verb, c)
        ),
        # A "that" clause after the cue is its content before any other ('Writing for a panel
        # that agreed Hale won, Lee noted that ...').
        key=lambda c: (not (c.i > verb.i and _has_that(c)), abs(c.i - verb.i)),
        default=None,
    )
    if clause is not None and clause_reports_nothing(verb, clause, lemma, lexicon):
        return None, addressee
    head = verb.head
    if (
        (clause is None or clause.i < verb.i)
        and verb.dep_ == "ccomp"
        and head.i < verb.i
        and (clause is None or head.i < clause.i)
        and head.tag_.startswith("VB")
        and lexicon.verb_lemma(head.lower_)
        and trailing_cue_clause(verb)
    ):
        # "Lula said Brazil valued China, Xinhua reported": the parser hangs the trailing cue
        # on the first; it reports the whole report before its comma, which is Lula's.
        subject = next(c for c in verb.lefts if c.dep_ in SUBJECTS)
        comma = max(
            (k for k in range(head.i + 1, subject.left_edge.i) if verb.doc[k].text in SET_OFF),
            default=None,
        )
        if comma is not None:
            return (head.left_edge.i, comma), addressee
    if clause is not None and (
        obj is None or obj.i < clause.i or lemma not in lexicon.infinitive_content
    ):
        start, end = subtree_span(clause)
        if clause.i < verb.i:
            # A content before its cue ends where the cue's clause begins ('"You winning?" she
            # said, but ...': the parser may hang what follows the cue on the quoted clause).
            subjects = [
                c.left_edge.i
                for c in verb.children
                if c.dep_ in SUBJECTS and clause.i < c.i < verb.i
            ]
            end = min(end, verb.i, *subjects)
            # 'Hale scolded him: "It is wrong," she said': what leads in to the quotation with a
            # colon is another clause, not part of the words.
            start = max(
                [start]
                + [
                    t.i + 1
                    for t in verb.doc[start : end - 1]
                    if t.text == ":" and verb.doc[t.i + 1].text in QUOTE_MARKS
                ]
            )
        elif start == verb.i + 1 and (when := _when_said(clause)) is not None:
            start = when  # "said on Wednesday it had raised": the day it was said
        for child in clause.rights:  # "the plan was good but warned that ...": stop at the next cue
            if (
                child.dep_ == "conj"
                and child.tag_.startswith("VB")
                and lexicon.verb_lemma(child.lower_)
                # "said the videos were vague and that the footage did not show ...": a second
                # clause of the same report
                and child_with(child, "mark", lower="that") is None
            ):
                end = min(end, child.left_edge.i)
        if clause.i > verb.i:
            # "said the claim smacked of hypocrisy, because ...": the parser often hangs the
            # content's adverbial clause on the cue; it belongs to what was said.
            for child in verb.rights:
                if (
                    child.i > clause.i
                    and child.dep_ == "advcl"
                    and lexicon.verb_lemma(child.lower_) is None
                ):
                    end = child.right_edge.i + 1
        if (act := next_act(verb.doc, start, end, lexicon, adverbials)) is not None:
            end = act
        return (start, end), addressee
    if trailing_cue_clause(verb):
        # "..., Santos told analysts on a call": the cue of the clause before it, not of a topic.
        return None, addressee
    if (pro_form := _pro_form_content(verb, lexicon)) is not None:
        return pro_form, addressee
    # "called for X", "talked about X", "warned of X", "railed against X": what the words were
    # about.
    preposition = lexicon.preposition_content.get(lemma)
    prep = next(
        (
            c
            for c in verb.rights
            if c.dep_ == "prep" and (c.lower_ == preposition or c.lower_ in TOPIC_PREPOSITIONS)
        ),
        None,
    )
    pobj = child_with(prep, "pobj", "pcomp") if prep is not None else None
    if prep is None and preposition is not None:
        # "calls for the money to be spent on buses": the parser's "for ... to" clause.
        marked = next(
            (
                c
                for c in verb.rights
                if c.dep_ == "advcl" and child_with(c, "mark", lower=preposition) is not None
            ),
            None,
        )
        if marked is not None:
            return (marked.left_edge.i + 1, marked.right_edge.i + 1), addressee
    people = False  # whether the cue's object is people it addresses
    if obj is not None and lemma in lexicon.addressee_object:
        # "told a meeting of island leaders that ...": the clause hung on the addressee's noun,
        # when the object names people ("told the story that she wrote" is a relative clause).
        people = any(is_personal(t) or t.tag_ == "NNS" for t in obj.subtree)
        told = next(
            (
                clause
                for noun in obj.subtree
                if noun.tag_.startswith("NN")
                and (clause := _clause_on_adjunct(noun, addressed=people)) is not None
            ),
            None,
        )
        if told is not None:
            return subtree_span(told), addressee
    misplaced = next(
        (
            clause
            for adjunct in verb.rights
            if adjunct.dep_ == "prep"
            for place in adjunct.children
            if place.dep_ == "pobj"
            # "spoke about the claim that ...", "commented on reports that ...": what a topic's
            # noun says is not the cue's words ("told analysts on a call that ..." is).
            and not (
                adjunct.lower_ in TOPIC_PREPOSITIONS
                and (adjunct.lower_ != "on" or lemma in lexicon.topic_only_verbs)
            )
            # "said on a call with analysts that ...": or on a noun inside the adjunct; after
            # people told, as on their own noun ("told analysts on a call that costs would rise")
            for noun in place.subtree
            if noun.tag_.startswith("NN")
            and (clause := _clause_on_adjunct(noun, addressed=people)) is not None
        ),
        None,
    )
    if misplaced is not None:
        return subtree_span(misplaced), addressee
    # "called on the council to act": who is asked, and what.
    asked = obj if obj is not None else pobj
    infinitive = None
    if lemma in lexicon.infinitive_content:
        infinitive = child_with(verb, "xcomp")
        if infinitive is None and asked is not None:
            # "tells his supporters at a rally to "go vote"": the parser's adverbial after
            # the one told is what they are told
            infinitive = child_with(verb, "advcl")
    if infinitive is not None and child_with(infinitive, "aux", lower="to") is None:
        infinitive = None
    if infinitive is not None and lacks_its_preposition(verb, lemma, lexicon):
        infinitive = None
    if infinitive is not None and asked is not None and asked.i < infinitive.i:
        if addressee is None and is_personal(asked):
            addressee = asked
        return (asked.left_edge.i, infinitive.right_edge.i + 1), addressee
    if (
        pobj is not None
        and pobj.ent_type_ not in NOT_TOPICS  # "spoke on Monday" says nothing
        and topic_is_content(verb, pobj, lexicon)
    ):
        return subtree_span(pobj), addressee
    if infinitive is not None:
        return (infinitive.left_edge.i, infinitive.right_edge.i + 1), addressee
    if lemma in lexicon.object_content and obj is not None:
        # "described Trump as a liar", "called it a disgrace": the object with what it is called.
        end = obj.right_edge.i + 1
        said_of = [
            child
            for child in verb.rights
            if child.i > obj.i
            and (
                child.dep_ in ("oprd", "xcomp", "ccomp")
                or (child.dep_ == "prep" and child.lower_ == "as")
            )
        ]
        for child in said_of:
            end = max(end, child.right_edge.i + 1)
        if obj.i < verb.i:
            # "the offer, which the union called 'an insult'": the object is the relative
            # pronoun before the cue; what was said of it is all the content.
            if not said_of:
                return None, addressee
            return (said_of[0].left_edge.i, said_of[0].right_edge.i + 1), None
        if has_predicate(verb, obj) or object_is_content(verb, obj, lexicon):
            return (obj.left_edge.i, end), None
    return None, addressee


# Longest first, so that "the same thing" is read before "the same".
PRO_FORM_CONTENTS = tuple(
    sorted((phrase.split() for phrase in word_list("pro_form_contents")), key=len, reverse=True)
)


def _complements(verb: Token, lexicon: CueLexicon) -> list[Token]:
    """`verb`'s dependents, where a trailing cue the parser hung on it as its complement gives
    way to that cue's own complement before it ("Lula said Brazil valued China, Xinhua
    reported": what Lula said is "Brazil valued China")."""
    found = []
    for child in verb.children:
        if (
            child.dep_ == "ccomp"
            and child.i > verb.i
            and lexicon.verb_lemma(child.lower_)
            and trailing_cue_clause(child)
        ):
            found.extend(c for c in child.lefts if c.dep_ == "ccomp" and c.i > verb.i)
        found.append(child)
    return found


def _pro_form_content(verb: Token, lexicon: CueLexicon) -> tuple[int, int] | None:
    """ "Lane said as much", "has said the same (of Trump)", "thinks so": words given before,
    reported again, right after a verb of saying or thinking; every word hangs on the verb or the
    phrase ("said so far ..." hangs "so" on "far", "said the same thing happened" "thing" on
    "happened")."""
    if lexicon.category_of(verb.lower_, "verb") not in (Category.STATEMENT, Category.THOUGHT):
        return None
    doc = verb.doc
    for words in PRO_FORM_CONTENTS:
        start, end = verb.i + 1, verb.i + 1 + len(words)
        span = doc[start:end]
        if [t.lower_ for t in span] != words or any(
            t.head != verb and not start <= t.head.i < end for t in span
        ):
            continue
        of = child_with(doc[end - 1], "prep", lower="of")
        return start, (of.right_edge.i + 1 if of is not None else end)
    return None


def _when_said(clause: Token) -> int | None:
    """Where a clause begins after the date the parser hung on it, between the cue and the
    clause's subject ("said on Wednesday it had raised $40 million"), else None."""
    first = clause.doc[clause.left_edge.i]
    date = child_with(first, "pobj")
    subject = next((c for c in clause.lefts if c.dep_ in SUBJECTS), None)
    if (
        first.dep_ != "prep"
        or first.head.i != clause.i
        or date is None
        or date.ent_type_ not in ("DATE", "TIME")
        or subject is None
        or subject.left_edge.i != date.right_edge.i + 1
    ):
        return None
    return subject.left_edge.i


def _has_that(clause: Token) -> bool:
    return child_with(clause, "mark", lower="that") is not None


def _complement_as_adverbial(verb: Token, clause: Token) -> bool:
    """ "tweeted in the early hours that the mayor was ...", "said after the vote he would not
    run": after an adjunct, the parser may hang the cue's clause on it as an adverbial clause,
    "that" read as an adverb, or with no subordinator at all (which no adverbial clause with a
    subject of its own lacks)."""
    subject = next((c for c in clause.children if c.dep_ in SUBJECTS), None)
    if clause.dep_ != "advcl" or clause.i < verb.i or subject is None:
        return False
    doc = clause.doc
    first = doc[clause.left_edge.i]
    if first.lower_ == "that":
        return first.head.i == clause.i
    # The adjunct that misled the parser, hung on the cue or on the clause before its subject.
    adjunct_between = any(t.dep_ == "prep" for t in doc[verb.i + 1 : subject.left_edge.i])
    return (
        adjunct_between
        and child_with(clause, "mark") is None
        # "when she was ...": a wh-word subordinates too
        and not any(c.tag_ in ("WRB", "WDT", "WP") for c in clause.children)
        and not doc[verb.i + 1].is_punct
        and is_finite_clause(clause)
    )


def _clause_on_adjunct(pobj: Token, addressed: bool = False) -> Token | None:
    """ "told analysts on a call that savings would rise", "wrote in an opinion that ...": the
    parser hangs the cue's "that" clause on the noun before it, as a relative or noun clause; one
    with its own subject after a "that" that is no pronoun of it is the cue's content. After the
    one a cue addresses ("told a meeting of leaders that the plant would close"), a "that" the
    parser read as the clause's object is its complementizer too."""
    if any(t.lower_ in ("so", "such") for t in pobj.lefts for t in t.subtree):
        return None  # "tells so many lies that ...": a clause of result, not of content
    for child in pobj.rights:
        if child.dep_ not in ("relcl", "acl") or not any(
            c.dep_ in SUBJECTS for c in child.children
        ):
            continue
        first = child.doc[child.left_edge.i]
        if child_with(child, "mark", lower="that") is not None or (
            addressed and first.lower_ == "that" and first.dep_ == "dobj"
        ):
            return child
    return None


# "asking not to be identified", "asked to remain anonymous": the terms of a source's talking to
# the reporter, not what the source said.
NAMING_WORDS = word_list("anonymity_naming_words")
ANONYMOUS_WORDS = word_list("anonymity_adjectives")


def asks_anonymity(verb: Token) -> bool:
    """Whether a cue verb asks that its speaker not be named: an infinitive under it that is a
    naming word negated ("not to be identified") or has an adjective of anonymity ("to remain
    anonymous"); "asked to be named captain" is no such thing."""
    for clause in verb.children:
        if clause.dep_ != "xcomp":
            continue
        if clause.lower_ in NAMING_WORDS and child_with(clause, "neg") is not None:
            return True
        if any(
            c.dep_ in ("acomp", "oprd") and c.lower_ in ANONYMOUS_WORDS for c in clause.children
        ):
            return True
    return False


def lacks_its_preposition(verb: Token, lemma: str | None, lexicon: CueLexicon) -> bool:
    """Whether a verb whose infinitive content needs a preposition right after it ("called on
    residents to leave") has none: "called residents to warn them" is a call made, not a call
    for anything (`infinitive_after_preposition`)."""
    needed = lexicon.infinitive_after_preposition.get(lemma or "")
    if not needed:
        return False
    nxt = verb.nbor() if verb.i + 1 < len(verb.doc) else None
    return not (nxt is not None and nxt.head == verb and nxt.lower_ in needed)
