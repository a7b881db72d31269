"""`quoteattr train-coref`: trains the ranker of pronouns' candidate antecedents."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._common import LimitOption, ModelOption, _fail

DataFile = dict(exists=True, dir_okay=False)


def train_coref(
    gap: Annotated[
        Path,
        typer.Option("--gap", **DataFile, help="GAP rows to learn from (gap-development.tsv)."),
    ],
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            file_okay=False,
            help="Directory to write the ranker to (quoteattr ships models/quoteattr-coref).",
        ),
    ],
    gum: Annotated[
        Optional[Path],
        typer.Option("--gum", **DataFile, help="GUM documents to learn from too (train.jsonl)."),
    ] = None,
    validation: Annotated[
        Optional[Path],
        typer.Option(
            "--validation",
            **DataFile,
            help="GAP rows to score the ranker and the hand-set order on (gap-validation.tsv).",
        ),
    ] = None,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Gradient steps.")] = 2000,
    learn_rate: Annotated[float, typer.Option("--learn-rate", help="Step size.")] = 0.5,
    l2: Annotated[float, typer.Option("--l2", help="L2 penalty on the weights.")] = 1e-3,
    model: ModelOption = None,
    limit: LimitOption = None,
) -> None:
    """Train the pronoun ranker on GAP (and GUM) and write its weights, meta and model card to
    --output (models/quoteattr-coref is the ranker quoteattr ships)."""
    from quoteattr.api import load
    from quoteattr.training.coref import Settings, train_coref
    from quoteattr.training.coref_card import write_card

    nlp = load(model, trained=False)
    settings = Settings(epochs=epochs, learn_rate=learn_rate, l2=l2)
    try:
        meta = train_coref(
            gap, gum, output, nlp=nlp, settings=settings, validation=validation, limit=limit
        )
    except ValueError as error:
        raise _fail(str(error)) from None
    write_card(output, meta)
    training = meta["training"]
    typer.echo(
        f"{training['examples']} examples: accuracy {100 * training['accuracy']:.1f}% "
        f"(hand-set order {100 * training['hand_set_accuracy']:.1f}%); wrote {output}"
    )
