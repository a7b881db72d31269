"""`quoteattr extract`: quotes of files, folders, JSON lines or standard input."""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from quoteattr.api import DEFAULT_BATCH_SIZE

from ._common import BatchOption, ModelOption, RulesOption, _fail, _nlp


class OutputFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


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
    n_process: Annotated[
        str,
        typer.Option(
            "--n-process",
            help="Worker processes, or auto: one per usable core, fewer for a few documents.",
        ),
    ] = "1",
    batch_size: BatchOption = DEFAULT_BATCH_SIZE,
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
            help="Send the work to a running Dask scheduler "
            "(tcp://host:8786); needs quoteattr[dask] "
            "here and quoteattr[dask,model] on the workers.",
        ),
    ] = None,
) -> None:
    """Find and attribute the quotes of every document: one JSON line per document
    {"id", "quotes"} (or CSV rows). Documents that cannot be read or processed are reported on
    stderr and skipped; the exit status is then 1."""
    from tqdm import tqdm

    from quoteattr.batch import io, runner
    from quoteattr.batch import output as writing

    if paths.count(io.STDIN) > 1:
        raise typer.BadParameter("give - (standard input) at most once", param_hint="PATHS")
    missing = io.missing_paths(paths)
    if missing:
        raise typer.BadParameter(
            f"no such file or folder: {', '.join(missing)}", param_hint="PATHS"
        )
    if resume and output is None:
        raise typer.BadParameter("--resume needs --output FILE", param_hint="--resume")
    processes = _processes(n_process)
    fmt = (output_format.value if output_format else None) or (
        "csv" if output is not None and output.suffix.lower() == ".csv" else "jsonl"
    )
    nlp, annotator = None, None
    if scheduler is not None:
        if processes != 1:
            raise typer.BadParameter(
                "--n-process is for local work; the scheduler's workers share it out",
                param_hint="--n-process",
            )
        if rules:
            raise typer.BadParameter(
                "--rules is for local work; the scheduler's workers use quoteattr.load()",
                param_hint="--rules",
            )
        try:
            from quoteattr.batch import scheduler as on_scheduler
        except ImportError as error:
            raise _fail(str(error)) from None
        annotator = functools.partial(
            on_scheduler.annotate_on_scheduler,
            address=scheduler,
            model=model,
            batch_size=batch_size,
        )
    else:
        try:
            nlp = _nlp(model, rules)
        except OSError as error:
            raise _fail(str(error)) from None
    done = None
    if resume:
        try:
            done = writing.read_done(output, fmt)  # type: ignore[arg-type]  # checked above
        except (writing.OutputError, OSError) as error:
            raise _fail(f"cannot resume: {error}", 2) from None
    total = io.count_documents(paths)
    if processes is None:
        from quoteattr.workers import auto_processes

        processes = auto_processes(total)
    bar = tqdm(
        total=total,
        unit="doc",
        file=sys.stderr,
        dynamic_ncols=True,
        disable=quiet or total == 1 or not sys.stderr.isatty(),
    )

    def report(line: str) -> None:
        tqdm.write(f"quoteattr: {line}", file=sys.stderr)

    writer, opened = writing.open_writer(output, fmt, append=resume)
    try:
        summary = runner.run(
            io.read_inputs(paths),
            nlp,
            writer.write,
            batch_size=batch_size,
            n_process=processes,
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


def _processes(value: str) -> int | None:
    """`--n-process`: a number of 1 or more, or None for auto."""
    if value.strip().lower() == "auto":
        return None
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise typer.BadParameter("give a number of 1 or more, or auto", param_hint="--n-process")
    return number
