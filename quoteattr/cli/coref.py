"""`quoteattr evaluate-coref`: the speaker resolver's coreference against GAP and GUM."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import srsly
import typer

from ._common import JsonOption, LimitOption, ModelOption, _fail, _nlp


def evaluate_coref(
    gap: Annotated[
        Optional[Path],
        typer.Option("--gap", exists=True, dir_okay=False, help="A GAP TSV (gap-test.tsv, ...)."),
    ] = None,
    gum: Annotated[
        Optional[Path],
        typer.Option("--gum", exists=True, dir_okay=False, help="A GUM JSON lines split."),
    ] = None,
    hand_set: Annotated[
        bool,
        typer.Option(
            "--hand-set",
            help="Order pronouns' candidates by the hand-set salience, not the shipped learned "
            "ranker the pipeline uses.",
        ),
    ] = False,
    gap_context: Annotated[
        str,
        typer.Option(
            "--gap-context",
            help="GAP's setting: 'page' reads the page's title (from the row's URL) as the "
            "headline, 'snippet' the text alone.",
        ),
    ] = "page",
    model: ModelOption = None,
    limit: LimitOption = None,
    json_path: JsonOption = None,
) -> None:
    """Pronouns and nominals resolved to the right entity: GAP F1 and bias, GUM accuracy."""
    from quoteattr.evaluation.coref import GAP_CONTEXTS, evaluate_gap, evaluate_gum

    if gap is None and gum is None:
        raise _fail("give --gap, --gum or both", code=2)
    if gap_context not in GAP_CONTEXTS:
        raise _fail(f"--gap-context must be one of {', '.join(GAP_CONTEXTS)}", code=2)
    nlp = _nlp(model, rules=True)
    order = {"ranker": None} if hand_set else {}
    reports = {}
    if gap is not None:
        reports["gap"] = evaluate_gap(gap, nlp=nlp, limit=limit, context=gap_context, **order)
        typer.echo(reports["gap"].format())
    if gum is not None:
        reports["gum"] = evaluate_gum(gum, nlp=nlp, limit=limit, **order)
        typer.echo(("\n" if gap is not None else "") + reports["gum"].format())
    if json_path is not None:
        srsly.write_json(json_path, {name: report.to_dict() for name, report in reports.items()})
