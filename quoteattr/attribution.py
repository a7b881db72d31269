"""Find attributions in a parsed Doc: cues, their content, speaker, addressee, sources and hedge.

Everything here is a pure function of a `Doc` (tagger + parser + NER) and a `CueLexicon`; the
result is a list of `Attribution` candidates in token and character coordinates. Resolving mentions
to document entities is done afterwards (`quoteattr.entities`), writing records by the component.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from attrs import define, field
from spacy.tokens import Doc, Span, Token

from .lexicon import CueLexicon
from .marks import CLOSERS_FOR, QuotedSpan, find_quoted_spans, paragraph_spans
from .records import QuoteKind

if TYPE_CHECKING:
    from .learned import AttributionScorer

SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# Clauses that take their subject from the verb they hang on ("..., calling for X", "and added").
SUBJECT_SHARING = frozenset({"conj", "advcl", "xcomp", "pcomp"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
# Subjects that hold no view: "it seems that", "there is a sense that", "this shows that".
IMPERSONAL_SUBJECTS = frozenset({"it", "this", "that", "there"})
PERSONAL_OBJECTS = frozenset({"me", "us", "him", "her", "them", "you", "reporters", "journalists"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
SPEAKER_LABELS = frozenset({"PERSON", "ORG"})
SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z\"“‘']")
QUOTE_OPENERS = frozenset(CLOSERS_FOR)
DASHES = ("--", "-", "–", "—", "―")

# How sure the speaker is, by how it was found (documented in README and docs/speakers.md).
CONFIDENCE = {
    "subject": 0.95,
    "inverted": 0.9,
    "passive_agent": 0.85,
    "raised_passive": 0.85,
    "citing_object": 0.85,
    "according_to": 0.85,
    "colon": 0.8,
    "dash": 0.8,
    "inherited_subject": 0.8,
    "relative_clause": 0.8,
    "following_cue": 0.7,
    "fragment_subject": 0.7,
    "same_paragraph": 0.6,
    "previous_paragraph": 0.5,
    "none": 0.3,
}
# A speaker mention that is a pronoun or a nominal ("he", "the minister") linked to a name.
RESOLVED_MENTION_CONFIDENCE = 0.75


@define
class Attribution:
    """One attribution candidate. Token ranges are [start, end) token indices; content in characters."""

    content: list[tuple[int, int]]
    kind: QuoteKind = QuoteKind.INDIRECT
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    sources: list[tuple[tuple[int, int], str]] = field(factory=list)
    hedge: str | None = None
    via: str = "none"
    sentence_start: int = 0  # token index of the first token of the sentence holding the cue or quote
    inherited_from: Attribution | None = field(default=None, repr=False)
    relative_pronoun: tuple[int, int] | None = None  # "who" in "Hale, who said": another mention of the speaker

    @property
    def start(self) -> int:
        return self.content[0][0]

    @property
    def end(self) -> int:
        return self.content[-1][1]

    @property
    def confidence(self) -> float:
        return CONFIDENCE[self.via]


# ---------------------------------------------------------------------------------------------
# Mentions


def noun_phrase(token: Token) -> tuple[int, int]:
    """The mention headed by `token`: determiners, titles, possessives and appositions included,
    relative clauses and trailing prepositional phrases left out."""
    start = token.left_edge.i
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("appos", "compound", "flat", "nummod", "punct"):
            # An apposition's own noun phrase, without its relative clause ("a lawmaker who told ...").
            end = max(end, noun_phrase(child)[1] if child.dep_ == "appos" else child.i + 1)
        elif child.dep_ == "prep" and child.lower_ == "of" and _is_name_of_place(child):
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ == "amod":  # "a person familiar with the talks"
            end = max(end, child.right_edge.i + 1)
        elif child.dep_ not in ("prep", "npadvmod"):
            break
    doc = token.doc
    while end - 1 > token.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end


def names_in(span: Span, labels: frozenset[str] = NAME_LABELS) -> list[Span]:
    """Named entities inside `span` (clipped to it), read from the tokens: `Span.ents` would scan
    the whole document on every call."""
    found = []
    start = None
    for token in [*span, None]:
        if start is not None and (token is None or token.ent_iob_ != "I"):
            ent = Span(span.doc, start, token.i if token is not None else span.end, label=span.doc[start].ent_type_)
            if ent.label_ in labels:
                found.append(ent)
            start = None
        if token is not None and token.ent_iob_ in ("B", "I") and start is None:
            start = token.i
    return found


def _is_name_of_place(prep: Token) -> bool:
    """`of China` in "president Xi Jinping of China": a title's place, part of the mention."""
    objects = [child for child in prep.children if child.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ in ("GPE", "NORP", "ORG") and prep.right_edge.i - prep.i <= 4


def mention_head(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("Smith, who said ...")."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        noun = token.head.head
        # "Maria Lopez, a lawmaker who said": the name the apposition describes.
        return noun.head if noun.dep_ == "appos" else noun
    return token


def _is_personal(token: Token) -> bool:
    return token.ent_type_ in NAME_LABELS or token.lower_ in PERSONAL_OBJECTS or token.tag_ in ("PRP", "NNP", "NNPS")


# ---------------------------------------------------------------------------------------------
# Cue verbs


def child_with(token: Token, *deps: str, lower: str | None = None) -> Token | None:
    for child in token.children:
        if child.dep_ in deps and (lower is None or child.lower_ == lower):
            return child
    return None


def find_subject(verb: Token, depth: int = 0) -> tuple[Token, str] | None:
    """The speaker-subject of `verb`, following shared subjects up the tree."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS and not c.is_punct), None)
    if subject is not None:
        via = "inverted" if subject.i > verb.i else "subject"
        if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return mention_head(subject), "relative_clause"
        return subject, via if depth == 0 else "inherited_subject"
    if verb.dep_ == "relcl" and not verb.head.tag_.startswith("VB"):
        return verb.head, "relative_clause"
    agent = child_with(verb, "agent")
    if agent is not None:
        by_object = child_with(agent, "pobj")
        if by_object is not None:
            return by_object, "passive_agent"
    head = verb.head
    if head.dep_ == "acomp" and head.head.i != head.i:  # "he was able to tout": the copula's subject
        head = head.head
    if depth < 3 and verb.dep_ in SUBJECT_SHARING and head.i != verb.i and head.tag_.startswith("VB"):
        found = find_subject(head, depth + 1)
        if found is not None:
            return found[0], "inherited_subject"
    return None


def open_class_lemma(token: Token) -> str:
    """The lemma of a cue the lexicon does not list: the pipeline's, when it has a lemmatizer
    (`quoteattr.load(minimal=False)`), else the word in lower case."""
    return token.lemma_.lower() if token.doc.has_annotation("LEMMA") and token.lemma_ else token.lower_


def set_speaker(attribution: Attribution, verb: Token, subject: tuple[Token, str]) -> None:
    """Make `verb`'s subject (found by `find_subject`) the speaker; "who" in "Hale, who said" is
    recorded as another mention of Hale."""
    attribution.speaker = noun_phrase(mention_head(subject[0]))
    attribution.via = subject[1]
    pronoun = next((c for c in verb.children if c.dep_ in SUBJECTS and c.lower_ in RELATIVE_PRONOUNS), None)
    if subject[1] == "relative_clause" and pronoun is not None:
        attribution.relative_pronoun = (pronoun.i, pronoun.i + 1)


def _coordinated_cue_subject(verb: Token, lexicon: CueLexicon) -> tuple[Token, str] | None:
    """"Hale said the plan was good but warned that ...": the parser may hang the second cue
    under the first as a clause; it shares the first cue's subject."""
    head = verb.head
    if verb.dep_ == "ccomp" and head.i != verb.i and head.tag_.startswith("VB") and lexicon.verb_lemma(head.lower_):
        found = find_subject(head)
        if found is not None:
            return found[0], "inherited_subject"
    return None


def _object_after_cue(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[Token, str] | None:
    """'"...", said the French minister Pierre Dubois': an inverted subject the parser took for an
    object, right after a cue that takes no person as object."""
    if lemma in lexicon.addressee_object or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if not (before.is_punct or before.is_quote):
        return None
    following = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")), None)
    if following is not None and following.left_edge.i == verb.i + 1 and _is_personal(following):
        return following, "inverted"
    return None


def subtree_span(token: Token) -> tuple[int, int]:
    return token.left_edge.i, token.right_edge.i + 1


def _content_tokens(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[tuple[int, int] | None, Token | None]:
    """The token range reported by `verb`, and the addressee when the frame includes it."""
    addressee = None
    obj = child_with(verb, "dobj")
    if lemma in lexicon.addressee_object and obj is not None and _is_personal(obj):
        addressee = obj
    clause = child_with(verb, "ccomp")
    if clause is not None and (obj is None or obj.i < clause.i or lemma not in lexicon.infinitive_content):
        start, end = subtree_span(clause)
        for child in clause.rights:  # "the plan was good but warned that ...": stop at the next cue
            if child.dep_ == "conj" and child.tag_.startswith("VB") and lexicon.verb_lemma(child.lower_):
                end = min(end, child.left_edge.i)
        if clause.i > verb.i:
            # "said the claim smacked of hypocrisy, because ...": the parser often hangs the
            # content's adverbial clause on the cue; it belongs to what was said.
            for child in verb.rights:
                if child.i > clause.i and child.dep_ == "advcl" and lexicon.verb_lemma(child.lower_) is None:
                    end = child.right_edge.i + 1
        return (start, end), addressee
    # "called for X", "talked about X", "warned of X", "railed against X": what the words were about.
    preposition = lexicon.preposition_content.get(lemma)
    prep = next(
        (c for c in verb.rights if c.dep_ == "prep" and (c.lower_ == preposition or c.lower_ in TOPIC_PREPOSITIONS)),
        None,
    )
    pobj = child_with(prep, "pobj", "pcomp") if prep is not None else None
    if pobj is not None and pobj.ent_type_ not in NOT_TOPICS:  # "spoke on Monday" says nothing
        return subtree_span(pobj), addressee
    if lemma in lexicon.infinitive_content:
        infinitive = child_with(verb, "xcomp")
        if infinitive is not None and child_with(infinitive, "aux", lower="to") is not None:
            start = obj.left_edge.i if obj is not None and obj.i < infinitive.i else infinitive.left_edge.i
            if obj is not None and addressee is None and _is_personal(obj):
                addressee = obj
            return (start, infinitive.right_edge.i + 1), addressee
    if lemma in lexicon.object_content and obj is not None:
        # "described Trump as a liar", "called it a disgrace": the object with what it is called.
        end = obj.right_edge.i + 1
        for child in verb.rights:
            if child.i > obj.i and (child.dep_ in ("oprd", "xcomp", "ccomp") or (child.dep_ == "prep" and child.lower_ == "as")):
                end = max(end, child.right_edge.i + 1)
        return (obj.left_edge.i, end), None
    return None, addressee


def cue_words(verb: Token, content: tuple[int, int] | None) -> tuple[int, int]:
    """The verb with its particle, and with the preposition that introduces its content
    ("pointed out", "calling for"; not the "on" of "said on Sunday")."""
    end = verb.i + 1
    for child in verb.rights:
        if child.i == end and (child.dep_ == "prt" or (child.dep_ == "prep" and content is not None and content[0] == child.i + 1)):
            end += 1
    return verb.i, end


def _speaking_to(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The addressee of "told reporters", "said to X" and "Speaking to X, Y said"."""
    candidates = [verb, *(c for c in verb.children if c.dep_ == "advcl")]
    if verb.dep_ in ("advcl", "conj"):
        candidates.extend(c for c in verb.head.children if c.dep_ == "advcl" and c.i != verb.i)
    for candidate in candidates:
        lemma = lexicon.verb_lemma(candidate.lower_)
        if candidate is not verb and lemma not in lexicon.speaking_to_verbs:
            continue
        dative = child_with(candidate, "dative")
        if dative is not None and dative.tag_ != "IN":
            return dative
        prep = child_with(candidate, "prep", "dative")
        if prep is not None and prep.lower_ in ("to", "with"):
            pobj = child_with(prep, "pobj")
            if pobj is not None and _is_personal(pobj):
                return pobj
    return None


def _hedge(verb: Token, lexicon: CueLexicon) -> str | None:
    for token in (verb, verb.head):
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in lexicon.hedges:
                return child.lower_
    return None


def _citing_frame(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The citing verb of "X cited Y as saying" / "Y was quoted as saying", if `verb` is the saying."""
    marker = verb.head
    if verb.dep_ in ("pcomp", "advcl", "pobj") and marker.lower_ == "as":
        citing = marker.head
        if lexicon.verb_lemma(citing.lower_) in lexicon.citing_verbs:
            return citing
    return None


def verb_attributions(sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]) -> list[Attribution]:
    """Attributions cued by speech and writing verbs in one sentence."""
    found = []
    consumed_citing: set[int] = set()
    verbs = [t for t in tokens if t.tag_.startswith("VB") and lexicon.verb_lemma(t.lower_) is not None]
    for verb in verbs:
        citing = _citing_frame(verb, lexicon)
        if citing is not None:
            consumed_citing.add(citing.i)
    for verb in verbs:
        if verb.i in consumed_citing:
            continue
        lemma = lexicon.verb_lemma(verb.lower_)
        assert lemma is not None
        citing = _citing_frame(verb, lexicon)
        frame_verb = citing if citing is not None else verb
        content, addressee = _content_tokens(frame_verb, lemma, lexicon)
        if content is None and citing is not None:
            content, _ = _content_tokens(verb, lemma, lexicon)
        if content is None and lemma in lexicon.content_requires_clause:
            continue
        attribution = Attribution(
            content=[] if content is None else [char_range(sent.doc, content)],
            cue=cue_words(verb, content),
            cue_lemma=lemma,
            addressee=None,
            sentence_start=sent.start,
        )
        if citing is not None:
            _fill_citing(attribution, citing, lexicon)
        else:
            subject = find_subject(verb) or _coordinated_cue_subject(verb, lexicon) or _object_after_cue(verb, lemma, lexicon)
            if subject is not None:
                set_speaker(attribution, verb, subject)
            elif child_with(verb, *PASSIVE_SUBJECTS) is not None and child_with(verb, "xcomp") is not None:
                # "The minister is said to have resigned": somebody's words, nobody named.
                said_of, infinitive = child_with(verb, *PASSIVE_SUBJECTS), child_with(verb, "xcomp")
                attribution.content = [char_range(sent.doc, (said_of.left_edge.i, infinitive.right_edge.i + 1))]
                aux = [c for c in verb.children if c.dep_ in ("auxpass", "aux") and c.i < verb.i]
                to = child_with(infinitive, "aux", lower="to")
                if aux and to is not None:
                    attribution.hedge = sent.doc[aux[0].i : to.i + 1].text.lower()
                found.append(attribution)
                continue
            elif verb.dep_ in ("nsubjpass", "ccomp") or child_with(verb, *PASSIVE_SUBJECTS) is not None:
                continue  # "was told": not an attribution by itself
            elif verb.tag_ == "VBG" and verb.head.lower_ in ("without", "worth"):
                continue  # "it goes without saying that", "it is worth noting that": nobody says it
        addressee = addressee or _speaking_to(verb, lexicon)
        if addressee is not None:
            attribution.addressee = noun_phrase(addressee)
        attribution.hedge = attribution.hedge or _hedge(verb, lexicon)
        if content is None:
            attribution.kind = QuoteKind.DIRECT  # a bare cue: waits for a quote to attach to
        found.append(attribution)
    return found


def clause_attributions(sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]) -> list[Attribution]:
    """Any verb with a sentient subject and a 'that' clause reports what someone says, thinks or
    knows ("Trump insisted that", "aides acknowledged that"): the lexicon's verbs are handled with
    their frames elsewhere; this covers the open class."""
    found = []
    for clause in tokens:
        if clause.dep_ != "ccomp" or child_with(clause, "mark", lower="that") is None:
            continue
        verb = clause.head
        if not verb.tag_.startswith("VB") or lexicon.verb_lemma(verb.lower_) is not None or verb.lower_ in COPULAS:
            continue
        subject = find_subject(verb)
        if subject is None or not _is_personal(subject[0]) or subject[0].lower_ in IMPERSONAL_SUBJECTS:
            continue
        found.append(
            Attribution(
                content=[char_range(sent.doc, subtree_span(clause))],
                cue=cue_words(verb, None),
                cue_lemma=open_class_lemma(verb),
                speaker=noun_phrase(mention_head(subject[0])),
                via=subject[1],
                sentence_start=sent.start,
            )
        )
    return found


def noun_attributions(sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]) -> list[Attribution]:
    """"Trump's claim that ...", "the minister's warning that ...": a reporting noun with a clause."""
    found = []
    for noun in tokens:
        if not noun.tag_.startswith("NN") or _singular(noun.lower_) not in lexicon.content_nouns:
            continue
        clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp") and child_with(c, "mark", lower="that")), None)
        if clause is None:
            continue
        owner = noun_owner(noun, clause.i)
        found.append(
            Attribution(
                content=[char_range(sent.doc, subtree_span(clause))],
                cue=(noun.i, noun.i + 1),
                cue_lemma=_singular(noun.lower_),
                speaker=None if owner is None else noun_phrase(mention_head(owner)),
                via="subject" if owner is not None else "none",
                sentence_start=sent.start,
            )
        )
    return found


def noun_owner(noun: Token, before: int) -> Token | None:
    """Whose claim a reporting noun is: "Trump's claim", "a claim by Trump" (before token `before`,
    where the content starts), "Trump made the claim"."""
    owner = child_with(noun, "poss")
    if owner is None:
        by = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i < before), None)
        owner = child_with(by, "pobj") if by is not None else None
    if owner is None and noun.dep_ in ("dobj", "attr"):
        subject = find_subject(noun.head)  # "he made the claim that ..."
        owner = subject[0] if subject is not None else None
    return owner


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _fill_citing(attribution: Attribution, citing: Token, lexicon: CueLexicon) -> None:
    relation = "quoted" if lexicon.verb_lemma(citing.lower_) == "quote" else "cited"
    quoted_person = child_with(citing, "dobj")
    if quoted_person is not None:  # "Xinhua cited Xi as having said"
        attribution.speaker = noun_phrase(quoted_person)
        attribution.via = "citing_object"
        reporter = find_subject(citing)
        if reporter is not None:
            attribution.sources.append((noun_phrase(mention_head(reporter[0])), relation))
        return
    raised = child_with(citing, *PASSIVE_SUBJECTS)  # "Putin was cited as saying"
    if raised is not None:
        attribution.speaker = noun_phrase(raised)
        attribution.via = "raised_passive"
        agent = child_with(citing, "agent")
        by_object = child_with(agent, "pobj") if agent is not None else None
        if by_object is not None:
            attribution.sources.append((noun_phrase(by_object), relation))
        else:
            doc = citing.doc
            aux = [c for c in citing.children if c.dep_ in ("auxpass", "aux") and c.i < citing.i]
            start = aux[0].i if aux else citing.i
            as_token = next(c for c in citing.children if c.lower_ == "as")
            attribution.hedge = doc[start : as_token.i + 1].text.lower()


