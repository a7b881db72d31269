"""quoteattr: who said what in English news."""

# Registers the spaCy factories and functions (as the entry points do, for setups without them).
from .about import __version__
from .api import extract, extract_many, load
from .display import render
from .extensions import register_extensions
from .pipeline import attributor as _attributor  # noqa: F401
from .pipeline import paragraphs as _paragraphs  # noqa: F401
from .pipeline import registry as _registry  # noqa: F401
from .records import (
    Category,
    Cue,
    DocumentEntity,
    Entity,
    EntityType,
    Mention,
    Quote,
    QuoteKind,
    QuoteResult,
    Source,
)

__all__ = [
    "Category",
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
    "register_extensions",
    "render",
]
