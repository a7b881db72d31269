"""Verb cues in one sentence: speech and writing verbs with their content, speaker, addressee and
hedge; open-class verbs with a 'that' clause; and the citing frame of "X cited Y as saying"
(reporting nouns and "according to" are in `phrases`)."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..records import QuoteKind
from .acts import adverbial_clauses
from .candidates import Attribution, Via
from .categories import is_finite_clause
from .contents import content_tokens
from .lexicon import CueLexicon
from .mention_spans import noun_phrase, set_speaker, subject_in_fronted_phrase
from .morphology import singular
from .nominals import PLACE_NOUNS
from .participles import reduced_passive
from .people import names_a_person
from .ranges import char_range, trim_tokens
from .subjects import find_subject
from .syntax import (
    COPULAS,
    DOCUMENT_NOUNS,
    IMPERSONAL_SUBJECTS,
    ORG_NOUNS,
    PASSIVE_SUBJECTS,
    SET_OFF,
    SPEAKER_LABELS,
    child_with,
    cue_words,
    is_personal,
    mention_head,
    open_class_lemma,
    subtree_span,
)


def _can_speak(subject: Token, lexicon: CueLexicon) -> bool:
    """Whether a subject may have said something: a person, a body or a place, named or
    described ("the city demanded"), a pronoun ("who"), an unnamed source, or a document that
    speaks for its author."""
    word = subject.lower_
    return (
        is_personal(subject)
        or subject.tag_ in ("WP", "PRP")
        or word in PLACE_NOUNS
        or names_a_person(subject)
        or word in ORG_NOUNS
        or word in DOCUMENT_NOUNS
        or word in lexicon.anonymous_source_nouns
        or singular(word) in lexicon.anonymous_source_nouns
    )


def _coordinated_cue_subject(verb: Token, lexicon: CueLexicon) -> tuple[Token, Via] | None:
    """ "Hale said the plan was good but warned that ...": the parser may hang the second cue
    under the first as a clause; it shares the first cue's subject."""
    head = verb.head
    if (
        verb.dep_ == "ccomp"
        and head.i != verb.i
        and head.tag_.startswith("VB")
        and lexicon.verb_lemma(head.lower_)
        # "The case is expected to reach the court, experts said": a passive has its own subject.
        and child_with(verb, *PASSIVE_SUBJECTS) is None
    ):
        found = find_subject(head)
        if found is not None:
            return found[0], Via.INHERITED_SUBJECT
    return None