def according_to_attributions(
    sent: Span, lexicon: CueLexicon, verb_found: Sequence[Attribution], tokens: Sequence[Token]
) -> list[Attribution]:
    """"According to X, ..." makes X the speaker, or a source when a speech verb governs the clause."""
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
            governed = [a for a in verb_found if a.cue is not None and _governs(doc[a.cue[0]], token)]
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
            if content is None:
                continue
            found.append(
                Attribution(
                    content=[char_range(doc, content)],
                    cue=(token.i, last.i + 1),
                    cue_lemma="according to",
                    speaker=source,
                    via="according_to",
                    sentence_start=sent.start,
                )
            )
    return found


def _governs(verb: Token, token: Token) -> bool:
    return any(ancestor.i == verb.i for ancestor in token.ancestors) and token.head.i == verb.i


def _span_of_sentence_rest(sent: Span, clause: Token, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The clause's extent without the cue phrase and the punctuation that sets it off."""
    doc = sent.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    if phrase[0] <= start < phrase[1]:
        start = phrase[1]
    elif start < phrase[0] < end and phrase[1] >= end - 1:
        end = phrase[0]
    start, end = _trim_tokens(doc, start, end)
    return (start, end) if end > start else None


def _trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].is_space or (doc[start].is_punct and not doc[start].is_quote)):
        start += 1
    while end > start and (doc[end - 1].is_space or (doc[end - 1].is_punct and not doc[end - 1].is_quote)):
        end -= 1
    return start, end


