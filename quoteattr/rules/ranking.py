"""A learned order of a pronoun's candidate antecedents: features of each (pronoun, entity) pair
from what the resolver knows (salience, grammatical role, distance, gender evidence, being a
speaker), scored by a log-linear ranker whose weights `quoteattr train-coref` fits (see
`quoteattr.training.coref`). The hard constraints (type, gender, binding) are applied before: the
ranker only orders the entities they allow."""

from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np
import srsly
from attrs import frozen
from spacy.tokens import Token

from .names import NameCluster
from .salience import SPEAKER_WEIGHT, SalienceIndex, fronted_clause_subject, is_verb, role

FEATURE_VERSION = 3
WEIGHTS_FILE = "ranker.json"
PACKAGED_RANKER = "quoteattr-coref"
PACKAGED = "packaged"  # a resolver's ranker by default: the shipped one (`packaged_ranker`)
SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Clauses whose subject a pronoun inside them often takes up from the clause above ("Hale said he
# would go", "Hale left when he was 20").
EMBEDDED_CLAUSES = frozenset({"ccomp", "advcl", "xcomp", "relcl", "conj", "acl", "pcomp"})
FEATURES = (
    "salience",  # the hand-set score (`SalienceIndex.scores`) less its speaker bonus, in hundreds
    "salience_share",  # that score over the best candidate's: how far the hand-set order leads
    "hand_set_first",  # the entity the hand-set order picks
    "latest_in_sentence",  # sentences between the entity's latest mention and the pronoun: 0
    "latest_one_back",  # ... 1
    "latest_further",  # ... 2 or more
    "not_in_window",  # no mention in the window: a recent speaker or name only
    "token_distance",  # log(1 + tokens back to the latest mention), over 5
    "latest_subject",  # the latest mention's grammatical role
    "latest_object",
    "latest_oblique",
    "latest_possessor",
    "parallel",  # the latest mention has the pronoun's role
    "window_mentions",  # log(1 + mentions in the window)
    "frequency",  # log(1 + mentions so far)
    "first_entity",  # the first entity the document names
    "gender_by_name",  # a title or a first name gives the pronoun's gender
    "gender_by_pronoun",  # only a pronoun linked before does
    "clause_subject",  # the subject of the pronoun's own clause, named before it
    "governing_subject",  # the subject of the clause above the pronoun's
    "previous_main_subject",  # the subject of the previous sentence's main verb (centering)
    "fronted_subject",  # the subject of the clause a phrase holding the pronoun is fronted before
    "possessive_clause_subject",  # a possessive pronoun and its clause's subject ("Hale lost his")
    "speaker",  # spoke earlier in the pronoun's own paragraph
    "person_label",  # the recognizer called it a person
    "nearest",  # its latest mention is the nearest of all candidates'
    "headline",  # named in a headline or heading: whom the article is about
    "latest_in_list",  # the latest mention is one of a coordination ("Minogue and Harry")
    "bias",  # constant: lets a learned weight shift "not_in_window" and others
)
# The weight of "speaker", set by hand: GAP and GUM attribute no speakers, so no example shows
# it, and in news "she said" after a woman's words in the same paragraph is mostly hers ("Joanne
# Fisk said she had almost moved them ... '...,' she said" after "Nwosu" named in Fisk's words);
# a paragraph that opens on someone new moves on ("Lopez was less sympathetic. ... she said"
# after Weber spoke the paragraph before). Checked on PolNeAR dev (see docs/benchmarks.md).
SPEAKER_PRIOR = 2.5


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, active or passive, if the parse gives it one."""
    return next((child for child in verb.children if child.dep_ in SUBJECTS), None)


def clause_verbs(pronoun: Token) -> tuple[Token | None, Token | None]:
    """The verb of the pronoun's clause and of the clause above it, where there are."""
    token = pronoun
    while token.head.i != token.i and not is_verb(token):
        token = token.head
    if not is_verb(token):
        return None, None
    own = token
    while token.dep_ == "conj" and token.head.i != token.i:  # "Hale came and saw her": came
        token = token.head
    if token.dep_ in EMBEDDED_CLAUSES and token.head.i != token.i:
        above = token.head
        while above.head.i != above.i and not is_verb(above):
            above = above.head
        return own, above if is_verb(above) else None
    return own, None


def candidate_features(
    pronoun: Token,
    candidates: list[NameCluster],
    scores: dict[int, float],
    salience: SalienceIndex,
    speakers: frozenset[int],
    gender: str | None,
    paragraph_speakers: frozenset[int] = frozenset(),
) -> np.ndarray:
    """One row of `FEATURES` per candidate, the candidates in the hand-set order (best first)."""
    latest: dict[int, tuple[Token, int]] = {}
    counts: dict[int, int] = {}
    for token, entity_id, distance in salience.window(pronoun):
        latest[entity_id] = (token, distance)
        counts[entity_id] = counts.get(entity_id, 0) + 1
    own, above = clause_verbs(pronoun)

    def subjects_of(verb: Token | None) -> set[int]:
        subject = None if verb is None else subject_of(verb)
        if subject is None or subject.i > pronoun.i:
            return set()
        # and a name in apposition to it ("United's captain, Sam Okoro, praised ...")
        heads = [subject, *(c for c in subject.children if c.dep_ == "appos" and c.i < pronoun.i)]
        return {entity_id for head in heads for entity_id in salience.entities_at(head.i)}

    own_subjects, above_subjects = subjects_of(own), subjects_of(above)
    sentence_start = salience.sentence_start(pronoun.i)
    previous_root = salience.sentence_root(sentence_start - 1) if sentence_start else None
    previous_subjects = subjects_of(previous_root)
    fronted = fronted_clause_subject(pronoun)
    fronted_subjects = set() if fronted is None else set(salience.entities_at(fronted.i))
    firsts = {e.entity_id: salience.first_mention(e.entity_id) for e in candidates}
    known_firsts = [t for t in firsts.values() if t is not None]
    first_entity = min(known_firsts) if known_firsts else None
    nearest = max((token.i for token, _ in latest.values()), default=None)
    possessive = pronoun.tag_ == "PRP$" or pronoun.dep_ == "poss"
    pronoun_role = role(pronoun)
    # the speaker bonus is the `speaker` feature's to weigh
    own_scores = [
        scores.get(e.entity_id, 0.0) - SPEAKER_WEIGHT * (e.entity_id in speakers)
        for e in candidates
    ]
    top_score = max((max(0.0, score) for score in own_scores), default=0.0) or 1.0
    rows = []
    for rank, entity in enumerate(candidates):
        entity_id = entity.entity_id
        mention, distance = latest.get(entity_id, (None, -1))
        mention_role = None if mention is None else role(mention)
        by_name = gender is not None and entity.title_or_first_name_gender == gender
        rows.append(
            [
                own_scores[rank] / 100.0,
                max(0.0, own_scores[rank]) / top_score,
                float(rank == 0),
                float(distance == 0),
                float(distance == 1),
                float(distance >= 2),
                float(mention is None),
                0.0 if mention is None else math.log1p(pronoun.i - mention.i) / 5.0,
                float(mention_role == "subject"),
                float(mention_role == "object"),
                float(mention_role == "oblique"),
                float(mention is not None and mention.dep_ == "poss"),
                float(mention_role == pronoun_role),
                math.log1p(counts.get(entity_id, 0)),
                math.log1p(salience.frequency[entity_id]),
                float(first_entity is not None and firsts[entity_id] == first_entity),
                float(by_name),
                float(gender is not None and not by_name and entity.gender == gender),
                float(entity_id in own_subjects),
                float(entity_id in above_subjects),
                float(entity_id in previous_subjects),
                float(entity_id in fronted_subjects),
                float(possessive and entity_id in own_subjects),
                float(entity_id in paragraph_speakers),
                float(entity.labels["PERSON"] > 0),
                float(mention is not None and mention.i == nearest),
                float(any(form.in_title_lines for form in entity.written.values())),
                float(mention is not None and _coordinated(mention)),
                1.0,
            ]
        )
    return np.asarray(rows, dtype=np.float64).reshape(len(candidates), len(FEATURES))


def _coordinated(mention: Token) -> bool:
    """Whether the mention is one of names joined by "and" or "or" ("Minogue and Harry")."""
    return mention.dep_ == "conj" or any(c.dep_ == "conj" for c in mention.children)


@frozen
class PronounRanker:
    """Log-linear weights over `FEATURES`: the candidate with the highest score wins, the first
    in the hand-set order on a tie."""

    weights: np.ndarray

    def best(self, features: np.ndarray) -> int:
        return int(np.argmax(features @ self.weights))

    def to_disk(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        srsly.write_json(
            directory / WEIGHTS_FILE,
            {
                "feature_version": FEATURE_VERSION,
                "features": dict(zip(FEATURES, (round(float(w), 6) for w in self.weights))),
            },
        )

    @classmethod
    def from_disk(cls, directory: Path) -> PronounRanker:
        data = srsly.read_json(directory / WEIGHTS_FILE)
        if data["feature_version"] != FEATURE_VERSION or list(data["features"]) != list(FEATURES):
            raise ValueError(f"{directory}: a ranker of other features (retrain it)")
        return cls(np.asarray(list(data["features"].values()), dtype=np.float64))


def packaged_ranker_path() -> Path | None:
    """The shipped ranker: in the checkout's `models/`, else inside the installed package."""
    from importlib import resources

    for models in (
        Path(__file__).resolve().parents[2] / "models",
        Path(str(resources.files("quoteattr"))) / "models",
    ):
        if (models / PACKAGED_RANKER / WEIGHTS_FILE).is_file():
            return models / PACKAGED_RANKER
    return None


@functools.lru_cache(maxsize=1)
def packaged_ranker() -> PronounRanker | None:
    path = packaged_ranker_path()
    return None if path is None else PronounRanker.from_disk(path)
