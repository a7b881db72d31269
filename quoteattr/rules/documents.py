"""Documents that speak for whoever made them. "A report by the institute says", "a Reuters
survey found", "her submission noted": the author is in the document's own phrase. "The
statement said" names no author, but the article said who made it where it first wrote of it
("The Security Council issued a statement", "In a statement, the union said"): a definite
document is the latest one of its kind before it, and speaks for that one's author."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .lexicon import word_groups, word_list
from .mention_spans import noun_phrase
from .mentions import ResolvedMention
from .morphology import inflections, plural, singular
from .names import NameCluster
from .pronouns import FEMALE, MALE
from .subjects import find_subject
from .syntax import AUTHORING_VERBS, DOCUMENT_NOUNS, PROPER_NOUN_TAGS, child_with

# Words for one kind of document, singular and plural: "the report" after "a study", "the clip"
# after "a web video".
DOCUMENT_KINDS = {
    form: frozenset(f for word in group for f in (word, plural(word)))
    for word, group in word_groups("document_kinds").items()
    for form in (word, plural(word))
}
# The verbs of "a report released by", "a complaint filed by": who made the document.
AUTHOR_DEPS = frozenset({"acl", "relcl"})
# "a memo seen by the BBC", "obtained by Reuters": a reader of the document, not its author.
READING_VERBS = frozenset(
    form for lemma in word_list("document_reading_verbs") for form in inflections(lemma)
)
# Prepositions that lead to the place a document was given out in ("in a statement, X said").
ISSUED_IN = frozenset({"in", "through"})
PLACES = frozenset({"GPE", "LOC"})  # "a report from Iowa" is where it came from
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# How many paragraphs back a definite document looks for where it was introduced.
DOCUMENT_WINDOW = 4


def kind_of(word: str) -> frozenset[str]:
    """The words for the kind of document `word` names, singular and plural."""
    return DOCUMENT_KINDS.get(word) or frozenset({word, plural(word), singular(word)})


def own_author(root: Token) -> Token | None:
    """The author a document's own phrase names: the object of its "by" or "from", directly or
    through the participle that made it ("a study released by the institute"), its possessor
    ("the GOP's complaint", "her submission") or a name before it ("a Reuters survey", "a USA
    TODAY analysis"); else None. "A report about Ruth Okafor" is not hers."""
    if root.lower_ not in DOCUMENT_NOUNS:
        return None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("by", "from"):
            found = child_with(child, "pobj")
            if found is not None and (child.lower_ == "by" or found.ent_type_ not in PLACES):
                return found
        if child.dep_ in AUTHOR_DEPS and child.tag_ == "VBN" and child.lower_ not in READING_VERBS:
            agent = child_with(child, "agent")
            if agent is not None:
                return child_with(agent, "pobj")
        if child.dep_ == "poss" or (
            child.dep_ == "compound"
            and child.i < root.i
            and any(t.tag_ in PROPER_NOUN_TAGS for t in child.subtree)
        ):
            return child
    return None


def introducing_author(document: Token) -> Token | None:
    """The author of a document where the article introduces it: its own phrase's, or who
    issued it ("the council issued a statement", "a group of parents sent a letter"), or who
    spoke in it ("In a statement, the union said")."""
    author = own_author(document)
    if author is not None:
        return author
    verb = document.head
    if not verb.tag_.startswith("VB") and not (verb.dep_ == "prep" and verb.lower_ in ISSUED_IN):
        return None
    if document.dep_ == "nsubjpass" and verb.lower_ in AUTHORING_VERBS:
        # "A statement was issued by the council"
        agent = child_with(verb, "agent")
        return None if agent is None else child_with(agent, "pobj")
    if document.dep_ == "pobj":
        verb = verb.head
        if not verb.tag_.startswith("VB") or child_with(verb, "auxpass") is not None:
            return None  # "she was named in the report" is no author of it
    elif document.dep_ != "dobj" or verb.lower_ not in AUTHORING_VERBS:
        return None  # "Trump attacked the ad"
    found = find_subject(verb)
    return None if found is None else found[0]


class DocumentResolution:
    """The document methods of `EntityResolver`, which holds the entities, the paragraphs and
    the resolution these methods call back into."""

    def _document_speaker(
        self, root: Token, previous: list[tuple[int, NameCluster]]
    ) -> NameCluster | None:
        """The entity a document speaking ("the report says") speaks for, else None."""
        author = own_author(root)
        if author is None and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in root.children):
            author = next(
                (
                    found
                    for earlier in self._earlier_documents(root)
                    if (found := introducing_author(earlier)) is not None
                ),
                None,
            )
        return None if author is None else self._author_entity(author, previous)

    def _earlier_documents(self, root: Token) -> Iterator[Token]:
        """Documents of `root`'s kind written before it within `DOCUMENT_WINDOW` paragraphs,
        latest first."""
        kind = kind_of(root.lower_)
        paragraph = self.paragraph_of(root.idx)
        for token in reversed(self.doc[: root.i]):
            if paragraph - self.paragraph_of(token.idx) > DOCUMENT_WINDOW:
                return
            if token.lower_ in kind and token.tag_ in ("NN", "NNS"):
                yield token

    def _author_entity(
        self, author: Token, previous: list[tuple[int, NameCluster]]
    ) -> NameCluster | None:
        if author.tag_ == "PRP$":  # "her submission": whom "her" refers to
            if author.lower_ not in MALE | FEMALE:
                return None
            self._previous = previous
            self._advance(author.i + 1)
            return self._pronouns.get(author.i)
        if author.dep_ == "poss":
            start, end = author.left_edge.i, author.i + 1
        else:
            start, end = noun_phrase(author)
        phrase = self.doc[start:end]
        if not len(phrase) or phrase.root.lower_ in DOCUMENT_NOUNS:
            return None
        resolved: ResolvedMention = self._resolve(
            phrase.start_char, phrase.end_char, previous, frozenset()
        )
        return resolved.entity
