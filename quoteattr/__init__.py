"""quoteattr: who said what in English news."""

from . import component  # noqa: F401  (registers the spaCy factories)
from .about import __version__
from .api import extract, extract_many, load
from .display import render
from .extensions import register_extensions
from .records import Cue, DocumentEntity, Entity, EntityType, Mention, Quote, QuoteKind, QuoteResult, Source

register_extensions()

__all__ = [
    "Cue",
    "DocumentEntity",
    "Entity",
    "EntityType",
    "Mention",
    "Quote",
    "QuoteKind",
    "QuoteResult",
    "Source",
    "__version__",
    "extract",
    "extract_many",
    "load",
    "render",
]
