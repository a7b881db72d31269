"""Pronouns: "he", "she", "it" and "they" resolved to the most salient entity that the hard
constraints allow (see `salience`). A part of `EntityResolver`, which holds the entities, the
salience index and the paragraphs these methods read."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..records import EntityType
from .binding import bound_names, coargument_subjects, predicated_names, relativised_noun
from .lexicon import CueLexicon, word_groups, word_list
from .mentions import MentionKind, ResolvedMention
from .names import FEMALE_TITLES, FIRST_NAME_GENDER, MALE_TITLES, NameCluster
from .people import QUANTIFIERS, names_a_person, noun_gender
from .ranking import PronounRanker, candidate_features, clause_verbs, subject_of
from .salience import SalienceIndex
from .writers import Writers

MALE = word_list("male_pronouns")
FEMALE = word_list("female_pronouns")
FIRST_PERSON = word_list("first_and_second_person")
PLURAL = word_list("plural_pronouns")
# How many paragraphs back a pronoun looks for named candidates.
PRONOUN_WINDOW = 3
GENDERED_PRONOUN_TAGS = frozenset({"PRP", "PRP$"})
PARTY_GROUPS = word_groups("party_groups")  # "gop" -> {"gop", "republican"}


def other_party(words: set[str], entity_words: set[str]) -> bool:
    """Whether a description names a party ("the Democratic nominee") and the entity's own words
    name only others ("Republican nominee Donald Trump")."""
    wanted = {group for word in words if (group := PARTY_GROUPS.get(word)) is not None}
    known = {group for word in entity_words if (group := PARTY_GROUPS.get(word)) is not None}
    return bool(wanted) and bool(known) and not wanted & known


def _mixed_gender_evidence(entity: NameCluster, gender: str) -> bool:
    """Whether the entity's titles and full names point to both genders, `gender` among them:
    a cluster that took in a relative ("Dana Harmon", "Walter James Harmon") or an apposition's
    title ("Ann Kessler, daughter of Sir Roger Kessler") tells no gender to exclude by; a linked
    pronoun of the other gender still does."""
    if entity.pronoun_gender not in (None, gender):
        return False
    found = {"male"} if entity.words & MALE_TITLES else set()
    if entity.words & FEMALE_TITLES:
        found.add("female")
    found.update(FIRST_NAME_GENDER.get(key[0]) for key in entity.names if len(key) > 1)
    return {"male", "female"} <= found


def speakers_before(
    previous: list[tuple[int, NameCluster]], start: int
) -> list[tuple[int, NameCluster]]:
    """The speakers (character, entity) mentioned before character `start`: a pronoun resolved
    on the way to a later mention ("His condition ... Munro said: ... She added") is not told of
    speakers named after it."""
    return [(char, entity) for char, entity in previous if char < start]


def agreement(pronoun: Token) -> tuple[set[EntityType], str | None]:
    """The entity types and the gender a third-person pronoun agrees with."""
    if pronoun.lower_ in MALE or pronoun.lower_ in FEMALE:
        return {EntityType.PERSON}, "male" if pronoun.lower_ in MALE else "female"
    # "it" and "they" are organisations, places and groups: one person is "he" or "she".
    return {EntityType.ORG, EntityType.GPE, EntityType.NORP}, None


def _described_subject_above(
    pronoun: Token, gender: str | None, lexicon: CueLexicon
) -> Token | None:
    """The subject of the speech verb above a "he" or "she" that is the subject of its own
    clause, when that subject is one person described by a common noun of no other gender ("The
    keeper said he ...": the keeper), else None. A pronoun so placed takes up the speaker ("the
    reader sees that she knows" may be anyone's)."""
    if gender is None or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    own, above = clause_verbs(pronoun)
    if own is None or above is None or own.dep_ != "ccomp" or not lexicon.verb_lemma(above.lower_):
        return None
    subject = subject_of(above)
    if (
        subject is None
        or subject.i > pronoun.i
        or subject.tag_ != "NN"
        or subject.ent_type_
        or not names_a_person(subject)
    ):
        return None
    told = noun_gender(subject.lower_)
    return subject if told in (None, gender) else None


def _described_speaker_before(
    pronoun: Token, gender: str | None, lexicon: CueLexicon, salience: SalienceIndex
) -> Token | None:
    """The subject of the sentence just before when a "he" or "she" is the subject of its
    sentence's verb and that sentence reported one person described by a common noun of no
    other gender ("One mother told the BBC she was ignored. 'Nobody listened,' she said.": the
    mother), else None. The pronoun goes on with the speaker just heard, whom the article may
    never name; not with a name from paragraphs before. Across a paragraph break the report
    must have made them "she" already: a new paragraph may be another's reply ("One questioner
    claimed the forces ... were harming the military.", then '"You're right," he said')."""
    if gender is None or pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ROOT":
        return None
    doc, start = pronoun.doc, salience.sentence_start(pronoun.i)
    last = start - 1
    while last >= 0 and doc[last].is_space:  # the break between two paragraphs
        last -= 1
    if last < 0:
        return None
    root = salience.sentence_root(last)
    if not lexicon.verb_lemma(root.lower_):
        return None
    subject = subject_of(root)
    same = MALE if gender == "male" else FEMALE
    if (
        subject is None
        or (
            doc[start - 1].is_space
            and not any(t.lower_ in same for t in doc[subject.i + 1 : start])
        )
        or subject.tag_ != "NN"
        or subject.ent_type_
        or not names_a_person(subject)
        or any(child.dep_ == "poss" for child in subject.children)  # "his wife": a relation
    ):
        return None
    return subject if noun_gender(subject.lower_) in (None, gender) else None


def _people_before(pronoun: Token) -> bool:
    """Whether a plural pronoun subject of its sentence (opening it, or of its cue: "..., they
    said") follows a sentence whose subject is people described by a common noun ("The
    researchers", "Most nurses", "Two of the people")."""
    sent = pronoun.sent
    if (
        pronoun.dep_ not in ("nsubj", "nsubjpass")
        or not (
            pronoun.i == sent.start
            or (pronoun.head.i == sent.root.i and pronoun.doc[pronoun.i - 1].text == ",")
        )
        or sent.start == 0
    ):
        return False
    subject = subject_of(pronoun.doc[sent.start - 1].sent.root)
    if subject is not None and (subject.tag_ == "CD" or subject.lower_ in QUANTIFIERS):
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subject = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    return (
        subject is not None
        and subject.tag_ == "NNS"
        and not subject.ent_type_
        and names_a_person(subject)
    )


class PronounResolution:
    """The pronoun methods of `EntityResolver`. `ranker` orders a pronoun's candidates where it
    is set (the shipped `quoteattr-coref`), else the hand-set salience does."""

    ranker: PronounRanker | None = None
    lexicon: CueLexicon  # the cue words (set by `EntityResolver`)
    _plural_groups: set[int]  # the described groups (set by `EntityResolver`)
    writer_ids: frozenset[int] = frozenset()  # the writer's entities (set by `EntityResolver`)
    _writers: Writers  # who wrote the article's own words (set by `EntityResolver`)

    def _advance(self, before: int) -> None:
        """Resolve the third-person personal pronouns ("he", "her") before token `before`, in
        order, so that their entities carry the salience and the gender the pronouns give them."""
        pronouns = self._gendered_pronouns  # token indices, in order
        for at in range(bisect.bisect_left(pronouns, self._cursor), len(pronouns)):
            i = pronouns[at]
            if i >= before:
                break
            if i in self._pronouns:
                continue
            token = self.doc[i]
            start, end = token.idx, token.idx + len(token.text)
            self._pronouns[i] = self._resolve_pronoun(
                token, start, end, self._previous, frozenset()
            ).entity
        self._cursor = max(self._cursor, before)

    def _resolve_pronoun(
        self,
        token: Token,
        start: int,
        end: int,
        previous: list[tuple[int, NameCluster]],
        exclude: frozenset[int],
    ) -> ResolvedMention:
        if token.lower_ in FIRST_PERSON:
            return ResolvedMention(None, EntityType.PERSON)
        wanted, gender = agreement(token)
        exclude |= self.writer_ids  # the writer is "I", never "she"
        group = self._group_just_heard(start, previous) if token.lower_ in PLURAL else None
        described = (
            None
            if group is not None
            else _described_subject_above(token, gender, self.lexicon)
            or _described_speaker_before(token, gender, self.lexicon, self.salience)
        )
        if group is not None:
            # "McConnell aides acknowledged ... But they emphasized ...": the group that spoke.
            entity = group
        elif token.lower_ in PLURAL and _people_before(token):
            # "The researchers followed 450,000 adults. They found ...": the people just named,
            # whom no name of the article is.
            return ResolvedMention(None, EntityType.PERSON, MentionKind.PRONOUN)
        elif described is not None:
            # "The keeper said he had studied ...", "a spokesman said he would not comment": the
            # person described, whom the article may not name; not the salient name before.
            # "The minister of the economy, Mr. Guajardo, argues ...": named in apposition.
            named_as = [described, *(c for c in described.children if c.dep_ == "appos")]
            known = [
                self.entities[i]
                for at in named_as
                for i in self.salience.entities_at(at.i)
                if i not in exclude and self._may_refer(self.entities[i], wanted, gender)
            ]
            if not known:
                return ResolvedMention(None, EntityType.PERSON, MentionKind.PRONOUN)
            entity = known[0]
        else:
            entity = self._most_salient(
                token, start, previous, wanted, gender, exclude, self.ranker
            )
        if entity is None:
            return ResolvedMention(
                None, EntityType.PERSON if gender else EntityType.OTHER, MentionKind.PRONOUN
            )
        if gender and entity.gender is None:
            entity.pronoun_gender = gender
        entity.add_mention(start, end, self.text[start:end])
        self.salience.add(token, entity.entity_id)
        return ResolvedMention(entity, entity.type, MentionKind.PRONOUN)

    def _epithet_referent(
        self,
        token: Token,
        start: int,
        words: set[str],
        previous: list[tuple[int, NameCluster]],
    ) -> NameCluster | None:
        """The person an epithet ("the GOP nominee", "the former first lady") refers to: the most
        salient person of its gender and of no other party."""
        head = token.lower_
        gender = None
        if head in FEMALE_TITLES or head.endswith("woman") or words & FEMALE_TITLES:
            gender = "female"
        elif head in MALE_TITLES or head.endswith("man"):
            gender = "male"
        # Not of another party, and not the writer, who is "I".
        writers = self._writers.names
        exclude = self.writer_ids | {
            e.entity_id
            for e in self.entities
            if other_party(words, e.words) or any(name in e.mentions for name in writers)
        }
        entity = self._most_salient(token, start, previous, {EntityType.PERSON}, gender, exclude)
        if entity is not None:
            self.salience.add(token, entity.entity_id)
        return entity

    def _most_salient(
        self,
        token: Token,
        start: int,
        previous: list[tuple[int, NameCluster]],
        wanted: set[EntityType],
        gender: str | None,
        exclude: frozenset[int],
        ranker: PronounRanker | None = None,
    ) -> NameCluster | None:
        """The most salient entity that may be the pronoun's referent (see `salience`): of the
        wanted type, not excluded, and not of a known other gender; where a learned `ranker` is
        given, the one it ranks first among those."""
        candidates, features = self._candidates(
            token, start, previous, wanted, gender, exclude, with_features=ranker is not None
        )
        if not candidates:
            return None
        if ranker is None or features is None:
            return candidates[0]
        return candidates[ranker.best(features)]

    def _candidates(
        self,
        token: Token,
        start: int,
        previous: list[tuple[int, NameCluster]],
        wanted: set[EntityType],
        gender: str | None,
        exclude: frozenset[int],
        with_features: bool = True,
    ):
        """The entities the hard constraints allow, in the hand-set order (best first), and their
        ranking features (`ranking.candidate_features`) when asked and there is a choice."""
        exclude = exclude | self._bound_away(token)
        speakers = frozenset(e.entity_id for e in self._recent_speakers(start, previous))
        named = frozenset(e.entity_id for e in self._recent_entities(start, PRONOUN_WINDOW))
        scores = self.salience.scores(token, speakers, named)
        allowed = sorted(
            (
                (score, -entity_id)
                for entity_id, score in scores.items()
                if entity_id not in exclude
                and self._may_refer(self.entities[entity_id], wanted, gender)
            ),
            reverse=True,
        )
        candidates = [self.entities[-entity_id] for _, entity_id in allowed]
        if not with_features or len(candidates) < 2:
            return candidates, None
        here = frozenset(e.entity_id for e in self._recent_speakers(start, previous, back=0))
        features = candidate_features(
            token, candidates, scores, self.salience, speakers, gender, paragraph_speakers=here
        )
        return candidates, features

    def _bound_away(self, pronoun: Token) -> frozenset[int]:
        """The entities the pronoun cannot refer to (`binding`): the names it binds ("He said
        Wilk had been the best" is not Wilk), whom its own phrase is said to be ("Davis
        appointed Wells as his minister" is not Wells), an object's clause's subject ("Hale
        threatened to sue him" is not Hale) and the noun its relative clause's relative pronoun
        stands for ("Lolotte, whom she raised" is not Lolotte)."""
        tokens = [*bound_names(pronoun), *predicated_names(pronoun), *coargument_subjects(pronoun)]
        relative_noun = relativised_noun(pronoun)
        if relative_noun is not None:
            tokens.append(relative_noun)
        return frozenset(
            entity_id for token in tokens for entity_id in self.salience.entities_at(token.i)
        )

    def pronoun_candidates(self, start: int, end: int):
        """The candidates of the pronoun at [start, end) and their ranking features, as the
        resolver would rank them there with no speakers attributed (what `quoteattr train-coref`
        learns from; no features where there is no choice); None where the mention is no
        third-person pronoun."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        token = None if span is None else span.root
        if token is None or token.tag_ not in GENDERED_PRONOUN_TAGS or token.lower_ in FIRST_PERSON:
            return None
        self._previous = []
        self._advance(token.i)
        wanted, gender = agreement(token)
        return self._candidates(token, start, [], wanted, gender, frozenset())

    @staticmethod
    def _may_refer(entity: NameCluster, wanted: set[EntityType], gender: str | None) -> bool:
        """The hard constraints: "he" and "she" only to a person of no other known gender, "it"
        and "they" only to an organisation, a place or a group; never to a date."""
        if entity.is_calendar:
            return False
        if gender is not None:
            return entity.may_be_person and (
                entity.gender in (None, gender) or _mixed_gender_evidence(entity, gender)
            )
        return entity.type in wanted

    def _group_just_heard(
        self, start: int, previous: list[tuple[int, NameCluster]]
    ) -> NameCluster | None:
        """The latest speaker, when it is a group named by its description ("Attorneys for the
        family", "McConnell aides") and spoke in this or the previous paragraph."""
        previous = speakers_before(previous, start)
        if not previous:
            return None
        char, entity = previous[-1]
        if entity.entity_id in self._plural_groups and (
            self.paragraph_of(start) - self.paragraph_of(char) <= 1
        ):
            return entity
        return None

    def _recent_speakers(
        self, start: int, previous: list[tuple[int, NameCluster]], back: int = 1
    ) -> list[NameCluster]:
        """The speakers attributed in this paragraph or the `back` before it, latest first."""
        paragraph = self.paragraph_of(start)
        found = []
        for char, entity in reversed(speakers_before(previous, start)):
            if paragraph - self.paragraph_of(char) > back:
                break
            found.append(entity)
        return found
