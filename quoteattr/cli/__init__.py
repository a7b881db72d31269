"""The `quoteattr` command. Commands stay thin: the work is done in the modules they call."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from . import benchmark, coref, evaluate, extract, info, train, train_coref
from ._common import CommandGroup

# Plain help (rich_markup_mode=None): rich's panels show every flag as taking a `<bool>` value and
# read "quoteattr[dask]" as markup. Errors are one line each (`CommandGroup`).
app = typer.Typer(
    name="quoteattr",
    help="Find quotes in English news and who said them.",
    no_args_is_help=True,
    cls=CommandGroup,
    rich_markup_mode=None,
)
app.add_typer(benchmark.app, name="benchmark")
app.command()(evaluate.evaluate)
app.command(name="evaluate-coref")(coref.evaluate_coref)
app.command()(extract.extract)
app.command()(train.train)
app.command(name="train-coref")(train_coref.train_coref)
app.command()(info.info)


def _show_version(value: bool) -> None:
    if value:
        from quoteattr.about import __version__

        typer.echo(f"quoteattr {__version__}")
        raise typer.Exit()


@app.callback()
def _options(
    version: Annotated[
        Optional[bool],
        typer.Option(
            "--version",
            callback=_show_version,
            is_eager=True,
            help="Show quoteattr's version and exit.",
        ),
    ] = None,
) -> None:
    """Find quotes in English news and who said them."""


def main() -> None:
    app()
