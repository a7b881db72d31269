"""Does `extract` take time linear in the length of its input? A benchmark, not a test.

`time_scaling` times `extract` on a generated news-like article and on one `factor` times longer,
and reports both times and their ratio: about `factor` for linear time, about `factor ** 2` for
quadratic. `generate_article` writes the input: invented names, speech verbs, direct, split,
indirect and "according to" quotes, pronouns and paragraphs, from a seeded random generator.
"""

from __future__ import annotations

import random
import time
from typing import TYPE_CHECKING

from attrs import frozen

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "CUE_VERBS",
    "FIRST_NAMES",
    "LAST_NAMES",
    "ScalingReport",
    "generate_article",
    "time_scaling",
]

# Invented people and places: no real person's words.
FIRST_NAMES = ("Jane", "Tom", "Ana", "Raj", "Mira", "Olu", "Ketil", "Sofia", "Daniel", "Wen")
LAST_NAMES = (
    "Roe",
    "Poe",
    "Lindqvist",
    "Okafor",
    "Varga",
    "Castellanos",
    "Haddad",
    "Brennan",
    "Ishikawa",
    "Moreau",
)
PLACES = ("Northvale", "Port Ambry", "the Delmar Valley", "Eastwick County")
ORGS = ("the Harbour Authority", "the Northvale Council", "Ambry Transit", "the Delmar Water Board")
CUE_VERBS = ("said", "told reporters", "added", "warned", "insisted", "explained", "argued")
STATEMENTS = (
    "the bridge will reopen before the winter",
    "nobody was consulted about the new timetable",
    "the budget for the harbour has doubled since March",
    "we expect a decision within two weeks",
    "the figures do not support that claim",
    "residents deserve a clear answer on the water prices",
)


def generate_article(paragraphs: int, *, seed: int = 0) -> str:
    """An invented news article of `paragraphs` paragraphs, the same for the same arguments."""
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        org, place = rng.choice(ORGS), rng.choice(PLACES)
        pronoun = rng.choice(("he", "she", "they"))
        verb = rng.choice(CUE_VERBS)
        one, two = rng.sample(STATEMENTS, 2)
        form = rng.randrange(5)
        if form == 0:
            paragraph = f'"{one.capitalize()}," {verb} {first} {last}, who works for {org}.'
        elif form == 1:
            paragraph = (
                f"{first} {last} said on Tuesday that {one}. "
                f'"{two.capitalize()}," {pronoun} {verb}.'
            )
        elif form == 2:
            paragraph = f'"{one.capitalize()}," {last} said, "and {two}."'
        elif form == 3:
            paragraph = f"According to {first} {last} of {place}, {one}."
        else:
            paragraph = (
                f"The mayor of {place}, {first} {last}, {verb}: "
                f'"{one.capitalize()}. {two.capitalize()}."'
            )
        out.append(paragraph)
    return "\n\n".join(out) + "\n"


@frozen
class ScalingReport:
    """Seconds `extract` took on a text of `chars` characters and on one about `factor` times
    longer."""

    chars: int
    scaled_chars: int
    factor: int
    seconds: float
    scaled_seconds: float

    @property
    def ratio(self) -> float:
        """scaled_seconds / seconds: about `factor` when time is linear in the input."""
        return self.scaled_seconds / self.seconds if self.seconds > 0 else float("inf")

    @property
    def per_factor(self) -> float:
        """ratio / (scaled_chars / chars): 1.0 is linear; above 1, time grows faster than the
        input."""
        return self.ratio / (self.scaled_chars / self.chars) if self.chars else float("nan")


def time_scaling(
    nlp: Language | None = None,
    *,
    paragraphs: int = 40,
    factor: int = 10,
    repeat: int = 3,
    seed: int = 0,
) -> ScalingReport:
    """Time `quoteattr.extract` on an article of `paragraphs` paragraphs and of `factor` times as
    many.

    Args:
        nlp (Language | None): the pipeline; default `quoteattr.load()`.
        paragraphs (int): paragraphs of the smaller input (see `generate_article`).
        factor (int): how many times longer the larger input is.
        repeat (int): each input is timed this many times; the fastest run counts.
    RETURNS (ScalingReport): both lengths and times, the ratio of the times.
    """
    from ..api import extract, load

    if paragraphs < 1 or factor < 1 or repeat < 1:
        raise ValueError("paragraphs, factor and repeat must be at least 1")
    nlp = nlp if nlp is not None else load()
    small = generate_article(paragraphs, seed=seed)
    large = generate_article(paragraphs * factor, seed=seed)
    extract(small, nlp=nlp)  # warm-up: lazy model initialisation, caches

    def fastest(text: str) -> float:
        best = float("inf")
        for _ in range(repeat):
            started = time.perf_counter()
            extract(text, nlp=nlp)
            best = min(best, time.perf_counter() - started)
        return best

    return ScalingReport(
        chars=len(small),
        scaled_chars=len(large),
        factor=factor,
        seconds=fastest(small),
        scaled_seconds=fastest(large),
    )