def _object_after_cue(verb: Token, lemma: str, lexicon: CueLexicon) -> tuple[Token, Via] | None:
    """'"...", said the French minister Pierre Dubois': an inverted subject the parser took for an
    object, right after a cue that takes no person as object."""
    if lemma in lexicon.addressee_object or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if not (before.is_punct or before.is_quote):
        return None
    following = next(
        (c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")), None
    )
    if following is None or following.left_edge.i != verb.i + 1:
        return None
    if is_personal(following) or (before.is_quote and _ends_clause(following)):
        # '"Get out!" shouted the officer.': right after the quote, the noun phrase that ends the
        # clause is who said it; the quote is what was said.
        return following, Via.INVERTED
    return None


def _interrupted_subject(
    verb: Token, content: tuple[int, int] | None
) -> tuple[tuple[int, int], Token] | None:
    """The first words and the speaker of a report its cue interrupts, set off on both sides by
    dashes or commas: the parser reads "The plan -- Hale said -- is dead" either with two
    subjects of "said" or with "said" as a clause of "plan"; either way "The plan" begins what
    was said, and Hale said it. Not an apposition ("Ban, the UN's chief, vowed to ...")."""
    doc = verb.doc
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects or content is None or content[0] <= verb.i:
        return None
    if len(subjects) > 1:
        first, start, end = subjects[0], subjects[0].left_edge.i, subjects[0].right_edge.i + 1
    elif (
        verb.dep_ == "acl"
        and subjects[0].tag_ not in ("WP", "WDT")  # "Hale, who said ...": Hale is the speaker
        and verb.head.i < verb.left_edge.i
    ):
        first, start, end = verb.head, verb.head.left_edge.i, verb.left_edge.i
    else:
        return None
    before = doc[first.i + 1 : subjects[-1].left_edge.i]  # the dash may hang on the first
    after = doc[verb.i + 1 : content[0]]
    if not (any(t.text in SET_OFF for t in before) and any(t.text in SET_OFF for t in after)):
        return None
    return trim_tokens(doc, start, end), subjects[-1]


def _ends_clause(noun: Token) -> bool:
    """A common-noun phrase followed by nothing but punctuation to the end of its sentence."""
    if not noun.tag_.startswith("NN"):
        return False
    rest = noun.doc[noun.right_edge.i + 1 : noun.sent.end]
    return all(t.is_punct or t.is_space for t in rest)


def _not_yet_said(verb: Token, lexicon: CueLexicon) -> bool:
    """ "urged the council to say that ...", "wants to tell voters that ...", "asked Hale to
    explain why ...": an infinitive under another cue is what was urged, wanted or asked (the
    outer cue's content), not words anyone has said."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.i != verb.i
        and head.tag_.startswith("VB")
        and child_with(verb, "aux", lower="to") is not None
        and (
            lexicon.verb_lemma(head.lower_) is not None
            or lexicon.category_of(head.lower_, "verb") is not None
        )
    )


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
            if pobj is not None and is_personal(pobj):
                return pobj
    return None


def _hedge(verb: Token, lexicon: CueLexicon) -> str | None:
    for token in (verb, verb.head):
        for child in token.children:
            if child.dep_ == "advmod" and child.lower_ in lexicon.hedges:
                return child.lower_
    return None


def _citing_frame(verb: Token, lexicon: CueLexicon) -> Token | None:
    """The citing verb of "X cited Y as saying" / "Y was quoted as saying", if `verb` is the
    saying."""
    marker = verb.head
    if verb.dep_ in ("pcomp", "advcl", "pobj") and marker.lower_ == "as":
        citing = marker.head
        if lexicon.verb_lemma(citing.lower_) in lexicon.citing_verbs:
            return citing
    return None


def _as_clause_idiom(verb: Token, lexicon: CueLexicon) -> str | None:
    """The idiom's cue lemma ("put it") where `verb` is one with its object in an "as" clause ("as
    Hale put it"), else None."""
    idiom = lexicon.as_clause_idioms.get(verb.lower_)
    if idiom is None or child_with(verb, "mark", lower="as") is None:
        return None
    return idiom if child_with(verb, "dobj", lower=idiom.split()[-1]) is not None else None


def verb_attributions(
    sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]
) -> list[Attribution]:
    """Attributions cued by speech and writing verbs in one sentence."""
    found = []
    consumed_citing: set[int] = set()
    verbs = [
        t
        for t in tokens
        if t.tag_.startswith("VB")
        and (lexicon.verb_lemma(t.lower_) is not None or _as_clause_idiom(t, lexicon))
    ]
    for verb in verbs:
        citing = _citing_frame(verb, lexicon)
        if citing is not None:
            consumed_citing.add(citing.i)
    adverbials = functools.cache(lambda: adverbial_clauses(sent))  # if a long range needs them
    for verb in verbs:
        if verb.i in consumed_citing:
            continue
        lemma = lexicon.verb_lemma(verb.lower_) or _as_clause_idiom(verb, lexicon)
        assert lemma is not None
        if _not_yet_said(verb, lexicon):
            continue
        if verb.tag_ == "VBG" and verb.head.lower_ in ("without", "worth"):
            continue  # "it goes without saying that", "it is worth noting that": nobody says it
        citing = _citing_frame(verb, lexicon)
        frame_verb = citing if citing is not None else verb
        content, addressee = content_tokens(frame_verb, lemma, lexicon, adverbials)
        if content is None and citing is not None:
            content, _ = content_tokens(verb, lemma, lexicon, adverbials)
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
        elif reduced_passive(verb):
            continue  # "Asked what he would do, Diaz said": Diaz was asked, the words are not his
        else:
            interrupted = _interrupted_subject(verb, content)
            if interrupted is not None:
                attribution.content.insert(0, char_range(sent.doc, interrupted[0]))
                subject: tuple[Token, Via] | None = (interrupted[1], Via.SUBJECT)
            else:
                subject = (
                    find_subject(verb)
                    or _coordinated_cue_subject(verb, lexicon)
                    or _object_after_cue(verb, lemma, lexicon)
                )
            if (
                lemma in lexicon.agent_only_verbs
                and subject is not None
                and not _can_speak(subject[0], lexicon)
                and not _can_speak(mention_head(subject[0]), lexicon)
            ):
                continue  # "The plan calls for 200 homes": what it requires, said by nobody
            if subject is not None:
                set_speaker(attribution, verb, subject)
            elif (swallowed := subject_in_fronted_phrase(verb)) is not None:
                attribution.speaker, attribution.via = swallowed, Via.SUBJECT
            elif (
                verb.dep_ in ("nsubjpass", "ccomp")
                or child_with(verb, *PASSIVE_SUBJECTS) is not None
            ):
                continue  # "was told": not an attribution by itself
        addressee = addressee or _speaking_to(verb, lexicon)
        if addressee is not None:
            attribution.addressee = noun_phrase(addressee)
        attribution.hedge = attribution.hedge or _hedge(verb, lexicon)
        if content is None:
            attribution.kind = QuoteKind.DIRECT  # a bare cue: waits for a quote to attach to
        found.append(attribution)
    return found


