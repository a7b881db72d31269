"""Document entities: cluster name mentions, resolve pronouns and nominals, continue speakers.

A reader's rules, in order: a name joins the entity whose names it is part of ("Xi" → "Xi Jinping",
titles and possessives aside); a pronoun or a nominal ("the president") refers to the most recent
compatible speaker, else the most recent compatible name; a quote with no cue continues the speaker
of the paragraph, else of the previous paragraph. Where nothing fits, the name stays None.
"""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from collections.abc import Callable, Iterator

from spacy.tokens import Span

from ..records import EntityType
from .arrays import indices
from .capitals import capitalised_as_name, names_written
from .context import DocContext
from .documents import DocumentResolution
from .lexicon import word_list
from .mention_spans import names_in, only_premodifiers, proper_noun_run, without_dateline
from .mentions import MentionKind, ResolvedMention
from .names import (
    NameCluster,
    compatible_names,
    display_name,
    fold,
    is_title_case,
    lone_word_match,
    name_key,
    plausible_name,
)
from .naming import speaker_name
from .nominals import NominalResolution
from .pronouns import (
    FEMALE,
    FIRST_PERSON,
    GENDERED_PRONOUN_TAGS,
    MALE,
    PRONOUN_WINDOW,
    PronounResolution,
)
from .ranking import PACKAGED, PronounRanker, packaged_ranker
from .salience import SalienceIndex
from .syntax import DOCUMENT_NOUNS, NAME_LABELS, is_subject_name
from .writers import Writers

FIRST_PERSON_SINGULAR = word_list("first_person_singular")
NEUTER = word_list("neuter_pronouns")
COREF_PREFIX = "coref_clusters"  # span groups of spacy-experimental's coref and its kin


