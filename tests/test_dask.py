"""quoteattr.batch.dask and quoteattr.batch.scheduler: one partition in process; bags, dataframes
and a scheduler on a LocalCluster.

The cluster tests start `LocalCluster(n_workers=2, processes=True, threads_per_worker=1)` once for
the module: two worker processes, each loading the real pipeline, whose output must equal
`quoteattr.extract_many` run here.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap

import pytest
import srsly
from spacy.language import Language

import quoteattr
import quoteattr.batch.dask as qd
import quoteattr.batch.scheduler as qs
from quoteattr import api

pandas = pytest.importorskip("pandas")
distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
dask_dataframe = pytest.importorskip("dask.dataframe")

# Invented articles, two or three paragraphs each.
ARTICLES = [
    (
        "harbour",
        "The harbour will close for repairs next month, the port authority said on Monday.\n\n"
        '"We have no choice," said Ellen Marsh, the authority\'s director. "The north pier is '
        'crumbling."\n\n'
        "Fishermen said the closure would cost them a season's income.",
    ),
    (
        "council",
        "Councillor David Okafor told reporters that the budget was "
        '"a betrayal of the suburbs".\n\n'
        '"I will vote against it," he said. "So will my colleagues."\n\n'
        "According to the city treasurer, the budget must be approved by Friday.",
    ),
    (
        "trial",
        "A witness told the court on Tuesday that she saw the defendant leave the building.\n\n"
        '"He was running," Anna Keller said. Her lawyer said she had nothing more to add.',
    ),
    (
        "storm",
        "The storm destroyed 40 homes, the fire service reported.\n\n"
        '"It came out of nowhere," said resident Tom Brady. '
        '"We lost everything in ten minutes."\n\n'
        "The mayor, Sofia Lind, said emergency shelters would stay open all week.",
    ),
    (
        "science",
        "Researchers at the Danube Institute say a new enzyme can break down plastic in days.\n\n"
        '"This is a first step, not a solution," said Prof. Ravi Menon, who led the study. He '
        "said industrial tests would take years.",
    ),
    (
        "empty",
        "The museum opens at nine.\n\nTickets cost ten euros.",
    ),
]
IDS = [doc_id for doc_id, _ in ARTICLES]
TEXTS = [text for _, text in ARTICLES]


@pytest.fixture(scope="module")
def serial(nlp):
    """What one process gives: the records `quoteattr.batch.dask` must reproduce."""
    return [
        {"id": doc_id, "quotes": result.to_dicts()}
        for doc_id, result in zip(IDS, quoteattr.extract_many(TEXTS, nlp=nlp))
    ]


def test_articles_have_quotes(serial):
    assert sum(len(record["quotes"]) for record in serial) >= 8
    assert serial[-1]["quotes"] == []


# --------------------------------------------------------------------------------------------------
# Importing


def test_dask_is_the_real_dask():
    dask = qd._require("dask")
    assert dask.__name__ == "dask"
    assert "quoteattr" not in dask.__file__
    assert hasattr(dask, "compute")
    assert quoteattr.batch.dask is qd


def test_missing_dask_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # makes `import distributed` fail
    with pytest.raises(ImportError, match=r'pip install "quoteattr\[dask\]"'):
        qs.run_on_scheduler("tcp://127.0.0.1:1", [])


def test_module_imports_without_dask():
    """process_partition needs no Dask; the Dask and scheduler functions give the install hint."""
    code = textwrap.dedent(
        """
        import sys
        for name in ("dask", "dask.bag", "dask.dataframe", "distributed"):
            sys.modules[name] = None
        import quoteattr.batch.dask as qd
        import quoteattr.batch.scheduler as qs
        assert qd.process_partition([]) == []
        try:
            qs.run_on_scheduler("tcp://127.0.0.1:1", [])
        except ImportError as error:
            assert 'pip install "quoteattr[dask]"' in str(error), error
        else:
            raise AssertionError("no ImportError")
        try:
            qd.extract_bag(None)
        except ImportError as error:
            assert 'pip install "quoteattr[dask]"' in str(error), error
        else:
            raise AssertionError("no ImportError")
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# --------------------------------------------------------------------------------------------------
# One partition, in this process


def test_partition_of_pairs(serial):
    assert qd.process_partition(ARTICLES) == serial


