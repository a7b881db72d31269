"""The record contract: `to_dict()` fields, offsets, immutability, hashing, pickling, JSON,
validators and `QuoteResult` access. Records come from one real article plus hand-built ones."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable
from typing import Any

import attrs
import pytest

import quoteattr
from quoteattr import Cue, DocumentEntity, Entity, Mention, Quote, QuoteKind, QuoteResult, Source

ARTICLE = (
    "Valley to rebuild schools, Lopez says\n\n"
    "Finance Minister Maria Lopez said on Monday that every flooded school in the valley would reopen by September.\n\n"
    "Hale said the plan was “a good start” but warned that costs would rise.\n\n"
    "According to Xinhua, the ministry has set aside two billion dollars. "
    "The agency quoted a spokesman as saying that more money could follow.\n\n"
    "Senator John Hale was cited as saying that he would support the budget. "
    "He reportedly told donors that the vote would be close.\n\n"
    '"We will rebuild every school," Lopez told Senator John Hale during a visit to the town, '
    '"and we will do it this year."\n\n'
    '"Nobody will be left behind."'
)

KINDS = {"direct", "indirect", "mixed"}
TYPES = {"PERSON", "ORG", "GPE", "NORP", "OTHER"}
QUOTE_KEYS = {
    "kind",
    "category",
    "text",
    "start",
    "end",
    "parts",
    "speaker",
    "addressee",
    "cue",
    "sources",
    "hedge",
    "confidence",
}
ENTITY_KEYS = {"name", "type", "entity_id", "mention"}
MENTION_KEYS = {"text", "start", "end"}
CUE_KEYS = {"text", "start", "end", "lemma"}


@pytest.fixture(scope="module")
def result(nlp) -> QuoteResult:
    return quoteattr.extract(ARTICLE, nlp=nlp)


@pytest.fixture(scope="module")
def dicts(result) -> list[dict[str, Any]]:
    return result.to_dicts()


def test_article_covers_every_field(result):
    """The article exercises all of the contract, so the checks below are not vacuous."""
    assert {quote.kind.value for quote in result} == KINDS
    assert any(quote.parts for quote in result)
    assert any(quote.addressee for quote in result)
    assert any(quote.sources for quote in result)
    assert any(quote.hedge for quote in result)
    assert any(quote.cue is None for quote in result)
    assert any(quote.speaker and quote.speaker.mention is None for quote in result)


# --- to_dict(): one check per field ---------------------------------------------------------------


def _is_int(value: Any) -> bool:
    return type(value) is int


def _is_str(value: Any) -> bool:
    return type(value) is str  # a plain str, not a str-Enum


def _check_mention(data: dict[str, Any] | None, text: str) -> bool:
    if data is None:
        return True
    return (
        set(data) == MENTION_KEYS
        and _is_str(data["text"])
        and _is_int(data["start"])
        and _is_int(data["end"])
        and 0 <= data["start"] <= data["end"] <= len(text)
        and text[data["start"] : data["end"]] == data["text"]
    )


def _check_entity(data: dict[str, Any] | None, text: str) -> bool:
    if data is None:
        return True
    return (
        ENTITY_KEYS <= set(data)
        and (data["name"] is None or _is_str(data["name"]))
        and _is_str(data["type"])
        and data["type"] in TYPES
        and (data["entity_id"] is None or _is_int(data["entity_id"]))
        and _check_mention(data["mention"], text)
    )


def _check_parts(data: dict[str, Any], text: str) -> bool:
    parts = data["parts"]
    if parts is None:
        return text[data["start"] : data["end"]] == data["text"]
    flat = [offset for part in parts for offset in part]
    return (
        len(parts) >= 2
        and all(
            isinstance(part, list) and len(part) == 2 and all(map(_is_int, part)) for part in parts
        )
        and flat == sorted(flat)  # ordered and disjoint
        and all(a < b for a, b in parts)
        and parts[0][0] == data["start"]
        and parts[-1][1] == data["end"]
        and " ".join(text[a:b] for a, b in parts) == data["text"]
    )


def _check_cue(data: dict[str, Any], text: str) -> bool:
    cue = data["cue"]
    if cue is None:
        return True
    return (
        set(cue) == CUE_KEYS
        and _is_str(cue["lemma"])
        and bool(cue["lemma"])
        and _check_mention({k: cue[k] for k in MENTION_KEYS}, text)
    )


def _check_sources(data: dict[str, Any], text: str) -> bool:
    return isinstance(data["sources"], list) and all(
        set(source) == ENTITY_KEYS | {"relation"}
        and _is_str(source["relation"])
        and _check_entity(source, text)
        for source in data["sources"]
    )


FIELD_CHECKS: list[Any] = [
    pytest.param(lambda d, text: set(d) == QUOTE_KEYS, id="keys"),
    pytest.param(lambda d, text: _is_str(d["kind"]) and d["kind"] in KINDS, id="kind-is-string"),
    pytest.param(lambda d, text: _is_str(d["text"]) and bool(d["text"]), id="text"),
    pytest.param(
        lambda d, text: (
            _is_int(d["start"]) and _is_int(d["end"]) and 0 <= d["start"] <= d["end"] <= len(text)
        ),
        id="offsets-are-ints",
    ),
    pytest.param(_check_parts, id="parts-or-slice"),
    pytest.param(lambda d, text: _check_entity(d["speaker"], text), id="speaker"),
    pytest.param(lambda d, text: _check_entity(d["addressee"], text), id="addressee"),
    pytest.param(_check_cue, id="cue"),
    pytest.param(_check_sources, id="sources"),
    pytest.param(lambda d, text: d["hedge"] is None or _is_str(d["hedge"]), id="hedge"),
    pytest.param(
        lambda d, text: type(d["confidence"]) is float and 0.0 <= d["confidence"] <= 1.0,
        id="confidence",
    ),
]


@pytest.mark.parametrize("check", FIELD_CHECKS)
def test_to_dict_field(dicts, check: Callable[[dict[str, Any], str], bool]):
    bad = [d for d in dicts if not check(d, ARTICLE)]
    assert bad == []


def test_entities_to_dict(result):
    assert result.entities
    for entity in result.entities:
        data = entity.to_dict()
        assert set(data) == {"entity_id", "name", "type", "mentions"}
        assert _is_int(data["entity_id"]) and _is_str(data["name"]) and data["type"] in TYPES
        assert all(_check_mention(mention, ARTICLE) for mention in data["mentions"])
    ids = [entity.entity_id for entity in result.entities]
    assert len(ids) == len(set(ids))


def test_role_entity_ids_exist(result):
    roles = [
        role
        for quote in result
        for role in (quote.speaker, quote.addressee, *(source.entity for source in quote.sources))
        if role is not None and role.entity_id is not None
    ]
    assert len(roles) >= 3  # the article has speakers, an addressee and a source
    for role in roles:
        found = result.entity(role.entity_id)
        assert found is not None and found.entity_id == role.entity_id, role
        assert (found.name, found.type) == (role.name, role.type), (found, role)


# --- hand-built records -----------------------------------------------------------------------------

MENTION = Mention("Maria Lopez", 0, 11)
ENTITY = Entity(name="Maria Lopez", type="PERSON", entity_id=0, mention=MENTION)
SOURCE = Source(entity=Entity(name="Xinhua", type="ORG", entity_id=1), relation="according_to")
CUE = Cue(text="said", start=12, end=16, lemma="say")
QUOTE = Quote(
    kind="indirect",
    text="the factory would close",
    start=17,
    end=40,
    speaker=ENTITY,
    cue=CUE,
    sources=[SOURCE],
    hedge="reportedly",
    confidence=0.95,
)
SPLIT = Quote(
    kind="direct",
    text="A, B.",
    start=1,
    end=20,
    parts=[(1, 3), (17, 20)],
    speaker=ENTITY,
    confidence=0.5,
)
DOC_ENTITY = DocumentEntity(entity_id=0, name="Maria Lopez", type="PERSON", mentions=[MENTION])
RESULT = QuoteResult(
    text="Maria Lopez said the factory would close.", quotes=[QUOTE], entities=[DOC_ENTITY]
)

RECORDS = [
    pytest.param(MENTION, id="Mention"),
    pytest.param(ENTITY, id="Entity"),
    pytest.param(SOURCE, id="Source"),
    pytest.param(CUE, id="Cue"),
    pytest.param(QUOTE, id="Quote"),
    pytest.param(SPLIT, id="Quote-split"),
    pytest.param(DOC_ENTITY, id="DocumentEntity"),
    pytest.param(RESULT, id="QuoteResult"),
]


UNRESOLVED = Entity(name=None, type="PERSON", mention=Mention("a source", 30, 38))


@pytest.mark.parametrize(
    "quote, expected",
    [
        pytest.param(QUOTE, "Maria Lopez | said | the factory would close", id="speaker-and-cue"),
        pytest.param(SPLIT, "Maria Lopez | (no cue) | A, B.", id="no-cue"),
        pytest.param(
            attrs.evolve(QUOTE, speaker=None, cue=None, text="Not\nagain.  Ever."),
            "(no speaker) | (no cue) | Not again. Ever.",
            id="no-speaker-one-line",
        ),
        pytest.param(
            attrs.evolve(QUOTE, speaker=UNRESOLVED),
            '"a source" (unresolved) | said | the factory would close',
            id="unresolved-mention",
        ),
        pytest.param(
            attrs.evolve(QUOTE, speaker=attrs.evolve(UNRESOLVED, mention=None)),
            "(no speaker) | said | the factory would close",
            id="no-name-no-mention",
        ),
    ],
)
def test_str_is_one_line_of_speaker_cue_and_words(quote, expected):
    assert str(quote) == expected
    assert "\n" not in str(quote)


def test_print_reads_every_quote_of_a_real_article(result):
    """str() never fails on the article's quotes, speakerless or not."""
    lines = [str(quote) for quote in result]
    assert len(lines) == len(result) and all(line.count(" | ") >= 2 for line in lines)


