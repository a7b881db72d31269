"""Teach a pipeline's tokenizer the abbreviations it would cut in two.

The English tokenizer splits "Sgt." into "Sgt" and ".", and the parser then often ends a sentence
at the full stop: "..., Sgt. Maria Delgado said." loses its speaker. The base models were trained
on text that keeps such abbreviations whole, so a tokenizer special case for each (the lexicon's
`abbreviations`) gives the parser and NER the input they expect.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.symbols import ORTH

from ..rules.lexicon import word_list

__all__ = ["keep_abbreviations"]

ABBREVIATIONS = word_list("abbreviations")


def keep_abbreviations(nlp: Language) -> bool:
    """Add a special case to `nlp`'s tokenizer for each abbreviation, capitalised with its full
    stop ("Sgt."); False when the tokenizer takes no special cases (a custom one)."""
    add = getattr(nlp.tokenizer, "add_special_case", None)
    if add is None:
        return False
    for word in sorted(ABBREVIATIONS):
        form = f"{word.capitalize()}."
        add(form, [{ORTH: form}])
    return True
