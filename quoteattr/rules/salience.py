"""Salience of the document's entities at a point of the text, for resolving pronouns.

After Lappin and Leass (1994): every mention of an entity adds a weight for its grammatical role
(a subject counts more than an object, an object more than a noun in a prepositional phrase, a
mention that heads its noun phrase more than a possessor inside one), halved for every sentence
between it and the pronoun. An entity's salience is the sum over its mentions, plus a bonus for a
mention in the pronoun's own role (parallelism), for having spoken in this or the previous
paragraph, for how often the article has named it so far (the article's main subject stays
salient after a long quote), and, for a subject pronoun, for being the first subject of the
sentence before (centering's preferred center). The hard constraints (type, gender, the
pronoun's own co-arguments) are applied by the caller before ranking.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter

from spacy.tokens import Doc, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "attr", "oprd"})
EMBEDDED_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
# Lappin and Leass's weights, by role of the mention.
ROLE_WEIGHTS = {"subject": 80.0, "object": 50.0, "oblique": 40.0, "other": 40.0}
RECENCY_WEIGHT = 100.0  # every mention: the sentence it is in
HEAD_WEIGHT = 80.0  # the mention heads its noun phrase (not a possessor or a compound)
NON_ADVERBIAL_WEIGHT = 50.0  # the mention is not inside a prepositional phrase
PARALLEL_WEIGHT = 35.0  # the mention has the pronoun's role
SPEAKER_WEIGHT = 120.0  # the entity spoke in this or the previous paragraph
FREQUENCY_WEIGHT = 40.0  # times log(1 + mentions so far)
# Centering (Grosz, Joshi and Weinstein 1995): a subject pronoun continues the sentence before's
# main subject ("Marwood was less sympathetic. Speaking on air, he said ...").
CENTER_WEIGHT = 80.0
CENTER_ROLES = frozenset({"subject"})
INTRODUCED_WEIGHT = (
    100.0  # and more when that subject introduced its entity ("Maria Lopez was ...")
)
DECAY = 0.5  # per sentence between a mention and the pronoun
SENTENCE_WINDOW = 8  # how many sentences back a mention still counts
# Phrases fronted before the main clause, whose pronouns may point to its subject.
FRONTED_DEPS = frozenset({"advcl", "prep", "npadvmod", "advmod"})
# How many heads up from the pronoun such a phrase is looked for: a phrase's own depth, which
# keeps the climb bounded however deep the parse.
FRONTED_DEPTH = 8


def role(token: Token) -> str:
    dep = token.dep_
    if dep in SUBJECT_DEPS:
        return "subject"
    if dep in OBJECT_DEPS:
        return "object"
    if dep == "pobj":
        return "oblique"
    if dep == "conj":  # "Hale and Ruiz said": a conjunct has its first conjunct's role
        return role(token.head) if token.head.i != token.i else "other"
    return "other"


def mention_weight(token: Token) -> float:
    """The weight of a mention headed by `token`, in its own sentence."""
    weight = RECENCY_WEIGHT + ROLE_WEIGHTS[role(token)]
    if token.dep_ not in EMBEDDED_DEPS:
        weight += HEAD_WEIGHT
    if token.dep_ != "pobj":
        weight += NON_ADVERBIAL_WEIGHT
    return weight


class SalienceIndex:
    """Mentions (head token, entity id), in token order, and how often each entity was named."""

    def __init__(self, doc: Doc, sentence_starts: list[int]) -> None:
        self.doc = doc
        self._sentence_starts = sentence_starts  # the first token of each sentence
        self._tokens: list[int] = []  # head token of each mention, sorted
        self._heads: list[Token] = []  # the same heads as Tokens, made once
        self._entities: list[int] = []  # entity id of each mention, in the same order
        self._seen: set[tuple[int, int]] = set()  # (entity id, head token)
        self.frequency: Counter[int] = Counter()
        self._first: dict[int, int] = {}  # entity id -> head token of its first mention
        # The latest `window` (pronoun token, mentions): a pronoun's scores and its ranking
        # features read the same window; a mention added or removed clears it.
        self._window: tuple[int, list[tuple[Token, int, int]]] | None = None

    def sentence_of(self, token_i: int) -> int:
        return bisect.bisect_right(self._sentence_starts, token_i) - 1

    def sentence_start(self, token_i: int) -> int:
        """The first token of the sentence holding token `token_i` (`Token.sent` scans)."""
        return self._sentence_starts[max(0, self.sentence_of(token_i))]

    def sentence_root(self, token_i: int) -> Token:
        """The root of the sentence holding token `token_i`, up its heads."""
        token = self.doc[token_i]
        while token.head.i != token.i:
            token = token.head
        return token

    def add(self, token: Token, entity_id: int) -> None:
        if (entity_id, token.i) in self._seen:
            return
        self._seen.add((entity_id, token.i))
        self._window = None
        at = bisect.bisect_right(self._tokens, token.i)
        self._tokens.insert(at, token.i)
        self._heads.insert(at, token)
        self._entities.insert(at, entity_id)
        self.frequency[entity_id] += 1
        self._first[entity_id] = min(token.i, self._first.get(entity_id, token.i))

    def remove(self, token: Token, entity_id: int) -> None:
        if (entity_id, token.i) not in self._seen:
            return
        self._seen.discard((entity_id, token.i))
        self._window = None
        low = bisect.bisect_left(self._tokens, token.i)
        for at in range(low, len(self._tokens)):
            if self._tokens[at] != token.i:
                break
            if self._entities[at] == entity_id:
                del self._tokens[at], self._heads[at], self._entities[at]
                self.frequency[entity_id] -= 1
                if self._first.get(entity_id) == token.i:
                    del self._first[entity_id]
                    later = (t for t, e in zip(self._tokens, self._entities) if e == entity_id)
                    first = next(later, None)
                    if first is not None:
                        self._first[entity_id] = first
                return

    def scores(
        self,
        pronoun: Token,
        speakers: frozenset[int] = frozenset(),
        named: frozenset[int] = frozenset(),
    ) -> dict[int, float]:
        """Salience of every entity mentioned in the window before `pronoun`, of the recent
        `speakers` and of the entities `named` in the recent paragraphs, by entity id. A
        co-argument of a pronoun object is left out: in "Hale met him", "him" is not Hale."""
        pronoun_role = role(pronoun)
        scores: dict[int, float] = dict.fromkeys(speakers | named, 0.0)
        # Centering: the first subject of the sentence before, for the first subject of this one.
        center: tuple[int, int] | None = None  # (entity id, head token)
        subject_before = False  # a subject before the pronoun in its own sentence
        for token, entity_id, distance in self.window(pronoun):
            weight = mention_weight(token)
            if role(token) == pronoun_role:
                weight += PARALLEL_WEIGHT
            scores[entity_id] = scores.get(entity_id, 0.0) + weight * DECAY**distance
            if _clause_subject(token):
                if distance == 1 and center is None:
                    center = (entity_id, token.i)
                subject_before |= distance == 0
        if center is not None and pronoun_role in CENTER_ROLES and not subject_before:
            entity_id, token_i = center
            scores[entity_id] += CENTER_WEIGHT
            if self._first.get(entity_id) == token_i:
                scores[entity_id] += INTRODUCED_WEIGHT
        subject = fronted_clause_subject(pronoun)
        if subject is not None:  # "Living with her aunt, Kelsey studied ...": Kelsey
            for entity_id in self.entities_at(subject.i):
                scores[entity_id] = scores.get(entity_id, 0.0) + mention_weight(subject)
        for entity_id in scores:
            scores[entity_id] += FREQUENCY_WEIGHT * math.log1p(self.frequency[entity_id])
            if entity_id in speakers:
                scores[entity_id] += SPEAKER_WEIGHT
        return scores

    def window(self, pronoun: Token) -> list[tuple[Token, int, int]]:
        """(head token, entity id, sentences back) of the mentions before `pronoun` within the
        window, in order, but for its own verb's subject when it is an object (binding). The
        list is shared with the next call for the same pronoun: not to be changed."""
        if self._window is not None and self._window[0] == pronoun.i:
            return self._window[1]
        here = self.sentence_of(pronoun.i)
        possessive = pronoun.tag_ == "PRP$" or pronoun.dep_ == "poss"
        # Binding: an object is not its own verb's subject; a subject may repeat a fronted name
        # ("Josh, he is coming").
        bound = not possessive and role(pronoun) != "subject"
        end = bisect.bisect_left(self._tokens, pronoun.i)
        first = self._sentence_starts[max(0, here - SENTENCE_WINDOW)]
        found = []
        for at in range(bisect.bisect_left(self._tokens, first), end):
            token = self._heads[at]
            distance = here - self.sentence_of(token.i)
            if not (distance == 0 and bound and _co_arguments(token, pronoun)):
                found.append((token, self._entities[at], distance))
        self._window = (pronoun.i, found)
        return found

    def entities_at(self, token_i: int) -> list[int]:
        """The entities with a mention headed by token `token_i`."""
        at = bisect.bisect_left(self._tokens, token_i)
        found = []
        while at < len(self._tokens) and self._tokens[at] == token_i:
            found.append(self._entities[at])
            at += 1
        return found

    def first_mention(self, entity_id: int) -> int | None:
        """The head token of the entity's first mention in the index."""
        return self._first.get(entity_id)


