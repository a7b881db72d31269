"""The trained attribution scorer: open-class candidates and a logistic model that accepts them.

The rules find speech and writing cues from a lexicon. News attribution also covers beliefs,
intentions, support and criticism ("wants to", "backs the plan", "attacked the deal"): an open
class no lexicon lists. Every verb, every noun with a clause or a topic and every predicative
adjective with a complement is a candidate *frame*: cue = the word, content = its complement,
speaker = its subject or owner. A logistic
regression over hashed features of the cue, the complement, the speaker and what the rules found
around it decides which frames are attributions, and which of the rules' own attributions to drop.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import numpy
import srsly
from attrs import define, field
from murmurhash.mrmr import hash as murmur
from spacy.tokens import Doc, Token

from .attribution import (
    IMPERSONAL_SUBJECTS,
    NOT_TOPICS,
    TOPIC_PREPOSITIONS,
    Attribution,
    QuoteIndex,
    char_range,
    child_with,
    classify,
    clip_to_paragraphs,
    cue_words,
    drop_duplicates,
    find_subject,
    mention_head,
    noun_owner,
    noun_phrase,
    open_class_lemma,
    set_speaker,
    subtree_span,
)
from .errors import Errors
from .lexicon import CueLexicon
from .marks import paragraph_spans

# Feature strings are hashed into this many weights: 1 MB of float32, few collisions for the
# ~200,000 distinct features of PolNeAR train.
N_FEATURES = 2**18
# Bumped whenever a feature changes meaning: a model trained on other features is refused.
FEATURE_VERSION = 1
VERB_COMPLEMENTS = ("ccomp", "xcomp", "dobj")
NOUN_COMPLEMENTS = ("acl", "ccomp")
NOT_CUES = frozenset({"aux", "auxpass"})
# "He seems to ...", "it appears that": the subject of a raising verb holds no view; the writer does.
RAISING_VERBS = frozenset({"seem", "appear"})
# Impersonal subjects, the generic "you" ("you see") and negative ones ("nobody said anything")
# say nothing of whose view it is.
NON_SPEAKERS = IMPERSONAL_SUBJECTS | {"you", "nobody", "none", "nothing", "noone"}
# A rule's cue hanging on a word this way makes the word the setting of that report: "addressed
# an audience, calling for ...", "took to Twitter to say ...".
FRAMING_DEPS = frozenset({"advcl", "xcomp", "pcomp"})
PACKAGED_MODEL = "quoteattr-polnear"
WEIGHTS_FILE = "weights.npy"
SETTINGS_FILE = "scorer.json"


@define
class Candidate:
    """An attribution the scorer judges: a rule's (`origin` "rule") or an open-class frame's."""

    attribution: Attribution
    origin: str
    features: list[str] = field(repr=False)
    eligible: bool = False  # a frame that may be reported, a rule attribution that may be dropped


# Candidates ------------------------------------------------------------------------------------


def stem(word: str, lexicon: CueLexicon) -> str:
    """The lexicon's lemma of a cue form, else the word without a regular inflection."""
    word = word.lower()
    lemma = lexicon.verb_lemma(word)
    if lemma is not None:
        return lemma
    for suffix, replacement in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + replacement
    return word


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
        for dep in VERB_COMPLEMENTS:
            child = child_with(token, dep)
            if child is not None:
                return child, None
        topic = _topic(token, any_preposition=True)
    elif token.tag_.startswith("NN"):
        clause = next((c for c in token.rights if c.dep_ in NOUN_COMPLEMENTS), None)
        if clause is not None:
            return clause, None
        topic = _topic(token, any_preposition=False)
    elif token.tag_ == "JJ" and token.dep_ == "acomp":  # "was critical of", "is confident that"
        clause = next((c for c in token.rights if c.dep_ in ("ccomp", "xcomp")), None)
        if clause is not None:
            return clause, None
        topic = _topic(token, any_preposition=True)
    else:
        return None
    return (topic[1], topic[0]) if topic is not None else None


