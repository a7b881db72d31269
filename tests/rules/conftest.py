"""Hand-built parsed Docs for unit tests of the rules: no statistical model is loaded."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from quoteattr.rules.context import DocContext
from quoteattr.rules.lexicon import CueLexicon, load_default_lexicon

VOCAB = spacy.blank("en").vocab


def spaces_for(text: str, words: list[str]) -> list[bool]:
    """The `spaces` that make `Doc(words=words).text == text` (words must tile the text)."""
    spaces, cursor = [], 0
    for word in words:
        start = text.index(word, cursor)
        assert not text[cursor:start].strip(), (text[cursor:start], word)
        cursor = start + len(word)
        spaces.append(text[cursor : cursor + 1] == " ")
        if spaces[-1]:
            cursor += 1
    return spaces


def make_doc(words, heads, deps, tags, ents=None, spaces=None, text=None) -> Doc:
    """A parsed Doc: `heads` are absolute token indices, `ents` IOB strings ("B-PERSON", "O").
    Sentence starts come from the parse (each ROOT's subtree is a sentence). With `text`, the
    spaces are computed so that `doc.text == text`."""
    if text is not None:
        spaces = spaces_for(text, words)
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, ents=ents)
    if text is not None:
        assert doc.text == text
    return doc


def from_rows(rows, text=None) -> Doc:
    """A Doc from rows of (word, head, dep, tag[, ent])."""
    words = [r[0] for r in rows]
    heads = [r[1] for r in rows]
    deps = [r[2] for r in rows]
    tags = [r[3] for r in rows]
    ents = [r[4] if len(r) > 4 else "O" for r in rows]
    return make_doc(words, heads, deps, tags, ents=ents, text=text)


def span_text(doc: Doc, tokens: tuple[int, int] | None) -> str | None:
    return None if tokens is None else doc[tokens[0] : tokens[1]].text


def chars(doc: Doc, ranges) -> list[str]:
    text = doc.text
    return [text[a:b] for a, b in ranges]


@pytest.fixture(scope="session")
def lexicon() -> CueLexicon:
    return load_default_lexicon()


@pytest.fixture
def context_of(lexicon):
    def build(doc: Doc) -> DocContext:
        return DocContext.build(doc, lexicon)

    return build


def flat_doc(text, words, root=0, tags=None, ents=None) -> Doc:
    """A Doc whose tokens all hang on `root` (one sentence), for rules that read the text, the
    quote marks and the entities more than the parse. `tags` maps token index -> tag."""
    tags = tags or {}
    doc_tags = [
        tags.get(i, "." if not w.strip() or not any(c.isalnum() for c in w) else "NN")
        for i, w in enumerate(words)
    ]
    heads = [root] * len(words)
    deps = ["ROOT" if i == root else "dep" for i in range(len(words))]
    return make_doc(words, heads, deps, doc_tags, ents=ents, text=text)
