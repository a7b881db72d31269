"""Batch runs that lose nothing: every document is either written or reported, in input order.

`annotate` streams documents through `nlp.pipe` in batches and turns each into an `Extracted` or a
`Failure`; `run` skips the documents already done (`--resume`), writes the others and reports
the failures, and returns a `Summary`. The readers and writers are in `quoteattr.batch.io`.
"""

from __future__ import annotations

import functools
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from attrs import define, frozen
from spacy.language import Language

from .. import workers
from ..api import DEFAULT_BATCH_SIZE, extract, result_from_doc
from ..records import QuoteResult
from .io import Document, Failure, id_text, pipeline_failure, short_reason

__all__ = ["Extracted", "Summary", "annotate", "run"]


@frozen
class Extracted:
    """A document and what quoteattr found in it."""

    document: Document
    result: QuoteResult


@define
class Summary:
    """What a run did."""

    written: int = 0
    failed: int = 0
    skipped: int = 0  # already in the output (--resume)

    def format(self) -> str:
        text = f"{_count(self.written, 'document')} written, {self.failed} failed"
        if self.skipped:
            text += f", {self.skipped} skipped as already written"
        return text

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def annotate(
    items: Iterable[Document | Failure],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
) -> Iterator[Extracted | Failure]:
    """An `Extracted` for every document and a `Failure` for every one that fails, in input order
    (the `Failure`s among `items`, from reading, pass through in their place).

    How a failing document is isolated: all documents stream through one `nlp.pipe(...,
    as_tuples=True)` (in batches, in `n_process` processes), tagged with their position. Every
    document taken from `items` waits in `pending` until its result is yielded. If the stream
    raises, the documents already yielded are done, and each one still pending (a batch or a
    few) is processed alone with `quoteattr.extract`, so that only the document that fails becomes
    a `Failure`; then a fresh `nlp.pipe` goes on with the rest. The pipeline's error handlers are
    left alone (the pipeline may be shared), and a failure costs one batch processed document by
    document (and, with several processes, new worker processes).

    Blank texts and texts longer than `nlp.max_length` are not sent through the stream: they are
    processed alone, in their place, by `quoteattr.extract` (which gives blank texts an empty
    result and cuts long texts into chunks where it can).

    An exception raised by `items` itself (a reader, not a document) ends the run: the documents
    read before it are still yielded, then it is raised.

    With `n_process` > 1 the worker processes start once (`quoteattr.workers`) and take batches
    of about `quoteattr.workers.BATCH_CHARS` characters (at most `batch_size` documents); a worker
    isolates a failing document itself, in the same way, so a failure never restarts them.
    """
    if n_process == -1:
        n_process = workers.usable_cores()
    if n_process > 1:
        yield from _annotate_in_workers(items, nlp, batch_size, n_process)
        return
    source = enumerate(items)
    pending: deque[tuple[int, Document | Failure]] = deque()
    reader_error: list[Exception] = []
    taken = [0]  # documents taken from `items` by the current stream

    def feed() -> Iterator[tuple[str, int]]:
        while True:
            try:
                index, item = next(source)
            except StopIteration:
                return
            except Exception as error:  # noqa: BLE001 - raised again once the pending are out
                reader_error.append(error)
                return
            pending.append((index, item))
            taken[0] += 1
            if isinstance(item, Document) and _streamable(item.text, nlp):
                yield item.text, index

    while True:
        taken[0] = 0
        stream = nlp.pipe(feed(), as_tuples=True, batch_size=batch_size, n_process=n_process)
        broken: Exception | None = None
        try:
            while True:
                try:
                    doc, index = next(stream)
                except StopIteration:
                    break
                except Exception as error:  # noqa: BLE001 - the pending are retried alone
                    broken = error
                    break
                while pending[0][0] != index:
                    yield _alone(pending.popleft()[1], nlp)
                document = pending.popleft()[1]
                assert isinstance(document, Document)
                outcome: Extracted | Failure
                try:
                    outcome = Extracted(document, result_from_doc(doc, document.text))
                except Exception as error:  # noqa: BLE001 - reported as this document's failure
                    outcome = _failure(document, error)
                yield outcome
        finally:
            stream.close()
        while pending:
            yield _alone(pending.popleft()[1], nlp)
        if reader_error:
            raise reader_error[0]
        if broken is None:
            return
        if not taken[0]:
            raise broken  # the pipeline fails before it takes any document: retrying won't help


