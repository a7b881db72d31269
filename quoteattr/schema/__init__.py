"""The JSON Schema (draft 2020-12) of quoteattr's published record, `Quote.to_dict()`.

The schema file ships in the package: `quote.schema.json`. Validate with the `jsonschema` package:

    import jsonschema, quoteattr
    from quoteattr.schema import quote_schema

    validator = jsonschema.Draft202012Validator(quote_schema())
    for record in quoteattr.extract(text).to_dicts():
        validator.validate(record)
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

__all__ = ["QUOTE_SCHEMA_FILE", "quote_schema"]

QUOTE_SCHEMA_FILE = "quote.schema.json"


@functools.lru_cache(maxsize=1)
def _schema_text() -> str:
    return files(__name__).joinpath(QUOTE_SCHEMA_FILE).read_text(encoding="utf8")


def quote_schema() -> dict[str, Any]:
    """The schema of one quote record, as a fresh dict (safe to modify)."""
    return json.loads(_schema_text())
