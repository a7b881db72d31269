"""The command line's user errors, help and version, through the installed `quoteattr` script.

A user error is one line on stderr (`quoteattr: error: ...`) saying what to do, exit status 2, and
never a traceback. These runs stop before the pipeline is loaded, so each subprocess is cheap.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import typing
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import quoteattr
from quoteattr.cli import app
from quoteattr.cli._common import error_line, usage_error

ENTRY_POINT = shutil.which("quoteattr", path=str(Path(sys.executable).parent))


def command(*args: str, module: bool = False, env: dict | None = None, cwd: Path | None = None):
    if module:
        argv = [sys.executable, "-m", "quoteattr", *args]
    else:
        if ENTRY_POINT is None:
            pytest.skip("the quoteattr script is not installed")
        argv = [ENTRY_POINT, *args]
    return subprocess.run(
        argv, capture_output=True, text=True, timeout=120, check=False, env=env, cwd=cwd
    )


def assert_one_line_error(result, *expected: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("quoteattr: error: "), lines[0]
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in lines[0], lines[0]


def test_output_into_a_missing_folder(tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "quotes.jsonl"
    result = command("extract", "--text", '"Yes," she said.', "--output", str(out))
    assert_one_line_error(result, "[E010]", f"mkdir -p {out.parent}")
    assert not out.parent.exists()


def test_a_folder_without_txt_files(tmp_path: Path) -> None:
    result = command("extract", str(tmp_path))
    assert_one_line_error(result, "[E012]", f"No *.txt file in the folder {tmp_path}")
    (tmp_path / "articles.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    result = command("extract", str(tmp_path))
    assert_one_line_error(result, f"quoteattr extract {tmp_path / 'articles.jsonl'}")


def test_scheduler_without_dask(tmp_path: Path) -> None:
    """Dask and distributed made unimportable (packages of those names that raise ImportError,
    first on the path), as in an install without quoteattr[dask]."""
    for name in ("dask", "distributed"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text(
            f'raise ImportError("No module named {name!r}")\n', encoding="utf-8"
        )
    article = tmp_path / "a.txt"
    article.write_text('"Yes," she said.', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = command("extract", str(article), "--scheduler", "tcp://127.0.0.1:1", env=env)
    assert_one_line_error(result, "[E013]", 'pip install "quoteattr[dask]"')


@pytest.mark.parametrize(
    "args, expected",
    [
        pytest.param(["extract"], ["[E014]", 'quoteattr extract --text "..."'], id="nothing"),
        pytest.param(["extract", "--text", "x", "a.txt"], ["[E015]"], id="text-and-paths"),
        pytest.param(
            ["extract", "--text", "x", "--quiet", "true"], ["[E015]"], id="flag-given-a-value"
        ),
        pytest.param(
            ["extract", "missing.txt", "--quiet", "true"],
            ["no such file or folder: missing.txt, true", "flags such as --quiet take no value"],
            id="flag-value-read-as-a-path",
        ),
        pytest.param(
            ["extract", "--nope"], ["--nope", "(see: quoteattr extract --help)"], id="unknown"
        ),
        pytest.param(
            ["extract", "--text", "x", "--format", "xml"],
            ["--format", "(see: quoteattr extract --help)"],
            id="bad-choice",
        ),
        pytest.param(["extract", "--text", "x", "--resume"], ["[E016]"], id="resume-stdout"),
        pytest.param(
            ["extract", "--text", "x", "--resume", "-o", "out.json"], ["[E016]"], id="resume-json"
        ),
        pytest.param(["nope"], ["nope", "(see: quoteattr --help)"], id="unknown-command"),
    ],
)
def test_user_errors_are_one_line_with_exit_2(tmp_path: Path, monkeypatch, args, expected) -> None:
    """In process (the app's own error handling, as the script runs it), to keep the suite quick;
    the first case also through the script."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, args)
    assert_one_line_error(
        subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr),
        *expected,
    )


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["evaluate", "{gold}", "--errors", "{missing}"], id="evaluate-errors"),
        pytest.param(["evaluate", "{gold}", "--json", "{missing}"], id="evaluate-json"),
        pytest.param(["benchmark", "speed", "{gold}", "--json", "{missing}"], id="speed-json"),
        pytest.param(["benchmark", "memory", "{gold}", "--json", "{missing}"], id="memory-json"),
        pytest.param(["benchmark", "scaling", "--json", "{missing}"], id="scaling-json"),
    ],
)
def test_report_files_into_a_missing_folder_are_refused_before_the_work(tmp_path: Path, args):
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "x"}\n', encoding="utf-8")
    missing = tmp_path / "no" / "report.json"
    args = [arg.format(gold=gold, missing=missing) for arg in args]
    result = CliRunner().invoke(app, args)
    assert_one_line_error(
        subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr),
        "[E010]",
        f"mkdir -p {missing.parent}",
    )


def test_a_user_error_through_the_script_is_the_same_line() -> None:
    args = ["extract", "--text", "x", "a.txt"]
    result = command(*args)
    assert_one_line_error(result, "[E015]")
    assert result.stderr == CliRunner().invoke(app, args).stderr


def test_error_line_joins_a_message_into_one_line() -> None:
    assert error_line(usage_error("two\nlines")) == "quoteattr: error: two lines"


def test_version_through_both_entry_points() -> None:
    for module in (False, True):
        result = command("--version", module=module)
        assert result.returncode == 0, result.stderr
        assert result.stdout == f"quoteattr {quoteattr.__version__}\n"


def _commands(group, prefix=()):
    for name, sub in group.commands.items():
        if hasattr(sub, "commands"):
            yield from _commands(sub, (*prefix, name))
        else:
            yield (*prefix, name), sub


COMMANDS = dict(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_help_shows_flags_as_flags_and_brackets_as_written(path) -> None:
    """Every bool option is an on/off flag, shown without a value (`--quiet`, not `--quiet
    <bool>`), and help text is shown as written (`quoteattr[dask]`, not `quoteattr`)."""
    result = CliRunner().invoke(app, [*path, "--help"], terminal_width=200)
    assert result.exit_code == 0
    assert "<bool>" not in result.stdout
    hints = typing.get_type_hints(COMMANDS[path].callback)
    for param in COMMANDS[path].params:
        if hints.get(param.name) is bool:
            assert param.is_flag, f"{param.name} takes a value"
        words = " ".join((param.help or "").split())
        assert words in " ".join(result.stdout.split()), f"{param.name}: {words!r}"


def test_extract_help_through_the_entry_point() -> None:
    result = command("extract", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "needs quoteattr[dask] here and quoteattr[dask,model] on the workers" in text
    assert "-q, --quiet No progress bar" in text and "<bool>" not in text
    assert "--format <table|jsonl|csv|json>" in text and "--text TEXT" in text
