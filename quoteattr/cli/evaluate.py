"""`quoteattr evaluate`: scores against gold attributions."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import srsly
import typer

from quoteattr.api import DEFAULT_BATCH_SIZE

from ._common import (
    BatchOption,
    JsonOption,
    LimitOption,
    ModelOption,
    RulesOption,
    _nlp,
    check_output_folder,
)


def evaluate(
    gold: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="Gold attributions (PolNeAR JSON lines)."),
    ],
    model: ModelOption = None,
    limit: LimitOption = None,
    errors: Annotated[
        Optional[Path],
        typer.Option(
            "--errors", help="Write misses, false positives, wrong speakers and cues (JSON lines)."
        ),
    ] = None,
    json_path: JsonOption = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
    batch_size: BatchOption = DEFAULT_BATCH_SIZE,
    rules: RulesOption = False,
    categories: Annotated[
        str,
        typer.Option(
            "--categories",
            help='The categories scored: "all" (PolNeAR annotates beliefs and stances too), '
            '"statement", or names joined by commas ("statement,thought").',
        ),
    ] = "all",
    min_confidence: Annotated[
        Optional[float],
        typer.Option("--min-confidence", help="Score only records this confident (0..1)."),
    ] = None,
    separate: Annotated[
        bool,
        typer.Option(
            "--separate-continuations",
            help="Score a quote that continues the previous one's speaker as a quote of its own, "
            "instead of joining it to that quote as PolNeAR does.",
        ),
    ] = False,
) -> None:
    """Precision, recall and F1 of quote spans, and speaker and cue accuracy, against gold."""
    from quoteattr.evaluation.evaluate import evaluate as run

    check_output_folder(errors, "--errors")
    check_output_folder(json_path, "--json")
    report = run(
        gold,
        nlp=_nlp(model, rules),
        limit=limit,
        errors_path=errors,
        n_process=n_process,
        batch_size=batch_size,
        join=not separate,
        categories=categories,
        min_confidence=min_confidence,
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())
