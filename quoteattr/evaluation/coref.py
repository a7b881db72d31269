"""Score the speaker resolver's coreference against gold: GAP and GUM (see their ABOUT.md).

The resolver is the one the pipeline uses (`quoteattr.rules.speakers.EntityResolver`): the document
is parsed by the base model, its names are seeded from the NER, and each pronoun or nominal of
interest is resolved in document order, as the pipeline resolves speaker mentions. No quotes are
attributed here, so no entity gets the salience of having spoken.

- GAP (Webster et al. 2018): each row has a pronoun and two names, A and B, given to the resolver
  (see `GapItem`; in GAP's page context the page's title is read as the headline). The resolver
  predicts A (or B) when the entity it resolves the pronoun to holds a mention overlapping that
  name, or a name compatible with it ("Smith" and "John Smith"). Scored as GAP's own scorer does:
  over the two (pronoun, name) pairs of every row, precision, recall and F1 of the TRUE pairs, for
  masculine and feminine pronouns and overall, and the bias ratio F1(feminine) / F1(masculine).
- GUM: every third-person personal pronoun ("he", "her", "it", "they") and every definite nominal
  ("the company", "the minister") whose gold cluster is a person or an organisation and has a
  proper-name mention before it. It is resolved right when the resolved entity holds a mention that
  overlaps a proper-name mention of the gold cluster; an unresolved mention is wrong.
"""

from __future__ import annotations

import csv
import re
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import srsly
from attrs import frozen

from ..rules.lexicon import load_default_lexicon
from ..rules.names import compatible_names, name_key
from ..rules.ranking import PACKAGED
from .report import Accuracy, PrecisionRecall

NEWS_GENRES = frozenset({"news", "interview"})
GUM_TYPES = {"person": "person", "organization": "org"}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
MASCULINE = frozenset({"he", "him", "his", "himself"})
BATCH_SIZE = 32
# GAP's two settings (Webster et al. 2018): "page", the page's title may be read (as the
# headline of an article would be); "snippet", the text alone.
GAP_CONTEXTS = ("page", "snippet")
HEADLINE_BREAK = "\n\n"  # a headline is a paragraph of its own
DISAMBIGUATION = re.compile(r"\s*\([^)]*\)\s*$")


# Running the resolver ----------------------------------------------------------------------------


def _parsed(texts: Iterable[str], nlp: Any) -> Iterator[Any]:
    """Docs parsed by the base pipeline (quoteattr's paragraphs, no attribution)."""
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name == "quoteattr"]):
        yield from nlp.pipe(texts, batch_size=BATCH_SIZE)


def _resolver(doc: Any, ranker: Any = PACKAGED) -> Any:
    """The pipeline's resolver over `doc`, its names seeded, ordering pronouns' candidates by
    `ranker` (`PACKAGED`: the shipped ranker, as the pipeline does; a `PronounRanker`; None: the
    hand-set salience order)."""
    from ..rules.context import DocContext
    from ..rules.seeding import seed_names
    from ..rules.speakers import EntityResolver

    resolver = EntityResolver(DocContext.build(doc, _lexicon()), ranker)
    seed_names(resolver)
    return resolver


_LEXICON: list[Any] = []


def _lexicon() -> Any:
    if not _LEXICON:
        _LEXICON.append(load_default_lexicon())
    return _LEXICON[0]


def _overlaps(mentions: Iterable[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in mentions)


# GAP -------------------------------------------------------------------------------------------


@frozen
class GapReport:
    path: str
    rows: int
    context: str
    masculine: PrecisionRecall
    feminine: PrecisionRecall
    overall: PrecisionRecall
    seconds: float

    @property
    def bias(self) -> float:
        return self.feminine.f1 / self.masculine.f1 if self.masculine.f1 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "rows": self.rows,
            "context": self.context,
            "masculine": self.masculine.to_dict(),
            "feminine": self.feminine.to_dict(),
            "overall": self.overall.to_dict(),
            "bias": self.bias,
            "seconds": self.seconds,
        }

    def format(self) -> str:
        lines = [
            f"GAP {self.path} | {self.rows} rows | {self.context} context | {self.seconds:.1f} s",
            f"{'':<11}{'P':>6}{'R':>6}{'F1':>6}",
        ]
        for label, scores in (
            ("masculine", self.masculine),
            ("feminine", self.feminine),
            ("overall", self.overall),
        ):
            lines.append(
                f"{label:<11}{100 * scores.precision:>6.1f}{100 * scores.recall:>6.1f}"
                f"{100 * scores.f1:>6.1f}"
            )
        lines.append(f"bias (F1 feminine / masculine): {self.bias:.2f}")
        return "\n".join(lines)


