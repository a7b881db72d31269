"""Freed heap memory goes back to the system after every parsed batch, and nothing else changes:
the streamed records are the same with and without it, and where the C library has no
`malloc_trim` it is skipped without an error."""

from __future__ import annotations

import platform

import pytest

import quoteattr
from quoteattr import allocator, api
from quoteattr.evaluation.scaling import generate_article


@pytest.fixture
def counted(monkeypatch):
    """Count the calls of `release_free_memory` made by the streaming code."""
    calls = []

    def count() -> bool:
        calls.append(True)
        return allocator.release_free_memory()

    monkeypatch.setattr(api, "release_free_memory", count)
    return calls


@pytest.fixture
def no_trim(monkeypatch):
    """A C library without `malloc_trim`."""

    def missing(_name):
        raise OSError("no C library here")

    allocator._malloc_trim.cache_clear()
    monkeypatch.setattr(allocator.ctypes, "CDLL", missing)
    yield
    allocator._malloc_trim.cache_clear()


def _texts() -> list[str]:
    return [
        generate_article(paragraphs, seed=seed) for seed, paragraphs in enumerate([2, 1, 3, 1, 2])
    ]


def test_extract_many_releases_memory_once_per_batch_with_the_same_records(nlp, counted):
    texts = _texts()
    results = list(quoteattr.extract_many(texts, nlp=nlp, batch_size=2))
    assert len(counted) == 3  # batches of 2, 2 and 1
    assert any(result.quotes for result in results)
    assert [result.to_dicts() for result in results] == [
        quoteattr.extract(text, nlp=nlp).to_dicts() for text in texts
    ]


def test_a_worker_batch_releases_memory_after_its_results(nlp, counted):
    texts = _texts()[:2]
    pieces = [piece for text in texts for piece in api._pieces(text, nlp)]
    results = api._batch_results(nlp, pieces, batch_size=2, component_cfg={})
    assert len(counted) == 1
    assert [result.to_dicts() for result in results] == [
        quoteattr.extract(text, nlp=nlp).to_dicts() for text in texts
    ]


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc_trim")
def test_release_free_memory_trims_with_glibc():
    allocator._malloc_trim.cache_clear()
    assert allocator.release_free_memory() is True


def test_release_free_memory_is_skipped_without_malloc_trim(no_trim, nlp):
    assert allocator.release_free_memory() is False
    text = generate_article(1, seed=7)
    assert list(quoteattr.extract_many([text], nlp=nlp)) == [quoteattr.extract(text, nlp=nlp)]
