"""Option types and helpers shared by the commands, and how the command reports a user's mistake.

A user error (a wrong option, a missing file, an output folder that does not exist, Dask missing
for `--scheduler`) is one line on stderr, `quoteattr: error: ...`, saying what to do, and exit
status 2: commands raise `usage_error(message)`, and `CommandGroup` prints it, and click's own
usage errors (an unknown option, a missing argument), in that one form.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

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

USAGE_EXIT = 2  # a user error, as click's own usage errors


def _base(name: str) -> type[Exception]:
    """click's exception class `name`, from the click that typer uses (typer 0.2x bundles its own
    copy, so `import click` may be another module): a base class of `typer.BadParameter`."""
    return next(base for base in typer.BadParameter.__mro__ if base.__name__ == name)


UsageError = _base("UsageError")
ClickException = _base("ClickException")


class UserError(UsageError):  # type: ignore[misc,valid-type]  # click's UsageError
    """A mistake in the command line or its inputs; its message says what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)


def usage_error(message: str) -> Exception:
    """The error to raise for a user's mistake: `raise usage_error("--resume needs --output")`.
    Shown as one line, `quoteattr: error: <message>`, with exit status 2."""
    return UserError(message)


def check_output_folder(path: Path | None, option: str) -> None:
    """An output file's folder exists: checked before the work, not after a run of minutes.

    RAISES (UserError): it does not (E010).
    """
    from quoteattr.errors import Errors

    if path is not None and not path.parent.is_dir():
        raise usage_error(Errors.E010.format(option=option, path=path, folder=path.parent))


def _fail(message: str, code: int = 1) -> typer.Exit:
    """Not a user error (the run itself failed): `quoteattr: <message>` and exit status `code`."""
    typer.echo(f"quoteattr: {message}", err=True)
    return typer.Exit(code)


def error_line(error: Exception) -> str:
    """One line for a usage error: ours as they are, click's with where to find help."""
    message = " ".join(error.format_message().split())  # type: ignore[attr-defined]
    if isinstance(error, UserError):
        return f"quoteattr: error: {message}"
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "quoteattr"
    return f"quoteattr: error: {message} (see: {command} --help)"


class CommandGroup(TyperGroup):
    """The `quoteattr` group: click's errors, and ours, as one line each (`error_line`)."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `quoteattr` alone: the help
                error.show()
                sys.exit(error.exit_code)
            typer.echo(error_line(error), err=True)
            sys.exit(USAGE_EXIT)
        except ClickException as error:  # e.g. a file option that cannot be opened
            typer.echo(f"quoteattr: error: {error.format_message()}", err=True)  # type: ignore[attr-defined]
            sys.exit(error.exit_code)  # type: ignore[attr-defined]
        except typer.Abort:  # end of input at a prompt
            typer.echo("quoteattr: aborted", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _nlp(
    model: str | None,
    rules: bool = False,
    categories: str | None = None,
    min_confidence: float | None = None,
) -> Any:
    from quoteattr.api import load

    try:
        return load(model, trained=not rules, categories=categories, min_confidence=min_confidence)
    except ValueError as error:  # a category or confidence the component does not take
        raise usage_error(str(error)) from None


CategoriesOption = Annotated[
    Optional[str],
    typer.Option(
        "--categories",
        help='The records written: statements (the default: what was said or written), "all" '
        '(thoughts and stances too), or names joined by commas ("statement,thought").',
    ),
]
MinConfidenceOption = Annotated[
    Optional[float],
    typer.Option("--min-confidence", help="Leave out records less confident than this (0..1)."),
]
