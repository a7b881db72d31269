"""Colon attributions: a lead-in before a quote ('From the chairwoman: "..."', 'Putin: "..."') or
before the paragraph it sets off ('The governor added:'), and news-style or transcript lines
('Senator John Hale: Budget deal is close', 'PENCE: ...')."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable

from spacy.tokens import Span, Token

from ..records import QuoteKind
from .arrays import DocArrays
from .candidates import Attribution, Via
from .context import DocContext
from .lexicon import CueLexicon, word_list
from .marks import CLOSERS_FOR
from .mention_spans import names_in, noun_phrase
from .names import TITLES, person_words
from .people import names_a_person
from .ranges import strip_chars
from .subjects import find_subject
from .syntax import ORG_NOUNS, PROPER_NOUN_TAGS, SPEAKER_LABELS, is_personal, mention_head

QUOTE_OPENERS = frozenset(CLOSERS_FOR)
# A lead-in longer than this is a sentence of its own, not a label.
MAX_LEAD = 8
SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s+")
# A title-case line label of up to three words: "Park:", "Mayor Park:".
TITLE_LABEL = re.compile(r"^([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2}):", re.MULTILINE)
# Entity types of a line label that is a place or a time, not a speaker ("Washington:").
NOT_SPEAKERS = frozenset({"GPE", "LOC", "DATE", "TIME", "FAC"})
FINDING_LABELS = word_list("finding_labels")


# A colon lead-in's speaker tokens, its cue word (if any) and the cue's lemma.
LeadRoles = tuple[tuple[int, int], Token | None, str | None]


def colon_lead_ins(context: DocContext, consumed: set[int]) -> list[Attribution]:
    """'From the chairwoman: "..."' and news-style 'Putin: "..."'."""
    text, index = context.text, context.quotes
    found = []
    for quote in index.spans:
        if quote.open in consumed:
            continue
        before = text[: quote.open].rstrip()
        if not before.endswith(":"):
            continue
        read = _lead_in(context, len(before) - 1)
        if read is None:
            continue
        lead, (speaker, cue, lemma) = read
        consumed.add(quote.open)
        found.append(
            Attribution(
                content=[(quote.start, quote.end)],
                kind=QuoteKind.DIRECT,
                cue=None if cue is None else (cue.i, cue.i + 1),
                cue_lemma=lemma,
                speaker=speaker,
                via=Via.COLON,
                sentence_start=lead.sent.start,
            )
        )
    return found


def block_lead_ins(context: DocContext) -> list[Attribution]:
    """'The governor added:' ending its paragraph, and the next paragraph, unquoted, is what he
    added: a block quotation set off by its layout. Only a lead-in with a cue verb ('The results
    were as follows:' introduces no one's words) and only the one paragraph after it."""
    text, paragraphs = context.text, context.paragraphs
    found = []
    for (_, end), (next_start, next_end) in zip(paragraphs, paragraphs[1:]):
        colon = end - 1
        while colon >= 0 and text[colon].isspace():  # no copy of the text before it
            colon -= 1
        if colon < 0 or text[colon] != ":" or text[next_start] in QUOTE_OPENERS:
            continue
        lead = _lead_span(context, colon)
        if lead is None:
            continue
        # "The governor added:" names no one, as a clause does.
        roles = _label_lead_in(lead, context.lexicon) or _clause_lead_in(lead, context.lexicon)
        if roles is None or roles[1] is None:
            continue
        speaker, cue, lemma = roles
        found.append(
            Attribution(
                content=[strip_chars(text, next_start, next_end)],
                kind=QuoteKind.INDIRECT,
                cue=(cue.i, cue.i + 1),
                cue_lemma=lemma,
                speaker=speaker,
                via=Via.COLON,
                sentence_start=lead.sent.start,
            )
        )
    return found


def _lead_in(context: DocContext, colon: int) -> tuple[Span, LeadRoles] | None:
    """The lead-in that ends at the colon and who it names as speaking, with the cue: a label
    ('Sen. Bob Hale said:') when short, else a clause of its own."""
    lead = _lead_span(context, colon)
    if lead is None:
        return None
    read = _clause_lead_in if len(lead) > MAX_LEAD else _label_lead_in
    roles = read(lead, context.lexicon)
    return None if roles is None else (lead, roles)


def _lead_span(context: DocContext, colon: int) -> Span | None:
    """The colon's line, or the line's last sentence when the line is long."""
    doc, text = context.doc, context.text
    line_start = text.rfind("\n", 0, colon) + 1
    lead = doc.char_span(line_start, colon, alignment_mode="expand")
    if lead is not None and len(lead) > MAX_LEAD:
        # 'The plan is dead. Said Ellis: "..."': the lead-in is the colon's own sentence.
        ends = list(SENTENCE_END.finditer(text, line_start, colon))
        if ends:
            lead = doc.char_span(ends[-1].end(), colon, alignment_mode="expand")
    return None if lead is None or len(lead) == 0 else lead


def _label_lead_in(lead: Span, lexicon: CueLexicon) -> LeadRoles | None:
    """A short lead-in that names its speaker: 'Putin:', 'Sen. Bob Hale said:', 'From the
    chairwoman:', 'Said Ellis:'."""
    # 'Said Ellis: "..."': an inverted cue opens a lead-in that is otherwise a noun phrase.
    inverted = (
        len(lead) > 1
        and lexicon.verb_lemma(lead[0].lower_) is not None
        and not any(t.tag_.startswith("VB") or t.is_punct for t in lead[1:])
    )
    named = lead[1:] if inverted else lead
    names = names_in(named, SPEAKER_LABELS)
    # 'From the chairwoman: "..."', 'Said the spokeswoman: "..."' name their speaker in a noun
    # phrase; the NER may also miss the name of a short lead-in ('Said Ellis:').
    described = (lead[0].lower_ == "from" or inverted) and named[-1].tag_.startswith("NN")
    if not names and not (len(lead) > 1 and described):
        return None
    if names:
        speaker = (names[-1].start, names[-1].end)
    else:
        start, end = noun_phrase(lead[1:].root)
        speaker = (max(start, named.start), end)  # not the inverted cue the parser hung on it
    # 'Sen. Bob Hale said: "No deal."': the verb before the colon is the cue.
    verb = lead[0] if inverted else lead[-1]
    lemma = lexicon.verb_lemma(verb.lower_) if inverted or verb.tag_.startswith("VB") else None
    return speaker, None if lemma is None else verb, lemma


