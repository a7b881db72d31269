"""`quoteattr info`: versions, and the pipeline quoteattr uses."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import srsly
import typer

from ._common import ModelOption


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
                else f"attribution trained model {attribution['name']} "
                f"({attribution['path']}, trained {attribution['trained']})"
            )
        typer.echo("\n".join(lines))
    if error is not None:
        raise typer.Exit(1)


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
    from quoteattr.model.scorer import packaged_model_path

    path = packaged_model_path()
    if path is None:
        return None
    meta = srsly.read_json(path / "meta.json") if (path / "meta.json").is_file() else {}
    return {"name": path.name, "path": str(path), "trained": meta.get("trained")}
