from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import quoteattr

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline with quoteattr's components, built once."""
    return quoteattr.load()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared data not found at {SHARED}")
    return SHARED


@pytest.fixture
def extract(nlp):
    def run(text: str) -> quoteattr.QuoteResult:
        return quoteattr.extract(text, nlp=nlp)

    return run


def make_doc(words, *, heads=None, deps=None, tags=None, ents=None, spaces=None) -> Doc:
    """A parsed Doc built by hand, for logic that needs no model. `heads` are absolute indices."""
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, spaces=spaces, heads=heads, deps=deps, tags=tags, ents=ents)
