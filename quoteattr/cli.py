"""The `quoteattr` command. Commands stay thin: the work is done in the modules they call."""

from __future__ import annotations

import functools
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Optional

import srsly
import typer

app = typer.Typer(
    name="quoteattr", help="Find quotes in English news and who said them.", no_args_is_help=True
)
benchmark_app = typer.Typer(help="Measure quoteattr.", no_args_is_help=True)
app.add_typer(benchmark_app, name="benchmark")

TextsPath = Annotated[
    Optional[Path],
    typer.Argument(
        dir_okay=False, help='JSON lines with a "text" field (default: ../shared/data/polnear/dev.jsonl).'
    ),
]
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
    rules: RulesOption = False,
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

    report = run(
        gold,
        nlp=_nlp(model, rules),
        limit=limit,
        errors_path=errors,
        n_process=n_process,
        batch_size=batch_size,
        join=not separate,
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@benchmark_app.command()
def speed(
    path: TextsPath = None,
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
) -> None:
    """Words per second of quoteattr against the bare base pipeline, and memory."""
    from quoteattr.evaluation.benchmark import speed as run

    path = _texts_path(path)
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
    )
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@benchmark_app.command()
def memory(
    path: TextsPath = None,
    model: ModelOption = None,
    documents: Annotated[int, typer.Option("--documents", min=1, help="Documents to stream (inputs cycled).")] = 10_000,
    paragraphs: Annotated[int, typer.Option("--paragraphs", min=1, help="Paragraphs kept of each input.")] = 3,
    batch_size: BatchOption = 32,
    json_path: JsonOption = None,
) -> None:
    """Does memory stay flat? Resident memory while streaming many documents through extract_many."""
    from quoteattr.evaluation.benchmark import memory as run

    path = _texts_path(path)
    report = run(path, model=model, documents=documents, paragraphs=paragraphs, batch_size=batch_size)
    typer.echo(report.format())
    if json_path is not None:
        srsly.write_json(json_path, report.to_dict())


@benchmark_app.command()
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


class Baseline(str, Enum):
    default = "default"
    reduced = "reduced"
    rules = "rules"


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


def _texts_path(path: Path | None) -> Path:
    """The benchmark input: `path`, else PolNeAR dev beside the repository, if either exists."""
    from quoteattr.evaluation.benchmark import default_path

    path = path or default_path()
    if path is None or not path.exists():
        raise typer.BadParameter(
            f"no such file: {path}" if path else "give a JSON lines file of texts", param_hint="PATH"
        )
    return path


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"quoteattr: {message}", err=True)
    return typer.Exit(code)


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help=".txt files, folders (every *.txt below, sorted), .jsonl files of "
            '{"id", "text"}, or - for standard input (JSON lines or one text).',
            metavar="PATH...",
            show_default=False,
        ),
    ],
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", dir_okay=False, help="Write here instead of to stdout."),
    ] = None,
    output_format: Annotated[
        Optional[OutputFormat],
        typer.Option(
            "--format",
            case_sensitive=False,
            help="jsonl: one line per document; csv: one row per quote. "
            "Default: csv if --output ends in .csv, else jsonl.",
            show_default=False,
        ),
    ] = None,
    model: ModelOption = None,
    rules: RulesOption = False,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
    batch_size: BatchOption = 32,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Skip the documents whose ids are already in --output (after an interruption) "
            "and append the rest.",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar, and no summary when nothing failed."),
    ] = False,
    scheduler: Annotated[
        Optional[str],
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Send the work to a running Dask scheduler (tcp://host:8786); needs quoteattr[dask] "
            "here and quoteattr[dask,model] on the workers.",
        ),
    ] = None,
) -> None:
    """Find and attribute the quotes of every document: one JSON line per document
    {"id", "quotes"} (or CSV rows). Documents that cannot be read or processed are reported on
    stderr and skipped; the exit status is then 1."""
    from tqdm import tqdm

    from quoteattr.batch import io, runner

    if paths.count(io.STDIN) > 1:
        raise typer.BadParameter("give - (standard input) at most once", param_hint="PATHS")
    missing = io.missing_paths(paths)
    if missing:
        raise typer.BadParameter(
            f"no such file or folder: {', '.join(missing)}", param_hint="PATHS"
        )
    if resume and output is None:
        raise typer.BadParameter("--resume needs --output FILE", param_hint="--resume")
    fmt = (output_format.value if output_format else None) or (
        "csv" if output is not None and output.suffix.lower() == ".csv" else "jsonl"
    )
    nlp, annotator = None, None
    if scheduler is not None:
        if n_process > 1:
            raise typer.BadParameter("--n-process is for local work; the scheduler's workers share it out", param_hint="--n-process")
        if rules:
            raise typer.BadParameter("--rules is for local work; the scheduler's workers use quoteattr.load()", param_hint="--rules")
        try:
            from quoteattr.batch import dask as on_dask
        except ImportError as error:
            raise _fail(str(error)) from None
        annotator = functools.partial(on_dask.annotate_on_scheduler, address=scheduler, model=model, batch_size=batch_size)
    else:
        try:
            nlp = _nlp(model, rules)
        except OSError as error:
            raise _fail(str(error)) from None
    done = None
    if resume:
        try:
            done = io.read_done(output, fmt)  # type: ignore[arg-type]  # checked above
        except (io.OutputError, OSError) as error:
            raise _fail(f"cannot resume: {error}", 2) from None
    total = io.count_documents(paths)
    bar = tqdm(
        total=total,
        unit="doc",
        file=sys.stderr,
        dynamic_ncols=True,
        disable=quiet or total == 1 or not sys.stderr.isatty(),
    )

    def report(line: str) -> None:
        tqdm.write(f"quoteattr: {line}", file=sys.stderr)

    writer, opened = io.open_writer(output, fmt, append=resume)
    try:
        summary = runner.run(
            io.read_inputs(paths),
            nlp,
            writer.write,
            batch_size=batch_size,
            n_process=n_process,
            done=done,
            report=report,
            progress=bar.update,
            annotator=annotator,
        )
    except BrokenPipeError:  # stdout closed early (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        hint = " (finish it with --resume)" if output is not None else ""
        raise _fail(f"interrupted; the documents written so far are whole{hint}", 130) from None
    except OSError as error:  # an unreachable scheduler, or workers without the model
        if scheduler is None:
            raise
        raise _fail(f"the Dask run failed: {error}") from None
    finally:
        bar.close()
        if opened is not None:
            opened.close()
    if summary.failed or not quiet:
        typer.echo(f"quoteattr: {summary.format()}", err=True)
    raise typer.Exit(summary.exit_code)