NOT_TOPICS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "GPE", "LOC", "FAC", "QUANTITY", "MONEY", "PERCENT"})
TOPIC_PREPOSITIONS = frozenset({"about", "of", "on", "against", "over", "for"})
COORDINATORS = frozenset({"and", "but", "or", "nor", "yet"})


def char_range(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    start, end = _trim_tokens(doc, *tokens)
    while end > start and doc[end - 1].lower_ in COORDINATORS:
        start, end = _trim_tokens(doc, start, end - 1)
    if end <= start:
        start, end = tokens
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


# ---------------------------------------------------------------------------------------------
# Direct quotes


@define
class QuoteIndex:
    """Top-level quoted spans, sorted, with bisect lookups by character."""

    spans: list[QuotedSpan]
    starts: list[int]

    @classmethod
    def build(cls, text: str) -> QuoteIndex:
        spans = [q for q in find_quoted_spans(text) if q.depth == 0]
        return cls(spans, [q.open for q in spans])

    def contains(self, char: int) -> bool:
        return any(q.start <= char < q.end for q in self.overlapping(char, char + 1))

    def overlapping(self, start: int, end: int) -> list[QuotedSpan]:
        i = bisect.bisect_left(self.starts, start)
        # A span opening before `start` may still reach into the range.
        if i > 0 and self.spans[i - 1].close >= start:
            i -= 1
        found = []
        while i < len(self.spans) and self.spans[i].open < end:
            found.append(self.spans[i])
            i += 1
        return found


def _unquoted_words(text: str, start: int, end: int, quotes: Sequence[QuotedSpan]) -> list[str]:
    """The words of text[start:end] outside the quotes ('said that "..."' is mixed: the reporter
    chose the frame)."""
    pieces, cursor = [], start
    for quote in quotes:
        pieces.append(text[cursor : max(cursor, quote.open)])
        cursor = max(cursor, quote.close + 1)
    pieces.append(text[cursor:end])
    return [w for w in " ".join(pieces).split() if any(ch.isalnum() for ch in w)]


def classify(attribution: Attribution, text: str, index: QuoteIndex, consumed: set[int], cue: int | None = None) -> None:
    """Set direct / mixed / indirect from the quote marks in the content. `cue` is where the cue
    starts, if the caller knows it."""
    start, end = attribution.start, attribution.end
    quotes = index.overlapping(start, end)
    if not quotes:
        return
    last = quotes[-1]
    if cue is not None and end <= cue and last.close < end:
        # '"..., we will win," Tulsa police Chief Chuck Jordan said': a clause parsed from inside a
        # quote on into the words before its cue; what lies between the quote and the cue is the
        # speaker's phrase, not what was said.
        attribution.content = [(start, last.close + 1)]
        start, end = attribution.start, attribution.end
        quotes = index.overlapping(start, end)
    if not _unquoted_words(text, start, end, quotes):
        attribution.kind = QuoteKind.DIRECT
        attribution.content = [(q.start, q.end) for q in quotes]
    else:
        attribution.kind = QuoteKind.MIXED
        # Close the last quoted fragment when only its closing mark falls outside the clause.
        last = quotes[-1]
        if last.close >= end and not text[end : last.close].strip(" .,;!?"):
            attribution.content = [(start, last.close + 1)]
    consumed.update(q.open for q in quotes)


def _gap_is(text: str, start: int, end: int, allowed: str) -> bool:
    return all(ch.isspace() or ch in allowed for ch in text[start:end])


def link_quotes(
    doc: Doc, text: str, attributions: list[Attribution], index: QuoteIndex, consumed: set[int], lexicon: CueLexicon
) -> list[Attribution]:
    """Attach quotes that no cue's content clause covered: to a bare cue beside them, a trailing
    dash attribution, a colon lead-in, or (later) the speaker of the paragraph."""
    bare = sorted((a for a in attributions if a.cue is not None and a.via != "according_to"), key=lambda a: a.cue[0])
    cue_chars = [doc[a.cue[0]].idx for a in bare]
    linked: list[Attribution] = []
    for quote in index.spans:
        if quote.open in consumed or quote.end <= quote.start:
            continue
        cue = _adjacent_bare_cue(doc, text, quote, bare, cue_chars)
        if cue is not None:
            cue.content = [(quote.start, quote.end)]
            cue.kind = QuoteKind.DIRECT
            consumed.add(quote.open)
            continue
        dashed = _dash_attribution(doc, text, quote)
        if dashed is not None:
            consumed.add(quote.open)
            linked.append(dashed)
            continue
        fragment = _fragment_attribution(doc, text, quote, lexicon)
        if fragment is not None:
            classify(fragment, text, index, consumed)
            linked.append(fragment)
            continue
        if _looks_like_speech(text, quote):
            consumed.add(quote.open)
            sentence = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            linked.append(
                Attribution(
                    content=[(quote.start, quote.end)],
                    kind=QuoteKind.DIRECT,
                    sentence_start=sentence.sent.start if sentence is not None and len(sentence) else 0,
                )
            )
    return linked


# How far (in characters) a cue clause may lie from the quote it introduces or closes.
CUE_REACH = 250


def _adjacent_bare_cue(doc: Doc, text: str, quote: QuotedSpan, bare: list[Attribution], cue_chars: list[int]) -> Attribution | None:
    low = bisect.bisect_left(cue_chars, quote.open - CUE_REACH)
    high = bisect.bisect_right(cue_chars, quote.close + CUE_REACH)
    for attribution in bare[low:high]:
        cue_token = doc[attribution.cue[0]]
        # A cue that already has a clause after it may still belong to the quote before it
        # ('"...," she said months later, and ...'): the parser's clause is then a misreading.
        settled = bool(attribution.content) and (attribution.kind != QuoteKind.INDIRECT or attribution.start < cue_token.idx)
        clause_start = min(cue_token.i, attribution.speaker[0] if attribution.speaker else cue_token.i)
        clause_end = max(cue_token.i + 1, attribution.speaker[1] if attribution.speaker else cue_token.i + 1)
        first, last = doc[clause_start], doc[clause_end - 1]
        # '"...," he said' and '"...," said Putin': only punctuation between quote and clause.
        gap_after = text[quote.close + 1 : first.idx] if first.idx > quote.close else None
        if gap_after is not None and "\n" not in gap_after and _gap_is(text, quote.close + 1, first.idx, ",;:"):
            if not settled:
                return attribution
        # 'He said: "..."' and 'He said, "..."'.
        after_clause = last.idx + len(last.text)
        if not attribution.content and after_clause <= quote.open and _gap_is(text, after_clause, quote.open, ",:"):
            gap_before = text[after_clause : quote.open]
            if "\n" not in gap_before or gap_before.lstrip().startswith(":"):
                return attribution
    return None


def _dash_attribution(doc: Doc, text: str, quote: QuotedSpan) -> Attribution | None:
    """'"..." - Commissioner Jane Roe' at the end of a paragraph."""
    line_end = text.find("\n", quote.close)
    line_end = len(text) if line_end < 0 else line_end
    tail = text[quote.close + 1 : line_end]
    stripped = tail.lstrip()
    dash = next((d for d in DASHES if stripped.startswith(d)), None)
    if dash is None:
        return None
    name_start = quote.close + 1 + (len(tail) - len(stripped)) + len(dash)
    span = doc.char_span(name_start, line_end, alignment_mode="expand")
    if span is None:
        return None
    names = names_in(span, SPEAKER_LABELS)
    if not names:
        return None
    start, end = _trim_tokens(doc, span.start, span.end)
    if end - start > 12:
        return None
    return Attribution(
        content=[(quote.start, quote.end)],
        kind=QuoteKind.DIRECT,
        speaker=(start, end),
        via="dash",
        sentence_start=names[0].sent.start,
    )


COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "has", "have", "had", "seems", "seemed"})


