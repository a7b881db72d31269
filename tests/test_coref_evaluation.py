"""The coreference evaluation (quoteattr.evaluation.coref) on made-up rows with known answers, the
command end to end on made-up files, and, marked slow, speaker names over PolNeAR dev."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quoteattr.cli import app
from quoteattr.evaluation.coref import GapItem, gum_targets, page_title, score_gap
from quoteattr.rules.names import CALENDAR, PARTICLES, fold

HEADER = "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL"


def gap_row(text: str, pronoun: str, a: str, b: str, truth: str) -> dict[str, str]:
    return {
        "ID": "made-up",
        "Text": text,
        "Pronoun": pronoun,
        "Pronoun-offset": str(text.index(f" {pronoun} ") + 1),
        "A": a,
        "A-offset": str(text.index(a)),
        "A-coref": str(truth == "A").upper(),
        "B": b,
        "B-offset": str(text.index(b)),
        "B-coref": str(truth == "B").upper(),
        "URL": "",
    }


ROWS = [
    gap_row("Ana Ruiz met Eva Lind. Later she left.", "she", "Ana Ruiz", "Eva Lind", "A"),
    gap_row("Tom Hale met Ed Ford. Then he left.", "he", "Tom Hale", "Ed Ford", "B"),
]


def test_gap_scores_pairs_by_gender():
    scores = score_gap(ROWS, [(True, False), (True, False)])
    assert scores["feminine"].precision == 1.0 and scores["feminine"].recall == 1.0
    assert scores["masculine"].precision == 0.0 and scores["masculine"].recall == 0.0
    assert scores["overall"].f1 == pytest.approx(0.5)


@pytest.mark.parametrize(
    "url, title",
    [
        ("http://en.wikipedia.org/wiki/Ana_Ruiz", "Ana Ruiz"),
        ("http://en.wikipedia.org/wiki/Tom_Hale_(footballer)", "Tom Hale"),
        ("http://en.wikipedia.org/wiki/Jos%C3%A9_Lind", "Jos\u00e9 Lind"),
        ("", ""),
    ],
)
def test_page_title_from_a_gap_url(url, title):
    assert page_title(url) == title


def test_gap_item_reads_the_page_title_as_a_headline_in_the_page_context():
    row = dict(ROWS[0], URL="http://en.wikipedia.org/wiki/Ana_Ruiz")
    page, snippet = GapItem.from_row(row, "page"), GapItem.from_row(row, "snippet")
    assert page.text == "Ana Ruiz\n\n" + row["Text"] and snippet.text == row["Text"]
    for item in (page, snippet):
        start, end = item.pronoun
        assert item.text[start:end] == "she"
        assert [item.text[a:b] for a, b, _ in item.names] == ["Ana Ruiz", "Eva Lind"]
    with pytest.raises(ValueError, match="unknown GAP context"):
        GapItem.from_row(row, "article")


def test_gap_item_gives_the_resolver_a_name_the_recognizer_missed(nlp):
    text = "Ana Ruiz gave Sparrow a book. Later she left."  # "Sparrow" untagged
    assert not any(ent.text == "Sparrow" for ent in nlp(text).ents)
    row = gap_row(text, "she", "Ana Ruiz", "Sparrow", "A")
    item = GapItem.from_row(row, "snippet")
    resolver = item.resolver(nlp(item.text))
    assert [item.holds(entity, 1) for entity in resolver.entities].count(True) == 1
    assert all(
        entity.labels["PERSON"] == 0 for entity in resolver.entities if item.holds(entity, 1)
    )


def test_a_long_mention_of_one_entity_does_not_hold_a_name_known_as_another(nlp):
    """ "Rena Marten, a friend of Jorg Halder," is a mention of Marten overlapping Halder, whom
    the resolver knows as another entity: the row's B is Halder's, not Marten's."""
    text = "Rena Marten, a friend of Jorg Halder, won the vote. Later he lost it."
    row = gap_row(text, "he", "Rena Marten", "Jorg Halder", "A")
    item = GapItem.from_row(row, "snippet")
    resolver = item.resolver(nlp(item.text))
    marten, halder = (
        next(e for e in resolver.entities if item.names[which][:2] in e.mentions)
        for which in (0, 1)
    )
    assert marten is not halder
    assert any(a < item.names[1][1] and item.names[1][0] < b for a, b in marten.mentions)
    assert not item.holds(marten, 1, resolver.entities) and item.holds(halder, 1, resolver.entities)
    assert item.holds(marten, 0, resolver.entities)  # near: its own name it holds