class EntityResolver(NominalResolution, DocumentResolution, PronounResolution):
    """Builds the document's entities and resolves speaker, addressee and source mentions."""

    def __init__(self, context: DocContext, ranker: PronounRanker | str | None = PACKAGED) -> None:
        doc = self.doc = context.doc
        self.text = context.text
        self.entities: list[NameCluster] = []
        self._paragraph_starts = context.paragraph_starts or [0]
        self._name_mentions: list[
            tuple[int, NameCluster]
        ] = []  # (char start, entity), document order
        self._by_span: dict[tuple[int, int], NameCluster] = {}
        # Coreference clusters from another component, by the root token of each mention.
        self._clusters_of: dict[int, list[list[Span]]] = {}
        for key, group in doc.spans.items():
            if key.startswith(COREF_PREFIX):
                cluster = list(group)
                for span in cluster:
                    self._clusters_of.setdefault(span.root.i, []).append(cluster)
        self._by_word: dict[
            str, dict[int, NameCluster]
        ] = {}  # name word -> entities with that word
        self._last_seen: dict[int, int] = {}  # entity id -> character of its latest name mention
        self._first_seen: dict[int, int] = {}  # entity id -> character of its first name mention
        self._times_named: Counter[int] = Counter()  # entity id -> name mentions so far
        # entity id -> the paragraph of its first name, where that name was a subject
        self._introduced_as_subject: dict[int, int] = {}
        self.salience = SalienceIndex(doc, context.sentence_starts)
        # The order of pronouns' candidates: PACKAGED, the shipped ranker (the hand-set order
        # where none is installed); None, the hand-set salience.
        self.ranker = packaged_ranker() if ranker == PACKAGED else ranker
        self.lexicon = context.lexicon
        self._anonymous = context.lexicon.anonymous_source_nouns
        self._quotes = context.quotes
        self.ents = context.ents
        # Places the recognizer named, in order, for "the state" and "the city" (`_latest_place`).
        self._places = [(e.start_char, e.end_char) for e in self.ents if e.label_ == "GPE"]
        # Buildings the recognizer named ("St. Mary's Hospital"), for "the hospital".
        self._facilities = [
            (e.start_char, e.end_char, frozenset(fold(e.text).split()))
            for e in self.ents
            if e.label_ == "FAC"
        ]
        self._writers = Writers(
            self.text,
            context.paragraphs,
            frozenset(e.start_char for e in self.ents if e.label_ == "PERSON"),
        )
        self.writer_ids: frozenset[int] = frozenset()  # the entities of the writer's "I"
        self._title_lines = {  # paragraphs in title case: headlines, section heads
            i
            for i, (start, end) in enumerate(context.paragraphs)
            if is_title_case(self.text[start:end])
        }
        self._descriptions: dict[str, NameCluster] = {}  # folded description -> group entity
        self._plural_groups: set[int] = set()  # the described entities that are groups
        # Third-person pronouns resolved on the way (see `_advance`): token -> entity or None.
        self._pronouns: dict[int, NameCluster | None] = {}
        self._cursor = 0  # the next token `_advance` looks at
        arrays = self.arrays = context.arrays
        # The tokens `_advance` resolves as it goes: "he", "her" and the like.
        self._gendered_pronouns = indices(
            arrays.tag(GENDERED_PRONOUN_TAGS.__contains__) & arrays.lower_in(MALE | FEMALE)
        )
        self._previous: list[tuple[int, NameCluster]] = []  # the speakers of the latest resolve

    # -- names ------------------------------------------------------------------------------

    @functools.cached_property
    def _names_written(self) -> frozenset[str]:
        """The words the article spells as names (see `capitalised_as_name`): read once, and only
        for an article that needs them."""
        return names_written(self.arrays, self._paragraph_starts, self._title_lines)

    @functools.cached_property
    def lower_case_words(self) -> frozenset[str]:
        """The words the article writes in lower case (see `capitalised_as_name`)."""
        return self.arrays.lower_case_words()

    def add_name(self, start: int, end: int, label: str | None) -> NameCluster | None:
        if (start, end) in self._by_span:
            return self._by_span[(start, end)]
        text = self.text[start:end]
        key = name_key(text)
        if not key or not plausible_name(display_name(text)):
            return None
        # A people ("European") is no first word of a body's name ("European Council").
        entity = self._match(key, start, whole_name=label == "NORP")
        head = self._head(start, end)
        paragraph = self.paragraph_of(start)
        if entity is None:
            entity = NameCluster(entity_id=len(self.entities))
            self.entities.append(entity)
            if head is not None and is_subject_name(head):
                self._introduced_as_subject[entity.entity_id] = paragraph
        entity.names[key] = None
        self._times_named[entity.entity_id] += 1
        for word in key:
            self._by_word.setdefault(word, {})[entity.entity_id] = entity
        self._last_seen[entity.entity_id] = max(start, self._last_seen.get(entity.entity_id, -1))
        self._first_seen[entity.entity_id] = min(
            start, self._first_seen.get(entity.entity_id, start)
        )
        entity.offer_name(display_name(text), paragraph in self._title_lines)
        if label:
            entity.count_label(label, key)
        entity.add_mention(start, end, text)
        self._by_span[(start, end)] = entity
        if head is not None:
            self.salience.add(head, entity.entity_id)
        bisect.insort(self._name_mentions, (start, entity), key=lambda item: item[0])
        return entity

    def _match(
        self, key: tuple[str, ...], start: int, whole_name: bool = False
    ) -> NameCluster | None:
        """The entity a name belongs to: the most recent one whose names it is compatible with.
        A lone word two people share is a surname before a first word ("Trump" after "Donald
        Trump" and "Trump University"), then the one just introduced as a subject, in this paragraph
        or the one before ("Scott's brother, Devon Scott, spoke. ... Scott said"), else the one
        the article names most ("Clinton" after "Hillary Clinton" and "her daughter Chelsea
        Clinton"), as news style keeps the bare surname for its principal figure. Only entities
        sharing a word with the name are candidates, which keeps this linear. A `whole_name`
        matches only an entity written with exactly these words."""
        candidates = {e.entity_id: e for word in key for e in self._by_word.get(word, {}).values()}
        if len(key) > 1:  # initials and spelling variants share the surname at least
            candidates.update((e.entity_id, e) for e in self._by_word.get(key[-1], {}).values())

        if whole_name:
            return next((e for e in candidates.values() if key in e.names), None)
        paragraph = self.paragraph_of(start)

        def rank(entity: NameCluster) -> tuple[int, bool, int, int]:
            if len(key) > 1:
                return 0, False, 0, self._last_seen.get(entity.entity_id, -1)
            how = max(lone_word_match(key[0], known) for known in entity.text_names)
            introduced = self._introduced_as_subject.get(entity.entity_id)
            fresh = introduced is not None and 0 <= paragraph - introduced <= 1
            times_named = 0 if fresh else self._times_named[entity.entity_id]
            return how, fresh, times_named, self._last_seen.get(entity.entity_id, -1)

        ranked = sorted(candidates.values(), key=rank, reverse=True)
        for entity in ranked:
            known_names = list(entity.names)
            if len(key) > 1 and any(len(known) > 1 for known in known_names):
                # A full name is compared with full names: "Rakeyia Scott" is not the "Scott"
                # of "Keith Lamont Scott" (two people of one family).
                known_names = [known for known in known_names if len(known) > 1]
            for known in known_names:
                short, long = (key, known) if len(key) <= len(known) else (known, key)
                if compatible_names(short, long):
                    return entity
        return None

    def named_first_within(self, ranges: list[tuple[int, int]]) -> frozenset[int]:
        """The entities first named inside `ranges`: someone a quotation speaks of ('"I love
        Larry," he said') is not who "he" is, unless the article named them before."""
        found = set()
        for start, end in ranges:
            low = bisect.bisect_left(self._name_mentions, start, key=lambda item: item[0])
            high = bisect.bisect_left(self._name_mentions, end, key=lambda item: item[0])
            for _, entity in self._name_mentions[low:high]:
                if self._first_seen[entity.entity_id] >= start:
                    found.add(entity.entity_id)
        return frozenset(found)

    def _recent_entities(self, char: int, max_paragraphs: int) -> Iterator[NameCluster]:
        """Distinct entities named before `char`, most recent first, within `max_paragraphs`."""
        i = bisect.bisect_left(self._name_mentions, char, key=lambda item: item[0])
        # The window's first paragraph, and the character it starts at (none before the first).
        oldest = self.paragraph_of(char) - max_paragraphs
        window_start = self._paragraph_starts[oldest] if oldest >= 0 else None
        seen: set[int] = set()
        for j in range(i - 1, -1, -1):
            start, entity = self._name_mentions[j]
            if window_start is not None and start < window_start:
                return
            if entity.entity_id not in seen:
                seen.add(entity.entity_id)
                yield entity

    def _head(self, start: int, end: int):
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return None if span is None or not len(span) else span.root

    # -- resolution ---------------------------------------------------------------------------

    def paragraph_of(self, char: int) -> int:
        return bisect.bisect_right(self._paragraph_starts, char) - 1

    def resolve(
        self,
        start: int,
        end: int,
        previous_speakers: list[tuple[int, NameCluster]],
        exclude: frozenset[int] = frozenset(),
    ) -> ResolvedMention:
        """Resolve a mention at [start, end) given the speakers attributed before it; a pronoun
        never refers to an entity in `exclude` (the addressee of its own verb: "he told Putin").
        A dateline before a name is not part of the mention (see `without_dateline`)."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            named = without_dateline(span)
            if named is not span:
                resolved = self._resolve(
                    named.start_char, named.end_char, previous_speakers, exclude
                )
                resolved.mention = (named.start_char, named.end_char)
                return resolved
        return self._resolve(start, end, previous_speakers, exclude)

    def _resolve(
        self,
        start: int,
        end: int,
        previous_speakers: list[tuple[int, NameCluster]],
        exclude: frozenset[int],
    ) -> ResolvedMention:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        text = self.text[start:end]
        words = fold(text).split()
        if span is None or not words:
            return ResolvedMention(None, EntityType.OTHER)
        possessed = self._possessed(span, previous_speakers)
        if possessed is not None:
            return possessed
        main, placed = speaker_name(span, self._anonymous)
        if main is not None:
            entity = self.add_name(main.start_char, main.end_char, main.label_)
            if entity is not None:
                entity = self._speaking_namesake(entity, main, previous_speakers) or entity
                entity.add_mention(start, end, text)
                return ResolvedMention(entity, entity.type)
        root = span.root
        proper = None if placed else proper_noun_run(span)
        if (
            proper is not None
            and name_key(proper.text)
            and capitalised_as_name(proper, self._names_written, self.lower_case_words)
        ):
            entity = self.add_name(proper.start_char, proper.end_char, None)
            if entity is not None:
                return ResolvedMention(entity, entity.type)
        head = root.lower_
        how = (
            MentionKind.PRONOUN
            if root.tag_ in ("PRP", "PRP$") or head in FIRST_PERSON
            else MentionKind.NOMINAL
        )
        linked = self._from_coref(root.i)
        if linked is not None:
            linked.add_mention(start, end, text)
            return ResolvedMention(linked, linked.type, how)
        if head in DOCUMENT_NOUNS:  # a document speaks for whoever made it
            author = self._document_speaker(root, previous_speakers)
            if author is not None:
                return ResolvedMention(author, author.type, MentionKind.NOMINAL)
        writer = self._writers.at(start) if head in FIRST_PERSON_SINGULAR else None
        if how == MentionKind.PRONOUN and writer is not None and not self._quotes.contains(start):
            # "I" in the writer's own words is the author the byline or signature names.
            entity = self.writer(writer)
            if entity is not None:
                entity.add_mention(start, end, text)
                return ResolvedMention(entity, entity.type, how)
        if how == MentionKind.PRONOUN:
            self._previous = previous_speakers
            self._advance(root.i)
            earlier = self._pronouns.pop(root.i, None)
            if earlier is not None:  # resolved on the way, without this mention's constraints
                earlier.mentions.pop((start, end), None)
                self.salience.remove(root, earlier.entity_id)
            resolved = self._resolve_pronoun(root, start, end, previous_speakers, exclude)
            self._pronouns[root.i] = resolved.entity
            return resolved
        return self._resolve_nominal(root.lower_, text, start, end, previous_speakers)

    def _speaking_namesake(
        self, entity: NameCluster, name: Span, previous_speakers: list[tuple[int, NameCluster]]
    ) -> NameCluster | None:
        """Another person a lone surname fits who has spoken in this paragraph, where `entity`
        has not: in "She said ... 'We will win,' Ngata said", after "Senator Aroha Ngata" and
        "her father, Wiremu Ngata", the surname goes on with the senator who speaks."""
        key = name_key(name.text)
        if len(key) != 1:
            return None
        paragraph = self.paragraph_of(name.start_char)
        for char, speaker in reversed(previous_speakers):
            if self.paragraph_of(char) != paragraph:
                break
            if speaker is entity:
                return None
            if any(compatible_names(key, known) for known in speaker.names if len(known) > 1):
                speaker.add_mention(name.start_char, name.end_char, name.text)
                return speaker
        return None

    def writer(self, name: tuple[int, int]) -> NameCluster | None:
        """The entity of the writer named at the character range `name`."""
        entity = self.add_name(*name, "PERSON")
        if entity is not None:
            self.writer_ids |= {entity.entity_id}
        return entity

    def _from_coref(self, token_i: int) -> NameCluster | None:
        """The named entity of the coreference cluster holding a mention headed by `token_i`,
        where another component left clusters in `doc.spans["coref_clusters_*"]`."""
        for cluster in self._clusters_of.get(token_i, ()):
            for span in cluster:
                names = names_in(span, NAME_LABELS)
                name = names[0] if names else proper_noun_run(span)
                if name is not None and name_key(name.text):
                    return self.add_name(name.start_char, name.end_char, name.label_ or None)
        return None

    def _recent(
        self,
        start: int,
        previous: list[tuple[int, NameCluster]],
        wanted: set[EntityType],
        gender: str | None,
        agrees: Callable[[NameCluster], bool] | None = None,
    ) -> NameCluster | None:
        """The last compatible speaker (of a wanted type, and `agrees` where given) in this or the
        previous paragraph, else the last compatible name."""
        recent_speakers = self._recent_speakers(start, previous)
        candidates = [
            e
            for e in (*recent_speakers, *self._recent_entities(start, PRONOUN_WINDOW))
            if e.type in wanted
            and not only_premodifiers(self.doc, e.mentions)  # "its iPhone models"
            and (agrees is None or agrees(e))
        ]
        # The most recent candidate that agrees: a known other gender rules a person out.
        return next((e for e in candidates if gender is None or e.gender in (None, gender)), None)

    def introduced_between(self, start: int, end: int, speaker: NameCluster) -> bool:
        """Whether another person is named between two characters (breaks speaker continuation)."""
        low = bisect.bisect_left(self._name_mentions, start, key=lambda item: item[0])
        high = bisect.bisect_left(self._name_mentions, end, key=lambda item: item[0])
        return any(
            entity is not speaker and entity.type == EntityType.PERSON
            for _, entity in self._name_mentions[low:high]
        )