def _fragment_attribution(doc: Doc, text: str, quote: QuotedSpan, lexicon: CueLexicon) -> Attribution | None:
    """'Cruz called Trump a "pathological liar"', 'Japan branded North Korea an "outlaw nation"': a
    quoted fragment in the complement of a verb whose subject is a person or organisation is that
    subject's words, reported in a mixed quote."""
    if _looks_like_speech(text, quote):
        return None
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb = span.root
    while not verb.tag_.startswith("VB") and verb.head.i != verb.i:
        verb = verb.head
    if not verb.tag_.startswith("VB") or verb.lower_ in COPULAS or verb.i >= span.start:
        return None
    # Only verbs of saying and of calling or judging report someone's words ("attended the
    # "Rally for America"" quotes a name, not the subject).
    if lexicon.verb_lemma(verb.lower_) is None and verb.lower_ not in lexicon.naming_verb_forms:
        return None
    subject = find_subject(verb)
    if subject is None or subject[0].i >= verb.i or not _is_personal(subject[0]) or subject[0].lower_ in ("it", "this", "that"):
        return None
    complements = [c for c in verb.rights if not c.is_punct and c.dep_ not in ("cc", "conj", "advcl", "punct")]
    if not complements:
        return None
    start, end = complements[0].left_edge.i, max(c.right_edge.i for c in complements) + 1
    if not (start <= span.start and span.end <= end + 1):
        return None
    last = quote.close + 1 if doc[end - 1].idx < quote.close + 1 <= doc[min(end, len(doc) - 1)].idx + 1 else None
    content_start, content_end = char_range(doc, (start, end))
    return Attribution(
        content=[(content_start, max(content_end, last or content_end))],
        kind=QuoteKind.MIXED,
        cue=(verb.i, verb.i + 1),
        cue_lemma=open_class_lemma(verb),
        speaker=noun_phrase(mention_head(subject[0])),
        via="fragment_subject",
        sentence_start=verb.sent.start,
    )