def test_gum_targets_are_third_person_pronouns_and_definite_nominals_after_a_name():
    text = "Jane Roe quit. She said the minister was tired. I agree. The ministry said so."
    mentions = []

    def mention(words, cluster, mention_type, **extra):
        start = text.index(words)
        mentions.append(
            {
                "id": f"m{len(mentions)}",
                "start": start,
                "end": start + len(words),
                "text": words,
                "cluster": cluster,
                "mention_type": mention_type,
                **extra,
            }
        )

    prs3 = {"PronType": "Prs", "Person": "3"}
    mention("Jane Roe", "e1", "proper")
    mention("She", "e1", "pronoun", pron_feats=prs3)
    mention("the minister", "e1", "nominal")
    mention("I", "e1", "pronoun", pron_feats={"PronType": "Prs", "Person": "1"})
    mention("The ministry", "e2", "nominal")  # its cluster has no name: not scored
    document = {
        "text": text,
        "mentions": mentions,
        "clusters": {
            "e1": {"entity_type": "person", "first_proper_mention": "m0"},
            "e2": {"entity_type": "organization", "first_proper_mention": None},
        },
    }
    assert [(m["text"], kind, how) for m, kind, how in gum_targets(document)] == [
        ("She", "person", "pronoun"),
        ("the minister", "person", "nominal"),
    ]


def test_evaluate_coref_command(tmp_path):
    gap = tmp_path / "gap.tsv"
    gap.write_text(
        HEADER + "\n" + "\n".join("\t".join(row.values()) for row in ROWS) + "\n", encoding="utf8"
    )
    result = CliRunner().invoke(
        app, ["evaluate-coref", "--gap", str(gap), "--json", str(tmp_path / "r.json")]
    )
    assert result.exit_code == 0, result.output
    assert "bias" in result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf8"))
    assert report["gap"]["rows"] == 2 and report["gap"]["context"] == "page"
    snippet = CliRunner().invoke(
        app, ["evaluate-coref", "--gap", str(gap), "--gap-context", "snippet", "--hand-set"]
    )
    assert snippet.exit_code == 0 and "snippet context" in snippet.output
    assert CliRunner().invoke(app, ["evaluate-coref"]).exit_code == 2
    wrong = CliRunner().invoke(app, ["evaluate-coref", "--gap", str(gap), "--gap-context", "x"])
    assert wrong.exit_code == 2


# Speaker names over PolNeAR dev --------------------------------------------------------------

POLNEAR_DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "dev.jsonl"
DATE = re.compile(r"\d{4}-\d\d|\d{1,2}/\d{1,2}/\d{2,4}")


def junk_reason(name: str, text: str) -> str | None:
    """Why a speaker's name cannot be a name of the article, else None."""
    words = name.split()
    folded = [fold(word).strip(".,'’") for word in words]
    if all(word in CALENDAR or word.isdigit() for word in folded):
        return "a date or a weekday"
    if DATE.search(name):
        return "holds a date"
    if "/" in words or "|" in words:
        return "a byline"
    if not all(
        any(ch.isupper() for ch in w) or not w[0].isalpha() or low in PARTICLES
        for w, low in zip(words, folded, strict=True)
    ):
        return "not in a name's casing"
    if fold(name).replace("’", "'") not in fold(text).replace("’", "'"):
        return "not written in the article"
    return None


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev is not beside the repository")
def test_no_speaker_name_is_junk_on_polnear_dev(nlp):
    import srsly

    import quoteattr

    texts = [line["text"] for line in srsly.read_jsonl(POLNEAR_DEV)]
    junk = []
    for text, result in zip(texts, quoteattr.extract_many(texts, nlp=nlp), strict=True):
        named = {e.entity_id for e in result.entities if e.type.value != "OTHER"}
        for quote in result:
            entities = [quote.speaker, *(source.entity for source in quote.sources)]
            for entity in entities:
                if entity is None or entity.name is None or entity.entity_id not in named:
                    continue
                reason = junk_reason(entity.name, text)
                if reason is not None:
                    junk.append((entity.name, reason))
    assert junk == [], junk
