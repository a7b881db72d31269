"""The rules' stages in order: cues by sentence, quote kinds, colon and dash forms, uncued quotes,
split quotes, parenthetical cues, paragraph clipping; then the model's choice, source chains,
hedges."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..intervals import Coverage
from ..records import QuoteKind
from .arrays import DocArrays, indices
from .candidates import Attribution, Via, drop_duplicates
from .categories import categorize
from .chains import chain_sources, fold_self_reports, hedge_anonymous_sources
from .clauses import clip_to_paragraphs, parenthetical_content
from .colons import block_lead_ins, colon_lead_ins, news_colons
from .contents import asks_anonymity
from .context import DocContext
from .cues import clause_attributions, mistagged_verb_attributions, verb_attributions
from .interviews import interview_answers
from .lexicon import CueLexicon
from .morphology import singular
from .phrases import according_to_attributions, noun_attributions
from .quotes import classify, link_quotes, merge_split_quotes
from .ranges import strip_chars

if TYPE_CHECKING:
    from ..model.scorer import AttributionScorer


# Words a paraphrase needs, once its own speaker and cue are taken out, to report anything.
MIN_REPORT_WORDS = 3
CLAUSAL_COMPLEMENTS = frozenset({"ccomp", "xcomp"})


def find_attributions(
    context: DocContext, model: AttributionScorer | None = None
) -> list[Attribution]:
    """All attributions of a parsed Doc, in document order, speakers not yet resolved. A trained
    `model` adds the open-class attributions it accepts to the rules' and may drop rule ones."""
    attributions = rule_attributions(context)
    if model is not None:
        attributions = model.select(context, attributions)
    attributions = [
        a for a in attributions if a.cue is None or not asks_anonymity(context.doc[a.cue[0]])
    ]
    attributions = [
        a for a in attributions if _take_out_own_cue(context, a) and _says_something(context, a)
    ]
    attributions = _outside_colon_contents(context.doc, attributions)
    attributions = fold_self_reports(context.doc, attributions)
    chain_sources(context.doc, attributions)
    hedge_anonymous_sources(context.doc, attributions, context.lexicon)
    return attributions


def rule_attributions(context: DocContext) -> list[Attribution]:
    """The rules' attributions in document order, before source chains and hedges."""
    doc, lexicon, index = context.doc, context.lexicon, context.quotes
    attributions: list[Attribution] = []
    possible = _possible_cues(context.arrays, lexicon)
    first = 0  # the first of `possible` not in a sentence before this one
    for start, end in context.sentences():
        last = bisect.bisect_left(possible, end, first)
        if last == first:
            continue  # no word here any pass below starts from
        sent = Span(doc, start, end)  # only for a sentence the passes read
        # One Token object per word the passes may start from, shared by them.
        tokens = [doc[i] for i in possible[first:last]]
        first = last
        by_verbs = verb_attributions(sent, lexicon, tokens)
        attributions.extend(by_verbs)
        # Before the reporting nouns: "Trump claims that ..." read as a noun has no owner.
        attributions.extend(mistagged_verb_attributions(sent, lexicon, tokens))
        attributions.extend(noun_attributions(sent, lexicon, tokens))
        attributions.extend(clause_attributions(sent, lexicon, tokens))
        attributions.extend(according_to_attributions(sent, lexicon, by_verbs, tokens))
    # "I think" inside a quote is the quoted speaker's own words, not another attribution.
    attributions = [
        a for a in attributions if a.cue is None or not index.contains(doc[a.cue[0]].idx)
    ]
    consumed: set[int] = set()
    for attribution in attributions:
        if attribution.content:
            cue = doc[attribution.cue[0]].idx if attribution.cue is not None else None
            classify(context, attribution, consumed, cue)
    attributions.extend(colon_lead_ins(context, consumed))
    attributions.extend(block_lead_ins(context))
    news = news_colons(context)
    for attribution in news:
        classify(context, attribution, consumed)
    attributions.extend(news)
    attributions.extend(interview_answers(context))
    attributions.extend(link_quotes(context, attributions, consumed))
    merge_split_quotes(context, attributions, consumed)
    for attribution in attributions:
        # A manner-of-speaking verb cues only a quotation ('Garner, gasping on the sidewalk, said').
        if (
            not attribution.content
            and attribution.cue is not None
            and attribution.cue_lemma not in lexicon.direct_speech_only
        ):
            parenthetical_content(doc, attribution, lexicon)
            if attribution.content:
                attribution.kind = QuoteKind.INDIRECT
                classify(context, attribution, consumed)
    clip_to_paragraphs(context, attributions)
    kept = categorize(doc, [a for a in attributions if a.content], lexicon)
    kept.sort(key=lambda a: (a.start, a.end))
    return drop_duplicates(kept)