def _looks_like_speech(text: str, quote: QuotedSpan) -> bool:
    """A quote with no cue is speech when it stands as a sentence of its own: it opens a paragraph
    or follows the end of a sentence, and it ends a sentence. Scare quotes, titles and nicknames
    sit inside someone else's sentence."""
    line_start = text.rfind("\n", 0, quote.open) + 1
    before = text[line_start : quote.open].rstrip()
    if before and before[-1] not in ".!?…\"'”’":
        return False
    words = text[quote.start : quote.end].split()
    if not words:
        return False
    ends_sentence = words[-1][-1] in ".!?…,;—-" or words[-1].endswith("...")
    after = text[quote.close + 1 : quote.close + 3].lstrip(" ")
    return ends_sentence or not after or after[0] in ".!?\n"


def merge_split_quotes(doc: Doc, text: str, attributions: list[Attribution], index: QuoteIndex, consumed: set[int]) -> None:
    """'"A," he said, "B."': two quotes around one attribution that ends with a comma are one
    quote, whichever of the two pieces the cue was first attached to."""
    by_start = {q.start: q for q in index.spans}
    position = {q.open: i for i, q in enumerate(index.spans)}
    uncued = {a.content[0][0]: a for a in attributions if a.cue is None and a.content}
    for attribution in attributions:
        if attribution.kind != QuoteKind.DIRECT or attribution.cue is None or len(attribution.content) != 1:
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
            # The attribution ends with a comma, and no sentence ends inside it ("N.C.," does not).
            # (A doubled mark '' as in some archives leaves half of itself in the gap.)
            if gap.strip().strip("'‘’").rstrip().endswith(",") and "\n" not in gap and not SENTENCE_BREAK.search(gap):
                attribution.content = [(first.start, first.end), (second.start, second.end)]
                consumed.add(other.open)
                if other.start in uncued:
                    uncued.pop(other.start).content = []
                break


