"""Direct quotes: their kind from the marks in a content, and the quotes no cue's clause covered,
linked to a bare cue beside them, a trailing dash, a verb whose complement holds a fragment, or left
for the paragraph's speaker; quotes split by their attribution joined."""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Sequence

from spacy.tokens import Token

from ..records import QuoteKind
from .candidates import Attribution, Via
from .categories import has_thing_object, topic_is_content
from .context import DocContext
from .lexicon import DASHES, CueLexicon
from .marks import CLOSERS_FOR, QUOTE_MARKS, QuotedSpan
from .mention_spans import names_in, proper_noun_run, set_speaker
from .quoted_words import looks_like_speech, names_a_title
from .ranges import char_range, trim_tokens
from .subjects import find_subject
from .syntax import (
    COPULAS,
    DOCUMENT_NOUNS,
    SPEAKER_LABELS,
    child_with,
    is_personal,
    named_apposition,
    open_class_lemma,
)

SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“‘']")
# The end of an attribution between two pieces of one quotation: '"A," he said, "B."' and
# '"A," he said, but "B."'.
SPLIT_JOIN = re.compile(r",(?:\s*(?:but|and))?$")


def _unquoted_words(text: str, start: int, end: int, quotes: Sequence[QuotedSpan]) -> list[str]:
    """The words of text[start:end] outside the quotes ('said that "..."' is mixed: the reporter
    chose the frame)."""
    pieces, cursor = [], start
    for quote in quotes:
        pieces.append(text[cursor : max(cursor, quote.open)])
        cursor = max(cursor, quote.close + 1)
    pieces.append(text[cursor:end])
    return [w for w in " ".join(pieces).split() if any(ch.isalnum() for ch in w)]


def classify(
    context: DocContext, attribution: Attribution, consumed: set[int], cue: int | None = None
) -> None:
    """Set direct / mixed / indirect from the quote marks in the content. `cue` is where the cue
    starts, if the caller knows it."""
    text, index = context.text, context.quotes
    start, end = attribution.start, attribution.end
    quotes = index.overlapping(start, end)
    if not quotes:
        return
    last = quotes[-1]
    if cue is not None and end <= cue and last.close < end and quotes[0].open <= start:
        # '"..., we will win," Tulsa police Chief Chuck Jordan said': a clause parsed from inside a
        # quote on into the words before its cue; what lies between the quote and the cue is the
        # speaker's phrase, not what was said.
        attribution.content = [(start, last.close + 1)]
        start, end = attribution.start, attribution.end
        quotes = index.overlapping(start, end)
    first = quotes[0]
    if (
        cue is not None
        and cue < start <= first.start
        and first.close < end
        and _gap_is(text, start, first.start, QUOTE_MARKS)
    ):
        # 'Fans chanted "We are top of the league" long after the whistle, and ...': a clause
        # whose verb lies inside the quotation it opens with is that quotation; what follows the
        # close is the writer's ('said "reunification" is inevitable' keeps its verb outside).
        span = context.doc.char_span(start, end, alignment_mode="expand")
        if span is not None and first.start <= span.root.idx < first.end:
            attribution.content = [(start, first.close + 1)]
            start, end = attribution.start, attribution.end
            quotes = index.overlapping(start, end)
    titles = [q for q in quotes if names_a_title(context, q)]
    if titles:
        # 'the production of "Tosca," the company said': a title quoted, not words of the speaker
        consumed.update(q.open for q in titles)
        quotes = [q for q in quotes if q not in titles]
        last_start, last_end = attribution.content[-1]
        closing = next((q.close + 1 for q in titles if q.open < last_end <= q.close), None)
        if closing is not None:  # a title is whole, its marks too
            attribution.content[-1] = (last_start, closing)
        if not quotes:
            return
    if not _unquoted_words(text, start, end, quotes):
        attribution.kind = QuoteKind.DIRECT
        attribution.content = [(q.start, q.end) for q in quotes]
        if attribution.via is Via.COLON and len(quotes) == 1 and quotes[0].paragraphs > 1:
            # A transcript's line inside a quotation of many paragraphs ('"WALLACE: ...' /
            # '"PENCE: ...'): the line, not the whole quotation.
            attribution.content = [(max(quotes[0].start, start), min(quotes[0].end, end))]
    else:
        attribution.kind = QuoteKind.MIXED
        # A quotation is whole: a clause the parser ended inside one that it opens ('she recalled
        # thinking, "This is ..., is you ..."') runs on to its close, within the paragraph.
        last = quotes[-1]
        if last.close >= end and start < last.open and "\n" not in text[end : last.close]:
            attribution.content = [(start, last.close + 1)]
    consumed.update(q.open for q in quotes)