def fronted_clause_subject(pronoun: Token) -> Token | None:
    """The subject of the main clause when the pronoun is in a phrase fronted before it ("After
    her return, Hale resigned"): the one place where a pronoun points forward to its referent."""
    child = pronoun
    for _ in range(FRONTED_DEPTH):
        if child.head.i == child.i:
            break
        verb = child.head
        if child.dep_ in FRONTED_DEPS and is_verb(verb):
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and child.i < subject.i and pronoun.i < subject.i:
                return subject
        child = verb
    return None


def _clause_subject(token: Token) -> bool:
    """Whether a mention is a subject, of a finite clause (the first in its sentence is taken for
    the main one's: the parser often misplaces the root); a name in apposition to one is too
    ("United's captain, Sam Okoro, praised ...")."""
    if token.dep_ == "appos" and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass")


def _co_arguments(mention: Token, pronoun: Token) -> bool:
    """Whether two tokens are arguments of the same verb ("Hale praised him")."""
    return mention.head.i == pronoun.head.i and is_verb(mention.head)


def is_verb(token: Token) -> bool:
    """A verb or an auxiliary, by its fine tag: the pipeline leaves out the attribute ruler, so
    `pos_` is empty."""
    return token.tag_.startswith("VB") or token.tag_ == "MD"