def _at(items: list[QuotedSpan], i: int) -> QuotedSpan | None:
    return items[i] if 0 <= i < len(items) else None


def colon_lead_ins(doc: Doc, text: str, index: QuoteIndex, consumed: set[int]) -> list[Attribution]:
    """'From the chairwoman: "..."' and news-style 'Putin: "..."'."""
    found = []
    for quote in index.spans:
        if quote.open in consumed:
            continue
        before = text[: quote.open].rstrip()
        if not before.endswith(":"):
            continue
        colon = len(before) - 1
        line_start = text.rfind("\n", 0, colon) + 1
        lead = doc.char_span(line_start, colon, alignment_mode="expand")
        if lead is None or len(lead) == 0 or len(lead) > 8:
            continue
        names = names_in(lead, SPEAKER_LABELS)
        if not names and not (lead[0].lower_ == "from" and len(lead) > 1):
            continue
        head = names[-1] if names else lead[1:]
        consumed.add(quote.open)
        found.append(
            Attribution(
                content=[(quote.start, quote.end)],
                kind=QuoteKind.DIRECT,
                speaker=noun_phrase(head.root) if not names else (head.start, head.end),
                via="colon",
                sentence_start=lead.sent.start,
            )
        )
    return found


def news_colons(doc: Doc, text: str, index: QuoteIndex, lexicon: CueLexicon) -> list[Attribution]:
    """News-style 'Senator John Hale: Budget deal is close': a name, a colon, and the words said,
    at the start of a line and without quote marks (those are colon lead-ins)."""
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
        names = names_in(lead, SPEAKER_LABELS)
        # A transcript's speaker label ("PENCE:", "MS. LOPEZ:") needs no NER.
        label = (
            lead.text.replace(".", "").replace(" ", "").isalpha()
            and lead.text.isupper()
            and len(lead) <= 3
            and lead.text.lower() not in lexicon.non_speaker_labels
        )
        if not label and (not names or names[-1].end != lead.end):
            continue
        content_start = token.idx + 1 + (len(text[token.idx + 1 : line_end]) - len(text[token.idx + 1 : line_end].lstrip()))
        content_end = content_start + len(rest)
        found.append(
            Attribution(
                content=[(content_start, content_end)],
                cue=(token.i, token.i + 1),
                cue_lemma=":",
                speaker=(lead.start, lead.end),
                via="colon",
                sentence_start=lead.start,
            )
        )
    return found