def _gap_is(text: str, start: int, end: int, allowed: Container[str]) -> bool:
    return all(ch.isspace() or ch in allowed for ch in text[start:end])


def link_quotes(
    context: DocContext, attributions: list[Attribution], consumed: set[int]
) -> list[Attribution]:
    """Attach quotes that no cue's content clause covered: to a bare cue beside them, a trailing
    dash attribution, a colon lead-in, or (later) the speaker of the paragraph."""
    doc, text, index = context.doc, context.text, context.quotes
    bare = sorted(
        (a for a in attributions if a.cue is not None and a.via != Via.ACCORDING_TO),
        key=lambda a: a.cue[0],
    )
    cue_chars = [doc[a.cue[0]].idx for a in bare]
    linked: list[Attribution] = []
    for quote in index.spans:
        if quote.open in consumed or quote.end <= quote.start:
            continue
        cue = _adjacent_bare_cue(context, quote, bare, cue_chars)
        if cue is not None:
            cue.content = [(quote.start, quote.end)]
            cue.kind = QuoteKind.DIRECT
            consumed.add(quote.open)
            continue
        dashed = _dash_attribution(context, quote)
        if dashed is not None:
            consumed.add(quote.open)
            linked.append(dashed)
            continue
        fragment = _fragment_attribution(context, quote)
        if fragment is not None:
            classify(context, fragment, consumed)
            linked.append(fragment)
            continue
        if looks_like_speech(text, quote):
            consumed.add(quote.open)
            sentence = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            linked.append(
                Attribution(
                    content=[(quote.start, quote.end)],
                    kind=QuoteKind.DIRECT,
                    sentence_start=sentence.sent.start
                    if sentence is not None and len(sentence)
                    else 0,
                )
            )
    return linked


# How far (in characters) a cue clause may lie from the quote it introduces or closes.
CUE_REACH = 250


def _adjacent_bare_cue(
    context: DocContext, quote: QuotedSpan, bare: list[Attribution], cue_chars: list[int]
) -> Attribution | None:
    doc, text = context.doc, context.text
    low = bisect.bisect_left(cue_chars, quote.open - CUE_REACH)
    high = bisect.bisect_right(cue_chars, quote.close + CUE_REACH)
    for attribution in bare[low:high]:
        cue_token = doc[attribution.cue[0]]
        # A cue that already has a clause after it may still belong to the quote before it
        # ('"...," she said months later, and ...'): the parser's clause is then a misreading.
        settled = bool(attribution.content) and (
            attribution.kind != QuoteKind.INDIRECT
            or attribution.start < cue_token.idx
            # 'called it "intriguing." He said a trial ...': a new sentence with its own clause
            or _ends_sentence(text, quote)
        )
        clause_start = min(
            cue_token.i, attribution.speaker[0] if attribution.speaker else cue_token.i
        )
        clause_end = max(
            cue_token.i + 1, attribution.speaker[1] if attribution.speaker else cue_token.i + 1
        )
        if cue_token.idx < quote.open:
            # 'As Dahl put it after the match, "..."': the cue clause runs on to the quotation.
            last_before = max(t.i for t in cue_token.subtree if t.idx < quote.open)
            if doc[last_before].text in (",", ":"):
                clause_end = max(clause_end, last_before + 1)
        first, last = doc[clause_start], doc[clause_end - 1]
        after_clause = last.idx + len(last.text)
        # '"...," he said' and '"...," said Putin': only punctuation between quote and clause.
        gap_after = text[quote.close + 1 : first.idx] if first.idx > quote.close else None
        if (
            gap_after is not None
            and "\n" not in gap_after
            and _gap_is(text, quote.close + 1, first.idx, ",;:")
            and not _next_sentence_acts(text, quote, cue_token, context.lexicon)
            and not _introduces_next(text, quote, after_clause)
        ):
            if not settled:
                return attribution
        # 'He said: "..."' and 'He said, "..."'.
        if (
            not attribution.content
            and after_clause <= quote.open
            and _gap_is(text, after_clause, quote.open, ",:")
        ):
            gap_before = text[after_clause : quote.open]
            if attribution.cue_lemma in context.lexicon.quoted_object_is_thing and not (
                set(gap_before) & {",", ":"}
            ):
                continue  # 'The dictionary added "rizz"': a word it put in, not one it said
            if "\n" not in gap_before or gap_before.lstrip().startswith(":"):
                return attribution
    return None


