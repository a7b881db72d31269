"""Worker processes: batches by characters, outputs in input order, errors raised in the caller,
`auto` processes."""

from __future__ import annotations

import os

import pytest
import spacy

from quoteattr import workers


def _lengths(nlp, batch):
    if "BOOM" in batch:
        raise ValueError(f"boom in {batch!r}")
    return [len(nlp(text)) for text in batch]


def _pid(nlp, batch):
    return [os.getpid()] * len(batch)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(
    "sizes, max_chars, max_items, expected",
    [
        pytest.param([3, 3, 3, 3], 6, None, [[3, 3], [3, 3]], id="by-characters"),
        pytest.param([10, 1, 1, 1], 6, None, [[10], [1, 1, 1]], id="long-item-alone"),
        pytest.param([1, 1, 1, 1, 1], 100, 2, [[1, 1], [1, 1], [1]], id="by-items"),
        pytest.param([], 6, None, [], id="empty"),
    ],
)
def test_char_batches(sizes, max_chars, max_items, expected):
    batches = workers.char_batches(sizes, lambda n: n, max_chars=max_chars, max_items=max_items)
    assert list(batches) == expected


def test_char_batches_yield_the_batch_begun_before_an_error_of_the_input():
    def items():
        yield 1
        yield 1
        raise OSError("disk gone")

    batches = workers.char_batches(items(), lambda n: n, max_chars=10)
    assert next(batches) == [1, 1]
    with pytest.raises(OSError, match="disk gone"):
        next(batches)


def test_auto_processes_is_one_per_core_and_one_per_few_documents():
    cores = workers.usable_cores()
    assert workers.auto_processes() == cores
    assert workers.auto_processes(1) == 1
    assert workers.auto_processes(10**6) == cores
    assert workers.auto_processes(2 * workers.DOCUMENTS_PER_PROCESS) == min(cores, 2)


def test_outputs_come_in_input_order_from_workers_started_once(blank):
    batches = [[f"word {i} " * (i % 5 + 1)] for i in range(40)]
    outputs = list(workers.imap(blank, _lengths, batches, 2))
    assert outputs == [_lengths(blank, batch) for batch in batches]
    pids = {pid for output in workers.imap(blank, _pid, batches, 2) for pid in output}
    assert len(pids) <= 2 and os.getpid() not in pids


def test_an_error_in_a_worker_is_raised_in_the_caller(blank):
    batches = [["one"], ["two"], ["BOOM"], ["four"]]
    seen = []
    with pytest.raises(ValueError, match="boom in"):
        for output in workers.imap(blank, _lengths, batches, 2):
            seen.append(output)
    assert seen == [[1], [1]]


def test_an_error_of_the_input_comes_after_the_outputs_before_it(blank):
    def batches():
        yield ["one"]
        yield ["two words"]
        raise OSError("disk gone")

    seen = []
    with pytest.raises(OSError, match="disk gone"):
        for output in workers.imap(blank, _lengths, batches(), 2):
            seen.append(output)
    assert seen == [[1], [2]]
