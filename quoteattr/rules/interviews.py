"""Question-and-answer interviews: 'Q: How many families do you serve?' / 'A: About 900 a week.'
Each answer is the interviewee's words, as spoken; the questions are the interviewer's."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from ..records import QuoteKind
from .candidates import Attribution, Via
from .context import DocContext
from .syntax import SUBJECT_NAME_DEPS, proper_name_start

# A line that opens with the interview's label: "Q:", "A:", "Question:", "Answer:".
QUESTION = re.compile(r"^[ \t]*(?:Q|Question)[ \t]*:", re.MULTILINE)
ANSWER = re.compile(r"^[ \t]*(?:A|Answer)[ \t]*:[ \t]*(\S.*)$", re.MULTILINE)


def interview_answers(context: DocContext) -> list[Attribution]:
    """The answers of a question-and-answer interview, each a direct quote of the interviewee:
    the person the text before the first question names most often (the first of equals). An
    article with no question line, or no person named before it, has none."""
    text, doc = context.text, context.doc
    first_question = QUESTION.search(text)
    if first_question is None:
        return []
    interviewee = _interviewee(doc, context.ents, first_question.start())
    if interviewee is None:
        return []
    found = []
    for answer in ANSWER.finditer(text, first_question.end()):
        content_start, content_end = answer.span(1)
        content_end = len(text[content_start:content_end].rstrip()) + content_start
        colon_at = text.index(":", answer.start())
        colon = doc.char_span(colon_at, colon_at + 1)
        if colon is None or len(colon) != 1:
            continue
        found.append(
            Attribution(
                content=[(content_start, content_end)],
                kind=QuoteKind.DIRECT,
                cue=(colon.start, colon.end),
                cue_lemma=":",
                speaker=(interviewee.start, interviewee.end),
                via=Via.COLON,
                sentence_start=context.sentence_start(colon.start),
            )
        )
    return found


def _interviewee(doc: Doc, ents: tuple[Span, ...], before: int) -> Span | None:
    """The person named before character `before` whom the whole article names most often, by
    last word, the first of equals; its first mention stands for them. The recognizer may miss
    the interviewee in a short intro ("Ana Colón became mayor of Riverton", with only
    "Riverton" tagged), so people are its persons and the proper nouns that are subjects
    ("Okoro has run the port"), and the count runs on through the answers' framing paragraphs."""
    people = [ent for ent in ents if ent.label_ == "PERSON"]
    people += [
        doc[proper_name_start(token) : token.i + 1]
        for token in doc
        if token.tag_ == "NNP" and token.dep_ in SUBJECT_NAME_DEPS
    ]
    named_before = sorted(
        (span for span in people if span.end_char <= before), key=lambda span: span.start
    )
    if not named_before:
        return None
    counts = Counter(span[-1].lower_ for span in people)
    most = max(counts[span[-1].lower_] for span in named_before)
    return next(span for span in named_before if counts[span[-1].lower_] == most)
