"""quoteattr/schema/quote.schema.json describes `Quote.to_dict()` exactly: real output validates,
anything else is rejected."""

from __future__ import annotations

import copy
import json
from importlib.resources import files

import jsonschema
import pytest

import quoteattr
from quoteattr.records import Quote
from quoteattr.schema import QUOTE_SCHEMA_FILE, quote_schema

# Invented articles: direct, indirect and mixed quotes, a quote split by its attribution, sources,
# hedges, addressees, unresolved speakers ("a senior official", "he") and a quote with no speaker.
ARTICLES = {
    "floods": (
        "Flooding closed three bridges in Lisbon on Monday, officials said.\n\n"
        '"The water rose faster than any model predicted," Mayor Carla Moedas told reporters at the '
        'town hall. "We had less than an hour."\n\n'
        "According to the state broadcaster RTP, engineers said the oldest bridge would stay shut for weeks.\n\n"
        'Moedas said residents should "stay indoors until the alert is lifted."'
    ),
    "talks": (
        "A senior official, who asked not to be named, said the talks had stalled.\n\n"
        '"Nobody is walking away," he said. "But nobody is moving either."\n\n'
        'Reuters cited the foreign minister, Ana Silva, as having said that a deal was "within reach".\n\n'
        "The ministry reportedly told diplomats that it would not comment."
    ),
    "court": (
        '"We will appeal," said lawyer Tom Baker, "and we expect to win."\n\n'
        'Baker told the court that his client had been "misled from the start".\n\n'
        'The judge, Helen Ward, said: "This hearing is adjourned."\n\n'
        "A spokesperson for the firm allegedly said the ruling was unfair."
    ),
}


@pytest.fixture(scope="module")
def validator():
    schema = quote_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="module")
def records(nlp, shared):
    """Every record of the invented articles and of the example article."""
    texts = dict(ARTICLES)
    texts["example"] = (shared / "examples" / "xi-putin-2024-10-02.txt").read_text(encoding="utf8")
    return {name: quoteattr.extract(text, nlp=nlp).to_dicts() for name, text in texts.items()}


def test_schema_ships_in_the_package():
    resource = files("quoteattr.schema").joinpath(QUOTE_SCHEMA_FILE)
    assert resource.is_file()
    schema = json.loads(resource.read_text(encoding="utf8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema == quote_schema()
    assert quote_schema() is not quote_schema()  # a fresh copy every time


def test_schema_lists_exactly_the_fields_of_the_record():
    schema = quote_schema()
    quote = Quote(kind="direct", text="x", start=0, end=1)
    assert list(schema["properties"]) == list(quote.to_dict())
    assert schema["required"] == list(quote.to_dict())
    assert schema["additionalProperties"] is False
    assert schema["properties"]["kind"]["enum"] == ["direct", "indirect", "mixed"]
    assert schema["$defs"]["type"]["enum"] == ["PERSON", "ORG", "GPE", "NORP", "OTHER"]


@pytest.mark.parametrize("name", [*ARTICLES, "example"])
def test_real_output_validates(validator, records, name):
    assert records[name], f"no quotes found in {name}"
    for record in records[name]:
        validator.validate(record)
        validator.validate(json.loads(json.dumps(record)))  # and as the command line prints it


def test_the_articles_exercise_every_branch_of_the_schema(records):
    """So that validation above is not vacuous: every optional shape occurs in the real output."""
    flat = [record for name in records for record in records[name]]
    assert {record["kind"] for record in flat} == {"direct", "indirect", "mixed"}
    assert any(record["parts"] for record in flat)
    assert any(record["speaker"] is None for record in flat)
    assert any(record["speaker"] and record["speaker"]["name"] is None for record in flat)
    assert any(record["speaker"] and record["speaker"]["mention"] is None for record in flat)
    assert any(record["addressee"] for record in flat)
    assert any(record["cue"] is None for record in flat)
    assert any(record["sources"] for record in flat)
    assert any(record["hedge"] for record in flat)


def _valid_record() -> dict:
    entity = {
        "name": "Ann Lee",
        "type": "PERSON",
        "entity_id": 0,
        "mention": {"text": "Lee", "start": 0, "end": 3},
    }
    return {
        "kind": "direct",
        "category": "statement",
        "text": "We won. Again.",
        "start": 10,
        "end": 40,
        "parts": [[10, 17], [33, 40]],
        "speaker": entity,
        "addressee": None,
        "cue": {"text": "said", "start": 20, "end": 24, "lemma": "say"},
        "sources": [{**entity, "name": "AP", "type": "ORG", "entity_id": 1, "relation": "cited"}],
        "hedge": None,
        "confidence": 0.95,
    }


def test_the_hand_made_record_is_valid_and_a_real_quote(validator):
    record = _valid_record()
    validator.validate(record)
    assert Quote.from_dict(record).to_dict() == record


@pytest.mark.parametrize("field", list(_valid_record()))
def test_a_missing_field_is_rejected(validator, field):
    record = _valid_record()
    del record[field]
    assert not validator.is_valid(record)


def _set(path, value):
    def change(record):
        target = record
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


INVALID = {
    "wrong kind": _set(["kind"], "quoted"),
    "unknown category": _set(["category"], "belief"),
    "kind in capitals": _set(["kind"], "DIRECT"),
    "extra field": _set(["score"], 1),
    "extra field in the speaker": _set(["speaker", "gender"], "f"),
    "extra field in a mention": _set(["speaker", "mention", "lemma"], "lee"),
    "extra field in the cue": _set(["cue", "tense"], "past"),
    "extra field in a source": _set(["sources", 0, "url"], "https://example.org"),
    "wrong entity type": _set(["speaker", "type"], "LOCATION"),
    "source without relation": lambda record: record["sources"][0].pop("relation"),
    "cue without lemma": lambda record: record["cue"].pop("lemma"),
    "negative offset": _set(["start"], -1),
    "fractional offset": _set(["end"], 40.5),  # (40.0 is an integer in JSON Schema)
    "string offset": _set(["speaker", "mention", "start"], "0"),
    "negative entity id": _set(["speaker", "entity_id"], -1),
    "confidence above 1": _set(["confidence"], 1.5),
    "confidence below 0": _set(["confidence"], -0.1),
    "confidence as a string": _set(["confidence"], "0.9"),
    "a single part": _set(["parts"], [[10, 17]]),
    "a part of three offsets": _set(["parts", 0], [10, 12, 17]),
    "sources null": _set(["sources"], None),
    "text null": _set(["text"], None),
    "hedge a list": _set(["hedge"], ["reportedly"]),
}


@pytest.mark.parametrize("change", list(INVALID.values()), ids=list(INVALID))
def test_invalid_records_are_rejected(validator, change):
    record = copy.deepcopy(_valid_record())
    change(record)
    assert not validator.is_valid(record)
