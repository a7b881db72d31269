"""Open-class candidate frames: every verb, every noun with a clause or a topic and every
predicative adjective with a complement (cue = the word, content = its complement, speaker = its
subject or owner), beside the rules' own attributions, with what decides whether one may be
reported."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy
from attrs import define, field
from spacy.tokens import Token

from ..intervals import Coverage
from ..records import Category, QuoteKind
from ..rules.arrays import DocArrays, indices
from ..rules.candidates import Attribution, Via
from ..rules.categories import (
    PARTS,
    clause_reports_nothing,
    cue_category,
    fronted_before_complementizer,
    has_predicate,
    is_finite_clause,
    object_is_content,
    topic_is_content,
)
from ..rules.clauses import clip_to_paragraphs
from ..rules.contents import lacks_its_preposition
from ..rules.context import DocContext
from ..rules.lexicon import CueLexicon
from ..rules.mention_spans import noun_phrase, set_speaker
from ..rules.morphology import stem
from ..rules.names import TITLES
from ..rules.participles import reduced_passive
from ..rules.people import ROLE_NOUNS
from ..rules.quotes import classify
from ..rules.ranges import char_range
from ..rules.subjects import find_subject, noun_owner
from ..rules.syntax import (
    AGENT_NOUN_SUFFIXES,
    DOCUMENT_NOUNS,
    IMPERSONAL_SUBJECTS,
    NOT_TOPICS,
    ORG_NOUNS,
    TOPIC_PREPOSITIONS,
    child_with,
    cue_words,
    cues_quotation_before,
    mention_head,
    open_class_lemma,
    parted_before,
    subtree_span,
)
from .features import candidate_features

VERB_COMPLEMENTS = ("ccomp", "xcomp", "dobj")
NOUN_COMPLEMENTS = ("acl", "ccomp")
ADJECTIVE_COMPLEMENTS = ("ccomp", "xcomp")
NOT_CUES = frozenset({"aux", "auxpass"})
# "He seems to ...", "it appears that": the subject of a raising verb holds no view; the writer
# does.
RAISING_VERBS = frozenset({"seem", "appear"})
# Impersonal subjects, the generic "you" ("you see") and negative ones ("nobody said anything")
# say nothing of whose view it is.
NON_SPEAKERS = IMPERSONAL_SUBJECTS | {"you", "nobody", "none", "nothing", "noone"}
# A rule's cue hanging on a word this way makes the word the setting of that report: "addressed
# an audience, calling for ...", "took to Twitter to say ...".
FRAMING_DEPS = frozenset({"advcl", "xcomp", "pcomp"})
# How a speaker is found from the words of the attribution itself, not from the context.
EXPLICIT_SPEAKERS = frozenset(
    {
        Via.SUBJECT,
        Via.INVERTED,
        Via.PASSIVE_AGENT,
        Via.RAISED_PASSIVE,
        Via.CITING_OBJECT,
        Via.ACCORDING_TO,
        Via.COLON,
        Via.DASH,
    }
)
SENTENCE_END = frozenset(".!?:\"”’'")
HEADING_WORDS = 20


@define
class Candidate:
    """An attribution the scorer judges: a rule's (`origin` "rule") or an open-class frame's."""

    attribution: Attribution
    origin: str
    features: list[str] = field(repr=False)
    eligible: bool = False  # a frame that may be reported, a rule attribution that may be dropped


def _topic(token: Token, any_preposition: bool) -> tuple[Token, Token] | None:
    """(preposition, object) of "complained about X", "support for X"."""
    for prep in token.rights:
        if prep.dep_ == "prep" and (any_preposition or prep.lower_ in TOPIC_PREPOSITIONS):
            obj = child_with(prep, "pobj", "pcomp")
            return (prep, obj) if obj is not None else None
    return None


def _complement(token: Token) -> tuple[Token, Token | None] | None:
    """What `token` would report, and the preposition that introduces it, if any."""
    if token.tag_.startswith("VB") and token.dep_ not in NOT_CUES:
        # The first child of each complement relation, read in one pass over the children.
        first: dict[str, Token] = {}
        for child in token.children:
            if child.dep_ in VERB_COMPLEMENTS:
                first.setdefault(child.dep_, child)
        for dep in VERB_COMPLEMENTS:
            if dep in first:
                return first[dep], None
        topic = _topic(token, any_preposition=True)
    elif token.tag_.startswith("NN"):
        clause = next((c for c in token.rights if c.dep_ in NOUN_COMPLEMENTS), None)
        if clause is not None:
            return clause, None
        topic = _topic(token, any_preposition=False)
    elif token.tag_ == "JJ" and token.dep_ == "acomp":  # "was critical of", "is confident that"
        clause = next((c for c in token.rights if c.dep_ in ADJECTIVE_COMPLEMENTS), None)
        if clause is not None:
            return clause, None
        topic = _topic(token, any_preposition=True)
    else:
        return None
    return (topic[1], topic[0]) if topic is not None else None


def _possible_cues(arrays: DocArrays) -> list[int]:
    """The tokens `_complement` may find something for: a verb with a complement or a
    preposition after it, a noun with a clause or a preposition after it, a predicative adjective
    likewise. A superset of the tokens with a complement (most tokens have none)."""
    if not arrays.size:
        return []
    after_head = arrays.after_head()

    def has_right_child(deps: Sequence[str]) -> numpy.ndarray:
        return arrays.heads_of(after_head & arrays.dep(deps.__contains__))

    preposition = has_right_child(("prep",))
    verbs = arrays.tag(lambda tag: tag.startswith("VB")) & ~arrays.dep(NOT_CUES.__contains__)
    nouns = arrays.tag(lambda tag: tag.startswith("NN"))
    adjectives = arrays.tag(lambda tag: tag == "JJ") & arrays.dep(lambda dep: dep == "acomp")
    verb_complement = arrays.heads_of(arrays.dep(VERB_COMPLEMENTS.__contains__))
    return indices(
        (verbs & (verb_complement | preposition))
        | (nouns & (has_right_child(NOUN_COMPLEMENTS) | preposition))
        | (adjectives & (has_right_child(ADJECTIVE_COMPLEMENTS) | preposition))
    )


def _object_content(token: Token, obj: Token) -> tuple[int, int]:
    """The object with what is said of it: "attacked [Trump as a fraud]", "linked [X to Y]",
    "called [the charges unfounded]"; not the time or place of the act ("on Tuesday")."""
    start, end = subtree_span(obj)
    # "the offer, which the union called 'an insult'": what is said of a relative pronoun
    # before the cue starts after the cue.
    fronted = obj.i < token.i
    for child in token.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp"):
            if fronted:  # one thing is said of it: the first
                return child.left_edge.i, child.right_edge.i + 1
            end = child.right_edge.i + 1
        elif child.dep_ == "prep":
            pobj = child_with(child, "pobj")
            if pobj is not None and pobj.ent_type_ in NOT_TOPICS:
                break
            end = child.right_edge.i + 1
        elif not child.is_punct:
            break
    return start, end


def _no_one(subject: Token) -> bool:
    """Whether a subject names nobody whose view it could be: "it", "you", "nobody", "no one"."""
    return subject.lower_ in NON_SPEAKERS or any(
        c.dep_ == "det" and c.lower_ == "no" for c in subject.children
    )


def _is_object(token: Token, complement: Token) -> bool:
    return complement.dep_ == "dobj" and complement.head == token


def _reports_nothing(token: Token, lexicon: CueLexicon) -> bool:
    """Whether a frame's cue word is in no category ("runs", "began"): its frame is never
    reported, and only its content counts (for the features of frames around it)."""
    part = PARTS.get(token.tag_[:2])
    return part is None or lexicon.category_of(open_class_lemma(token), part) is None


def _frame(
    context: DocContext, token: Token, complement: Token, *, with_speaker: bool = True
) -> Attribution:
    doc, lexicon = context.doc, context.lexicon
    content = (
        _object_content(token, complement)
        if _is_object(token, complement)
        else subtree_span(complement)
    )
    attribution = Attribution(
        content=[char_range(doc, content)],
        cue=cue_words(token, content),
        cue_lemma=open_class_lemma(token),
        sentence_start=context.sentence_start(token.i),
    )
    if not with_speaker:
        return attribution
    if token.tag_.startswith("VB") or token.tag_ == "JJ":
        subject = find_subject(token if token.tag_.startswith("VB") else token.head)
        if (
            subject is not None
            and stem(token.lower_, lexicon) not in RAISING_VERBS
            and not _no_one(subject[0])
        ):
            set_speaker(attribution, token if token.tag_.startswith("VB") else token.head, subject)
    else:
        owner = noun_owner(token, complement.left_edge.i)
        if owner is not None:
            attribution.speaker = noun_phrase(mention_head(owner))
            attribution.via = Via.SUBJECT
    return attribution


def _may_hold_views(head: Token, lexicon: CueLexicon) -> bool:
    """Whether an open-class frame's speaker can say, think or want: a name, a pronoun, a group
    (a plural), a person by role or an agent noun ("the economist", "the chairman"), a body or a
    document; not a thing ("the literature left little doubt", "racist rhetoric perceived").
    """
    word = head.lower_
    return (
        head.tag_ in ("PRP", "PRP$", "NNP", "NNPS", "NNS", "WP")
        or bool(head.ent_type_)
        or head.is_title  # a name the tagger missed ("Trump" as a common noun)
        or word in ROLE_NOUNS
        or word in TITLES
        or word in ORG_NOUNS
        or word in DOCUMENT_NOUNS
        or word in lexicon.anonymous_source_nouns
        or word.endswith(AGENT_NOUN_SUFFIXES)
    )


def is_heading(text: str, start: int, end: int) -> bool:
    """A paragraph of a few words without a sentence's final punctuation: a headline or
    subheading."""
    return text[end - 1] not in SENTENCE_END and len(text[start:end].split()) <= HEADING_WORDS


def contents(attributions: Iterable[Attribution]) -> Coverage:
    return Coverage(piece for attribution in attributions for piece in attribution.content)


def find_candidates(
    context: DocContext,
    rule_attributions: Sequence[Attribution],
    *,
    judged_only: bool = False,
) -> list[Candidate]:
    """The rules' attributions and every open-class frame not already a rule's cue, with features.
    With `judged_only` (at run time, unlike training), a candidate that is not eligible gets no
    features: it is reported or dropped whatever its score."""
    doc, text, index, lexicon = context.doc, context.text, context.quotes, context.lexicon
    cue_tokens = {i for a in rule_attributions if a.cue is not None for i in range(*a.cue)}
    frames: list[tuple[Attribution, tuple[Token, Token | None]]] = []
    unjudged: set[int] = set()  # ids of frames whose cue reports nothing
    for i in _possible_cues(context.arrays):
        token = doc[i]
        if i in cue_tokens or token.is_space or index.contains(token.idx):
            continue
        lemma = lexicon.verb_lemma(token.lower_) if token.tag_.startswith("VB") else None
        # "X quoted Y as saying": the rules read the citing frame with its saying; "fumed at the
        # officials": a manner of speaking cues only a quotation.
        if lemma in lexicon.citing_verbs or lemma in lexicon.direct_speech_only:
            continue
        complement = _complement(token)
        if complement is None:
            continue
        if complement[0].dep_ == "xcomp" and (
            lacks_its_preposition(token, lemma, lexicon)
            # "continue to show signs": what one goes on doing, no report
            or lemma in lexicon.aspectual_verbs
        ):
            continue
        # At run time a frame that reports nothing is not judged: no speaker is looked for.
        light = judged_only and _reports_nothing(token, lexicon)
        frames.append((_frame(context, token, complement[0], with_speaker=not light), complement))
        if light:
            unjudged.add(id(frames[-1][0]))
    complement_of = {id(attribution): complement[0] for attribution, complement in frames}
    consumed: set[int] = set()
    for attribution, _ in frames:
        classify(context, attribution, consumed)
        if id(attribution) in unjudged:
            continue
        attribution.category = cue_category(doc, attribution, lexicon)
        token, complement = doc[attribution.cue[0]], complement_of[id(attribution)]
        if reduced_passive(token):
            attribution.category = None  # "Asked what he would do, Diaz said": not Diaz's words
        if _is_object(token, complement):
            if attribution.category is Category.THOUGHT or (
                not has_predicate(token, complement)
                and not object_is_content(token, complement, lexicon)
            ):
                # "denied three breakaways", "found the dog asleep": a thing or a scene, not what
                # was said or thought
                attribution.category = None
        elif complement.dep_ == "ccomp" and (
            clause_reports_nothing(token, complement, stem(token.lower_, lexicon), lexicon)
            or (attribution.category is Category.THOUGHT and not is_finite_clause(complement))
            or (complement.i < token.i and cues_quotation_before(complement, lexicon))
            or parted_before(complement, token)
            or fronted_before_complementizer(token, complement)
        ):
            attribution.category = None
        elif complement.dep_ in ("pobj", "pcomp") and not topic_is_content(
            token, complement, lexicon
        ):
            attribution.category = None
    clip_to_paragraphs(context, [attribution for attribution, _ in frames])
    rule_contents = contents(rule_attributions)  # a content never holds its own cue
    candidates = []
    for attribution in rule_attributions:
        nested = attribution.cue is not None and rule_contents.covers(doc[attribution.cue[0]].idx)
        # A report inside a report is a link of a source chain: the model, trained on gold that
        # annotates one level only, does not judge it.
        features = (
            []
            if judged_only and nested
            else candidate_features(doc, attribution, "rule", lexicon, nested=nested, covered=False)
        )
        # A quotation whose speaker an explicit construction names ("..." - Jane Roe, "...," she
        # said) is kept whatever its score.
        droppable = not nested and not (
            (attribution.kind is QuoteKind.DIRECT and attribution.via in EXPLICIT_SPEAKERS)
            or attribution.via is Via.FRAGMENT_SUBJECT
        )
        candidates.append(Candidate(attribution, "rule", features, eligible=droppable))
    rule_cue_heads = {
        doc[a.cue[0]].head.i
        for a in rule_attributions
        if a.cue is not None and doc[a.cue[0]].dep_ in FRAMING_DEPS
    }
    frame_contents = contents(attribution for attribution, _ in frames)
    headings = Coverage(span for span in context.paragraphs if is_heading(text, *span))
    for attribution, complement in frames:
        if not attribution.content:
            continue
        cue = doc[attribution.cue[0]].idx
        in_rule_content = rule_contents.covers(cue)
        frames_report = attribution.cue[0] in rule_cue_heads
        eligible = (
            attribution.speaker is not None
            and _may_hold_views(doc[slice(*attribution.speaker)].root, lexicon)
            and attribution.category is not None
            and not in_rule_content
            and not frames_report
            and not headings.covers(cue)
        )
        features = (
            []
            if judged_only and not eligible
            else candidate_features(
                doc,
                attribution,
                "frame",
                lexicon,
                nested=in_rule_content or frame_contents.covers(cue),
                covered=rule_contents.share_of(attribution.content) > 0.5,
                complement=complement,
                frames_report=frames_report,
            )
        )
        candidates.append(Candidate(attribution, "frame", features, eligible=eligible))
    return candidates
