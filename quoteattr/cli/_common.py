"""Option types and helpers shared by the commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

ModelOption = Annotated[
    Optional[str],
    typer.Option("--model", help="spaCy model to build on (default: quoteattr's own choice)."),
]
LimitOption = Annotated[
    Optional[int], typer.Option("--limit", min=1, help="Use only the first N documents.")
]
JsonOption = Annotated[
    Optional[Path], typer.Option("--json", help="Also write the report as JSON to this file.")
]
BatchOption = Annotated[int, typer.Option("--batch-size", min=1, help="Texts per batch.")]
RulesOption = Annotated[
    bool,
    typer.Option("--rules", help="Use the rules alone, without the trained attribution model."),
]


def _nlp(model: str | None, rules: bool = False) -> Any:
    from quoteattr.api import load

    return load(model, trained=not rules)


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"quoteattr: {message}", err=True)
    return typer.Exit(code)