def test_dataframe_partition_with_a_bad_record(serial, caplog):
    frame = pandas.DataFrame(
        {"doc": [*IDS[:3], "missing", *IDS[3:]], "body": [*TEXTS[:3], None, *TEXTS[3:]]}
    )
    with caplog.at_level("WARNING", logger="quoteattr.batch.dask"):
        records = qd.process_partition(frame, id_column="doc", text_column="body", batch_size=2)
    assert records[:3] + records[4:] == serial
    bad = records[3]
    assert bad["id"] == "missing" and bad["quotes"] == []
    assert bad["error"].startswith("TypeError: ") and "must be str" in bad["error"]
    assert "missing" in caplog.text
    # Only primitives: what crosses between workers.
    assert all(type(record["id"]) is str for record in records)


def test_dataframe_partition_without_the_columns():
    with pytest.raises(KeyError, match="text_column="):
        qd.process_partition(pandas.DataFrame({"id": [1], "body": ["x"]}))


def test_malformed_records(serial):
    records = qd.process_partition(
        [
            ARTICLES[0],
            "just a string",
            {"id": "no-text"},
            {"id": IDS[1], "text": TEXTS[1]},
            (7, b"bytes"),
        ]
    )
    assert records[0] == serial[0]
    message = "ValueError: a record must be (id, text) or a mapping, got str"
    assert records[1] == {"id": None, "quotes": [], "error": message}
    assert records[2]["id"] == "no-text" and records[2]["error"].startswith("ValueError: ")
    assert records[3] == serial[1]
    assert records[4]["id"] == 7 and "decode it first" in records[4]["error"]


@Language.component("quoteattr_test_boom")
def _boom(doc):
    if "BOOM" in doc.text:
        raise RuntimeError("the pipeline broke on this document")
    return doc


def test_pipeline_error_loses_one_document_only(serial, monkeypatch):
    broken = api.add_components(api.load_base(exclude=api.UNUSED_COMPONENTS))
    broken.add_pipe("quoteattr_test_boom", before="quoteattr")
    monkeypatch.setattr(qd, "_pipeline", lambda model: broken)
    records = [*ARTICLES[:2], ("boom", "BOOM, the mayor said."), *ARTICLES[2:]]
    output = qd.process_partition(records, batch_size=8)  # the failing text is inside a batch
    assert output[:2] + output[3:] == serial
    message = "RuntimeError: the pipeline broke on this document"
    assert output[2] == {"id": "boom", "quotes": [], "error": message}


# --------------------------------------------------------------------------------------------------
# A real cluster: two worker processes


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=":0",  # any free port: other clusters may run here
        silence_logs=logging.ERROR,
    ) as local:
        yield local


@pytest.fixture(scope="module")
def client(cluster):
    with distributed.Client(cluster) as connected:
        yield connected


@pytest.mark.slow
def test_run_on_scheduler_equals_serial(cluster, client, serial):
    output = list(qs.run_on_scheduler(cluster.scheduler_address, ARTICLES, partition_size=2))
    assert output == serial
    # Again, one record per task, on a generator: still in input order.
    output = list(qs.run_on_scheduler(cluster.scheduler_address, iter(ARTICLES), partition_size=1))
    assert output == serial
    loads = client.run(qd._loaded_pipelines)
    assert len(loads) == 2 and set(loads.values()) <= {0, 1} and sum(loads.values()) >= 1


@pytest.mark.slow
def test_run_on_scheduler_reports_a_bad_record(cluster, serial):
    records = [*ARTICLES[:3], ("bad", None), *ARTICLES[3:]]
    output = list(qs.run_on_scheduler(cluster.scheduler_address, records, partition_size=2))
    assert output[:3] + output[4:] == serial
    bad = output[3]
    assert bad["id"] == "bad" and bad["quotes"] == [] and "must be str" in bad["error"]


@pytest.mark.slow
def test_a_worker_without_the_model_fails_the_run(cluster):
    with pytest.raises(OSError, match="no_such_pipeline"):
        list(qs.run_on_scheduler(cluster.scheduler_address, ARTICLES, model="no_such_pipeline"))


