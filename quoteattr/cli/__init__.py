"""The `quoteattr` command. Commands stay thin: the work is done in the modules they call."""

from __future__ import annotations

import typer

from . import benchmark, coref, evaluate, extract, info, train

app = typer.Typer(
    name="quoteattr", help="Find quotes in English news and who said them.", no_args_is_help=True
)
app.add_typer(benchmark.app, name="benchmark")
app.command()(evaluate.evaluate)
app.command(name="evaluate-coref")(coref.evaluate_coref)
app.command()(extract.extract)
app.command()(train.train)
app.command()(info.info)


def main() -> None:
    app()
