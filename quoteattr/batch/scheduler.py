"""Run quoteattr on a running Dask scheduler: what `quoteattr extract --scheduler ADDRESS` uses.

- `run_on_scheduler(address, records)` sends records to a running Dask scheduler, a partition per
  task running `quoteattr.batch.dask.process_partition` on a worker, and yields the results in
  input order, as they arrive.
- `annotate_on_scheduler(items, address)` is `quoteattr.batch.runner.annotate` (documents and
  reading failures in, `Extracted` and `Failure` out) on a scheduler: what `quoteattr extract
  --scheduler ADDRESS` runs.

The guarantees are those of `quoteattr.batch.dask` (one result per record, in input order; a
failing document is a record with an "error", not a failed run). distributed is imported when
first needed, so importing this module does not need it.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .. import api
from ..records import Quote
from .dask import _require, process_partition

if TYPE_CHECKING:  # pragma: no cover
    import distributed

__all__ = [
    "DEFAULT_PARTITION_SIZE",
    "annotate_on_scheduler",
    "require_dask",
    "run_on_scheduler",
]

# Records per task sent by `run_on_scheduler`: big enough to fill `nlp.pipe` batches and keep the
# scheduler's overhead small, small enough to spread a few thousand articles over many workers.
DEFAULT_PARTITION_SIZE = 64


def require_dask() -> None:
    """Check that Dask and distributed can be imported here, before any work is sent.

    RAISES (ImportError): one of them is missing (the message says what to install).
    """
    _require("dask")
    _require("distributed")


def _chunks(records: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_on_scheduler(
    address: str | distributed.Client,
    records: Iterable[Any],
    *,
    model: str | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    batch_size: int = api.DEFAULT_BATCH_SIZE,
    max_pending: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Process `records` on a running Dask cluster; yield the results in input order as they come.

    Records are read lazily, `partition_size` at a time, and each partition is one task running
    `process_partition` on a worker; at most `max_pending` partitions are in flight, so a long
    stream of records never sits in memory at once. The first results come as soon as the first
    partition is done. The workers need quoteattr and the model installed; this process does not
    need the model.

    Args:
        address (str | distributed.Client): the scheduler ("tcp://scheduler:8786"), or a connected
            Client (left open). A Client made from an address is closed when the generator ends.
        records (Iterable): `(id, text)` pairs or mappings with "id" and "text".
        model (str | None): the pipeline, installed on every worker (see `process_partition`).
        partition_size (int): records per task.
        batch_size (int): texts per `nlp.pipe` batch on the workers.
        max_pending (int | None): partitions in flight; default twice the cluster's worker threads
            (at least 4), re-read as workers come and go.
    YIELDS (dict): `{"id", "quotes"[, "error"]}` per record, in input order.
    RAISES (ImportError): distributed is not installed. (OSError): no scheduler at `address`, or
        a worker cannot load the pipeline (the task's error, re-raised here).
    """
    if partition_size < 1:
        raise ValueError(f"partition_size must be 1 or more, got {partition_size}")
    distributed = _require("distributed")
    own = not isinstance(address, distributed.Client)
    return _results(
        address,
        records,
        own=own,
        model=model,
        partition_size=partition_size,
        batch_size=batch_size,
        max_pending=max_pending,
    )


def _results(
    address: Any,
    records: Iterable[Any],
    *,
    own: bool,
    model: str | None,
    partition_size: int,
    batch_size: int,
    max_pending: int | None,
) -> Iterator[dict[str, Any]]:
    distributed = _require("distributed")
    client = distributed.Client(address, set_as_default=False) if own else address
    pending: deque[Any] = deque()
    try:
        for chunk in _chunks(records, partition_size):
            future = client.submit(
                process_partition, chunk, model=model, batch_size=batch_size, pure=False
            )
            pending.append(future)
            limit = max_pending or max(4, 2 * sum(client.nthreads().values()))
            while len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for future in pending:  # stopped early (error or the caller broke off): drop the rest
            future.cancel()
        if own:
            client.close()


# --------------------------------------------------------------------------------------------------
# For `quoteattr extract --scheduler`: the runner's documents and failures


def annotate_on_scheduler(
    items: Iterable[Any],
    address: str | distributed.Client,
    *,
    model: str | None = None,
    batch_size: int = api.DEFAULT_BATCH_SIZE,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    max_pending: int | None = None,
) -> Iterator[Any]:
    """`quoteattr.batch.runner.annotate`, with the pipeline run on a Dask cluster.

    Takes `quoteattr.batch.io.Document`s and `Failure`s (as `quoteattr.batch.io.read_inputs` gives
    them) and yields an `Extracted` per document and a `Failure` per document that fails (reason
    "failed in the pipeline (<Type>: <message>)"), the reading failures passing through in their
    place: the same contract as `runner.annotate`. Only the texts go to the workers (tagged with
    their position); the results carry the quotes, not the document's entities
    (`Extracted.result.entities` is empty). An exception raised by `items` itself ends the run
    after the documents read before it are yielded, as in `runner.annotate`.

    Args:
        items (Iterable[Document | Failure]): what to process, read lazily.
        address (str | distributed.Client): the scheduler, as for `run_on_scheduler`.
        model, batch_size, partition_size, max_pending: as for `run_on_scheduler`.
    YIELDS (Extracted | Failure): one per item, in input order.
    """
    from ..records import QuoteResult
    from .io import Document, pipeline_failure, short_reason
    from .runner import Extracted

    pending: deque[Any] = deque()
    reader_error: list[Exception] = []

    def texts() -> Iterator[tuple[int, str]]:
        iterator = iter(items)
        index = 0
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                return
            except Exception as error:  # noqa: BLE001 - raised again once the pending are out
                reader_error.append(error)
                return
            pending.append(item)
            if isinstance(item, Document):
                yield index, item.text
            index += 1

    results = run_on_scheduler(
        address,
        texts(),
        model=model,
        partition_size=partition_size,
        batch_size=batch_size,
        max_pending=max_pending,
    )
    for record in results:
        while not isinstance(pending[0], Document):
            yield pending.popleft()  # a reading failure before this document
        document = pending.popleft()
        if "error" in record:
            yield pipeline_failure(document, short_reason(record["error"]))
        else:
            quotes = tuple(Quote.from_dict(quote) for quote in record["quotes"])
            yield Extracted(document, QuoteResult(text=document.text, quotes=quotes))
    yield from pending  # reading failures after the last document
    if reader_error:
        raise reader_error[0]
