"""The wheel, as the README builds and installs it: built from a clean copy of the checkout, it
installs in a fresh virtual environment, carries the trained model and the lexicons, and runs
`quoteattr extract` on the example article there.

Slow: it builds the wheel and installs it with spaCy, the English model and Dask into a new venv
(from pip's cache or the package index; two to two and a half minutes here)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import quoteattr

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf8")
WHEEL = f"quoteattr-{quoteattr.__version__}-py3-none-any.whl"
# The README's commands, run as written (the install is the Dask workers' line).
BUILD = "python -m pip wheel --no-deps --wheel-dir dist ."
INSTALL = f'python -m pip install "./{WHEEL}[dask,model]"'
# What a clean checkout leaves out (.gitignore), for a tree that is not a git checkout.
UNTRACKED = ("__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "build", "dist", ".venv")
UNTRACKED += ("_build", "jupyter_execute", ".git")


def test_readme_shows_the_wheel_commands():
    assert BUILD in README and INSTALL in README
    # The docs install the same file (the name changes with the version).
    for page in ("index.md", "batch.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf8")
        assert BUILD in text and f"{WHEEL}[dask,model]" in text, page


def clean_copy(destination: Path) -> Path:
    """The checkout's files without build leftovers: what git tracks or would track (`git ls-files
    --cached --others --exclude-standard`), else the tree without what .gitignore names."""
    listed = None
    if shutil.which("git") and (ROOT / ".git").exists():
        completed = subprocess.run(
            ["git", "-C", ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            capture_output=True,
            check=True,
        )
        listed = [name for name in completed.stdout.decode("utf8").split("\0") if name]
    if listed is None:
        shutil.copytree(ROOT, destination, ignore=shutil.ignore_patterns(*UNTRACKED))
        return destination
    for name in listed:
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the work tree is left out
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
    return destination


def _run(command: list, *, cwd: Path, timeout: int) -> subprocess.CompletedProcess:
    env = {
        key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")
    }
    completed = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert completed.returncode == 0, (
        f"{command}:\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
    )
    return completed


@pytest.mark.slow
def test_wheel_installs_in_a_fresh_venv_and_runs(tmp_path, shared):
    checkout = clean_copy(tmp_path / "checkout")
    _run([sys.executable, *BUILD.split()[1:]], cwd=checkout, timeout=300)
    wheel = checkout / "dist" / WHEEL
    assert wheel.is_file(), sorted(path.name for path in (checkout / "dist").iterdir())

    # The wheel carries the data the package reads: lexicons, schema, the trained model.
    names = set(zipfile.ZipFile(wheel).namelist())
    data = [
        *(
            f"quoteattr/lexicons/{path.name}"
            for path in (ROOT / "quoteattr" / "lexicons").glob("*.json")
        ),
        *(
            f"quoteattr/models/{model}/{path.name}"
            for model in ("quoteattr-polnear", "quoteattr-coref")
            for path in (ROOT / "models" / model).iterdir()
        ),
        "quoteattr/schema/quote.schema.json",
        "quoteattr/py.typed",
    ]
    assert len(data) > 6 and not [name for name in data if name not in names]

    # A fresh venv (no system site-packages), the wheel installed as the README says, from a folder
    # that is not the checkout.
    machine = tmp_path / "worker"
    machine.mkdir()
    shutil.copy2(wheel, machine / WHEEL)
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", venv], cwd=machine, timeout=300)
    python = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    _run([python, *(part.strip('"') for part in INSTALL.split()[1:])], cwd=machine, timeout=900)

    # The installed package (not the checkout) with its packaged model and lexicon.
    probe = (
        "import json, quoteattr\n"
        "from quoteattr.model.scorer import packaged_model_path\n"
        "from quoteattr.rules.lexicon import default_lexicon_data\n"
        "print(json.dumps([quoteattr.__file__, str(packaged_model_path()), len(default_lexicon_data())]))\n"
    )
    where, model, lexicon_keys = json.loads(
        _run([python, "-c", probe], cwd=machine, timeout=120).stdout
    )
    assert Path(where).is_relative_to(venv), where
    assert Path(model).is_relative_to(venv) and (Path(model) / "weights.npy").is_file(), model
    assert lexicon_keys > 5

    example = shared / "examples" / "xi-putin-2024-10-02.txt"
    script = python.parent / "quoteattr"
    completed = _run([script, "extract", example], cwd=machine, timeout=300)
    (line,) = completed.stdout.splitlines()
    record = json.loads(line)
    speakers = {quote["speaker"]["name"] for quote in record["quotes"] if quote["speaker"]}
    assert len(record["quotes"]) >= 10 and {"Xi Jinping", "Vladimir Putin"} <= speakers
    # The same quotes as the checkout's own install gives.
    text = example.read_text(encoding="utf8")
    assert record["quotes"] == quoteattr.extract(text).to_dicts()

    # What a Dask worker runs: a partition, with the installed Dask.
    worker = (
        "import json, distributed\n"
        "from quoteattr.batch.dask import process_partition\n"
        "print(json.dumps(process_partition([('a', '\"We will win,\" said Senator John Hale.')])))\n"
    )
    (row,) = json.loads(_run([python, "-c", worker], cwd=machine, timeout=300).stdout)
    assert row["id"] == "a" and row["quotes"][0]["speaker"]["name"] == "John Hale"
    shutil.rmtree(venv)  # 600 MB