@pytest.mark.slow
def test_run_on_scheduler_reads_lazily(client):
    read = []

    def records():
        for doc_id, text in ARTICLES:
            read.append(doc_id)
            yield doc_id, text

    stream = qs.run_on_scheduler(client, records(), partition_size=1, max_pending=2)
    first = next(stream)
    assert first["id"] == IDS[0]
    assert len(read) <= 3  # two in flight, and the one that filled the window
    stream.close()  # cancels what is pending; the client passed in stays open
    assert client.status == "running"


@pytest.mark.slow
def test_extract_bag_equals_serial(client, serial):
    bag = dask_bag.from_sequence(ARTICLES, npartitions=3)
    assert qd.extract_bag(bag).compute(scheduler=client) == serial
    # Mappings (e.g. JSON lines) work too.
    bag = dask_bag.from_sequence([{"id": i, "text": t} for i, t in ARTICLES], npartitions=2)
    assert qd.extract_bag(bag).compute(scheduler=client) == serial


@pytest.mark.slow
def test_extract_dataframe_equals_serial(client, serial):
    flatten_quote = qd._flatten_quote()  # quoteattr.batch.io's (or, before it exists, display's)
    frame = pandas.DataFrame({"doc": IDS, "body": TEXTS, "other": range(len(IDS))})
    ddf = dask_dataframe.from_pandas(frame, npartitions=3)
    quotes = qd.extract_dataframe(ddf, id_column="doc", text_column="body")
    computed = quotes.compute(scheduler=client)
    assert list(computed.columns) == list(quotes.columns)
    assert computed.dtypes.to_dict() == quotes.dtypes.to_dict()
    expected = [
        {("doc" if key == "id" else key): value for key, value in flatten_quote(doc, quote).items()}
        for doc, quotes in ((record["id"], record["quotes"]) for record in serial)
        for quote in quotes
    ]
    rows = computed.astype(object).where(computed.notna(), None).to_dict("records")
    assert rows == expected


@pytest.mark.slow
def test_annotate_on_scheduler_is_the_runners_contract(client, serial):
    """Documents become `Extracted` (the serial quotes), reading failures pass through in place."""
    from quoteattr.batch.io import Document, Failure
    from quoteattr.batch.runner import Extracted

    documents = [Document(doc_id, text, f"{doc_id}.txt") for doc_id, text in ARTICLES]
    failures = [Failure("in.jsonl", "not valid JSON", line) for line in (1, 5, 9)]
    items = [failures[0], *documents[:3], failures[1], *documents[3:], failures[2]]
    outcomes = list(qs.annotate_on_scheduler(items, client, partition_size=2))
    kinds = ["Failure" if isinstance(item, Failure) else "Extracted" for item in items]
    assert [type(outcome).__name__ for outcome in outcomes] == kinds
    assert [outcome for outcome in outcomes if isinstance(outcome, Failure)] == failures
    extracted = [outcome for outcome in outcomes if isinstance(outcome, Extracted)]
    assert [outcome.document for outcome in extracted] == documents
    assert [{"id": o.document.id, "quotes": o.result.to_dicts()} for o in extracted] == serial


@pytest.mark.slow
def test_annotate_on_scheduler_reader_error(client):
    from quoteattr.batch.io import Document

    def items():
        yield Document("a", TEXTS[0], "a.txt")
        yield Document("b", TEXTS[1], "b.txt")
        raise OSError("disk gone")

    outcomes = []
    with pytest.raises(OSError, match="disk gone"):
        for outcome in qs.annotate_on_scheduler(items(), client):
            outcomes.append(outcome)
    assert [outcome.document.id for outcome in outcomes] == ["a", "b"]


@pytest.mark.slow
def test_cli_scheduler_switch_equals_serial(cluster, serial, tmp_path):
    from typer.testing import CliRunner

    from quoteattr.cli import app

    source = tmp_path / "articles.jsonl"
    srsly.write_jsonl(source, [{"id": doc_id, "text": text} for doc_id, text in ARTICLES])
    output = tmp_path / "quotes.jsonl"
    result = CliRunner().invoke(
        app,
        [
            "extract",
            str(source),
            "--output",
            str(output),
            "--scheduler",
            cluster.scheduler_address,
            "--quiet",
        ],
    )
    assert result.exit_code == 0, result.output
    # json, not srsly: ujson parses 0.95 as 0.9500000000000001
    assert [json.loads(line) for line in output.read_text(encoding="utf8").splitlines()] == serial