def _model_info(model: str | None) -> dict[str, Any]:
    """Which pipeline `load(model)` uses, where it was found, and its components."""
    import importlib.metadata
    import importlib.util

    from quoteattr.api import DEFAULT_MODELS, load, resolve_model_name

    name = resolve_model_name(model)
    nlp = load(model)
    try:
        spec = None if Path(name).exists() else importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    package = version = None
    if spec is not None:
        distributions = importlib.metadata.packages_distributions().get(name) or [name]
        package = distributions[0]
        try:
            version = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            version = None
    return {
        "name": name,
        "found": (
            f"first installed of {', '.join(DEFAULT_MODELS)}"
            if model is None
            else f"--model ({'package' if spec is not None else 'path'})"
        ),
        "package": package,
        "version": version,
        "pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}",
        "path": None if nlp.path is None else str(Path(nlp.path).resolve()),
        "components": list(nlp.pipe_names),
        "attribution_model": _attribution_model(),
    }


def _attribution_model() -> dict[str, Any] | None:
    """The shipped trained model `load()` uses, from its meta; None: the rules alone."""
    from quoteattr.learned import packaged_model_path

    path = packaged_model_path()
    if path is None:
        return None
    meta = srsly.read_json(path / "meta.json") if (path / "meta.json").is_file() else {}
    return {"name": path.name, "path": str(path), "trained": meta.get("trained")}


@app.command()
def train(
    train_path: Annotated[
        Path,
        typer.Argument(exists=True, dir_okay=False, help="Gold attributions to learn from (PolNeAR JSON lines)."),
    ],
    dev: Annotated[
        Optional[Path],
        typer.Option("--dev", exists=True, dir_okay=False, help="Gold to score the rules and the model on (never used to choose anything)."),
    ] = None,
    output: Annotated[
        Path, typer.Option("--output", "-o", file_okay=False, help="Directory to write the model to.")
    ] = Path("models/quoteattr-polnear"),
    model: ModelOption = None,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the folds and of the training order.")] = 0,
    epochs: Annotated[int, typer.Option("--epochs", min=1, help="Passes over the training candidates.")] = 5,
    folds: Annotated[int, typer.Option("--folds", min=2, help="Folds of articles to choose the thresholds on.")] = 5,
    limit: LimitOption = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes for parsing.")] = 1,
) -> None:
    """Train the attribution model on gold attributions and write it, with its meta, config and
    model card, to --output (by default the model quoteattr ships)."""
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
        f"{meta['data']['candidates']} candidates from {meta['data']['articles']} articles; thresholds: "
        f"add {thresholds['add']}, drop {thresholds['drop']}; written to {output} in {meta['seconds']} s"
    )
    if "dev" in meta:
        for name in ("rules", "trained"):
            scores = meta["dev"][name]
            best = scores["measures"]["overlap>0.3"]
            typer.echo(
                f"dev {name:<8} P {100 * best['precision']:.1f} R {100 * best['recall']:.1f} "
                f"F1 {100 * best['f1']:.1f}  speaker {100 * scores['speaker']:.1f}  cue {100 * scores['cue']:.1f}"
            )


@app.command()
def info(
    model: ModelOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Versions of quoteattr, spaCy and Python, and the pipeline quoteattr uses."""
    import platform

    import spacy

    from quoteattr.about import __version__

    data: dict[str, Any] = {
        "quoteattr": __version__,
        "spacy": spacy.__version__,
        "python": platform.python_version(),
        "python_path": sys.executable,
        "model": None,
    }
    error = None
    try:
        data["model"] = _model_info(model)
    except OSError as problem:
        error = data["error"] = str(problem)
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        lines = [
            f"quoteattr   {data['quoteattr']}",
            f"spaCy       {data['spacy']}",
            f"Python      {data['python']} ({data['python_path']})",
        ]
        found = data["model"]
        if found is None:
            lines.append(f"model       none: {error}")
        else:
            package = (
                f"{found['package']} {found['version']}" if found["package"] else "not a package"
            )
            lines += [
                f"model       {found['name']} ({package}; found as: {found['found']})",
                f"pipeline    {found['pipeline']}",
                f"path        {found['path']}",
                f"components  {', '.join(found['components'])}",
            ]
            attribution = found["attribution_model"]
            lines.append(
                "attribution rules only (no trained model found)"
                if attribution is None
                else f"attribution trained model {attribution['name']} ({attribution['path']}, trained {attribution['trained']})"
            )
        typer.echo("\n".join(lines))
    if error is not None:
        raise typer.Exit(1)


def main() -> None:
    app()