def _object_content(token: Token, obj: Token) -> tuple[int, int]:
    """The object with what is said of it: "attacked [Trump as a fraud]", "linked [X to Y]",
    "called [the charges unfounded]"; not the time or place of the act ("on Tuesday")."""
    start, end = subtree_span(obj)
    for child in token.rights:
        if child.i <= obj.i:
            continue
        if child.dep_ in ("oprd", "xcomp", "ccomp"):
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


def _frame(doc: Doc, token: Token, complement: Token, lexicon: CueLexicon) -> Attribution:
    content = (
        _object_content(token, complement)
        if complement.dep_ == "dobj" and complement.head == token
        else subtree_span(complement)
    )
    attribution = Attribution(
        content=[char_range(doc, content)],
        cue=cue_words(token, content),
        cue_lemma=open_class_lemma(token),
        sentence_start=token.sent.start,
    )
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
            attribution.via = "subject"
    return attribution


SENTENCE_END = frozenset(".!?:\"”’'")
HEADING_WORDS = 20


def is_heading(text: str, start: int, end: int) -> bool:
    """A paragraph of a few words without a sentence's final punctuation: a headline or subheading."""
    return text[end - 1] not in SENTENCE_END and len(text[start:end].split()) <= HEADING_WORDS


class _Coverage:
    """The characters some spans cover, as sorted merged intervals: whether a character is covered
    and how much of a content is, in logarithmic time (a long article has thousands of frames)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in spans:
            self.add(start, end)

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        i = bisect.bisect_left(self.ends, start)  # the first interval that ends at or after start
        j = bisect.bisect_right(
            self.starts, end
        )  # past the last interval that starts at or before end
        if i < j:
            start, end = min(start, self.starts[i]), max(end, self.ends[j - 1])
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def covers(self, char: int) -> bool:
        i = bisect.bisect_right(self.starts, char) - 1
        return i >= 0 and char < self.ends[i]

    def share_of(self, pieces: Sequence[tuple[int, int]]) -> float:
        total = sum(end - start for start, end in pieces)
        common = 0
        for start, end in pieces:
            i = max(0, bisect.bisect_right(self.starts, start) - 1)
            while i < len(self.starts) and self.starts[i] < end:
                common += max(0, min(end, self.ends[i]) - max(start, self.starts[i]))
                i += 1
        return common / total if total else 0.0


def _contents(attributions: Iterable[Attribution]) -> _Coverage:
    return _Coverage(piece for attribution in attributions for piece in attribution.content)


def _length(attribution: Attribution) -> str:
    chars = sum(b - a for a, b in attribution.content)
    return next(f"<{limit}" for limit in (20, 50, 100, 200, 400, 10**9) if chars < limit)


def _speaker_class(doc: Doc, attribution: Attribution, lexicon: CueLexicon) -> str:
    if attribution.speaker is None:
        return "none"
    head = doc[attribution.speaker[0] : attribution.speaker[1]].root
    if head.tag_ in ("PRP", "WP"):
        return f"pron:{head.lower_}"
    if head.ent_type_:
        return f"ent:{head.ent_type_}"
    if head.tag_ in ("NNP", "NNPS"):
        return "proper"
    return f"noun:{stem(head.lower_, lexicon)}"


def _first_word(doc: Doc, attribution: Attribution) -> str:
    span = doc.char_span(*attribution.content[0], alignment_mode="expand")
    return span[0].lower_ if span is not None and len(span) else ""


def _features(
    doc: Doc,
    attribution: Attribution,
    origin: str,
    lexicon: CueLexicon,
    nested: bool,
    covered: bool,
    complement: tuple[Token, Token | None] | None = None,
    frames_report: bool = False,
) -> list[str]:
    speaker = _speaker_class(doc, attribution, lexicon)
    coarse = speaker.split(":")[0]
    features = [
        "bias",
        f"kind={attribution.kind.value}",
        f"len={_length(attribution)}",
        f"speaker={speaker}",
        f"speaker={coarse}",
        f"nested={nested}",
        f"covered={covered}",
        f"frames_report={frames_report}",
        f"first={_first_word(doc, attribution)}",
    ]
    if origin == "rule":
        features += [
            f"via={attribution.via}",
            f"via={attribution.via}|kind={attribution.kind.value}",
        ]
    if attribution.cue is not None:
        cue = doc[attribution.cue[0]]
        word = stem(cue.lower_, lexicon)
        features += [
            f"cue={word}",
            f"tag={cue.tag_}",
            f"dep={cue.dep_}",
            f"cue={word}|dep={cue.dep_}",
            f"cue={word}|speaker={coarse}",
            f"cue={word}|kind={attribution.kind.value}",
            f"head={stem(cue.head.lower_, lexicon)}|dep={cue.dep_}",
            f"words={doc[attribution.cue[0] : attribution.cue[1]].text.lower()}",
        ]
        for child in cue.children:
            if child.dep_ == "neg":
                features.append("negated")
            elif child.tag_ == "MD":
                features.append(f"modal={child.lower_}")
            elif child.dep_ == "auxpass":
                features.append("passive")
        if complement is not None:
            head, preposition = complement
            relation = preposition.lower_ if preposition is not None else head.dep_
            features += [
                f"complement={relation}",
                f"complement={relation}|head={stem(head.lower_, lexicon)}",
                f"complement={relation}|tag={head.tag_}",
                f"complement={relation}|ent={head.ent_type_}",
                f"cue={word}|complement={relation}",
                f"tag={cue.tag_}|complement={relation}",
                f"complement={relation}|speaker={coarse}",
            ]
    return [f"{origin}:{feature}" for feature in features]


def find_candidates(
    doc: Doc,
    text: str,
    rule_attributions: Sequence[Attribution],
    index: QuoteIndex,
    lexicon: CueLexicon,
    *,
    judged_only: bool = False,
) -> list[Candidate]:
    """The rules' attributions and every open-class frame not already a rule's cue, with features.
    With `judged_only` (at run time, unlike training), a candidate that is not eligible gets no
    features: it is reported or dropped whatever its score."""
    cue_tokens = {i for a in rule_attributions if a.cue is not None for i in range(*a.cue)}
    frames: list[tuple[Attribution, tuple[Token, Token | None]]] = []
    for token in doc:
        if token.i in cue_tokens or token.is_space or index.contains(token.idx):
            continue
        if token.tag_.startswith("VB") and lexicon.verb_lemma(token.lower_) in lexicon.citing_verbs:
            continue  # "X quoted Y as saying": the rules read the citing frame with its saying
        complement = _complement(token)
        if complement is None:
            continue
        frames.append((_frame(doc, token, complement[0], lexicon), complement))
    consumed: set[int] = set()
    for attribution, _ in frames:
        classify(attribution, text, index, consumed)
    clip_to_paragraphs(doc, text, [attribution for attribution, _ in frames])
    rule_contents = _contents(rule_attributions)  # a content never holds its own cue
    candidates = []
    for attribution in rule_attributions:
        nested = attribution.cue is not None and rule_contents.covers(doc[attribution.cue[0]].idx)
        # A report inside a report is a link of a source chain: the model, trained on gold that
        # annotates one level only, does not judge it.
        features = (
            []
            if judged_only and nested
            else _features(doc, attribution, "rule", lexicon, nested=nested, covered=False)
        )
        candidates.append(Candidate(attribution, "rule", features, eligible=not nested))
    rule_cue_heads = {
        doc[a.cue[0]].head.i
        for a in rule_attributions
        if a.cue is not None and doc[a.cue[0]].dep_ in FRAMING_DEPS
    }
    frame_contents = _contents(attribution for attribution, _ in frames)
    headings = _Coverage(span for span in paragraph_spans(text) if is_heading(text, *span))
    for attribution, complement in frames:
        if not attribution.content:
            continue
        cue = doc[attribution.cue[0]].idx
        in_rule_content = rule_contents.covers(cue)
        frames_report = attribution.cue[0] in rule_cue_heads
        eligible = (
            attribution.speaker is not None
            and not in_rule_content
            and not frames_report
            and not headings.covers(cue)
        )
        features = (
            []
            if judged_only and not eligible
            else _features(
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


# The model -------------------------------------------------------------------------------------


def hash_features(rows: Sequence[Sequence[str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Feature rows as (indices, row offsets) into the hashed weight vector (a CSR layout)."""
    indices = numpy.fromiter(
        (murmur(feature) % N_FEATURES for row in rows for feature in row), dtype=numpy.int64
    )
    offsets = numpy.zeros(len(rows) + 1, dtype=numpy.int64)
    numpy.cumsum([len(row) for row in rows], out=offsets[1:])
    return indices, offsets