@pytest.mark.parametrize("record", RECORDS)
def test_records_are_frozen(record):
    name = attrs.fields(type(record))[0].name
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(record, name, getattr(record, name))


@pytest.mark.parametrize("record", RECORDS)
def test_records_are_hashable(record):
    copy = pickle.loads(pickle.dumps(record))
    assert hash(record) == hash(copy)
    assert len({record, copy}) == 1


@pytest.mark.parametrize("record", RECORDS)
def test_records_pickle_round_trip(record):
    assert pickle.loads(pickle.dumps(record)) == record


@pytest.mark.parametrize("record", [p for p in RECORDS if p.id != "QuoteResult"])
def test_from_dict_of_to_dict(record):
    assert type(record).from_dict(record.to_dict()) == record


def test_article_quotes_round_trip(result):
    assert len(result) > 0 and result.entities
    for quote in result:
        assert Quote.from_dict(quote.to_dict()) == quote
        assert Quote.from_dict(json.loads(json.dumps(quote.to_dict()))) == quote
        assert pickle.loads(pickle.dumps(quote)) == quote
        assert hash(quote) == hash(Quote.from_dict(quote.to_dict()))
    for entity in result.entities:
        assert DocumentEntity.from_dict(json.loads(json.dumps(entity.to_dict()))) == entity
    assert pickle.loads(pickle.dumps(result)) == result


