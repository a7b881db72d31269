"""The `quoteattr` command. Commands stay thin: the work is done in the modules they call."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import srsly
import typer

app = typer.Typer(
    name="quoteattr", help="Find quotes in English news and who said them.", no_args_is_help=True
)
benchmark_app = typer.Typer(help="Measure quoteattr.", no_args_is_help=True)
app.add_typer(benchmark_app, name="benchmark")

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


def _nlp(model: str | None) -> Any:
    from quoteattr.api import load

    return load(model)


def _n_processes(values: list[str]) -> list[int]:
    """`--n-process 1 --n-process 2` or `--n-process 1,2`."""
    try:
        numbers = [int(part) for value in values for part in value.split(",") if part.strip()]
    except ValueError:
        raise typer.BadParameter("give whole numbers, e.g. --n-process 1,2") from None
    if not numbers or min(numbers) < 1:
        raise typer.BadParameter("give numbers of processes of 1 or more")
    return numbers


@app.command()
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
    batch_size: BatchOption = 32,
) -> None:
    """Precision, recall and F1 of quote spans, and speaker and cue accuracy, against gold."""
    from quoteattr.evaluate import evaluate as run

    report = run(
        gold,
        nlp=_nlp(model),
        limit=limit,
        errors_path=errors,
        n_process=n_process,
        batch_size=batch_size,
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@benchmark_app.command()
def speed(
    path: Annotated[
        Optional[Path],
        typer.Argument(
            dir_okay=False,
            help='JSON lines with a "text" field (default: ../shared/data/polnear/dev.jsonl).',
        ),
    ] = None,
    model: ModelOption = None,
    limit: LimitOption = None,
    rounds: Annotated[
        int, typer.Option("--rounds", min=1, help="Timed rounds of each pipeline.")
    ] = 3,
    n_process: Annotated[
        list[str],
        typer.Option("--n-process", help="Worker processes; repeat it or give a list (1,2)."),
    ] = ["1", "2"],  # noqa: B006 - typer reads the default, nothing mutates it
    long: Annotated[
        bool, typer.Option("--long", help="Time one document of about 45,000 words instead.")
    ] = False,
    batch_size: BatchOption = 32,
    json_path: JsonOption = None,
) -> None:
    """Words per second of quoteattr against the bare base pipeline, and memory."""
    from quoteattr.benchmark import default_path
    from quoteattr.benchmark import speed as run

    path = path or default_path()
    if path is None or not path.exists():
        raise typer.BadParameter(
            f"no such file: {path}" if path else "give a JSON lines file of texts",
            param_hint="PATH",
        )
    report = run(
        path,
        model=model,
        limit=limit,
        rounds=rounds,
        n_process=_n_processes(n_process),
        long=long,
        batch_size=batch_size,
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


def main() -> None:
    app()
