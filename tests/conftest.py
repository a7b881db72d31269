from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import quoteattr
from quoteattr.records import DocumentEntity, Quote, QuoteResult

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


def assert_invariants(text: str, result: QuoteResult) -> None:
    """Offsets inside the input and pointing at the words they claim; JSON-serialisable output."""
    size = len(text)
    assert result.text == text

    def holds(record) -> None:
        assert 0 <= record.start <= record.end <= size, record
        assert text[record.start : record.end] == record.text, record

    ids = [entity.entity_id for entity in result.entities]
    assert len(ids) == len(set(ids))
    for entity in result.entities:
        for mention in entity.mentions:
            holds(mention)
    for quote in result.quotes:
        if quote.parts is None:
            holds(quote)
        else:
            assert quote.text == " ".join(text[a:b] for a, b in quote.parts)
            assert (quote.parts[0][0], quote.parts[-1][1]) == (quote.start, quote.end)
            assert all(0 <= a <= b <= size for a, b in quote.parts)
            assert all(b <= c for (_, b), (c, _) in zip(quote.parts, quote.parts[1:]))
        for entity in (
            quote.speaker,
            quote.addressee,
            *(source.entity for source in quote.sources),
        ):
            if entity is not None and entity.mention is not None:
                holds(entity.mention)
            if entity is not None and entity.entity_id is not None:
                assert entity.entity_id in ids
        if quote.cue is not None:
            holds(quote.cue)
    dumped = json.loads(
        json.dumps(
            {"quotes": result.to_dicts(), "entities": [e.to_dict() for e in result.entities]}
        )
    )
    assert [Quote.from_dict(quote) for quote in dumped["quotes"]] == list(result.quotes)
    assert [DocumentEntity.from_dict(entity) for entity in dumped["entities"]] == list(
        result.entities
    )


@pytest.fixture(scope="session")
def invariants():
    """`invariants(text, result)`: the offset and serialisation contract every result keeps."""
    return assert_invariants


@pytest.fixture(scope="session")
def seeded_resolver(nlp):
    """(doc, resolver) for a text: parsed without attribution, the NER's names seeded, as the
    pipeline's speaker resolution starts."""
    from quoteattr.rules.context import DocContext
    from quoteattr.rules.lexicon import load_default_lexicon
    from quoteattr.rules.seeding import seed_names
    from quoteattr.rules.speakers import EntityResolver

    lexicon = load_default_lexicon()

    def build(text: str):
        doc = nlp.make_doc(text)
        for _, component in nlp.pipeline:
            if component is not nlp.get_pipe("quoteattr"):
                doc = component(doc)
        resolver = EntityResolver(DocContext.build(doc, lexicon))
        seed_names(resolver)
        return doc, resolver

    return build
