"""How fast quoteattr runs, against the bare base pipeline it is built on.

Both pipelines stream the same texts in one process, in interleaved rounds (bare, quoteattr, bare,
quoteattr, ...) so that drift of the machine (thermal, other load) hits both alike; each reports
the median of its rounds. Words are the tokens of the bare docs that are neither spaces nor
punctuation, counted once in an untimed warm-up pass.
"""

from __future__ import annotations

import itertools
import os
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import srsly
from attrs import field, frozen

from ..api import DEFAULT_BATCH_SIZE

__all__ = ["MemoryReport", "SpeedReport", "SpeedRun", "memory", "read_texts", "speed"]

LONG_WORDS = 45_000
BASELINES = ("default", "reduced", "rules")
SAMPLE_EVERY = 100  # documents between two samples of resident memory
# `benchmark memory` also samples resident memory after this many documents (the pipeline warmed
# up) and reports the largest change from it over the rest of the stream.
WARM_DOCUMENTS = 500
MB = 2**20


def read_texts(path: str | Path, limit: int | None = None) -> list[str]:
    """The "text" field of the first `limit` lines of a JSON lines file."""
    return [line["text"] for line in itertools.islice(srsly.read_jsonl(path), limit)]


def _rss() -> int:
    """Resident memory of this process in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _max_rss_mb(who: int) -> float:
    # ru_maxrss is in kilobytes on Linux but in bytes on macOS
    return resource.getrusage(who).ru_maxrss / (MB if sys.platform == "darwin" else 1024)


def _stream(items: Iterable[object]) -> tuple[float, float]:
    """Seconds to exhaust `items`, and the growth of resident memory meanwhile (MB)."""
    baseline = peak = _rss()
    started = time.perf_counter()
    for index, _ in enumerate(items, 1):
        if index % SAMPLE_EVERY == 0:
            peak = max(peak, _rss())
    seconds = time.perf_counter() - started
    return seconds, (max(peak, _rss()) - baseline) / MB


def _count_words(docs: Iterable[Any]) -> int:
    return sum(1 for doc in docs for token in doc if not (token.is_space or token.is_punct))


def _long_text(texts: Sequence[str], words: int = LONG_WORDS) -> str:
    """The texts joined as paragraphs (repeated if need be) up to about `words` words."""
    pieces: list[str] = []
    total = 0
    for text in itertools.cycle(texts):
        if total >= words:
            break
        pieces.append(text)
        total += len(text.split())
    return "\n\n".join(pieces)


@frozen
class SpeedRun:
    """One setting, over all rounds. `ratio`: quoteattr's words/s over the bare pipeline's."""

    name: str
    n_process: int
    documents: int
    words: int
    bare_seconds: tuple[float, ...] = field(converter=tuple)
    quoteattr_seconds: tuple[float, ...] = field(converter=tuple)
    bare_rss_growth_mb: float  # largest over the rounds
    quoteattr_rss_growth_mb: float

    @property
    def bare_wps(self) -> float:
        return self.words / statistics.median(self.bare_seconds)

    @property
    def quoteattr_wps(self) -> float:
        return self.words / statistics.median(self.quoteattr_seconds)

    @property
    def ratio(self) -> float:
        return self.quoteattr_wps / self.bare_wps

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "n_process": self.n_process,
            "documents": self.documents,
            "words": self.words,
            "bare_seconds": list(self.bare_seconds),
            "quoteattr_seconds": list(self.quoteattr_seconds),
            "bare_words_per_second": self.bare_wps,
            "quoteattr_words_per_second": self.quoteattr_wps,
            "ratio": self.ratio,
            "bare_rss_growth_mb": self.bare_rss_growth_mb,
            "quoteattr_rss_growth_mb": self.quoteattr_rss_growth_mb,
        }


@frozen
class SpeedReport:
    path: str
    model: str
    bare_pipes: tuple[str, ...] = field(converter=tuple)
    quoteattr_pipes: tuple[str, ...] = field(converter=tuple)
    rounds: int
    batch_size: int
    runs: tuple[SpeedRun, ...] = field(converter=tuple)
    max_rss_mb: float  # this process, over its whole life
    max_rss_children_mb: float  # the largest worker process that has ended
    attribution: str = "trained"  # "trained" (the attribution model) or "rules"

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "model": self.model,
            "attribution": self.attribution,
            "bare_pipes": list(self.bare_pipes),
            "quoteattr_pipes": list(self.quoteattr_pipes),
            "rounds": self.rounds,
            "batch_size": self.batch_size,
            "runs": [run.to_dict() for run in self.runs],
            "max_rss_mb": self.max_rss_mb,
            "max_rss_children_mb": self.max_rss_children_mb,
        }

    def format(self) -> str:
        lines = [
            f"{self.path} | model {self.model} | median of {self.rounds} rounds, "
            f"batch size {self.batch_size}",
            f"bare:      {' '.join(self.bare_pipes)}",
            f"quoteattr: {' '.join(self.quoteattr_pipes)} (attribution: {self.attribution})",
            "",
            f"{'run':<14}{'docs':>6}{'words':>9}{'bare w/s':>10}{'quoteattr w/s':>15}{'ratio':>7}"
            f"{'RSS growth MB bare / quoteattr':>32}",
        ]
        for run in self.runs:
            lines.append(
                f"{run.name:<14}{run.documents:>6}{run.words:>9,}"
                f"{run.bare_wps:>10,.0f}{run.quoteattr_wps:>15,.0f}{run.ratio:>7.2f}"
                f"{run.bare_rss_growth_mb:>23.1f} / {run.quoteattr_rss_growth_mb:.1f}"
            )
        lines += [
            "",
            f"peak RSS: this process {self.max_rss_mb:,.0f} MB, "
            f"workers {self.max_rss_children_mb:,.0f} MB",
        ]
        return "\n".join(lines)


def speed(
    path: str | Path,
    *,
    model: str | None = None,
    limit: int | None = None,
    rounds: int = 3,
    n_process: Sequence[int] = (1, 2),
    long: bool = False,
    long_words: int = LONG_WORDS,
    batch_size: int = DEFAULT_BATCH_SIZE,
    baseline: str = "default",
    trained: bool = True,
    progress: Callable[[str], None] | None = None,
    repeat: int = 1,
) -> SpeedReport:
    """Words per second of `extract_many` against the bare pipeline's `nlp.pipe`, per `n_process`.

    With `baseline="default"` the bare pipeline is `spacy.load` of the model quoteattr builds on,
    whole: the ratio is what quoteattr costs over using that model as it comes (quoteattr leaves out
    components it has no use for, which the report lists). With `baseline="reduced"` the bare
    pipeline leaves out the same components, so the ratio is the cost of attribution alone. With
    `baseline="rules"` the "bare" side is quoteattr with the rules alone, through `extract_many`
    as well, so the ratio is what the trained model costs or saves.

    With `long`, the texts are joined into one document of about `long_words` words instead, which
    is timed in one process (a single document cannot be shared out). With `repeat`, the texts are
    taken that many times over (840 documents from 84: enough for worker processes to pay off).
    `trained` as for `load`.
    `progress` is called with a line after the warm-up and after every timed round (the command
    prints them, so that a run of minutes is not silent).
    """
    from quoteattr.api import UNUSED_COMPONENTS, extract_many, load, load_base, resolve_model_name

    if baseline not in BASELINES:
        raise ValueError(f"baseline must be one of {', '.join(BASELINES)}, got {baseline!r}")
    nlp = load(model, trained=trained)
    if baseline == "rules":
        base = load(model, trained=False)
    else:
        base = load_base(model, exclude=UNUSED_COMPONENTS if baseline == "reduced" else ())
    articles = read_texts(path, limit) * repeat
    if not articles:
        raise ValueError(f"no texts in {path}")
    texts = [_long_text(articles, long_words)] if long else articles
    for pipeline in (base, nlp):  # only ever raised, so the cached pipeline stays usable
        pipeline.max_length = max(pipeline.max_length, max(map(len, texts)) + 1)
    # untimed warm-up of both pipelines; the bare one also counts the words
    words = _count_words(base.pipe(texts, batch_size=batch_size))
    for _ in extract_many(articles[:5], nlp=nlp, batch_size=batch_size):
        pass
    say = progress or (lambda _: None)
    settings = [1] if long else list(n_process)
    say(
        f"warmed up; timing {len(texts)} document{'' if len(texts) == 1 else 's'} ({words:,} "
        f"words), {rounds} round{'' if rounds == 1 else 's'} for each of "
        f"{', '.join(f'n_process={n}' for n in settings)}"
    )

    runs = []
    for processes in settings:
        timings: dict[str, list[tuple[float, float]]] = {"bare": [], "quoteattr": []}
        for round_number in range(1, rounds + 1):
            if baseline == "rules":
                bare = extract_many(texts, nlp=base, n_process=processes, batch_size=batch_size)
            else:
                bare = base.pipe(texts, n_process=processes, batch_size=batch_size)
            timings["bare"].append(_stream(bare))
            ours = extract_many(texts, nlp=nlp, n_process=processes, batch_size=batch_size)
            timings["quoteattr"].append(_stream(ours))
            say(
                f"n_process={processes} round {round_number}/{rounds}: bare "
                f"{timings['bare'][-1][0]:.2f} s, quoteattr {timings['quoteattr'][-1][0]:.2f} s"
            )
        runs.append(
            SpeedRun(
                name="long document" if long else f"n_process={processes}",
                n_process=processes,
                documents=len(texts),
                words=words,
                bare_seconds=[seconds for seconds, _ in timings["bare"]],
                quoteattr_seconds=[seconds for seconds, _ in timings["quoteattr"]],
                bare_rss_growth_mb=max(growth for _, growth in timings["bare"]),
                quoteattr_rss_growth_mb=max(growth for _, growth in timings["quoteattr"]),
            )
        )
    return SpeedReport(
        path=str(path),
        model=resolve_model_name(model),
        bare_pipes=base.pipe_names,
        quoteattr_pipes=nlp.pipe_names,
        rounds=rounds,
        batch_size=batch_size,
        runs=runs,
        max_rss_mb=_max_rss_mb(resource.RUSAGE_SELF),
        max_rss_children_mb=_max_rss_mb(resource.RUSAGE_CHILDREN),
        attribution="rules" if nlp.get_pipe("quoteattr").attribution_model is None else "trained",
    )


@frozen
class MemoryReport:
    """Resident memory while `extract_many` streams `documents` texts (the inputs cycled)."""

    path: str
    documents: int
    words: int
    seconds: float
    samples: tuple[tuple[int, float], ...] = field(converter=tuple)  # (documents done, RSS MB)

    @property
    def growth_mb(self) -> float:
        """RSS at the end over RSS after the first tenth (the pipeline warmed up)."""
        warm = next(rss for done, rss in self.samples if done >= self.documents // 10)
        return self.samples[-1][1] - warm

    @property
    def drift_percent(self) -> float:
        """The largest change of RSS after the first `WARM_DOCUMENTS` documents (or the first
        tenth, if fewer), in % of the RSS then."""
        warm_done = min(WARM_DOCUMENTS, self.documents // 10)
        warm = next(rss for done, rss in self.samples if done >= warm_done)
        later = [rss for done, rss in self.samples if done > warm_done]
        return max((abs(rss - warm) for rss in later), default=0.0) / warm * 100 if warm else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "documents": self.documents,
            "words": self.words,
            "seconds": self.seconds,
            "samples": [list(sample) for sample in self.samples],
            "growth_mb": self.growth_mb,
            "drift_percent": self.drift_percent,
        }

    def format(self) -> str:
        lines = [
            (
                f"{self.path} | {self.documents:,} documents, "
                f"{self.words:,} words, {self.seconds:.0f} s"
            ),
            "",
        ]
        lines += [f"after {done:>7,} documents: RSS {rss:,.0f} MB" for done, rss in self.samples]
        lines += [
            "",
            f"growth after the first tenth: {self.growth_mb:+.1f} MB",
            f"largest change after the first {min(WARM_DOCUMENTS, self.documents // 10):,} "
            f"documents: {self.drift_percent:.1f}%",
        ]
        return "\n".join(lines)


def memory(
    path: str | Path,
    *,
    model: str | None = None,
    documents: int = 10_000,
    paragraphs: int = 3,
    batch_size: int = DEFAULT_BATCH_SIZE,
    samples: int = 10,
) -> MemoryReport:
    """Stream `documents` texts through `extract_many` and sample resident memory `samples` times.

    The texts are the first `paragraphs` paragraphs of each input, cycled: many short documents
    are what a leak would show in, and they keep the run short.
    """
    from quoteattr.api import extract_many, load

    articles = read_texts(path)
    if not articles:
        raise ValueError(f"no texts in {path}")
    texts = ["\n\n".join(article.split("\n\n")[:paragraphs]) for article in articles]
    stream = itertools.islice(itertools.cycle(texts), documents)
    every = max(1, documents // samples)
    taken: list[tuple[int, float]] = [(0, _rss() / MB)]
    words = 0
    started = time.perf_counter()
    for done, result in enumerate(extract_many(stream, nlp=load(model), batch_size=batch_size), 1):
        words += len(result.text.split())
        if done % every == 0 or done == documents or done == WARM_DOCUMENTS:
            taken.append((done, _rss() / MB))
    return MemoryReport(
        path=str(path),
        documents=documents,
        words=words,
        seconds=time.perf_counter() - started,
        samples=taken,
    )
