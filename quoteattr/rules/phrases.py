"""Cues that are not verbs: reporting nouns with a clause ("Trump's claim that ...") and "according
to X", which makes X the speaker or, under a speech verb, a source."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from .candidates import Attribution, Via
from .lexicon import CueLexicon
from .mention_spans import noun_phrase
from .morphology import singular
from .ranges import char_range, trim_tokens
from .subjects import noun_owner
from .syntax import child_with, mention_head, subtree_span


def noun_attributions(
    sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]
) -> list[Attribution]:
    """ "Trump's claim that ...", "the minister's warning that ...": a reporting noun with a
    clause."""
    found = []
    for noun in tokens:
        if not noun.tag_.startswith("NN") or singular(noun.lower_) not in lexicon.content_nouns:
            continue
        clause = next(
            (
                c
                for c in noun.rights
                if c.dep_ in ("acl", "ccomp") and child_with(c, "mark", lower="that")
            ),
            None,
        )
        if clause is None:
            continue
        owner = noun_owner(noun, clause.i)
        found.append(
            Attribution(
                content=[char_range(sent.doc, subtree_span(clause))],
                cue=(noun.i, noun.i + 1),
                cue_lemma=singular(noun.lower_),
                speaker=None if owner is None else noun_phrase(mention_head(owner)),
                via=Via.SUBJECT if owner is not None else Via.NONE,
                sentence_start=sent.start,
            )
        )
    return found


def according_to_attributions(
    sent: Span, lexicon: CueLexicon, verb_found: Sequence[Attribution], tokens: Sequence[Token]
) -> list[Attribution]:
    """ "According to X, ..." makes X the speaker, or a source when a speech verb governs the
    clause."""
    found = []
    doc = sent.doc
    for token in tokens:
        for words, relation in lexicon.phrases:
            if token.lower_ != words[0] or token.i + len(words) > sent.end:
                continue
            if [t.lower_ for t in doc[token.i : token.i + len(words)]] != list(words):
                continue
            last = doc[token.i + len(words) - 1]
            pobj = child_with(last, "pobj")
            if pobj is None:
                continue
            source = noun_phrase(pobj)
            phrase = (token.i, max(source[1], pobj.right_edge.i + 1))
            # A cue with words of its own reports them from the source; not one that reports
            # nothing here ("According to Oyelaran, 40 people have written to her").
            governed = [
                a
                for a in verb_found
                if a.cue is not None and a.content and _governs(doc[a.cue[0]], token)
            ]
            if governed:
                for attribution in governed:
                    attribution.sources.insert(0, (source, relation))
                continue
            if relation != "according_to":
                continue
            clause = token.head if token.head.i != token.i else None
            while clause is not None and clause.dep_ in ("prep", "pobj"):
                clause = clause.head if clause.head.i != clause.i else None
            if clause is None:
                continue
            content = _span_of_sentence_rest(sent, clause, phrase)
            if not content:
                continue
            found.append(
                Attribution(
                    content=[char_range(doc, piece) for piece in content],
                    cue=(token.i, last.i + 1),
                    cue_lemma="according to",
                    speaker=source,
                    via=Via.ACCORDING_TO,
                    sentence_start=sent.start,
                )
            )
    return found


def _governs(verb: Token, token: Token) -> bool:
    return any(ancestor.i == verb.i for ancestor in token.ancestors) and token.head.i == verb.i


def _span_of_sentence_rest(
    sent: Span, clause: Token, phrase: tuple[int, int]
) -> list[tuple[int, int]]:
    """The clause's extent without the cue phrase and the punctuation that sets it off: one piece,
    or two where the phrase interrupts it ("The plan, according to Hale, is dead")."""
    doc = sent.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    pieces = [(start, end)]
    if phrase[0] <= start < phrase[1]:
        pieces = [(phrase[1], end)]
    elif start < phrase[0] < end and phrase[1] <= clause.i:
        pieces = [(start, phrase[0]), (phrase[1], end)]  # the phrase before the clause's verb
    elif start < phrase[0] < end:
        pieces = [(start, phrase[0])]  # "..., according to a speech she gave in Ohio."
    pieces = [trim_tokens(doc, a, b) for a, b in pieces if b > a]
    return [(a, b) for a, b in pieces if b > a]
