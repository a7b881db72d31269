"""Run quoteattr on Dask: partitions, bags and dataframes (`pip install "quoteattr[dask]"`).

- `process_partition(records)` turns one partition of `(id, text)` records (or a pandas DataFrame)
  into plain dicts `{"id": ..., "quotes": [Quote.to_dict(), ...]}`. It needs no Dask: any engine
  that maps a function over partitions can call it.
- `extract_bag(bag)` and `extract_dataframe(ddf)` map it over a dask bag or dataframe, lazily.

Sending records to a running scheduler (`run_on_scheduler`, and `annotate_on_scheduler` for
`quoteattr extract --scheduler ADDRESS`) is `quoteattr.batch.scheduler`.

Guarantees: one result per input record, in input order; the pipeline is loaded once per worker
process (on its first partition) and reused; a document that fails gives
`{"id": ..., "quotes": [], "error": "TypeError: ..."}` instead of failing its partition. A pipeline
that cannot be loaded on a worker is not a document error: it fails the computation.

Dask is imported when first needed (absolute imports: `import dask` here is the real dask, never
this module), so importing this module does not need it, and a missing Dask gives an ImportError
saying what to install.
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
import threading
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .. import api
from ..records import Quote

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag
    import dask.dataframe
    import pandas
    from spacy.language import Language

__all__ = [
    "extract_bag",
    "extract_dataframe",
    "process_partition",
]

logger = logging.getLogger(__name__)

DASK_MISSING = 'quoteattr.batch.dask needs Dask and distributed: pip install "quoteattr[dask]"'

# One pipeline per worker process: loaded on the first partition, shared by the worker's threads.
# spaCy pipelines are not documented as thread-safe, so its threads take turns (a worker's threads
# would share one interpreter lock anyway: use processes, `dask worker --nthreads 1 --nworkers N`).
_pipeline_lock = threading.RLock()


def _require(name: str) -> ModuleType:
    """Import `name` (an absolute import: "dask" is the real Dask), or say what to install."""
    try:
        return importlib.import_module(name)
    except ImportError as error:
        raise ImportError(f"{DASK_MISSING} ({error})") from error


_loads = 0  # pipelines this process has loaded


@functools.lru_cache(maxsize=4)
def _pipeline(model: str | None) -> Language:
    """The worker's pipeline for `model`, loaded once per process (by `quoteattr.load`)."""
    global _loads
    logger.info("quoteattr: loading the pipeline %s", model or "(default)")
    nlp = api.load(model)
    _loads += 1
    return nlp


def _loaded_pipelines() -> int:
    """How many pipelines this process has loaded (for tests: run it on the workers)."""
    return _loads


# --------------------------------------------------------------------------------------------------
# One partition


def _is_dataframe(value: object) -> bool:
    pandas = sys.modules.get("pandas")  # a DataFrame can only exist if pandas was imported
    return pandas is not None and isinstance(value, pandas.DataFrame)


def _frame_records(
    frame: pandas.DataFrame, id_column: str, text_column: str
) -> list[tuple[Any, Any]]:
    missing = [column for column in (id_column, text_column) if column not in frame.columns]
    if missing:
        raise KeyError(
            f"process_partition(): no column {', '.join(map(repr, missing))} in the DataFrame "
            f"(columns: {', '.join(map(str, frame.columns))}); set id_column= and text_column=."
        )
    # tolist() gives Python values (int, str, None), not numpy scalars.
    return list(zip(frame[id_column].tolist(), frame[text_column].tolist()))


def _split_record(record: Any, id_key: str, text_key: str) -> tuple[Any, Any]:
    """(id, text) from a 2-tuple or a mapping; for anything else, (the id if any, a ValueError)."""
    if isinstance(record, Mapping):
        if text_key in record:
            return record.get(id_key), record[text_key]
        keys = ", ".join(sorted(map(repr, record)))
        return record.get(id_key), ValueError(f"the record has no {text_key!r} key (keys: {keys})")
    if isinstance(record, (tuple, list)) and len(record) == 2:
        return record[0], record[1]
    kind = type(record).__name__
    return None, ValueError(f"a record must be (id, text) or a mapping, got {kind}")


