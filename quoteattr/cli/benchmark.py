"""`quoteattr benchmark`: the speed, memory, stage and scaling subcommands."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

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
    usage_error,
)

app = typer.Typer(help="Measure quoteattr.", no_args_is_help=True, rich_markup_mode=None)

TextsPath = Annotated[Path, typer.Argument(dir_okay=False, help='JSON lines with a "text" field.')]


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
def speed(
    path: TextsPath,
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
    repeat: Annotated[
        int,
        typer.Option(
            "--repeat", min=1, help="Take the texts this many times over (10: 840 from 84)."
        ),
    ] = 1,
    batch_size: BatchOption = DEFAULT_BATCH_SIZE,
    json_path: JsonOption = None,
    rules: RulesOption = False,
    baseline: Annotated[
        Baseline,
        typer.Option(
            "--baseline",
            case_sensitive=False,
            help="default: the base model as it comes; reduced: without the components quoteattr "
            "leaves out; rules: quoteattr with the rules alone.",
        ),
    ] = "default",  # type: ignore[assignment]
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress lines (one per round) on stderr.")
    ] = False,
) -> None:
    """Words per second of quoteattr against the bare base pipeline, and memory. A progress line
    per timed round goes to stderr."""
    from quoteattr.evaluation.benchmark import speed as run

    path = _texts_path(path)
    check_output_folder(json_path, "--json")
    report = run(
        path,
        model=model,
        limit=limit,
        rounds=rounds,
        n_process=_n_processes(n_process),
        long=long,
        batch_size=batch_size,
        baseline=Baseline(baseline).value,
        trained=not rules,
        progress=None if quiet else _progress,
        repeat=repeat,
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@app.command()
def memory(
    path: TextsPath,
    model: ModelOption = None,
    documents: Annotated[
        int, typer.Option("--documents", min=1, help="Documents to stream (inputs cycled).")
    ] = 10_000,
    paragraphs: Annotated[
        int, typer.Option("--paragraphs", min=1, help="Paragraphs kept of each input.")
    ] = 3,
    batch_size: BatchOption = DEFAULT_BATCH_SIZE,
    json_path: JsonOption = None,
) -> None:
    """Does memory stay flat? Resident memory while streaming many documents through extract_many."""  # noqa: E501 -- the CLI help text: a line break here would show in `benchmark --help`
    from quoteattr.evaluation.benchmark import memory as run

    path = _texts_path(path)
    check_output_folder(json_path, "--json")
    report = run(
        path, model=model, documents=documents, paragraphs=paragraphs, batch_size=batch_size
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@app.command()
def stage(
    path: TextsPath,
    model: ModelOption = None,
    limit: LimitOption = None,
    rules: RulesOption = False,
    long: Annotated[
        bool, typer.Option("--long", help="One document of about 45,000 words, as speed --long.")
    ] = False,
    rounds: Annotated[
        int, typer.Option("--rounds", min=1, help="Timed rounds; the fastest counts.")
    ] = 5,
    json_path: JsonOption = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress lines on stderr.")
    ] = False,
) -> None:
    """CPU seconds of quoteattr's own components (paragraphs, attribution, results) on parsed
    Docs, beside the base components' (one pass)."""
    from quoteattr.evaluation.stage import stage_cpu

    path = _texts_path(path)
    check_output_folder(json_path, "--json")
    report = stage_cpu(
        path,
        model=model,
        trained=not rules,
        limit=limit,
        long=long,
        rounds=rounds,
        progress=None if quiet else _progress,
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@app.command()
def scaling(
    model: ModelOption = None,
    paragraphs: Annotated[
        int,
        typer.Option("--paragraphs", min=1, help="Paragraphs of the smaller generated article."),
    ] = 40,
    factor: Annotated[
        int, typer.Option("--factor", min=1, help="How many times longer the larger article is.")
    ] = 10,
    repeat: Annotated[
        int, typer.Option("--repeat", min=1, help="Timed runs of each article; the fastest counts.")
    ] = 3,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the generated articles.")] = 0,
    json_path: JsonOption = None,
) -> None:
    """Is extraction linear in the input? Times a generated article and one FACTOR times longer."""
    import attrs

    from quoteattr.evaluation.scaling import time_scaling

    check_output_folder(json_path, "--json")
    report = time_scaling(
        _nlp(model), paragraphs=paragraphs, factor=factor, repeat=repeat, seed=seed
    )
    typer.echo(
        f"{report.chars:>10,} characters  {report.seconds:8.3f} s\n"
        f"{report.scaled_chars:>10,} characters  {report.scaled_seconds:8.3f} s\n"
        f"time ratio {report.ratio:.2f} for {report.scaled_chars / report.chars:.2f}x the input "
        f"(per unit of input: {report.per_factor:.2f}; 1.00 is linear)"
    )
    if json_path is not None:
        data = {**attrs.asdict(report), "ratio": report.ratio, "per_factor": report.per_factor}
        srsly.write_json(json_path, data)


def _progress(line: str) -> None:
    typer.echo(f"quoteattr: {line}", err=True)


class Baseline(str, Enum):
    default = "default"
    reduced = "reduced"
    rules = "rules"


def _texts_path(path: Path) -> Path:
    """The benchmark input, if it exists."""
    if not path.exists():
        raise usage_error(f"no such file: {path}: give a JSON lines file of texts")
    return path
