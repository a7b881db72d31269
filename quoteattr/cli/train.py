"""`quoteattr train`: trains the attribution model."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ._common import LimitOption, ModelOption, _fail


def train(
    train_path: Annotated[
        Path,
        typer.Argument(
            exists=True,
            dir_okay=False,
            help="Gold attributions to learn from (PolNeAR JSON lines).",
        ),
    ],
    dev: Annotated[
        Optional[Path],
        typer.Option(
            "--dev",
            exists=True,
            dir_okay=False,
            help="Gold to score the rules and the model on (never used to choose anything).",
        ),
    ] = None,
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            file_okay=False,
            help=(
                "Directory to write the model to (the model "
                "quoteattr ships is models/quoteattr-polnear)."
            ),
        ),
    ],
    model: ModelOption = None,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed of the folds and of the training order.")
    ] = 0,
    epochs: Annotated[
        int, typer.Option("--epochs", min=1, help="Passes over the training candidates.")
    ] = 5,
    folds: Annotated[
        int, typer.Option("--folds", min=2, help="Folds of articles to choose the thresholds on.")
    ] = 5,
    limit: LimitOption = None,
    n_process: Annotated[
        int, typer.Option("--n-process", min=1, help="Worker processes for parsing.")
    ] = 1,
) -> None:
    """Train the attribution model on gold attributions and write it, with its meta, config and
    model card, to --output (models/quoteattr-polnear is the model quoteattr ships)."""
    from quoteattr.training.train import TrainingSettings
    from quoteattr.training.train import train as run

    try:
        meta = run(
            train_path,
            output,
            dev_path=dev,
            model=model,
            settings=TrainingSettings(seed=seed, epochs=epochs, folds=folds),
            limit=limit,
            n_process=n_process,
        )
    except (OSError, ValueError) as error:
        raise _fail(str(error)) from None
    thresholds = meta["thresholds"]
    typer.echo(
        f"{meta['data']['candidates']} candidates from "
        f"{meta['data']['articles']} articles; thresholds: "
        f"add {thresholds['add']}, drop {thresholds['drop']}; "
        f"written to {output} in {meta['seconds']} s"
    )
    if "dev" in meta:
        for name in ("rules", "trained"):
            scores = meta["dev"][name]
            best = scores["measures"]["overlap>0.3"]
            typer.echo(
                f"dev {name:<8} P {100 * best['precision']:.1f} R {100 * best['recall']:.1f} "
                f"F1 {100 * best['f1']:.1f}  speaker "
                f"{100 * scores['speaker']:.1f}  cue {100 * scores['cue']:.1f}"
            )
