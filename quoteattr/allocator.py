"""Give the heap memory a parsed batch freed back to the system, where the C library can.

The parser and NER allocate their arrays for a batch on glibc's heap and free them when the batch
is done, but glibc keeps most of the freed pages resident: measured on a stream of short
documents, the heap's live data stays at about 40 MB while the heap itself ends a batch at 80 to
140 MB, so resident memory swings by a quarter from batch to batch (the bare spaCy pipeline just
the same). `malloc_trim(0)` after each batch returns those pages (docs/benchmarks.md, Speed).
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable

__all__ = ["release_free_memory"]


@functools.lru_cache(maxsize=1)
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim`, or None where the C library has none (macOS, Windows)."""
    try:
        # the symbols the process has loaded, the C library's among them (dlopen(NULL))
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # TypeError: Windows takes no None
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


def release_free_memory() -> bool:
    """Return the heap's free pages to the system; False where that cannot be done here."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True