def clip_to_paragraphs(doc: Doc, text: str, attributions: list[Attribution]) -> None:
    """Reported speech stays in its cue's paragraph (a parse without paragraph-aware sentences may
    run on into the next one); only direct quotes span paragraphs."""
    paragraphs = paragraph_spans(text)
    starts = [start for start, _ in paragraphs]
    for attribution in attributions:
        if attribution.kind == QuoteKind.DIRECT or attribution.cue is None or not attribution.content or not paragraphs:
            continue
        i = max(0, bisect.bisect_right(starts, doc[attribution.cue[0]].idx) - 1)
        low, high = paragraphs[i]
        clipped = [(max(a, low), min(b, high)) for a, b in attribution.content]
        clipped = [(a, b) for a, b in clipped if b > a and text[a:b].strip()]
        attribution.content = [_strip_chars(text, a, b) for a, b in clipped]


def _strip_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


PARENTHETICAL_DEPS = frozenset({"parataxis", "advcl", "dep", "conj", "ccomp", "relcl"})


def _parenthetical_content(doc: Doc, attribution: Attribution) -> None:
    """'The plan is dead, the minister said.' and 'The plan, he said, is dead.': the rest of the
    sentence, when the cue clause is set off from it by a comma."""
    verb = doc[attribution.cue[0]]
    sent = verb.sent
    if verb.dep_ == "ROOT":
        clauses = [c for c in verb.children if c.dep_ in PARENTHETICAL_DEPS and _set_off(doc, verb, c)]
        if not clauses:
            return
        start, end = _trim_tokens(doc, *subtree_span(clauses[0]))
        pieces = [(start, end)]
    elif verb.dep_ in PARENTHETICAL_DEPS:
        left, right = _trim_tokens(doc, verb.left_edge.i, verb.right_edge.i + 1)
        before_comma = left > sent.start and doc[left - 1].text in (",", "—", "–")
        after_comma = right < sent.end and doc[right].text in (",", "—", "–")
        if not (before_comma or (left == sent.start and after_comma)):
            return
        # "which, Tompkins said, is full": the clause the cue interrupts, else the sentence.
        host = verb.head if verb.dep_ == "parataxis" else sent.root
        start, end = host.left_edge.i, host.right_edge.i + 1
        pieces = [_trim_tokens(doc, start, left), _trim_tokens(doc, right, end)]
    else:
        return
    pieces = [(a, b) for a, b in pieces if b > a]
    if sum(b - a for a, b in pieces) >= 3:
        attribution.content = [char_range(doc, piece) for piece in pieces]


def _set_off(doc: Doc, verb: Token, clause: Token) -> bool:
    """Whether a comma or dash separates `clause` from the cue verb."""
    if clause.i < verb.i:
        between = doc[clause.right_edge.i + 1 : verb.i]
    else:
        between = doc[verb.i + 1 : clause.left_edge.i]
    return any(t.text in (",", "—", "–", "--") for t in between)


