"""docs/usage.ipynb runs from top to bottom in a real kernel, and is committed without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

DOCS = Path(__file__).resolve().parents[1] / "docs"
NOTEBOOK = DOCS / "usage.ipynb"


def test_committed_notebook_is_valid_and_has_no_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata.kernelspec.name == "python3"
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
    # The example article is read from ../shared at run time, never copied next to the notebook.
    assert not list(DOCS.glob("*.txt"))
    assert "xi-putin-2024-10-02.txt" in json.dumps(notebook)


@pytest.mark.slow
def test_notebook_runs(shared):
    """Every cell runs (a failing cell raises CellExecutionError), in the notebook's folder as
    Jupyter and nbmake run it, and shows the HTML views."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(DOCS)}},
    )
    client.execute()
    outputs = [
        output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs
    ]
    assert not [output for output in outputs if output.output_type == "error"]
    html = [output.data["text/html"] for output in outputs if "text/html" in output.get("data", {})]
    assert any(
        'class="quoteattr"' in markup and "Xi Jinping" in markup for markup in html
    )  # result
    assert sum('class="qa-spans"' in markup for markup in html) == 2  # quoteattr.render, twice
    assert any("speaker_name" in markup for markup in html)  # the DataFrame
    text = "".join(output.get("text", "") for output in outputs if output.output_type == "stream")
    assert "records match quote.schema.json" in text
