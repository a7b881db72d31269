"""pandas DataFrames of `QuoteResult`s: one row per quote, flat columns.

- `to_dataframe(results, ids=None)` and `QuoteResult.to_dataframe()` (`result_to_dataframe`): one
  row per quote, flat columns (`COLUMNS`), flattened as the CSV output is
  (`quoteattr.batch.columns.flatten_quote`). Integer columns that may be missing are pandas'
  nullable `Int64`. pandas is optional: `pip install "quoteattr[notebook]"`.

Nothing here needs pandas until a DataFrame is made; pandas is imported when first used.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .records import Quote, QuoteResult

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = [
    "COLUMNS",  # noqa: F822 -- defined lazily by the module __getattr__ (imports the I/O modules)
    "result_to_dataframe",
    "to_dataframe",
]

# Integer columns that may be missing: pandas' nullable Int64, so they do not turn into floats.
_NULLABLE_INT_COLUMNS = (
    "speaker_entity_id",
    "speaker_start",
    "speaker_end",
    "addressee_entity_id",
    "addressee_start",
    "addressee_end",
    "cue_start",
    "cue_end",
)

PANDAS_MISSING = 'pandas is needed for DataFrames: pip install "quoteattr[notebook]"'


def __getattr__(name: str) -> Any:
    """`COLUMNS`: the flat columns of one quote, in order, those of the CSV output
    (`quoteattr.batch.columns`) without `id` (`to_dataframe` for many results puts `id` first, as
    the CSV does). Read from `quoteattr.batch.columns` when first asked for, so that importing
    quoteattr does not import the I/O modules."""
    if name == "COLUMNS":
        return _columns()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _columns() -> tuple[str, ...]:
    from .batch.columns import COLUMNS as FLAT_COLUMNS

    return tuple(column for column in FLAT_COLUMNS if column != "id")


def _flatten(doc_id: Any, quote: Quote) -> dict[str, Any]:
    from .batch.columns import (
        flatten_quote,
    )  # the one way a quote is flattened, for CSV and DataFrames alike

    return flatten_quote(doc_id, quote.to_dict())


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as error:
        raise ImportError(PANDAS_MISSING) from error
    return pandas


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pandas.DataFrame:
    pandas = _pandas()
    frame = pandas.DataFrame.from_records(rows, columns=list(columns))
    frame = frame.astype({"start": "int64", "end": "int64", "confidence": "float64"})
    return frame.astype({column: "Int64" for column in _NULLABLE_INT_COLUMNS})


def result_to_dataframe(result: QuoteResult) -> pandas.DataFrame:
    """One row per quote of `result`, the columns `COLUMNS` (what `QuoteResult.to_dataframe`
    gives)."""
    rows = [_flatten(None, quote) for quote in result.quotes]
    return _frame(rows, _columns())


def to_dataframe(
    results: Iterable[QuoteResult] | QuoteResult, ids: Iterable[Any] | None = None
) -> pandas.DataFrame:
    """One DataFrame for many results: one row per quote, `id` then `COLUMNS`.

    Args:
        results (Iterable[QuoteResult]): e.g. `quoteattr.extract_many(texts)`; read once, lazily.
            A single QuoteResult is taken as a list of one.
        ids (Iterable | None): one id per result (file names, URLs ...); default 0, 1, 2 ...
    RETURNS (pandas.DataFrame): results without quotes contribute no rows.
    RAISES (ImportError): pandas is not installed.
    RAISES (ValueError): `ids` and `results` differ in length.
    """
    _pandas()  # fail before consuming `results`
    if isinstance(results, QuoteResult):
        results = [results]
    id_iter = iter(ids) if ids is not None else itertools.count()
    rows: list[dict[str, Any]] = []
    for result in results:
        if not isinstance(result, QuoteResult):
            raise TypeError(
                f"to_dataframe() takes QuoteResult objects, got {type(result).__name__}."
            )
        try:
            doc_id = next(id_iter)
        except StopIteration:
            raise ValueError("to_dataframe(): fewer ids than results.") from None
        rows.extend(_flatten(doc_id, quote) for quote in result.quotes)
    if ids is not None and next(id_iter, _END) is not _END:
        raise ValueError("to_dataframe(): more ids than results.")
    return _frame(rows, ("id", *_columns()))


_END = object()
