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
from quoteattr.errors import Errors

from ._common import (
    BatchOption,
    CategoriesOption,
    MinConfidenceOption,
    ModelOption,
    RulesOption,
    _fail,
    _nlp,
    check_output_folder,
    usage_error,
)


class OutputFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    json = "json"


TEXT_ID = "text"  # the id of the document given with --text


def extract(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            help=".txt files, folders (every *.txt below, sorted), .jsonl files of "
            '{"id", "text"}, or - for standard input (JSON lines or one text).',
            metavar="PATH...",
            show_default=False,
        ),
    ] = None,
    text: Annotated[
        Optional[str],
        typer.Option(
            "--text",
            metavar="TEXT",
            help=f'A text to read instead of files, for a quick try (its id is "{TEXT_ID}").',
        ),
    ] = None,
    output: Annotated[
        Optional[Path],
        typer.Option("--output", "-o", dir_okay=False, help="Write here instead of to stdout."),
    ] = None,
    output_format: Annotated[
        Optional[OutputFormat],
        typer.Option(
            "--format",
            case_sensitive=False,
            help="table: a readable table per document; jsonl: one JSON line per document; "
            "csv: one row per quote; json: one JSON array. Default: by the --output suffix "
            "(.csv, .json, else jsonl); to stdout, table on a terminal, else jsonl.",
            show_default=False,
        ),
    ] = None,
    model: ModelOption = None,
    rules: RulesOption = False,
    categories: CategoriesOption = None,
    min_confidence: MinConfidenceOption = None,
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
            "and append the rest (JSON lines and CSV).",
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
    """Find and attribute the quotes of every document: a table per document on a terminal, else
    one JSON line per document {"id", "quotes"} (or CSV rows, or one JSON array). Documents that
    cannot be read or processed are reported on stderr and skipped; the exit status is then 1."""
    from tqdm import tqdm

    from quoteattr.batch import io, runner
    from quoteattr.batch import output as writing

    paths = paths or []
    if text is not None and paths:
        raise usage_error(Errors.E015)
    if text is None and not paths:
        raise usage_error(Errors.E014)
    if paths.count(io.STDIN) > 1:
        raise usage_error("give - (standard input) at most once")
    missing = io.missing_paths(paths)
    if missing:
        flag_values = [path for path in missing if path.lower() in ("true", "false", "yes", "no")]
        hint = " (flags such as --quiet take no value)" if flag_values else ""
        raise usage_error(f"no such file or folder: {', '.join(missing)}{hint}")
    empty = io.empty_folders(paths)
    if empty:
        raise usage_error(Errors.E012.format(folder=empty[0], hint=_folder_hint(Path(empty[0]))))
    fmt = _output_format(output_format, output)
    if resume and (output is None or fmt not in writing.RESUMABLE_FORMATS):
        raise usage_error(Errors.E016.format(format=fmt if output is not None else "stdout"))
    check_output_folder(output, "--output")
    processes = _processes(n_process)
    nlp, annotator = None, None
    if scheduler is not None:
        if processes != 1:
            raise usage_error(
                "--n-process is for local work; the scheduler's workers share it out: "
                "give one or the other"
            )
        if rules or categories is not None or min_confidence is not None:
            raise usage_error(
                "--rules, --categories and --min-confidence are for local work; the "
                "scheduler's workers use quoteattr.load(): give one or the other"
            )
        from quoteattr.batch import scheduler as on_scheduler

        try:
            on_scheduler.require_dask()
        except ImportError:
            raise usage_error(Errors.E013) from None
        annotator = functools.partial(
            on_scheduler.annotate_on_scheduler,
            address=scheduler,
            model=model,
            batch_size=batch_size,
        )
    else:
        try:
            nlp = _nlp(model, rules, categories, min_confidence)
        except OSError as error:
            raise _fail(str(error)) from None
    done = None
    if resume:
        try:
            done = writing.read_done(output, fmt)  # type: ignore[arg-type]  # checked above
        except (writing.OutputError, OSError) as error:
            raise usage_error(f"cannot resume: {error}") from None
    total = 1 if text is not None else io.count_documents(paths)
    if processes is None:
        from quoteattr.workers import auto_processes

        processes = auto_processes(total)
    bar = tqdm(
        total=total,
        unit="doc",
        file=sys.stderr,
        dynamic_ncols=True,
        # a table on the terminal shows the progress itself, and a bar would cut into it
        disable=quiet or total == 1 or not sys.stderr.isatty() or _tables_on_terminal(fmt, output),
    )

    def report(line: str) -> None:
        tqdm.write(f"quoteattr: {line}", file=sys.stderr)

    try:
        writer, opened = writing.open_writer(output, fmt, append=resume)
    except OSError as error:
        bar.close()
        raise usage_error(Errors.E011.format(path=output, reason=error.strerror or error)) from None
    inputs = [io.Document(TEXT_ID, text, "--text")] if text is not None else io.read_inputs(paths)
    try:
        summary = runner.run(
            inputs,
            nlp,
            writer.write,
            batch_size=batch_size,
            n_process=processes,
            done=done,
            report=report,
            progress=bar.update,
            annotator=annotator,
        )
        writer.finish()
    except BrokenPipeError:  # stdout closed early (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        writer.finish()  # a JSON array is closed after the documents written so far
        resumable = output is not None and fmt in writing.RESUMABLE_FORMATS
        hint = " (finish it with --resume)" if resumable else ""
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


def _output_format(chosen: OutputFormat | None, output: Path | None) -> str:
    """--format if given; else by --output's suffix (.csv, .json, else JSON lines); to standard
    output, a table on a terminal and JSON lines in a pipe or a file."""
    if chosen is not None:
        return chosen.value
    if output is not None:
        return {".csv": "csv", ".json": "json"}.get(output.suffix.lower(), "jsonl")
    return "table" if sys.stdout.isatty() else "jsonl"


def _tables_on_terminal(fmt: str, output: Path | None) -> bool:
    return fmt == "table" and output is None and sys.stdout.isatty()


def _folder_hint(folder: Path) -> str:
    """What to do instead, when a folder has no .txt files (it may hold JSON lines)."""
    from quoteattr.batch.io import JSONL_SUFFIXES

    records = sorted(path for path in folder.iterdir() if path.suffix.lower() in JSONL_SUFFIXES)
    if records:
        return f": name its JSON lines files instead, quoteattr extract {records[0]}"
    return ": put the articles there as .txt files, or name the files to read"


def _processes(value: str) -> int | None:
    """`--n-process`: a number of 1 or more, or None for auto."""
    if value.strip().lower() == "auto":
        return None
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise usage_error("--n-process: give a number of 1 or more, or auto")
    return number