def _annotate_in_workers(
    items: Iterable[Document | Failure], nlp: Language, batch_size: int, n_process: int
) -> Iterator[Extracted | Failure]:
    batches = workers.char_batches(items, _chars, max_items=batch_size)
    work = functools.partial(_annotate_batch, batch_size=batch_size)
    for outcomes in workers.imap(nlp, work, batches, n_process):
        yield from outcomes


def _annotate_batch(
    nlp: Language, items: list[Document | Failure], *, batch_size: int
) -> list[Extracted | Failure]:
    """The outcome of every item of a batch (in a worker process): the streamable documents
    through one `nlp.pipe`; if it raises, every document alone, as `annotate` does."""
    streamed = [isinstance(item, Document) and _streamable(item.text, nlp) for item in items]
    texts = [item.text for item, stream in zip(items, streamed) if stream]  # type: ignore[union-attr]
    try:
        docs = iter(list(nlp.pipe(texts, batch_size=batch_size)))
    except Exception:  # noqa: BLE001 - the documents are retried alone
        return [_alone(item, nlp) for item in items]
    outcomes: list[Extracted | Failure] = []
    for item, stream in zip(items, streamed):
        if not stream:
            outcomes.append(_alone(item, nlp))
            continue
        assert isinstance(item, Document)
        doc = next(docs)
        try:
            outcomes.append(Extracted(item, result_from_doc(doc, item.text)))
        except Exception as error:  # noqa: BLE001 - reported as this document's failure
            outcomes.append(_failure(item, error))
    return outcomes


def _chars(item: Document | Failure) -> int:
    return len(item.text) if isinstance(item, Document) else 0


def _streamable(text: str, nlp: Language) -> bool:
    return bool(text.strip()) and len(text) <= nlp.max_length


def _alone(item: Document | Failure, nlp: Language) -> Extracted | Failure:
    if isinstance(item, Failure):
        return item
    try:
        return Extracted(item, extract(item.text, nlp=nlp))
    except Exception as error:  # noqa: BLE001 - reported as this document's failure
        return _failure(item, error)


def _failure(document: Document, error: Exception) -> Failure:
    return pipeline_failure(document, f"{type(error).__name__}: {short_reason(str(error))}")


def run(
    items: Iterable[Document | Failure],
    nlp: Language | None,
    write: Callable[[Any, list[dict[str, Any]]], None],
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    n_process: int = 1,
    done: Counter[str] | None = None,
    report: Callable[[str], None] = print,
    progress: Callable[[int], None] | None = None,
    annotator: Callable[[Iterable[Document | Failure]], Iterable[Extracted | Failure]]
    | None = None,
) -> Summary:
    """Process `items`, calling `write(id, quote dicts)` for each document in input order.

    Args:
        items: documents and reading failures, as from `quoteattr.batch.io.read_inputs`.
        nlp (Language): a pipeline with the `quoteattr` component.
        write: writes one document's results (a `quoteattr.batch.io` writer's `write`).
        batch_size (int), n_process (int): for `nlp.pipe`.
        done (Counter[str] | None): ids (as `quoteattr.batch.io.id_text`) already written, from
            `quoteattr.batch.output.read_done`; a document whose id is there is skipped (and counted
            off, so a repeated id is skipped only as often as it was written).
        report: called with a line describing each failure.
        progress: called with 1 after each document (written, failed or skipped).
        annotator: processes the documents elsewhere instead of with `nlp` (e.g.
            `quoteattr.batch.scheduler.annotate_on_scheduler`), with the same contract as
            `annotate`.
    RETURNS (Summary): how many documents were written, failed and skipped.
    """
    summary = Summary()
    done = Counter(done or ())
    step = progress or (lambda _: None)

    def todo() -> Iterator[Document | Failure]:
        for item in items:
            if isinstance(item, Document) and done[id_text(item.id)] > 0:
                done[id_text(item.id)] -= 1
                summary.skipped += 1
                step(1)
                continue
            yield item

    if annotator is None:
        if nlp is None:
            raise ValueError("run() needs a pipeline or an annotator")
        outcomes = annotate(todo(), nlp, batch_size=batch_size, n_process=n_process)
    else:
        outcomes = annotator(todo())
    for outcome in outcomes:
        if isinstance(outcome, Failure):
            summary.failed += 1
            report(outcome.describe())
        else:
            write(outcome.document.id, outcome.result.to_dicts())
            summary.written += 1
        step(1)
    return summary