def test_json_dumps(result):
    data = json.loads(json.dumps(result.to_dicts()))
    assert data == result.to_dicts() and len(data) == len(result) > 0
    entities = json.loads(json.dumps([entity.to_dict() for entity in result.entities]))
    assert entities == [entity.to_dict() for entity in result.entities] and entities


def test_kind_and_type_are_enums_on_records(result):
    assert any(quote.speaker is not None for quote in result)
    for quote in result:
        assert isinstance(quote.kind, QuoteKind)
        if quote.speaker is not None:
            assert isinstance(quote.speaker.type, quoteattr.EntityType)


# --- validators ----------------------------------------------------------------------------------

INVALID = [
    pytest.param(lambda: Mention("Lopez", 5, 4), id="mention-end-before-start"),
    pytest.param(lambda: Mention("Lopez", -1, 4), id="mention-negative-start"),
    pytest.param(lambda: Mention("Lopez", 0, -1), id="mention-negative-end"),
    pytest.param(lambda: Mention("Lopez", 0.0, 5), id="mention-float-offset"),
    pytest.param(lambda: Mention(None, 0, 5), id="mention-text-none"),
    pytest.param(
        lambda: Cue(text="said", start=16, end=12, lemma="say"), id="cue-end-before-start"
    ),
    pytest.param(lambda: Cue(text="said", start=-3, end=12, lemma="say"), id="cue-negative"),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=10, end=5), id="quote-end-before-start"
    ),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=-1, end=5), id="quote-negative-start"
    ),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=0, end=1, confidence=1.01),
        id="confidence-above-1",
    ),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=0, end=1, confidence=-0.1),
        id="confidence-below-0",
    ),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=0, end=1, confidence=float("nan")),
        id="confidence-nan",
    ),
    pytest.param(lambda: Quote(kind="quotation", text="x", start=0, end=1), id="unknown-kind"),
    pytest.param(lambda: Entity(name="X", type="PLACE"), id="unknown-type"),
    pytest.param(lambda: Entity(name="X", type="PERSON", entity_id="0"), id="entity-id-not-int"),
    pytest.param(lambda: Entity(name="X", type="PERSON", mention=(0, 1)), id="mention-not-record"),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=0, end=1, speaker="Lopez"),
        id="speaker-not-record",
    ),
]


