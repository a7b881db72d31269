"""CPU seconds of quoteattr's own work, apart from the parse it reads: the paragraph segmenter, the
attribution component and the result built from each Doc.

Each text is parsed once, component by component (each timed once: the base pipeline's share);
the Doc is kept as bytes before each of quoteattr's components, and every round times those
components again on a copy, with `time.process_time` (CPU time, not wall-clock time: another
process on the machine moves it much less). The fastest round counts.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from attrs import field, frozen
from spacy.tokens import Doc

from .benchmark import LONG_WORDS, _long_text, read_texts

__all__ = ["StageReport", "stage_cpu"]

OWN_COMPONENTS = ("quoteattr_paragraphs", "quoteattr")
RESULT = "result"  # the `QuoteResult` read back from each Doc (`result_from_doc`)


@frozen
class StageReport:
    path: str
    documents: int
    tokens: int
    attribution: str  # "trained" or "rules"
    parse_seconds: dict[str, float] = field(converter=dict)  # base components, one pass
    rounds: tuple[dict[str, float], ...] = field(converter=tuple)  # quoteattr's, per round

    @property
    def fastest(self) -> dict[str, float]:
        """The round with the least CPU time in all of quoteattr's work."""
        return min(self.rounds, key=lambda seconds: sum(seconds.values()))

    @property
    def own_seconds(self) -> float:
        return sum(self.fastest.values())

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "documents": self.documents,
            "tokens": self.tokens,
            "attribution": self.attribution,
            "parse_seconds": self.parse_seconds,
            "rounds": list(self.rounds),
            "fastest": self.fastest,
            "own_seconds": self.own_seconds,
        }

    def format(self) -> str:
        lines = [
            f"{self.path} | {self.documents:,} document{'s' if self.documents != 1 else ''}, "
            f"{self.tokens:,} tokens | attribution: {self.attribution} | CPU seconds",
            "",
            "base components (one pass):",
        ]
        lines += [f"  {name:<22}{seconds:8.3f}" for name, seconds in self.parse_seconds.items()]
        lines += [f"quoteattr's own work (fastest of {len(self.rounds)} rounds):"]
        lines += [f"  {name:<22}{seconds:8.3f}" for name, seconds in self.fastest.items()]
        lines += [
            f"  {'total':<22}{self.own_seconds:8.3f}",
            "every round: " + ", ".join(f"{sum(r.values()):.3f}" for r in self.rounds),
        ]
        return "\n".join(lines)


def stage_cpu(
    path: str | Path,
    *,
    model: str | None = None,
    trained: bool = True,
    limit: int | None = None,
    long: bool = False,
    long_words: int = LONG_WORDS,
    rounds: int = 5,
    progress: Callable[[str], None] | None = None,
) -> StageReport:
    """CPU seconds of quoteattr's components on the texts of `path` (JSON lines with "text"), or,
    with `long`, on one document of about `long_words` words built as `benchmark speed --long`
    builds it. `trained` as for `load`."""
    from quoteattr.api import load
    from quoteattr.extensions import result_from_doc

    nlp = load(model, trained=trained)
    articles = read_texts(path, limit)
    if not articles:
        raise ValueError(f"no texts in {path}")
    texts = [_long_text(articles, long_words)] if long else articles
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)  # only ever raised
    parse_seconds: dict[str, float] = {}
    saved: list[tuple[str, dict[str, bytes]]] = []  # each text, its Doc before each own component
    tokens = 0
    for text in texts:
        doc = nlp.make_doc(text)
        before: dict[str, bytes] = {}
        for name, component in nlp.pipeline:
            if name in OWN_COMPONENTS:
                before[name] = doc.to_bytes()
            started = time.process_time()
            doc = component(doc)
            if name not in OWN_COMPONENTS:
                parse_seconds[name] = parse_seconds.get(name, 0.0) + time.process_time() - started
        tokens += len(doc)
        saved.append((text, before))
    say = progress or (lambda _: None)
    say(f"parsed {len(texts):,} document(s), {tokens:,} tokens; timing {rounds} round(s)")
    timed = []
    for round_number in range(1, rounds + 1):
        seconds = {name: 0.0 for name in (*OWN_COMPONENTS, RESULT)}
        for text, before in saved:
            for name in OWN_COMPONENTS:
                doc = Doc(nlp.vocab).from_bytes(before[name])
                started = time.process_time()
                doc = nlp.get_pipe(name)(doc)
                seconds[name] += time.process_time() - started
            started = time.process_time()
            result_from_doc(doc, text)
            seconds[RESULT] += time.process_time() - started
        timed.append(seconds)
        say(f"round {round_number}/{rounds}: {sum(seconds.values()):.3f} s")
    return StageReport(
        path=str(path),
        documents=len(texts),
        tokens=tokens,
        attribution="rules" if nlp.get_pipe("quoteattr").attribution_model is None else "trained",
        parse_seconds=parse_seconds,
        rounds=timed,
    )