def _ends_sentence(text: str, quote: QuotedSpan) -> bool:
    """Whether the quoted words end a sentence: what follows starts one of its own ('"We will
    win," she said' goes on; '"We will win." She said ...' does not)."""
    return text[quote.start : quote.end].rstrip().endswith((".", "!", "?"))


def _introduces_next(text: str, quote: QuotedSpan, after_clause: int) -> bool:
    """Whether a cue clause after a quotation that ends its sentence runs on, past a comma or a
    colon, to the next quotation ('"I was kidding." She said, "Thank God."'): it introduces that
    one, not the one before it."""
    rest = text[after_clause : after_clause + 8].lstrip()
    return (
        _ends_sentence(text, quote)
        and rest[:1] in (",", ":")
        and rest[1:].lstrip()[:1] in CLOSERS_FOR
    )


def _next_sentence_acts(text: str, quote: QuotedSpan, verb: Token, lexicon: CueLexicon) -> bool:
    """Whether a quotation that ends its sentence is followed by a sentence whose verb acts on a
    thing ('"We earned every point." The goalie denied three breakaways.'): not its cue."""
    ends = _ends_sentence(text, quote)
    # (Not an inverted cue, '"Get out!" shouted the officer', whose subject the parser may read
    # as its object.)
    subject_first = any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)
    return ends and subject_first and has_thing_object(verb, lexicon)


