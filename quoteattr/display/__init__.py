"""Show a `QuoteResult`: the notebook view and the span view.

- `to_html(result)` (`notebook`) is what `QuoteResult._repr_html_` shows: the article with quotes,
  speakers, cues, addressees and sources highlighted (each role with its own line or frame and
  colour, a legend), quotes and their speakers numbered and linked to the rows of a compact table,
  details in `title` tooltips.
- `render(result_or_doc)` (`spans`) draws the same annotations as labelled lanes under the
  article's own text, paragraph by paragraph (`span_html` gives the markup).

The roles and their looks are one table, `roles.ROLES`. DataFrames (`to_dataframe`,
`QuoteResult.to_dataframe()`) are in `quoteattr.dataframes`; `to_dataframe` is importable from here
too, as it used to be. Nothing here needs spaCy except `render` with a Doc (or in Jupyter).
"""

from __future__ import annotations

from ..dataframes import to_dataframe  # re-exported: the README imports it from here
from .notebook import to_html
from .roles import ROLE_COLOURS, ROLES, Role
from .spans import render, span_html

__all__ = [
    "ROLES",
    "ROLE_COLOURS",
    "Role",
    "render",
    "span_html",
    "to_dataframe",
    "to_html",
]
