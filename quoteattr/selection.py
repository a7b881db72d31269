"""Which records a caller asked for: the categories ("statement" by default, "all", or a choice)
and the lowest confidence to report."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Union

from spacy.language import Language

from .errors import Errors
from .records import Category, Quote

ALL = "all"
DEFAULT_CATEGORIES = (Category.STATEMENT.value,)
# What a `categories` setting may be: "all", one name, or several.
CategoriesSetting = Union[str, Iterable[str]]


def parse_categories(value: CategoriesSetting) -> frozenset[Category]:
    """The categories a setting names: "all", one name ("thought"), several names (a list, or one
    string with commas: "statement,stance")."""
    names = value.split(",") if isinstance(value, str) else list(value)
    names = [str(name).strip().lower() for name in names]
    if ALL in names:
        return frozenset(Category)
    known = {category.value: category for category in Category}
    unknown = [name for name in names if name not in known]
    if unknown or not names:
        raise ValueError(
            Errors.E017.format(name=unknown[0] if unknown else "", known=", ".join(known))
        )
    return frozenset(known[name] for name in names)


def check_min_confidence(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError(Errors.E018.format(value=value))
    return float(value)


def is_selected(quote: Quote, categories: frozenset[Category], min_confidence: float) -> bool:
    return quote.category in categories and quote.confidence >= min_confidence


def call_settings(
    categories: CategoriesSetting | None, min_confidence: float | None
) -> dict[str, Any]:
    """The quoteattr component's call settings for the records asked for (checked here, before
    any text is parsed)."""
    settings: dict[str, Any] = {}
    if categories is not None:
        parse_categories(categories)
        settings["categories"] = categories
    if min_confidence is not None:
        settings["min_confidence"] = check_min_confidence(min_confidence)
    return settings


def component_cfg_for(nlp: Language, settings: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """`component_cfg` giving `settings` to `nlp`'s quoteattr component(s)."""
    if not settings:
        return {}
    names = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory == "quoteattr"]
    if not names:
        raise ValueError(Errors.E019.format(pipes=", ".join(nlp.pipe_names)))
    return {name: settings for name in names}
