"""Sphinx configuration: MyST Markdown pages, furo, autodoc + napoleon, myst-nb for the notebook.

Build (the README's development section): ``python -m sphinx -W --keep-going -b html docs
docs/_build/html``, after ``python -m pip install -e ".[dev]"``. Warnings are errors;
``tests/test_docs.py`` runs exactly this, and CI runs that test (the slow suite). The build executes
``usage.ipynb`` (committed without outputs) in a real kernel, so the page shows its outputs, and a
cell that raises fails the build. Nothing here needs the network: no intersphinx inventories are
fetched.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util import logging

import quoteattr

logger = logging.getLogger(__name__)
DOCS = Path(__file__).resolve().parent

# -- Project -----------------------------------------------------------------------------------

project = "quoteattr"
author = "quoteattr developers"
copyright = "quoteattr developers"  # noqa: A001 - the name Sphinx reads
release = quoteattr.__version__
version = ".".join(release.split(".")[:2])

# -- General -----------------------------------------------------------------------------------

extensions = [
    "myst_nb",  # MyST Markdown (it brings myst_parser) and Jupyter notebooks
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
# Pages are Markdown. The notebook is committed without outputs and executed at every build, in its
# own folder (docs/, where it finds the example article), so the rendered page shows its outputs.
source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
nb_execution_mode = "force"
nb_execution_raise_on_error = True  # a failing cell fails the build
nb_execution_show_tb = True  # ... and its traceback is in the build log
nb_execution_timeout = 300  # seconds per cell (loading the pipeline, a folder of articles)
nb_execution_in_temp = False
root_doc = "index"
exclude_patterns = ["_build", "jupyter_execute", "**/.ipynb_checkpoints", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Docstrings write `code` in single backticks (Markdown habit): show it as code, not as <cite>.
default_role = "literal"

# -- autodoc and napoleon ----------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_format = "short"
autodoc_class_signature = "mixed"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = True  # one "Return type" (autodoc adds none when the docstring has it)

# spaCy-style result lines in the library's docstrings, after the `Args:` list:
#     RETURNS (QuoteResult): the quotes ...
#     YIELDS (QuoteResult): one result per text.
#     RAISES (TypeError): `text` is not a str ...
# are rewritten into napoleon's Google sections (Returns:, Yields:, Raises:) before napoleon runs.
_SPACY_SECTION = re.compile(
    r"^(?P<indent>\s*)(?P<kind>RETURNS|YIELDS|RAISES) \((?P<type>[^)]*)\):\s*(?P<text>.*)$"
)
_SECTION_NAMES = {"RETURNS": "Returns", "YIELDS": "Yields", "RAISES": "Raises"}


def spacy_sections(lines: list[str]) -> list[str]:
    """The docstring `lines` with spaCy-style RETURNS / YIELDS / RAISES lines as Google sections."""
    out: list[str] = []
    continuation: int | None = None  # the indent of the section line being continued
    for line in lines:
        match = _SPACY_SECTION.match(line)
        if match:
            indent = match["indent"]
            if out and out[-1].strip():
                out.append("")  # napoleon wants a section header after a blank line or a field list
            out.append(f"{indent}{_SECTION_NAMES[match['kind']]}:")
            out.append(f"{indent}    {match['type']}: {match['text']}".rstrip())
            continuation = len(indent)
            continue
        depth = len(line) - len(line.lstrip())
        if continuation is not None and line.strip() and depth > continuation:
            out.append("    " + line)
            continue
        continuation = None
        out.append(line)
    return out


def _convert_spacy_sections(app, what, name, obj, options, lines) -> None:  # noqa: ANN001
    lines[:] = spacy_sections(lines)


# -- Pages written by others: listed when present ----------------------------------------------

# docname -> source file. A page that is missing (not written yet) is left out of the toctree and
# its links become plain text, so the docs still build without warnings.
OPTIONAL_PAGES = {"batch": "batch.md", "usage": "usage.ipynb", "benchmarks": "benchmarks.md"}


def missing_optional_pages(docs: Path = DOCS) -> list[str]:
    return [name for name, filename in OPTIONAL_PAGES.items() if not (docs / filename).exists()]


def drop_missing_pages(source: str, missing: list[str], *, toctree: bool) -> str:
    """`source` with links to missing pages as plain text and, with `toctree` (the index), without
    the toctree lines that name them."""
    for docname in missing:
        filename = OPTIONAL_PAGES[docname]
        if toctree:
            source = re.sub(rf"(?m)^{re.escape(docname)}[ \t]*\n", "", source)
        link = rf"\[([^\]]*)\]\({re.escape(filename)}(#[^)]*)?\)"
        source = re.sub(link, lambda found: found[1] or filename, source)
    return source


def _source_read(app, docname: str, source: list[str]) -> None:  # noqa: ANN001
    missing = missing_optional_pages(Path(app.srcdir))
    if missing and Path(app.env.doc2path(docname)).suffix == ".md":
        source[0] = drop_missing_pages(source[0], missing, toctree=docname == root_doc)


def _report_missing(app) -> None:  # noqa: ANN001
    for docname in missing_optional_pages(Path(app.srcdir)):
        logger.info(f"quoteattr docs: {OPTIONAL_PAGES[docname]} is not there (yet); left out.")


def setup(app) -> dict[str, object]:  # noqa: ANN001
    # priority 100: before napoleon (500) reads the docstring
    app.connect("autodoc-process-docstring", _convert_spacy_sections, priority=100)
    app.connect("source-read", _source_read)
    app.connect("builder-inited", _report_missing)
    return {"parallel_read_safe": True}


# -- HTML --------------------------------------------------------------------------------------

html_theme = "furo"
html_title = f"quoteattr {release}"
html_static_path: list[str] = []