def _error_message(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"


def _failed(doc_id: Any, message: str) -> dict[str, Any]:
    logger.warning("quoteattr: document %r failed: %s", doc_id, message)
    return {"id": doc_id, "quotes": [], "error": message}


def _run(nlp: Language, texts: list[str], batch_size: int) -> list[dict[str, Any] | str]:
    """`to_dicts()` of each text, or its error message.

    The texts go through `extract_many` in batches; if it raises, the texts not yet done are redone
    one at a time, so that only the failing one is lost.
    """
    done: list[dict[str, Any] | str] = []
    try:
        for result in api.extract_many(texts, nlp=nlp, batch_size=batch_size):
            done.append(result.to_dicts())
    except Exception:  # noqa: BLE001 - isolated below, text by text
        for text in texts[len(done) :]:
            try:
                done.append(api.extract(text, nlp=nlp).to_dicts())
            except Exception as error:  # noqa: BLE001 - reported in the record
                done.append(_error_message(error))
    return done


def process_partition(
    records: Iterable[Any] | pandas.DataFrame,
    *,
    model: str | None = None,
    batch_size: int = api.DEFAULT_BATCH_SIZE,
    id_column: str = "id",
    text_column: str = "text",
) -> list[dict[str, Any]]:
    """Find the quotes of one partition of documents: a pure function, safe to ship to workers.

    The pipeline is loaded on the first call in a process and cached (per `model`); later partitions
    reuse it. A record that is malformed, whose text is not a str, or that makes the pipeline fail
    gives `{"id": ..., "quotes": [], "error": "<Type>: <message>"}` (id None if it could not be
    read) and a warning on the `quoteattr.batch.dask` logger; the other records are unaffected.

    Args:
        records (Iterable | pandas.DataFrame): `(id, text)` pairs, mappings with the keys
            `id_column` and `text_column` (e.g. JSON lines), or a DataFrame with those columns.
        model (str | None): the pipeline package or path, as for `quoteattr.load`; it must be
            installed where this runs (on every worker).
        batch_size (int): texts per `nlp.pipe` batch.
        id_column (str): the id's column (DataFrame) or key (mappings).
        text_column (str): the text's column or key.
    RETURNS (list[dict]): one dict per record, in order: `{"id", "quotes"}` (plus `"error"` for a
        failed document). Only primitives, lists and dicts: they pickle and serialise to JSON.
    RAISES (KeyError): a DataFrame lacks the columns. (OSError): the pipeline cannot be loaded.
    """
    if _is_dataframe(records):
        pairs: list[tuple[Any, Any]] = _frame_records(records, id_column, text_column)
    else:
        pairs = [_split_record(record, id_column, text_column) for record in records]
    output: list[dict[str, Any] | None] = [None] * len(pairs)
    todo: list[int] = []
    for index, (doc_id, text) in enumerate(pairs):
        if isinstance(text, ValueError):
            output[index] = _failed(doc_id, _error_message(text))
        elif not isinstance(text, str):
            output[index] = _failed(doc_id, _error_message(api._type_error(text, "text")))
        else:
            todo.append(index)
    if todo:
        with _pipeline_lock:
            nlp = _pipeline(model)
            results = _run(nlp, [pairs[index][1] for index in todo], batch_size)
        for index, result in zip(todo, results):
            doc_id = pairs[index][0]
            if isinstance(result, str):
                output[index] = _failed(doc_id, result)
            else:
                output[index] = {"id": doc_id, "quotes": result}
    return output  # type: ignore[return-value]  # every slot is filled


# --------------------------------------------------------------------------------------------------
# Bags and dataframes


def extract_bag(
    bag: dask.bag.Bag, *, model: str | None = None, batch_size: int = api.DEFAULT_BATCH_SIZE
) -> dask.bag.Bag:
    """Map `process_partition` over a bag of `(id, text)` pairs (or mappings with "id" and "text").

    Lazy: compute it (`.compute()`, `.to_textfiles(...)`) with the scheduler of your choice.

    Args:
        bag (dask.bag.Bag): the documents.
        model (str | None): the pipeline, installed on every worker (see `process_partition`).
        batch_size (int): texts per `nlp.pipe` batch.
    RETURNS (dask.bag.Bag): one dict `{"id", "quotes"[, "error"]}` per document, in the bag's order.
    """
    _require("dask.bag")
    return bag.map_partitions(process_partition, model=model, batch_size=batch_size)


def _flatten_quote() -> Any:
    """`flatten_quote(doc_id, quote_dict) -> dict`: quoteattr's flat row for one quote."""
    try:
        from .io import flatten_quote
    except ImportError:
        from ..display import flatten_quote
    return flatten_quote


def _column_dtype(column: str) -> str:
    if column in ("start", "end"):
        return "int64"
    if column == "confidence":
        return "float64"
    if column.endswith(("_start", "_end", "_entity_id")):
        return "Int64"  # nullable integers: a missing speaker does not turn them into floats
    return "string"  # nullable strings: typed even where a partition has only missing values


def _quote_frame(
    rows: list[dict[str, Any]], columns: list[str], dtypes: dict[str, Any]
) -> pandas.DataFrame:
    pandas = _require("pandas")
    if not rows:
        empty = {column: pandas.Series([], dtype=dtypes[column]) for column in columns}
        return pandas.DataFrame(empty)
    return pandas.DataFrame.from_records(rows, columns=columns).astype(dtypes)


def _dataframe_partition(
    frame: pandas.DataFrame,
    *,
    id_column: str,
    text_column: str,
    model: str | None,
    batch_size: int,
    columns: list[str],
    dtypes: dict[str, Any],
) -> pandas.DataFrame:
    flatten = _flatten_quote()
    rows = []
    for record in process_partition(
        frame, model=model, batch_size=batch_size, id_column=id_column, text_column=text_column
    ):
        for quote in record["quotes"]:
            row = flatten(record["id"], quote)
            row[id_column] = row.pop("id")
            rows.append(row)
    return _quote_frame(rows, columns, dtypes)


def extract_dataframe(
    ddf: dask.dataframe.DataFrame,
    *,
    id_column: str = "id",
    text_column: str = "text",
    model: str | None = None,
    batch_size: int = api.DEFAULT_BATCH_SIZE,
) -> dask.dataframe.DataFrame:
    """One row per quote of the documents of a dask dataframe, with flat columns (lazy).

    The columns are `id_column` (with its input dtype), then the flat quote columns of
    `quoteattr.dataframes.COLUMNS` ("kind", "text", "start", "end", "speaker_name", "cue", ...). A
    document without quotes gives no row; nor does a failed document (a warning is logged on the
    worker): use `extract_bag` or `process_partition` to see the errors. Row order follows the
    documents; the index restarts in every partition.

    Args:
        ddf (dask.dataframe.DataFrame): the documents, one per row.
        id_column (str): the column identifying a document (also the output's id column).
        text_column (str): the column with the article's text.
        model (str | None): the pipeline, installed on every worker (see `process_partition`).
        batch_size (int): texts per `nlp.pipe` batch.
    RETURNS (dask.dataframe.DataFrame): the quotes.
    """
    _require("dask.dataframe")
    flatten = _flatten_quote()
    if id_column not in ddf.columns or text_column not in ddf.columns:
        raise KeyError(
            f"extract_dataframe(): need the columns {id_column!r} and {text_column!r}, "
            f"got {', '.join(map(str, ddf.columns))}."
        )
    # The column names, from a flattened placeholder quote (a partition may have no rows to read).
    sample = flatten(None, Quote(kind="direct", text="", start=0, end=0).to_dict())
    quote_columns = [column for column in sample if column != "id"]
    if id_column in quote_columns:
        raise ValueError(
            f"extract_dataframe(): id_column {id_column!r} is also a quote column; rename it."
        )
    columns = [id_column, *quote_columns]
    dtypes = {column: _column_dtype(column) for column in quote_columns}
    dtypes = {id_column: ddf.dtypes[id_column], **dtypes}
    meta = _quote_frame([], columns, dtypes)
    return ddf[[id_column, text_column]].map_partitions(
        _dataframe_partition,
        id_column=id_column,
        text_column=text_column,
        model=model,
        batch_size=batch_size,
        columns=columns,
        dtypes=dtypes,
        meta=meta,
        enforce_metadata=False,
    )