def find_attributions(
    doc: Doc, lexicon: CueLexicon, text: str | None = None, scorer: AttributionScorer | None = None
) -> list[Attribution]:
    """All attributions of a parsed Doc, in document order, speakers not yet resolved. `text` is
    `doc.text`, if the caller has it (`Doc.text` joins every token on each access). A trained
    `scorer` adds the open-class attributions it accepts to the rules' and may drop rule ones."""
    text = doc.text if text is None else text
    index = QuoteIndex.build(text)
    attributions = rule_attributions(doc, lexicon, text, index)
    if scorer is not None:
        attributions = scorer.select(doc, text, attributions, index, lexicon)
    _chain_sources(doc, attributions)
    _hedge_anonymous_sources(doc, attributions, lexicon)
    return attributions


def rule_attributions(doc: Doc, lexicon: CueLexicon, text: str, index: QuoteIndex) -> list[Attribution]:
    """The rules' attributions in document order, before source chains and hedges."""
    attributions: list[Attribution] = []
    for sent in doc.sents:
        tokens = list(sent)  # one Token object per token, shared by the passes below
        by_verbs = verb_attributions(sent, lexicon, tokens)
        attributions.extend(by_verbs)
        attributions.extend(noun_attributions(sent, lexicon, tokens))
        attributions.extend(clause_attributions(sent, lexicon, tokens))
        attributions.extend(according_to_attributions(sent, lexicon, by_verbs, tokens))
    # "I think" inside a quote is the quoted speaker's own words, not another attribution.
    attributions = [a for a in attributions if a.cue is None or not index.contains(doc[a.cue[0]].idx)]
    consumed: set[int] = set()
    for attribution in attributions:
        if attribution.content:
            cue = doc[attribution.cue[0]].idx if attribution.cue is not None else None
            classify(attribution, text, index, consumed, cue)
    attributions.extend(colon_lead_ins(doc, text, index, consumed))
    news = news_colons(doc, text, index, lexicon)
    for attribution in news:
        classify(attribution, text, index, consumed)
    attributions.extend(news)
    attributions.extend(link_quotes(doc, text, attributions, index, consumed, lexicon))
    merge_split_quotes(doc, text, attributions, index, consumed)
    for attribution in attributions:
        if not attribution.content and attribution.cue is not None:
            _parenthetical_content(doc, attribution)
            if attribution.content:
                attribution.kind = QuoteKind.INDIRECT
                classify(attribution, text, index, consumed)
    clip_to_paragraphs(doc, text, attributions)
    kept = [a for a in attributions if a.content]
    kept.sort(key=lambda a: (a.start, a.end))
    return drop_duplicates(kept)


# How far back (characters) an attribution may start and still contain a later cue.
CHAIN_REACH = 3000
MAX_CHAIN_HOPS = 4


def _chain_sources(doc: Doc, attributions: list[Attribution]) -> None:
    """"Hale told reporters that Lopez had said ...": Lopez's words reach us through Hale. An
    attribution whose cue lies in another's content gets that one's chain and speaker as sources,
    outermost first."""
    starts = [a.start for a in attributions]
    for attribution in attributions:  # in document order: an outer report is chained before its inner ones
        if attribution.cue is None:
            continue
        cue = doc[attribution.cue[0]].idx
        i = bisect.bisect_right(starts, cue) - 1
        while i >= 0 and attributions[i].start >= cue - CHAIN_REACH:
            outer = attributions[i]
            if outer is not attribution and outer.speaker is not None and any(a <= cue < b for a, b in outer.content):
                relation = outer.cue_lemma or "reported"
                chain = [*outer.sources, (outer.speaker, relation)]
                # Real reports nest a few deep; a bound keeps adversarial text linear.
                attribution.sources[:0] = chain[-MAX_CHAIN_HOPS:]
                break
            i -= 1


def _hedge_anonymous_sources(doc: Doc, attributions: list[Attribution], lexicon: CueLexicon) -> None:
    """"sources said", "a person familiar with the talks said": unnamed sourcing is a hedge."""
    for attribution in attributions:
        if attribution.hedge is not None or attribution.speaker is None or attribution.cue is None:
            continue
        mention = doc[attribution.speaker[0] : attribution.speaker[1]]
        if mention.root.lower_ in lexicon.anonymous_source_nouns and not any(t.tag_ in ("NNP", "NNPS") for t in mention):
            cue = doc[attribution.cue[0] : attribution.cue[1]]
            attribution.hedge = f"{mention.text.lower()} {cue.text.lower()}"


def drop_duplicates(attributions: list[Attribution]) -> list[Attribution]:
    """The same content found twice (by two rules) is reported once."""
    seen: set[tuple[tuple[int, int], ...]] = set()
    kept = []
    for attribution in attributions:
        key = tuple(attribution.content)
        if key in seen:
            continue
        seen.add(key)
        kept.append(attribution)
    return kept


__all__ = [
    "Attribution",
    "QuoteIndex",
    "char_range",
    "child_with",
    "classify",
    "clip_to_paragraphs",
    "cue_words",
    "drop_duplicates",
    "find_attributions",
    "find_subject",
    "mention_head",
    "names_in",
    "noun_owner",
    "noun_phrase",
    "open_class_lemma",
    "rule_attributions",
    "set_speaker",
    "subtree_span",
]
