"""Where a content ends: reported speech clipped to its cue's paragraph, and the rest of the
sentence as the content of a parenthetical cue ("The plan, he said, is dead.")."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from ..records import QuoteKind
from .acts import adverbial_clauses, next_act
from .candidates import Attribution, Via
from .categories import WH_TAGS
from .context import DocContext
from .lexicon import CueLexicon
from .participles import participle_phrase
from .ranges import char_range, strip_chars, trim_tokens
from .subjects import fronted_clause_subject
from .syntax import SET_OFF, child_with, cues_quotation_before, is_personal, subtree_span

# A news dateline opening a paragraph: the place in capitals, maybe a state, country or date after
# a comma, maybe the agency in brackets, then a dash ("SPRINGFIELD, Ill. (AP) — ", "NEW YORK
# (Reuters) - ", "LONDON, Oct 2 - ").
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'.\-]+\s+)*[A-Z][A-Z'.\-]+"
    r"(?:,\s+[A-Z0-9][\w.'\-]*(?:\s+[A-Z0-9][\w.'\-]*)*)?"
    r"(?:\s+\([^()\n]{1,40}\))?"
    r"\s*(?:—|–|--|-)\s+"
)


def after_dateline(text: str, start: int, end: int) -> int:
    """Where the paragraph [start, end) begins after its dateline, if it opens with one."""
    match = _DATELINE.match(text, start, end)
    return start if match is None else match.end()


def clip_to_paragraphs(context: DocContext, attributions: list[Attribution]) -> None:
    """Reported speech stays in its cue's paragraph (a parse without paragraph-aware sentences may
    run on into the next one), after the paragraph's dateline, which no one says; only direct
    quotes span paragraphs, and the paragraph a colon sets off ("The governor added:")."""
    doc, text, paragraphs, starts = (
        context.doc,
        context.text,
        context.paragraphs,
        context.paragraph_starts,
    )
    for attribution in attributions:
        if (
            attribution.kind == QuoteKind.DIRECT
            or attribution.via is Via.COLON  # its layout delimits it
            or attribution.cue is None
            or not attribution.content
            or not paragraphs
        ):
            continue
        i = max(0, bisect.bisect_right(starts, doc[attribution.cue[0]].idx) - 1)
        low, high = paragraphs[i]
        low = after_dateline(text, low, high)
        clipped = [(max(a, low), min(b, high)) for a, b in attribution.content]
        clipped = [(a, b) for a, b in clipped if b > a and text[a:b].strip()]
        attribution.content = [strip_chars(text, a, b) for a, b in clipped]
        if attribution.kind == QuoteKind.MIXED and not any(
            context.quotes.overlapping(a, b) for a, b in attribution.content
        ):
            attribution.kind = QuoteKind.INDIRECT  # its quotation was the next paragraph's


PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "dep", "conj", "ccomp", "relcl"})
AS_CLAUSE_SPILL = 4  # words of a fronted "as" clause the parser may hang on the main clause


def parenthetical_content(doc: Doc, attribution: Attribution, lexicon: CueLexicon) -> None:
    """'The plan is dead, the minister said.' and 'The plan, he said, is dead.': the rest of the
    sentence, when the cue clause is set off from it by a comma."""
    if attribution.via is Via.RELATIVE_CLAUSE:
        return  # "his goalkeeper, Doyle, who denied Vidal twice": the sentence is not its words
    verb = doc[attribution.cue[0]]
    spoken_to = attribution.cue_lemma in lexicon.addressee_object
    sent = verb.sent
    if verb.dep_ == "ROOT":
        if _has_own_frame(verb, spoken_to):
            return  # "Alito wrote a dissent, arguing that ...": the clause after is not its words
        clauses = [
            c
            for c in verb.children
            if c.dep_ in PARENTHETICAL_DEPS
            and _set_off(doc, verb, c)
            and not participle_phrase(c)
            and not (c.i < verb.i and cues_quotation_before(c, lexicon))
            # "When Congress cut funding, Mexico said enough": when, not what
            and not (c.i < verb.i and c.dep_ == "advcl" and _subordinated(c))
            # "He proposed a cut, but analysts agreed ...": a clause coordinated with the cue's
            and not (c.i > verb.i and c.dep_ == "conj" and _coordinated(verb, c))
        ]
        if not clauses and (fronted := fronted_clause_subject(verb)) is not None:
            clauses = [fronted]  # "The findings held for coffee, the authors wrote."
        if not clauses:
            return
        start, end = trim_tokens(doc, *subtree_span(clauses[0]))
        pieces = [(start, end)]
    elif (
        verb.dep_ in PARENTHETICAL_DEPS
        and not _has_own_frame(verb, spoken_to)
        and not _relative_clause(verb)
    ):
        left, right = trim_tokens(doc, verb.left_edge.i, verb.right_edge.i + 1)
        speaker = attribution.speaker
        if (
            speaker is not None
            and left < speaker[0] < verb.i
            and doc[speaker[0] - 1].text in SET_OFF
        ):
            # "The real Dred Scott, Chief Justice Roberts said, was ...": the parser took the
            # host's words before the comma for the speaker's apposition; they are the host's.
            left = speaker[0]
        before = left - 1
        while before > sent.start and doc[before].is_quote:
            before -= 1  # '"a lawful source of income," as a memo put it'
        before_comma = left > sent.start and doc[before].text in SET_OFF
        if left == sent.start and child_with(verb, "mark", lower="as") is not None:
            right = _as_clause_end(doc, right, sent.end)
        after_comma = right < sent.end and doc[right].text in SET_OFF
        if not (before_comma or (left == sent.start and after_comma)):
            return
        # "which, Tompkins said, is full": the clause the cue interrupts, else the sentence.
        host = verb.head if verb.dep_ == "parataxis" else sent.root
        while not host.tag_.startswith(("VB", "MD")) and host.head.i != host.i:
            host = host.head  # "The difference now, he told me, is ...": hung on the subject
        start, end = host.left_edge.i, host.right_edge.i + 1
        act = next_act(doc, right, end, lexicon, lambda: adverbial_clauses(sent), hung_inside=False)
        pieces = [trim_tokens(doc, start, left), trim_tokens(doc, right, act or end)]
    else:
        return
    pieces = [(a, b) for a, b in pieces if b > a]
    if sum(b - a for a, b in pieces) >= 3:
        attribution.content = [char_range(doc, piece) for piece in pieces]


def _coordinated(verb: Token, clause: Token) -> bool:
    """Whether a conjunction ("and", "but") joins a later clause to the cue's."""
    return any(c.dep_ == "cc" and verb.i < c.i < clause.i for c in verb.children)


