"""Character ranges of token spans: trimmed of space and punctuation at their edges, and of a
dangling coordinator ("... and"), as records give them."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import word_list

COORDINATORS = word_list("coordinators")


def trim_tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and _trimmed(doc[start]):
        start += 1
    while end > start and _trimmed(doc[end - 1]):
        end -= 1
    return start, end


def _trimmed(token: Token) -> bool:
    return token.is_space or (token.is_punct and not token.is_quote)


def token_chars(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    """The characters of a token range as they are (`char_range` trims it first)."""
    last = doc[tokens[1] - 1]
    return doc[tokens[0]].idx, last.idx + len(last.text)


def char_range(doc: Doc, tokens: tuple[int, int]) -> tuple[int, int]:
    start, end = trim_tokens(doc, *tokens)
    while end > start and doc[end - 1].lower_ in COORDINATORS:
        start, end = trim_tokens(doc, start, end - 1)
    if end <= start:
        start, end = tokens
    last = doc[end - 1]
    return doc[start].idx, last.idx + len(last.text)


def strip_chars(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
