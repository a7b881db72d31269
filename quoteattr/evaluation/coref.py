"""Score the speaker resolver's coreference against gold: GAP and GUM (see their ABOUT.md).

The resolver is the one the pipeline uses (`quoteattr.rules.speakers.EntityResolver`): the document
is parsed by the base model, its names are seeded from the NER, and each pronoun or nominal of
interest is resolved in document order, as the pipeline resolves speaker mentions. No quotes are
attributed here, so no entity gets the salience of having spoken.

- GAP (Webster et al. 2018): each row has a pronoun and two names, A and B. The resolver predicts A
  (or B) when the entity it resolves the pronoun to holds a mention overlapping that name, or a name
  compatible with it ("Smith" and "John Smith"). Scored as GAP's own scorer does: over the two
  (pronoun, name) pairs of every row, precision, recall and F1 of the TRUE pairs, for masculine and
  feminine pronouns and overall, and the bias ratio F1(feminine) / F1(masculine).
- GUM: every third-person personal pronoun ("he", "her", "it", "they") and every definite nominal
  ("the company", "the minister") whose gold cluster is a person or an organisation and has a
  proper-name mention before it. It is resolved right when the resolved entity holds a mention that
  overlaps a proper-name mention of the gold cluster; an unresolved mention is wrong.
"""

from __future__ import annotations

import csv
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import srsly
from attrs import frozen

from ..rules.lexicon import load_default_lexicon
from ..rules.names import compatible_names, name_key
from .report import Accuracy, PrecisionRecall

NEWS_GENRES = frozenset({"news", "interview"})
GUM_TYPES = {"person": "person", "organization": "org"}
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
MASCULINE = frozenset({"he", "him", "his", "himself"})
BATCH_SIZE = 32


# Running the resolver ----------------------------------------------------------------------------


def _parsed(texts: Iterable[str], nlp: Any) -> Iterator[Any]:
    """Docs parsed by the base pipeline (quoteattr's paragraphs, no attribution)."""
    with nlp.select_pipes(disable=[name for name in nlp.pipe_names if name == "quoteattr"]):
        yield from nlp.pipe(texts, batch_size=BATCH_SIZE)


def _resolver(doc: Any, ranker: Any = None) -> Any:
    """The pipeline's resolver over `doc`, its names seeded, ordering pronouns' candidates by
    `ranker` (None: the hand-set salience order, as the pipeline does; a `PronounRanker`, or
    `PACKAGED` for the shipped one)."""
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
            "masculine": self.masculine.to_dict(),
            "feminine": self.feminine.to_dict(),
            "overall": self.overall.to_dict(),
            "bias": self.bias,
            "seconds": self.seconds,
        }

    def format(self) -> str:
        lines = [
            f"GAP {self.path} | {self.rows} rows | {self.seconds:.1f} s",
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


def gap_predictions(
    rows: list[dict[str, Any]], nlp: Any, ranker: Any = None
) -> list[tuple[bool, bool]]:
    """(A predicted, B predicted) for each row."""
    predictions = []
    for row, doc in zip(rows, _parsed((row["Text"] for row in rows), nlp), strict=True):
        resolver = _resolver(doc, ranker)
        start = int(row["Pronoun-offset"])
        resolved = resolver.resolve(start, start + len(row["Pronoun"]), [])
        entity = resolved.entity
        found = []
        for which in ("A", "B"):
            if entity is None:
                found.append(False)
                continue
            offset = int(row[f"{which}-offset"])
            key = name_key(row[which])
            found.append(
                _overlaps(entity.mentions, offset, offset + len(row[which]))
                or any(compatible_names(*sorted((key, known), key=len)) for known in entity.names)
            )
        if all(found):  # one entity cannot be both: keep the one named nearer the pronoun
            a_end = int(row["A-offset"]) + len(row["A"])
            b_end = int(row["B-offset"]) + len(row["B"])
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
    path: str | Path, *, nlp: Any, limit: int | None = None, ranker: Any = None
) -> GapReport:
    """GAP's scores of the resolver over the first `limit` rows of a GAP TSV file."""
    started = time.perf_counter()
    rows = read_gap(path, limit)
    scores = score_gap(rows, gap_predictions(rows, nlp, ranker))
    return GapReport(
        path=str(path), rows=len(rows), seconds=time.perf_counter() - started, **scores
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
    document: dict[str, Any], doc: Any, ranker: Any = None
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
    path: str | Path, *, nlp: Any, limit: int | None = None, ranker: Any = None
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
