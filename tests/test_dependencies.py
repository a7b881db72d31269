"""pyproject.toml declares every package that quoteattr imports, and the installed versions meet
the declared bounds (so that a fresh `pip install quoteattr` has what the code imports)."""

from __future__ import annotations

import ast
import importlib.metadata
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parents[1]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf8"))["project"]
# Imported only by modules that say what to install when it is missing: which extra brings it.
OPTIONAL = {"dask": "dask", "distributed": "dask", "pandas": "notebook"}
# Imported only where it is what runs the code: IPython, by the display inside Jupyter.
RUNNING_ENVIRONMENT = {"IPython"}
# The command line imports these itself (the issue that added this test: they were undeclared).
CLI = {"typer", "tqdm", "srsly", "rich"}


def _name(requirement: str) -> str:
    return Requirement(requirement).name.lower().replace("_", "-")


DECLARED = {_name(requirement): requirement for requirement in PROJECT["dependencies"]}
EXTRAS = {
    extra: {_name(requirement) for requirement in requirements}
    for extra, requirements in PROJECT["optional-dependencies"].items()
}


def imported_modules() -> dict[str, set[str]]:
    """Top-level third-party modules imported anywhere in the package (also inside functions),
    and the files that import them."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / "quoteattr").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "quoteattr" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(str(path.relative_to(ROOT)))
    return found


def distribution(module: str) -> str:
    names = importlib.metadata.packages_distributions().get(module)
    assert names, f"{module} is imported but no installed distribution provides it"
    return names[0].lower().replace("_", "-")


def test_every_imported_package_is_declared():
    modules = imported_modules()
    assert CLI <= set(modules), "the scan finds the command line's imports"
    undeclared = {}
    for module, files in modules.items():
        if module in RUNNING_ENVIRONMENT:
            continue
        name = distribution(module)
        if module in OPTIONAL:
            assert name in EXTRAS[OPTIONAL[module]], f"{name} is not in [{OPTIONAL[module]}]"
        elif name not in DECLARED:
            undeclared[name] = sorted(files)
    assert not undeclared, f"imported but not in pyproject.toml dependencies: {undeclared}"


def test_the_command_lines_packages_are_plain_dependencies():
    assert {distribution(module) for module in CLI} <= set(DECLARED)


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_installed_versions_meet_the_declared_bounds(name):
    requirement = Requirement(DECLARED[name])
    version = importlib.metadata.version(requirement.name)
    assert requirement.specifier.contains(version, prereleases=True), (requirement, version)