@pytest.mark.parametrize("build", INVALID)
def test_validators_reject(build):
    with pytest.raises((ValueError, TypeError)) as raised:
        build()
    assert str(raised.value)  # says what was wrong


VALID = [
    pytest.param(
        lambda: Quote(kind="direct", text="", start=3, end=3),
        {
            "kind": QuoteKind.DIRECT,
            "text": "",
            "start": 3,
            "end": 3,
            "parts": None,
            "speaker": None,
        },
        id="empty-span",
    ),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=0, end=1, confidence=0),
        {"confidence": 0},
        id="confidence-0",
    ),
    pytest.param(
        lambda: Quote(kind="direct", text="x", start=0, end=1, confidence=1),
        {"confidence": 1},
        id="confidence-1",
    ),
    pytest.param(
        lambda: Quote(kind=QuoteKind.MIXED, text="x", start=0, end=1),
        {"kind": QuoteKind.MIXED},
        id="kind-enum",
    ),
    pytest.param(
        lambda: Entity(name=None, type="OTHER"),
        {"name": None, "type": quoteattr.EntityType("OTHER"), "entity_id": None, "mention": None},
        id="unresolved-entity",
    ),
]


@pytest.mark.parametrize(("build", "expected"), VALID)
def test_validators_accept(build, expected):
    """Accepted, with the values given (a kind or type string becomes its enum), and the record
    survives to_dict / from_dict unchanged."""
    record = build()
    assert {name: getattr(record, name) for name in expected} == expected
    assert type(record).from_dict(record.to_dict()) == record


# --- QuoteResult access ------------------------------------------------------------------------------


def test_result_iterates_in_document_order(result):
    starts = [(quote.start, quote.end) for quote in result]
    assert starts == sorted(starts)
    assert list(result) == list(result.quotes)


def test_result_len_and_indexing(result):
    assert len(result) == len(result.quotes) > 0
    assert result[0] == result.quotes[0]
    assert result[-1] == result.quotes[-1]
    assert [result[i] for i in range(len(result))] == list(result)
    with pytest.raises(IndexError):
        result[len(result)]


def test_result_to_dicts(result):
    assert result.to_dicts() == [quote.to_dict() for quote in result]
    assert result.text == ARTICLE


def test_result_entity_lookup(result):
    for entity in result.entities:
        assert result.entity(entity.entity_id) == entity
    assert result.entity(10_000) is None


def test_empty_result():
    empty = QuoteResult(text="")
    assert len(empty) == 0 and list(empty) == [] and empty.to_dicts() == []