def _take_out_own_cue(context: DocContext, attribution: Attribution) -> bool:
    """Take a paraphrase's speaker and cue out of its words where they hold them ("which he said
    were at his side": "which" ... "were at his side"), as a report never contains its reporting
    verb; False when too little is left to be a report ("examples that critics point to")."""
    if attribution.kind is not QuoteKind.INDIRECT or attribution.cue is None:
        return True
    doc, text = context.doc, context.text
    last = doc[attribution.cue[1] - 1]
    cue_start, cue_end = doc[attribution.cue[0]].idx, last.idx + len(last)
    if not any(start <= cue_start < end for start, end in attribution.content):
        return True
    after = next(
        (t for t in doc[attribution.cue[1] : attribution.cue[1] + 3] if not t.is_punct), None
    )
    if after is not None and after.head.i == last.i and after.dep_ not in CLAUSAL_COMPLEMENTS:
        return False  # "the examples that critics point to ...": the cue's own clause goes on
    pieces = []
    for start, end in attribution.content:
        if not start <= cue_start < end:
            pieces.append((start, end))
            continue
        cut = cue_start
        if attribution.speaker is not None and doc[attribution.speaker[0]].idx >= start:
            cut = min(cut, doc[attribution.speaker[0]].idx)
        pieces += [strip_chars(text, start, cut), strip_chars(text, cue_end, end)]
    pieces = [(a, b) for a, b in pieces if b > a]
    if sum(len(text[a:b].split()) for a, b in pieces) < MIN_REPORT_WORDS:
        return False
    attribution.content = pieces
    return True


# The words that can carry a proposition: nouns, verbs, adjectives, adverbs ("said so"), numbers.
CONTENT_WORD_TAGS = ("NN", "VB", "JJ", "RB", "CD", "MD", "FW")


def _says_something(context: DocContext, attribution: Attribution) -> bool:
    """Whether a paraphrase's words hold a word that can say something: "comparing him", "I
    preach it to" give only pronouns and particles, no report."""
    if attribution.kind is not QuoteKind.INDIRECT:
        return True  # a quotation's words are the speaker's, whatever they are ("No.")
    for start, end in attribution.content:
        span = context.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and any(t.tag_.startswith(CONTENT_WORD_TAGS) for t in span):
            return True
    return False


def _outside_colon_contents(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Drop the reports cued inside a colon attribution's words (an interview's answer, a
    transcript's line): as inside a quotation, they are that speaker's own words ("A: She used to
    say that water finds its way home" is the interviewee's answer, not a record of "she")."""
    spoken = Coverage(piece for a in attributions if a.via is Via.COLON for piece in a.content)
    return [
        a
        for a in attributions
        if a.via is Via.COLON or a.cue is None or not spoken.covers(doc[a.cue[0]].idx)
    ]


def _possible_cues(arrays: DocArrays, lexicon: CueLexicon) -> list[int]:
    """The tokens the cue passes start from, a superset: a speech verb (`verb_attributions`, and
    `mistagged_verb_attributions` for one tagged a noun), a reporting noun (`noun_attributions`),
    a clause that may be a report (`clause_attributions`), the first word of a cue phrase
    (`according_to_attributions`); a small part of the Doc."""
    if not arrays.size:
        return []
    verbs = arrays.lower_where(
        arrays.tag(lambda tag: tag.startswith("VB")),
        lambda word: lexicon.verb_lemma(word) is not None or word in lexicon.as_clause_idioms,
    )
    nouns = arrays.lower_where(
        arrays.tag(lambda tag: tag.startswith("NN")),
        lambda word: singular(word) in lexicon.content_nouns,
    )
    mistagged = arrays.lower_where(  # `mistagged_verb_attributions`: "But Trump claims that"
        arrays.tag(lambda tag: tag == "NNS") & arrays.dep(lambda dep: dep == "ROOT"),
        lambda word: lexicon.verb_lemma(word) is not None,
    )
    clauses = arrays.dep(lambda dep: dep == "ccomp")
    phrases = arrays.lower_in({words[0] for words, _ in lexicon.phrases})
    return indices(verbs | nouns | mistagged | clauses | phrases)