def _relative_clause(verb: Token) -> bool:
    """Whether a cue heads a relative clause with its relative word ("a role in which she advises
    the president"): it says something of a noun, and the sentence around it is not its words
    ("The plan, he said, is dead" has none)."""
    return verb.dep_ == "relcl" and any(
        t.tag_ in WH_TAGS for t in verb.doc[verb.left_edge.i : verb.i]
    )


def _subordinated(clause: Token) -> bool:
    """Whether a clause opens with a subordinator: a conjunction ("though", "because") or a wh-
    adverb ("when", "where")."""
    first = clause.left_edge
    return first.dep_ == "mark" or (first.tag_ == "WRB" and first.head.i == clause.i)


def _as_clause_end(doc: Doc, right: int, limit: int) -> int:
    """Where a fronted "as" clause ends: at the comma a few words on, when the parser hung its
    last words ("As Hale said last week, ...") on the main clause."""
    for i in range(right, min(right + AS_CLAUSE_SPILL, limit)):
        if doc[i].text in SET_OFF:
            return i
    return right


def _has_own_frame(verb: Token, spoken_to: bool) -> bool:
    """Whether a cue clause is a clause of its own rather than a parenthetical: it has a thing
    for its object or a subordinator ("When the city added a route, ridership doubled"), unlike
    "he said", "he told reporters", "she told analysts" (`spoken_to`: the verb's object is whom it
    addresses) or "as he said"."""
    return any(
        (child.dep_ == "dobj" and not spoken_to and not is_personal(child))
        or (child.dep_ == "mark" and child.lower_ != "as")
        or (child.dep_ == "advmod" and child.tag_ == "WRB")
        for child in verb.children
    )


def _set_off(doc: Doc, verb: Token, clause: Token) -> bool:
    """Whether a comma or dash separates `clause` from the cue verb."""
    if clause.i < verb.i:
        between = doc[clause.right_edge.i + 1 : verb.i]
    else:
        between = doc[verb.i + 1 : clause.left_edge.i]
    return any(t.text in SET_OFF for t in between)
