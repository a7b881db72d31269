"""Speakers described but not named: a group ("most of the 40 nurses", "shelter users") is named
by its own noun phrase, so that a table of who is quoted stays complete; an anonymous source ("a
source", "officials") and a bare plural ("experts") are not."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import word_list

QUANTIFIERS = word_list("group_quantifiers")
DOCUMENT_NOUNS = word_list("document_nouns")
# The verbs of "a report released by", "a complaint filed by": who made the document.
AUTHOR_DEPS = frozenset({"acl", "relcl"})
# Dependents that describe a group: "federal prosecutors", "the 40 nurses", "shelter users",
# "attorneys for the family", "nurses who work nights".
DESCRIBING_DEPS = frozenset({"amod", "compound", "nummod", "prep", "poss", "acl", "relcl", "nmod"})


def descriptive_phrase(span: Span, anonymous: frozenset[str]) -> Span | None:
    """The noun phrase that names a group speaker the article describes rather than names, else
    None: the span itself, or, for a quantifier ("Most"), the phrase it heads ("Most of the 40
    nurses").

    The head must be a plural common noun that is not an anonymous source noun, and the phrase
    must say which group it is: a modifier other than a determiner or a pronoun, or a quantifier
    over it ("most of the nurses")."""
    root = span.root
    head, quantified = root, False
    if root.lower_ in QUANTIFIERS:
        head = _quantified_group(root) or root
        quantified = head.i != root.i
        if quantified:
            span = span.doc[
                min(span.start, root.left_edge.i) : max(span.end, root.right_edge.i + 1)
            ]
    if head.tag_ != "NNS" or head.lower_ in anonymous:
        return None
    describing = [
        child
        for child in head.children
        if child.dep_ in DESCRIBING_DEPS
        and span.start <= child.i < span.end
        and child.tag_ not in ("PRP", "PRP$")
    ]
    if not describing and not quantified:
        return None
    while len(span) > 1 and span[-1].is_punct:
        span = span[:-1]
    return span


def _quantified_group(quantifier: Token) -> Token | None:
    """The group of "most of the nurses"."""
    for child in quantifier.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def document_author(root: Token) -> Token | None:
    """The author of a document speaking ("a report by the Harbour Institute", "a study released
    by the institute"): the object of its "by", directly or through the participle that made
    it; else None."""
    if root.lower_ not in DOCUMENT_NOUNS:
        return None
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ in AUTHOR_DEPS and child.tag_ == "VBN":
            for agent in child.children:
                if agent.dep_ == "agent":
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None