def read_gap(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[:limit] if limit else rows


def page_title(url: str) -> str:
    """The title of the Wikipedia page a GAP row comes from, without its disambiguation
    ("http://en.wikipedia.org/wiki/John_Smith_(footballer)" -> "John Smith"); "" for no URL."""
    title = unquote(url.rstrip("/").rsplit("/wiki/", 1)[-1]) if "/wiki/" in url else ""
    return DISAMBIGUATION.sub("", title.replace("_", " ")).strip()


@frozen
class GapItem:
    """One GAP row as the resolver reads it: `text` (the row's text, after its page's title as
    a headline in GAP's page context) and the pronoun's and names' character offsets in it."""

    text: str
    pronoun: tuple[int, int]
    names: tuple[tuple[int, int, str], tuple[int, int, str]]  # A and B: (start, end, text)

    @classmethod
    def from_row(cls, row: dict[str, Any], context: str = "page") -> GapItem:
        if context not in GAP_CONTEXTS:
            raise ValueError(f"unknown GAP context {context!r}: use one of {GAP_CONTEXTS}")
        title = page_title(row.get("URL") or "") if context == "page" else ""
        shift = len(title) + len(HEADLINE_BREAK) if title else 0
        text = f"{title}{HEADLINE_BREAK}{row['Text']}" if title else row["Text"]

        def span(offset_key: str, words: str) -> tuple[int, int, str]:
            start = int(row[offset_key]) + shift
            return start, start + len(words), words

        pronoun = span("Pronoun-offset", row["Pronoun"])
        names = (span("A-offset", row["A"]), span("B-offset", row["B"]))
        return cls(text=text, pronoun=pronoun[:2], names=names)

    def resolver(self, doc: Any, ranker: Any = PACKAGED) -> Any:
        """The pipeline's resolver over `doc` with A and B given, as GAP gives them: a name the
        recognizer missed is added as a name it would have seeded untagged (so the labels, which
        the ranker weighs, stay the recognizer's own)."""
        resolver = _resolver(doc, ranker)
        for start, end, _ in self.names:
            if not any(_overlaps(e.mentions, start, end) for e in resolver.entities):
                resolver.add_name(start, end, None)
        return resolver

    def holds(self, entity: Any, which: int, entities: Iterable[Any] = ()) -> bool:
        """Whether `entity` is name `which` (0: A, 1: B): it holds a mention overlapping the
        name, or a name compatible with it ("Smith" and "John Smith"). Where another of the
        resolver's `entities` has a mention inside the name, only a mention of `entity`'s own
        inside it counts: "Renato Martin, friend of Jorg Haider" is a mention of Martin that
        overlaps Haider, whom the resolver knows as someone else."""
        start, end, words = self.names[which]
        key = name_key(words)
        if any(compatible_names(*sorted((key, known), key=len)) for known in entity.names):
            return True
        if not _overlaps(entity.mentions, start, end):
            return False
        inside = [
            other for other in entities if any(start <= a and b <= end for a, b in other.mentions)
        ]
        return not inside or entity in inside


def gap_items(rows: list[dict[str, Any]], context: str = "page") -> list[GapItem]:
    return [GapItem.from_row(row, context) for row in rows]


def gap_predictions(
    rows: list[dict[str, Any]], nlp: Any, ranker: Any = PACKAGED, context: str = "page"
) -> list[tuple[bool, bool]]:
    """(A predicted, B predicted) for each row."""
    items = gap_items(rows, context)
    predictions = []
    for item, doc in zip(items, _parsed((item.text for item in items), nlp), strict=True):
        start, end = item.pronoun
        resolver = item.resolver(doc, ranker)
        entity = resolver.resolve(start, end, []).entity
        found = [
            entity is not None and item.holds(entity, which, resolver.entities) for which in (0, 1)
        ]
        if all(found):  # one entity cannot be both: keep the one named nearer the pronoun
            a_end, b_end = item.names[0][1], item.names[1][1]
            nearer_a = abs(start - a_end) < abs(start - b_end)
            found = [nearer_a, not nearer_a]
        predictions.append((found[0], found[1]))
    return predictions


def score_gap(rows: list[dict[str, Any]], predictions: list[tuple[bool, bool]]) -> dict[str, Any]:
    """Precision and recall of the true (pronoun, name) pairs, by the pronoun's gender."""
    counts: Counter[tuple[str, str]] = Counter()
    for row, predicted in zip(rows, predictions, strict=True):
        gender = "masculine" if row["Pronoun"].lower() in MASCULINE else "feminine"
        for which, guess in zip(("A", "B"), predicted, strict=True):
            truth = row[f"{which}-coref"].upper() == "TRUE"
            for group in (gender, "overall"):
                counts[group, "gold"] += truth
                counts[group, "predicted"] += guess
                counts[group, "both"] += truth and guess
    return {
        group: PrecisionRecall(
            counts[group, "gold"],
            counts[group, "predicted"],
            counts[group, "both"],
            counts[group, "both"],
        )
        for group in ("masculine", "feminine", "overall")
    }


def evaluate_gap(
    path: str | Path,
    *,
    nlp: Any,
    limit: int | None = None,
    ranker: Any = PACKAGED,
    context: str = "page",
) -> GapReport:
    """GAP's scores of the resolver over the first `limit` rows of a GAP TSV file, in GAP's
    page context (the page's title read as the headline) or its snippet context (the text
    alone)."""
    started = time.perf_counter()
    rows = read_gap(path, limit)
    scores = score_gap(rows, gap_predictions(rows, nlp, ranker, context))
    return GapReport(
        path=str(path),
        rows=len(rows),
        context=context,
        seconds=time.perf_counter() - started,
        **scores,
    )


# GUM -------------------------------------------------------------------------------------------


@frozen
class GumReport:
    path: str
    documents: int
    accuracies: dict[str, Accuracy]  # "genres/type/kind" -> accuracy
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "documents": self.documents,
            "accuracies": {key: value.to_dict() for key, value in self.accuracies.items()},
            "seconds": self.seconds,
        }

    def format(self) -> str:
        lines = [
            f"GUM {self.path} | {self.documents} documents | {self.seconds:.1f} s",
            "resolved to the gold entity (% right of mentions whose entity is named before them):",
            f"{'genres':<16}{'type':<8}{'mention':<10}{'total':>6}{'right':>7}",
        ]
        for key, accuracy in self.accuracies.items():
            genres, kind, how = key.split("/")
            lines.append(
                f"{genres:<16}{kind:<8}{how:<10}{accuracy.total:>6}{100 * accuracy.value:>7.1f}"
            )
        return "\n".join(lines)