def mistagged_verb_attributions(
    sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]
) -> list[Attribution]:
    """A speech verb the tagger took for a plural noun at the root of its sentence ("But Trump
    claims that he should be the exception": "claims" NNS, "Trump" its compound): with no verb
    above it, it is the sentence's cue, the tensed clause after it the content, its subject (or
    the name the parser made its compound) the speaker."""
    found = []
    for noun in tokens:
        if noun.dep_ != "ROOT" or noun.tag_ != "NNS" or not noun.lower_.endswith("s"):
            continue
        lemma = lexicon.verb_lemma(noun.lower_)
        if lemma is None or lemma in lexicon.direct_speech_only:
            continue
        clause = next(
            (c for c in noun.rights if c.dep_ in ("ccomp", "acl") and is_finite_clause(c)), None
        )
        subject = next((c for c in noun.lefts if c.dep_ == "nsubj"), None) or next(
            (c for c in noun.lefts if c.dep_ == "compound" and c.ent_type_ in SPEAKER_LABELS), None
        )
        if clause is None or subject is None or not _can_speak(subject, lexicon):
            continue
        attribution = Attribution(
            content=[char_range(sent.doc, subtree_span(clause))],
            cue=(noun.i, noun.i + 1),
            cue_lemma=lemma,
            sentence_start=sent.start,
        )
        set_speaker(attribution, noun, (subject, Via.SUBJECT))
        found.append(attribution)
    return found


def clause_attributions(
    sent: Span, lexicon: CueLexicon, tokens: Sequence[Token]
) -> list[Attribution]:
    """Any verb with a sentient subject and a 'that' clause reports what someone says, thinks or
    knows ("Trump insisted that", "aides acknowledged that"): the lexicon's verbs are handled with
    their frames elsewhere; this covers the open class."""
    found = []
    for clause in tokens:
        if clause.dep_ != "ccomp" or child_with(clause, "mark", lower="that") is None:
            continue
        verb = clause.head
        if (
            not verb.tag_.startswith("VB")
            or lexicon.verb_lemma(verb.lower_) is not None
            or verb.lower_ in COPULAS
        ):
            continue
        subject = find_subject(verb)
        if (
            subject is None
            or not is_personal(subject[0])
            or subject[0].lower_ in IMPERSONAL_SUBJECTS
        ):
            continue
        attribution = Attribution(
            content=[char_range(sent.doc, subtree_span(clause))],
            cue=cue_words(verb, None),
            cue_lemma=open_class_lemma(verb),
            sentence_start=sent.start,
        )
        set_speaker(attribution, verb, subject)
        found.append(attribution)
    return found


def _fill_citing(attribution: Attribution, citing: Token, lexicon: CueLexicon) -> None:
    relation = "quoted" if lexicon.verb_lemma(citing.lower_) == "quote" else "cited"
    quoted_person = child_with(citing, "dobj")
    if quoted_person is not None:  # "Xinhua cited Xi as having said"
        attribution.speaker = noun_phrase(quoted_person)
        attribution.via = Via.CITING_OBJECT
        reporter = find_subject(citing)
        if reporter is not None:
            attribution.sources.append((noun_phrase(mention_head(reporter[0])), relation))
        return
    raised = child_with(citing, *PASSIVE_SUBJECTS)  # "Putin was cited as saying"
    if raised is not None:
        attribution.speaker = noun_phrase(raised)
        attribution.via = Via.RAISED_PASSIVE
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