def _clause_lead_in(lead: Span, lexicon: CueLexicon) -> LeadRoles | None:
    """A lead-in that is a clause of its own ending at the colon: 'On Monday, Sanders made the
    following comment:', 'The ministry said in a statement on Friday:'. Its verb is a speech
    verb, or its object names something said ("comment", "statement")."""
    said = _said_before_colon(lead, lexicon)
    if said is not None:
        return said
    root = lead[-1].sent.root
    if not (lead.start <= root.i < lead.end) or not root.tag_.startswith("VB"):
        return None
    obj = next((c for c in root.children if c.dep_ == "dobj"), None)
    lemma = lexicon.verb_lemma(root.lower_)
    if lemma is not None and (obj is None or lemma in lexicon.addressee_object):
        cue = root  # "said in a statement:", "told the delegates:"
    elif obj is not None and lexicon.category_of(obj.lower_, "noun") == "statement":
        cue, lemma = obj, lexicon.verb_lemma(obj.lower_) or obj.lower_
    else:
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subject is None or not (
        is_personal(subject) or names_a_person(subject) or subject.lower_ in ORG_NOUNS
    ):
        return None  # "The results were as follows:"
    return noun_phrase(mention_head(subject)), cue, lemma


def _said_before_colon(lead: Span, lexicon: CueLexicon) -> LeadRoles | None:
    """A lead-in ending in the object that names what was said, of any verb ('... that I had to
    change my answer:', 'She gave her reply:'), spoken by that verb's subject."""
    obj = lead[-1]
    if obj.dep_ != "dobj" or lexicon.category_of(obj.lower_, "noun") != "statement":
        return None
    found = find_subject(obj.head)
    if found is None or not is_personal(found[0]):
        return None
    return noun_phrase(mention_head(found[0])), obj, lexicon.verb_lemma(obj.lower_) or obj.lower_


