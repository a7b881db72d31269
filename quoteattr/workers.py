"""Worker processes for `extract_many` and the batch runner.

`imap(nlp, function, batches, n_process)` starts `n_process` workers once, each with the pipeline
(inherited where processes are forked, else pickled once per worker), and feeds them batches from
one shared queue, so that a free worker takes the next batch whatever the length of the others.
Each worker runs `function(nlp, batch)` and sends back its output (records, not Docs); the outputs
are yielded in input order. `char_batches` cuts a stream into batches of about `BATCH_CHARS`
characters, so that a batch of long articles is not much more work than a batch of short ones.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import queue
import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from spacy.language import Language
from spacy.tokens.underscore import Underscore

from .errors import Errors

T = TypeVar("T")

# Characters of text in one batch sent to a worker: a second or two of work, so that sending it and
# its results costs little beside it, and small enough that a few hundred short documents still
# make enough batches to share out evenly.
BATCH_CHARS = 50_000
# Batches sent ahead to each worker: one in work and one waiting, so that no worker waits for the
# main process.
BATCHES_PER_WORKER = 2
# `auto_processes` starts a worker for every this many documents, up to the usable cores: fewer
# documents are done before a second worker would pay for itself.
DOCUMENTS_PER_PROCESS = 20
# How often the main process checks that its workers are alive while it waits for a result.
POLL_SECONDS = 1.0
# How long a worker is given to finish after its last batch before it is stopped.
JOIN_SECONDS = 10.0


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def auto_processes(documents: int | None = None) -> int:
    """The number of processes `--n-process auto` means: one per usable core, but no more than
    one per `DOCUMENTS_PER_PROCESS` documents when their number is known (at least one)."""
    cores = usable_cores()
    if documents is None:
        return cores
    return max(1, min(cores, documents // DOCUMENTS_PER_PROCESS))


def char_batches(
    items: Iterable[T],
    chars: Callable[[T], int],
    *,
    max_chars: int = BATCH_CHARS,
    max_items: int | None = None,
) -> Iterator[list[T]]:
    """`items` in batches of at least `max_chars` characters (by `chars`) or `max_items` items,
    whichever comes first; the last batch may be smaller. If `items` raises, the batch begun is
    yielded first, then the error is raised."""
    batch: list[T] = []
    size = 0
    try:
        for item in items:
            batch.append(item)
            size += chars(item)
            if size >= max_chars or (max_items is not None and len(batch) >= max_items):
                yield batch
                batch, size = [], 0
    except Exception:
        if batch:
            yield batch
        raise
    if batch:
        yield batch


def _portable(error: Exception) -> bytes:
    """`error` pickled, or a RuntimeError with its traceback if it cannot be."""
    try:
        data = pickle.dumps(error)
        pickle.loads(data)
        return data
    except Exception:  # noqa: BLE001 - any exception may fail to pickle in its own way
        return pickle.dumps(RuntimeError(traceback.format_exc()))


def _work(
    nlp: Language,
    function: Callable[[Language, Any], Any],
    tasks: Any,
    results: Any,
    underscore_state: Any,
) -> None:
    """A worker: run `function` on every batch from `tasks` until it gets None."""
    Underscore.load_state(underscore_state)  # the extensions, where the process was not forked
    while True:
        task = tasks.get()
        if task is None:
            return
        number, batch = task
        try:
            # Pickled here, not in the queue's feeder thread, where an error would be lost.
            results.put((number, pickle.dumps(function(nlp, batch)), None))
        except Exception as error:  # noqa: BLE001 - raised again in the main process
            results.put((number, None, _portable(error)))


def _start(nlp: Language, function: Callable[[Language, Any], Any], n_process: int) -> tuple:
    context = multiprocessing.get_context()
    tasks, results = context.Queue(), context.Queue()
    state = Underscore.get_state()
    # Objects that exist now are left out of the workers' garbage collection, which would
    # otherwise touch (and so copy) every page of the forked pipeline.
    gc.freeze()
    try:
        workers = [
            context.Process(target=_work, args=(nlp, function, tasks, results, state), daemon=True)
            for _ in range(n_process)
        ]
        for worker in workers:
            worker.start()
    finally:
        gc.unfreeze()
    return tasks, results, workers


def _next_result(results: Any, workers: list[Any]) -> tuple[int, bytes | None, bytes | None]:
    while True:
        try:
            return results.get(timeout=POLL_SECONDS)
        except queue.Empty:
            dead = [w.exitcode for w in workers if w.exitcode is not None]
            if dead:
                raise RuntimeError(Errors.E020.format(code=dead[0])) from None


def _stop(tasks: Any, results: Any, workers: list[Any], finished: bool) -> None:
    if finished:
        for _ in workers:
            tasks.put(None)
        for worker in workers:
            worker.join(JOIN_SECONDS)
    for worker in workers:
        if worker.is_alive():
            worker.terminate()
            worker.join()
    for channel in (tasks, results):
        channel.cancel_join_thread()
        channel.close()


def imap(
    nlp: Language,
    function: Callable[[Language, Any], Any],
    batches: Iterable[Any],
    n_process: int,
) -> Iterator[Any]:
    """`function(nlp, batch)` for every batch, computed in `n_process` worker processes, in input
    order. `function` must be a module-level function (or a `functools.partial` of one), and its
    output picklable.

    The workers start once and stop when the output is exhausted or the iterator closed. An error
    of `function` is raised here in its batch's turn, after the outputs of the batches before (the
    workers are then stopped); so is an error of `batches`.
    """
    tasks, results, workers = _start(nlp, function, n_process)
    batches = iter(batches)
    ahead = n_process * BATCHES_PER_WORKER
    sent = yielded = 0
    arrived: dict[int, tuple[bytes | None, bytes | None]] = {}
    feed_error: Exception | None = None
    exhausted = finished = False
    try:
        while True:
            while not exhausted and sent - yielded < ahead:
                try:
                    batch = next(batches)
                except StopIteration:
                    exhausted = True
                except Exception as error:  # noqa: BLE001 - raised once the batches sent are out
                    feed_error, exhausted = error, True
                else:
                    tasks.put((sent, batch))
                    sent += 1
            if yielded == sent:
                break
            while yielded not in arrived:
                number, output, error = _next_result(results, workers)
                arrived[number] = (output, error)
            output, error = arrived.pop(yielded)
            if error is not None:  # in its turn: the outputs of the batches before are out
                raise pickle.loads(error)
            yield pickle.loads(output)  # type: ignore[arg-type]  # set when error is None
            yielded += 1
        finished = True
    finally:
        _stop(tasks, results, workers, finished)
    if feed_error is not None:
        raise feed_error
