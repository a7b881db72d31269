"""The documentation: it builds without a warning, its examples run as shown, and its tables agree
with the code they describe (CLI options, component config, confidence values)."""

from __future__ import annotations

import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

import quoteattr
from quoteattr.cli import app
from quoteattr.pipeline.attributor import DEFAULT_CONFIG
from quoteattr.rules.candidates import CONFIDENCE, RESOLVED_MENTION_CONFIDENCE, Via
from quoteattr.rules.lexicon import default_lexicon_data

DOCS = Path(__file__).resolve().parents[1] / "docs"
PAGES = sorted(path.name for path in DOCS.glob("*.md"))
# ```pycon blocks are doctests: `>>>` lines and the output they print.
PYCON = re.compile(r"^```pycon\n(.*?)^```", re.DOTALL | re.MULTILINE)


def _read(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf8")


# The README's docs build command (its development section); the test runs it with the output in a
# temporary folder.
BUILD = "python -m sphinx -W --keep-going -b html docs docs/_build/html"


def test_readme_and_conf_show_the_docs_build_command():
    readme = (DOCS.parent / "README.md").read_text(encoding="utf8")
    assert f"{BUILD}\n" in readme
    assert " ".join(_read("conf.py").split()).count(BUILD) == 1


@pytest.mark.slow
def test_docs_build_without_warnings_and_show_the_notebook_outputs(tmp_path):
    """`sphinx -W`: any warning (a broken reference, a docstring autodoc cannot read) or a notebook
    cell that raises fails. The notebook page shows what its cells print and display."""
    html = tmp_path / "html"  # myst-nb also writes beside the output folder (jupyter_execute/)
    arguments = BUILD.split()[1:-2]
    completed = subprocess.run(
        [sys.executable, *arguments, "-q", DOCS, html],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert (html / "index.html").is_file()
    page = (html / "usage.html").read_text(encoding="utf8")
    assert page.count('class="cell_output') >= 10  # every code cell shows something
    assert "records match quote.schema.json" in page  # printed text
    assert 'class="quoteattr"' in page and "Xi Jinping" in page  # the result's HTML view
    assert page.count('class="qa-spans"') == 2  # quoteattr.render, twice
    assert "speaker_name" in page and "<table" in page  # the DataFrame


def pycon_source(text: str) -> str:
    """The page's ```pycon blocks with every other line blanked, so that doctest reports the
    page's own line numbers."""
    lines = [""] * (text.count("\n") + 1)
    for block in PYCON.finditer(text):
        first = text.count("\n", 0, block.start(1))
        for offset, line in enumerate(block[1].splitlines()):
            lines[first + offset] = line
    return "\n".join(lines)


@pytest.mark.parametrize("page", [page for page in PAGES if PYCON.search(_read(page))])
def test_page_examples_run_as_shown(page, nlp):
    """Every ```pycon block of a page, run in order with shared names, shows what the page shows."""
    source = pycon_source(_read(page))
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {"__name__": "docs"}, page, str(DOCS / page), 0)
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    runner = doctest.DocTestRunner(optionflags=flags)
    runner.run(test)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of docs/{page} fail"


def _commands(group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


COMMANDS = dict(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=" ".join)
def test_cli_page_documents_every_option(path):
    """docs/cli.md has a section per command naming all its options."""
    page = _read("cli.md")
    heading = f"## `quoteattr {' '.join(path)}`"
    assert heading in page, f"docs/cli.md has no section {heading!r}"
    section = page.split(heading, 1)[1].split("\n## ", 1)[0]
    options = [opt for param in COMMANDS[path].params for opt in param.opts if opt.startswith("--")]
    undocumented = [opt for opt in options if f"`{opt}" not in section]
    assert not undocumented, f"docs/cli.md, quoteattr {' '.join(path)}: undocumented {undocumented}"


def test_components_page_has_every_setting():
    page = _read("components.md")
    for setting in DEFAULT_CONFIG:
        assert f"| `{setting}`" in page, f"docs/components.md: no row for setting {setting!r}"


def test_components_page_has_every_lexicon_key():
    page = _read("components.md")
    missing = [key for key in default_lexicon_data() if f"`{key}`" not in page]
    assert not missing, f"docs/components.md: cue lexicon keys not described: {missing}"


def test_speakers_page_has_every_confidence():
    """The confidence table lists every way a speaker is found, with its value, highest first."""
    page = _read("speakers.md")
    rows = re.findall(r"^\| ([0-9.]+) \| `([a-z_]+)` \|", page, re.MULTILINE)
    assert {Via(via): float(value) for value, via in rows} == CONFIDENCE
    values = [float(value) for value, _ in rows]
    assert values == sorted(values, reverse=True)
    assert f"at most **{RESOLVED_MENTION_CONFIDENCE}** (`RESOLVED_MENTION_CONFIDENCE`)" in page


def test_records_page_has_the_readme_contract():
    """docs/records.md shows the JSON contract exactly as the README states it."""
    contract = re.compile(r"^```\n(\{\"kind\".*?)^```", re.DOTALL | re.MULTILINE)
    readme = (DOCS.parent / "README.md").read_text(encoding="utf8")
    assert contract.search(_read("records.md"))[1] == contract.search(readme)[1]


def test_docs_name_the_current_version():
    assert f"## {quoteattr.__version__}" in _read("changelog.md")


def _conf():
    import importlib.util

    spec = importlib.util.spec_from_file_location("quoteattr_docs_conf", DOCS / "conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_spacy_style_result_lines_become_google_sections():
    lines = [
        "Do it.",
        "",
        "Args:",
        "    text (str): the article.",
        "RETURNS (QuoteResult): the quotes.",
        "RAISES (TypeError): `text` is not a str (when",
        "    it is bytes).",
        "After.",
    ]
    assert _conf().spacy_sections(lines) == [
        "Do it.",
        "",
        "Args:",
        "    text (str): the article.",
        "",
        "Returns:",
        "    QuoteResult: the quotes.",
        "",
        "Raises:",
        "    TypeError: `text` is not a str (when",
        "        it is bytes).",
        "After.",
    ]


def test_missing_pages_leave_the_toctree_and_their_links_become_text():
    conf = _conf()
    index = (
        "```{toctree}\nquickstart\nbatch\nbenchmarks\napi\n```\n"
        "See [the numbers](benchmarks.md#speed), [](batch.md).\n"
    )
    assert conf.drop_missing_pages(index, ["batch", "benchmarks"], toctree=True) == (
        "```{toctree}\nquickstart\napi\n```\nSee the numbers, batch.md.\n"
    )
    assert conf.drop_missing_pages("benchmarks\n", ["benchmarks"], toctree=False) == "benchmarks\n"