def news_colons(context: DocContext) -> list[Attribution]:
    """News-style 'Senator John Hale: Budget deal is close': a name, a colon, and the words said,
    at the start of a line and without quote marks (those are colon lead-ins)."""
    doc, text, lexicon = context.doc, context.text, context.lexicon
    proper_nouns = functools.cache(lambda: _proper_nouns(context.arrays))  # if a label needs it
    known_people = functools.cache(lambda: person_words(context.ents))
    repeated_labels = functools.cache(lambda: _repeated_labels(text))
    found = []
    for colon in re.finditer(":", text):
        span = doc.char_span(colon.start(), colon.end())
        if span is None or len(span) != 1 or span.start == 0:
            continue
        token = span[0]
        line_start = text.rfind("\n", 0, token.idx) + 1
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[token.idx + 1 : line_end].strip()
        if not rest or rest[0] in QUOTE_OPENERS or len(rest.split()) < 3:
            continue
        lead = doc.char_span(line_start, token.idx, alignment_mode="expand")
        while lead is not None and len(lead) and (lead[0].is_punct or lead[0].is_space):
            lead = lead[1:]  # a transcript line may open with a quote mark
        if lead is None or not 0 < len(lead) <= 6:
            continue
        if lead.text.lower() in lexicon.non_speaker_labels:
            continue  # "Q&A:", "Analysis:": what the piece is, whoever the recognizer saw in it
        if any(t.tag_.startswith("VB") for t in lead):
            continue  # "Veto Power Impedes Peace Efforts:": a heading says something, names no one
        names = names_in(lead, SPEAKER_LABELS)
        # A transcript's speaker label ("PENCE:", "MS. LOPEZ:") needs no NER.
        label = (
            lead.text.replace(".", "").replace(" ", "").isalpha()
            and lead.text.isupper()
            and len(lead) <= 3
            and lead.text.lower() not in lexicon.non_speaker_labels
            and _names_someone(lead, proper_nouns, known_people, repeated_labels)
        )
        # An interview's "Park:" where the NER missed the name: a name of someone it found, or
        # a label that opens several lines, as a transcript's speakers do.
        title_case = (
            len(lead) <= 3
            and lead.text.lower() not in lexicon.non_speaker_labels
            and all(t.tag_ in PROPER_NOUN_TAGS for t in lead)
        )
        transcript = label or (title_case and lead.text in repeated_labels())
        # A person the article names, whatever the tagger made of the capitalised words
        # ("Sanders:" tagged a plural noun in a headline).
        known = (
            len(lead) <= 3
            and lead.text.lower() not in lexicon.non_speaker_labels
            and all(t.tag_ in PROPER_NOUN_TAGS or t.is_title for t in lead)
            and lead[-1].lower_ in known_people()
            and not any(t.ent_type_ in NOT_SPEAKERS for t in lead)
        )
        # "Poll: Clinton and Trump in dead heat": what a document found.
        finding = len(lead) == 1 and lead[0].lower_ in FINDING_LABELS
        if (
            not transcript
            and not known
            and not finding
            and (not names or names[-1].end != lead.end)
        ):
            continue
        if lead[-1].lower_ in rest.lower().replace(",", " ").split():
            continue  # "CORVANE: Shares of Corvane Resources fell": a section on it, not its words
        content_start = (
            token.idx
            + 1
            + (len(text[token.idx + 1 : line_end]) - len(text[token.idx + 1 : line_end].lstrip()))
        )
        content_end = content_start + len(rest)
        found.append(
            Attribution(
                content=[(content_start, content_end)],
                cue=(token.i, token.i + 1),
                cue_lemma=":",
                # A transcript's line is the speaker's words as spoken; a headline's, a summary.
                kind=QuoteKind.DIRECT if transcript else QuoteKind.INDIRECT,
                speaker=(lead.start, lead.end),
                via=Via.COLON,
                sentence_start=lead.sent.start,
            )
        )
    return found


def _names_someone(
    label: Span,
    proper_nouns: Callable[[], frozenset[str]],
    known_people: Callable[[], frozenset[str]],
    repeated_labels: Callable[[], frozenset[str]],
) -> bool:
    """Whether an upper-case line label is a speaker's: a title ("MS. LOPEZ"), a word of a
    person the recognizer found ("PENCE" beside "Mike Pence"), or a name the article writes in
    ordinary case too that labels several lines, as a transcript's speakers do ("WALLACE:"); not
    a section label ("METALS:", "STOCKS:", a company's "CORVANE:" once)."""
    words = [token.lower_.rstrip(".") for token in label if not token.is_punct]
    if not words:
        return False
    if any(word in TITLES for word in words[:-1]) or words[-1] in known_people():
        return True
    return words[-1] in proper_nouns() and label.text in repeated_labels()


def _proper_nouns(arrays: DocArrays) -> frozenset[str]:
    """The proper nouns the article writes in ordinary case, lower-cased."""
    proper = arrays.tag(PROPER_NOUN_TAGS.__contains__) & ~arrays.upper()
    return frozenset(arrays.lower_forms(proper))


def _repeated_labels(text: str) -> frozenset[str]:
    """Title-case labels that open two lines or more."""
    counts = Counter(match.group(1) for match in TITLE_LABEL.finditer(text))
    return frozenset(label for label, count in counts.items() if count > 1)
