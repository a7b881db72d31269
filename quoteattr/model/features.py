"""What the model knows of a candidate: hashed feature strings of its cue, complement, speaker,
negation and modality, nesting and length."""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from murmurhash.mrmr import hash as murmur
from spacy.tokens import Doc, Token

from ..rules.candidates import Attribution
from ..rules.lexicon import CueLexicon
from ..rules.morphology import stem

# Feature strings are hashed into this many weights: 1 MB of float32, few collisions for the
# ~200,000 distinct features of PolNeAR train.
N_FEATURES = 2**18
# Bumped whenever a feature changes meaning: a model trained on other features is refused.
FEATURE_VERSION = 2


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


def _category(attribution: Attribution) -> str:
    return "none" if attribution.category is None else attribution.category.value


def candidate_features(
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
        f"category={_category(attribution)}",
        f"category={_category(attribution)}|kind={attribution.kind.value}",
    ]
    if origin == "rule":
        features += [
            f"via={attribution.via.value}",
            f"via={attribution.via.value}|kind={attribution.kind.value}",
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


def hash_features(rows: Sequence[Sequence[str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Feature rows as (indices, row offsets) into the hashed weight vector (a CSR layout)."""
    indices = numpy.fromiter(
        (murmur(feature) % N_FEATURES for row in rows for feature in row), dtype=numpy.int64
    )
    offsets = numpy.zeros(len(rows) + 1, dtype=numpy.int64)
    numpy.cumsum([len(row) for row in rows], out=offsets[1:])
    return indices, offsets