def read_gum(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    documents = list(srsly.read_jsonl(path))
    return documents[:limit] if limit else documents


def gum_targets(document: dict[str, Any]) -> list[tuple[dict[str, Any], str, str]]:
    """(mention, entity type, mention kind) for each scored mention, in text order."""
    by_id = {mention["id"]: mention for mention in document["mentions"]}
    targets = []
    for mention in document["mentions"]:
        cluster = document["clusters"].get(mention["cluster"]) or {}
        kind = GUM_TYPES.get(cluster.get("entity_type") or "")
        first = by_id.get(cluster.get("first_proper_mention") or "")
        if kind is None or first is None or first["end"] > mention["start"]:
            continue
        if mention["mention_type"] == "pronoun":
            features = mention.get("pron_feats") or {}
            if features.get("PronType") != "Prs" or features.get("Person") != "3":
                continue
            how = "pronoun"
        elif mention["mention_type"] == "nominal":
            words = mention["text"].split()
            if len(words) < 2 or words[0].lower() not in DEFINITE:
                continue
            how = "nominal"
        else:
            continue
        targets.append((mention, kind, how))
    return targets


def gum_judgements(
    document: dict[str, Any], doc: Any, ranker: Any = PACKAGED
) -> list[tuple[str, str, bool]]:
    """(entity type, mention kind, right) for each scored mention of one document."""
    resolver = _resolver(doc, ranker)
    by_id = {mention["id"]: mention for mention in document["mentions"]}
    judged = []
    for mention, kind, how in gum_targets(document):
        cluster = document["clusters"][mention["cluster"]]
        proper = [
            (by_id[m]["start"], by_id[m]["end"])
            for m in cluster["mentions"]
            if by_id[m]["mention_type"] == "proper"
        ]
        entity = resolver.resolve(mention["start"], mention["end"], []).entity
        right = entity is not None and any(_overlaps(entity.mentions, a, b) for a, b in proper)
        judged.append((kind, how, right))
    return judged


def evaluate_gum(
    path: str | Path, *, nlp: Any, limit: int | None = None, ranker: Any = PACKAGED
) -> GumReport:
    """The share of scored GUM mentions (see `gum_targets`) resolved to their gold entity."""
    started = time.perf_counter()
    documents = read_gum(path, limit)
    counts: Counter[tuple[str, bool]] = Counter()
    for document, doc in zip(documents, _parsed((d["text"] for d in documents), nlp), strict=True):
        genres = "news+interview" if document["genre"] in NEWS_GENRES else "other"
        for kind, how, right in gum_judgements(document, doc, ranker):
            for group in (genres, "all"):
                counts[f"{group}/{kind}/{how}", right] += 1
    keys = sorted({key for key, _ in counts}, key=lambda k: (k.startswith("all"), k))
    return GumReport(
        path=str(path),
        documents=len(documents),
        accuracies={
            key: Accuracy(counts[key, True], counts[key, True] + counts[key, False]) for key in keys
        },
        seconds=time.perf_counter() - started,
    )