def _logits(
    weights: numpy.ndarray, indices: numpy.ndarray, offsets: numpy.ndarray
) -> numpy.ndarray:
    sums = numpy.add.reduceat(weights[indices], offsets[:-1]) if len(indices) else numpy.zeros(0)
    sums[offsets[:-1] == offsets[1:]] = 0.0  # reduceat gives an empty row its next value
    return sums


@define
class AttributionScorer:
    """Logistic regression over hashed candidate features.

    Args:
        weights (numpy.ndarray): `N_FEATURES` float32 weights.
        add_threshold (float): a frame is kept from this probability on.
        drop_threshold (float): a rule attribution is dropped below this probability (0: never).
    """

    weights: numpy.ndarray = field(repr=False)
    add_threshold: float = 0.5
    drop_threshold: float = 0.0

    def probabilities(self, rows: Sequence[Sequence[str]]) -> numpy.ndarray:
        if not rows:
            return numpy.zeros(0)
        indices, offsets = hash_features(rows)
        return 1.0 / (1.0 + numpy.exp(-_logits(self.weights, indices, offsets)))

    def select(
        self,
        doc: Doc,
        text: str,
        rule_attributions: list[Attribution],
        index: QuoteIndex,
        lexicon: CueLexicon,
    ) -> list[Attribution]:
        """The rule attributions it keeps and the frames it accepts, in document order.

        A rule attribution is dropped below `drop_threshold`, unless it lies inside another's
        content: a link of a source chain ("X told reporters that Y had said ...") is kept.

        A frame is taken only when eligible: with a speaker (quoteattr says who said what: a
        stance held by nobody named is not reported), outside headings (a headline's verb states
        the news: "Putin congratulates China"), not the setting of a rule's report ("addressed an
        audience, calling for ...": the calling is the report) and outside every content already
        kept (a stance inside a report, "expressed a desire to ...", is part of that report).
        """
        candidates = find_candidates(doc, text, rule_attributions, index, lexicon, judged_only=True)
        judged = [c for c in candidates if c.eligible]
        probability = dict(zip(map(id, judged), self.probabilities([c.features for c in judged])))
        kept = [
            c.attribution
            for c in candidates
            if c.origin == "rule" and (not c.eligible or probability[id(c)] >= self.drop_threshold)
        ]
        frames = sorted(
            (
                (probability[id(c)], c.attribution)
                for c in judged
                if c.origin == "frame" and probability[id(c)] >= self.add_threshold
            ),
            key=lambda pair: -pair[0],
        )
        covered = _contents(kept)
        for _, frame in frames:  # the most probable first: of two nested frames, it is kept
            if not covered.covers(doc[frame.cue[0]].idx):
                kept.append(frame)
                for start, end in frame.content:
                    covered.add(start, end)
        kept.sort(key=lambda a: (a.start, a.end))
        return drop_duplicates(kept)

    @classmethod
    def fit(
        cls,
        rows: Sequence[Sequence[str]],
        labels: Sequence[bool],
        *,
        seed: int = 0,
        epochs: int = 10,
        batch_size: int = 64,
        learn_rate: float = 0.2,
        l2: float = 1e-6,
    ) -> AttributionScorer:
        """Train by mini-batch AdaGrad on the logistic loss; the same rows and seed give the same weights."""
        indices, offsets = hash_features(rows)
        targets = numpy.asarray(labels, dtype=numpy.float64)
        weights = numpy.zeros(N_FEATURES, dtype=numpy.float64)
        squares = numpy.full(N_FEATURES, 1e-8)
        generator = numpy.random.default_rng(seed)
        for _ in range(epochs):
            order = generator.permutation(len(targets))
            for start in range(0, len(order), batch_size):
                batch = order[start : start + batch_size]
                batch_indices = numpy.concatenate(
                    [indices[offsets[i] : offsets[i + 1]] for i in batch]
                )
                lengths = offsets[batch + 1] - offsets[batch]
                logits = numpy.add.reduceat(
                    weights[batch_indices], numpy.r_[0, numpy.cumsum(lengths)[:-1]]
                )
                errors = 1.0 / (1.0 + numpy.exp(-logits)) - targets[batch]
                gradient = numpy.zeros(N_FEATURES)
                numpy.add.at(gradient, batch_indices, numpy.repeat(errors, lengths))
                touched = numpy.unique(batch_indices)
                gradient[touched] += l2 * weights[touched]
                squares[touched] += gradient[touched] ** 2
                weights[touched] -= learn_rate * gradient[touched] / numpy.sqrt(squares[touched])
        return cls(weights.astype(numpy.float32))

    def settings(self) -> dict[str, Any]:
        return {
            "feature_version": FEATURE_VERSION,
            "n_features": N_FEATURES,
            "add_threshold": self.add_threshold,
            "drop_threshold": self.drop_threshold,
        }

    @classmethod
    def from_settings(
        cls, settings: dict[str, Any], weights: numpy.ndarray, source: object
    ) -> AttributionScorer:
        """The scorer of `weights` and their settings; `source` names where they came from."""
        if settings.get("feature_version") != FEATURE_VERSION or weights.shape != (N_FEATURES,):
            raise ValueError(
                Errors.E008.format(
                    path=source, found=settings.get("feature_version"), expected=FEATURE_VERSION
                )
            )
        return cls(
            weights,
            add_threshold=settings["add_threshold"],
            drop_threshold=settings["drop_threshold"],
        )

    def to_disk(self, path: str | Path) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        numpy.save(path / WEIGHTS_FILE, self.weights)
        srsly.write_json(path / SETTINGS_FILE, self.settings())

    @classmethod
    def from_disk(cls, path: str | Path) -> AttributionScorer:
        path = Path(path)
        if not (path / SETTINGS_FILE).is_file() or not (path / WEIGHTS_FILE).is_file():
            raise FileNotFoundError(
                Errors.E007.format(path=path, files=f"{SETTINGS_FILE} and {WEIGHTS_FILE}")
            )
        weights = numpy.load(path / WEIGHTS_FILE, allow_pickle=False)
        return cls.from_settings(srsly.read_json(path / SETTINGS_FILE), weights, path)

    def to_bytes(self) -> bytes:
        return srsly.msgpack_dumps(
            {"settings": self.settings(), "weights": self.weights.astype("<f4").tobytes()}
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> AttributionScorer:
        message = srsly.msgpack_loads(data)
        weights = numpy.frombuffer(message["weights"], dtype="<f4").astype(numpy.float32)
        return cls.from_settings(message["settings"], weights, "bytes")


def packaged_model_path() -> Path | None:
    """The trained model shipped with quoteattr: in the source checkout's `models/` (a clone, an
    editable install: a retrained model is used at once), else inside the installed package (a
    wheel); None when neither has it."""
    for models in (
        Path(__file__).resolve().parents[1] / "models",
        Path(str(resources.files("quoteattr"))) / "models",
    ):
        if (models / PACKAGED_MODEL / SETTINGS_FILE).is_file():
            return models / PACKAGED_MODEL
    return None


__all__ = [
    "AttributionScorer",
    "Candidate",
    "find_candidates",
    "hash_features",
    "packaged_model_path",
    "stem",
]