def _dash_attribution(context: DocContext, quote: QuotedSpan) -> Attribution | None:
    """'"..." - Commissioner Jane Roe' at the end of a paragraph."""
    doc, text = context.doc, context.text
    line_end = text.find("\n", quote.close)
    line_end = len(text) if line_end < 0 else line_end
    tail = text[quote.close + 1 : line_end]
    stripped = tail.lstrip()
    dash = next((d for d in DASHES if stripped.startswith(d)), None)
    if dash is None:
        return None
    dash_start = quote.close + 1 + (len(tail) - len(stripped))
    name_start = dash_start + len(dash)
    span = doc.char_span(name_start, line_end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    names = names_in(span, SPEAKER_LABELS)
    if not names:
        # a full name the recognizer missed ('"..." ― Ana Ruiz, mayor')
        run = proper_noun_run(span)
        if run is None or len(run) < 2 or run.start - span.start > 1:
            return None
        names = [run]
    if any(_predicates(token) for token in span):
        return None  # '"con artist" - just as he did with Romney': a clause, not a name
    start, end = trim_tokens(doc, span.start, span.end)
    if end - start > 12:
        return None
    mark = doc.char_span(dash_start, name_start)  # the cue, as a colon is a colon's
    return Attribution(
        content=[(quote.start, quote.end)],
        kind=QuoteKind.DIRECT,
        cue=None if mark is None else (mark.start, mark.end),
        cue_lemma=None if mark is None else dash,
        speaker=(start, end),
        via=Via.DASH,
        sentence_start=names[0].sent.start,
    )


def _predicates(token: Token) -> bool:
    """Whether a word after a quote's dash is the verb of a clause, not of a relative clause or
    participle inside the name's description ("Jane Roe, who chairs the board")."""
    if not (token.tag_.startswith("VB") or token.tag_ == "MD") or token.is_punct:
        return False
    return not any(t.dep_ in ("relcl", "acl") for t in (token, *token.ancestors))


def _fragment_attribution(context: DocContext, quote: QuotedSpan) -> Attribution | None:
    """'Cruz called Trump a "pathological liar"', 'Japan branded North Korea an "outlaw nation"': a
    quoted fragment in the complement of a verb whose subject is a person or organisation is that
    subject's words, reported in a mixed quote."""
    doc, text, lexicon = context.doc, context.text, context.lexicon
    if looks_like_speech(text, quote):
        return None
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = span.root
    # (A dash the tagger took for a verb, 'as a "con artist" ― just as', is none.)
    # (A verb inside the quotation is of the quoted words: "likened the rules to "burning the
    # Constitution"".)
    while (
        not verb.tag_.startswith("VB") or verb.is_punct or span.start <= verb.i < span.end
    ) and verb.head.i != verb.i:
        verb = verb.head
    if not verb.tag_.startswith("VB") or verb.lower_ in COPULAS or verb.i >= span.start:
        return None
    # Only verbs of saying and of calling or judging report someone's words ("attended the
    # "Rally for America"" quotes a name, not the subject).
    if lexicon.verb_lemma(verb.lower_) is None and verb.lower_ not in lexicon.naming_verb_forms:
        return None
    subject = find_subject(verb)
    if subject is not None:
        subject = (named_apposition(subject[0]), subject[1])
    if (
        subject is None
        or subject[0].i >= verb.i
        or not (is_personal(subject[0]) or subject[0].lower_ in DOCUMENT_NOUNS)
        or subject[0].lower_ in ("it", "this", "that")
    ):
        return None
    complements = [
        c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj", "advcl", "punct")
    ]
    if not complements:
        return None
    topic = child_with(complements[0], "pobj") if complements[0].dep_ == "prep" else None
    if topic is not None and not topic_is_content(verb, topic, lexicon):
        return None  # 'Pence said on CNN's "State of the Union"': where it was said
    if complements[0].dep_ == "dobj" and lexicon.any_verb_lemma(verb.lower_) in (
        lexicon.quoted_object_is_thing
    ):
        return None  # 'the dictionary adds "rizz"': a word it puts in, not one it says
    start, end = complements[0].left_edge.i, max(c.right_edge.i for c in complements) + 1
    if not (start <= span.start and span.end <= end + 1):
        return None
    last = (
        quote.close + 1
        if doc[end - 1].idx < quote.close + 1 <= doc[min(end, len(doc) - 1)].idx + 1
        else None
    )
    content_start, content_end = char_range(doc, (start, end))
    attribution = Attribution(
        content=[(content_start, max(content_end, last or content_end))],
        kind=QuoteKind.MIXED,
        cue=(verb.i, verb.i + 1),
        cue_lemma=open_class_lemma(verb),
        sentence_start=verb.sent.start,
    )
    set_speaker(attribution, verb, (subject[0], Via.FRAGMENT_SUBJECT))
    return attribution


def merge_split_quotes(
    context: DocContext, attributions: list[Attribution], consumed: set[int]
) -> None:
    """'"A," he said, "B."': two quotes around one attribution that ends with a comma are one
    quote, whichever of the two pieces the cue was first attached to."""
    doc, text, index = context.doc, context.text, context.quotes
    by_start = {q.start: q for q in index.spans}
    position = {q.open: i for i, q in enumerate(index.spans)}
    uncued = {a.content[0][0]: a for a in attributions if a.cue is None and a.content}
    for attribution in attributions:
        if (
            attribution.kind != QuoteKind.DIRECT
            or attribution.cue is None
            or len(attribution.content) != 1
        ):
            continue
        quote = by_start.get(attribution.content[0][0])
        if quote is None:
            continue
        i = position[quote.open]
        cue_start = doc[attribution.cue[0]].idx
        for first, second in ((quote, _at(index.spans, i + 1)), (_at(index.spans, i - 1), quote)):
            if first is None or second is None or not first.close < cue_start < second.open:
                continue
            other = second if first is quote else first
            if other.open in consumed and other.start not in uncued:
                continue
            gap = text[first.close + 1 : second.open]
            # The attribution ends with a comma, and no sentence ends inside it ("N.C.," does not)
            # or before it: '"I was kidding." To which she said, "..."' is two quotations.
            # (A doubled mark '' as in some archives leaves half of itself in the gap.)
            if (
                not _full_stop(text, first)
                and SPLIT_JOIN.search(gap.strip().strip("'‘’").rstrip())
                and "\n" not in gap
                and not SENTENCE_BREAK.search(gap)
            ):
                attribution.content = [(first.start, first.end), (second.start, second.end)]
                consumed.add(other.open)
                if other.start in uncued:
                    uncued.pop(other.start).content = []
                break


def _full_stop(text: str, quote: QuotedSpan) -> bool:
    """Whether a quotation ends with a full stop (not an ellipsis, which may run on)."""
    inside = text[quote.start : quote.end].rstrip()
    return inside.endswith(".") and not inside.endswith("..")


def _at(items: list[QuotedSpan], i: int) -> QuotedSpan | None:
    return items[i] if 0 <= i < len(items) else None
