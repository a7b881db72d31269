"""The acceptance example: a real article with hand-made gold attributions (in ../shared)."""

from __future__ import annotations

import json

import pytest

import quoteattr


@pytest.fixture(scope="module")
def article(shared, nlp):
    text = (shared / "examples" / "xi-putin-2024-10-02.txt").read_text(encoding="utf8")
    gold = json.loads(
        (shared / "examples" / "xi-putin-2024-10-02.gold.json").read_text(encoding="utf8")
    )
    return text, gold, quoteattr.extract(text, nlp=nlp)


def _best_match(gold_quote, result):
    """The prediction covering most of the gold content."""
    g_start, g_end = gold_quote["content"]

    def covered(quote):
        parts = quote.parts or ((quote.start, quote.end),)
        return sum(max(0, min(g_end, b) - max(g_start, a)) for a, b in parts)

    best = max(result.quotes, key=covered, default=None)
    return best, (covered(best) if best else 0)


def _gold_ids(article):
    _, gold, _ = article
    return range(len(gold["quotes"]))


GOLD_QUOTES = range(13)


@pytest.mark.parametrize("index", GOLD_QUOTES)
def test_gold_quote_is_found_with_kind_and_cue(article, index):
    text, gold, result = article
    gold_quote = gold["quotes"][index]
    g_start, g_end = gold_quote["content"]
    best, covered = _best_match(gold_quote, result)
    assert best is not None and covered >= 0.8 * (g_end - g_start), gold_quote["content_text"]
    assert best.end - best.start <= 2 * (g_end - g_start)
    assert best.kind.value == gold_quote["kind"]
    if gold_quote["cue"] is None:
        assert best.cue is None
    else:
        assert best.cue is not None and best.cue.text == gold_quote["cue"]["text"]


@pytest.mark.parametrize("index", GOLD_QUOTES)
def test_gold_speaker_addressee_sources_hedge(article, index):
    _, gold, result = article
    gold_quote = gold["quotes"][index]
    best, _ = _best_match(gold_quote, result)
    assert best.speaker is not None and best.speaker.name == gold_quote["speaker"]
    if gold_quote["speaker_mention"] is None:
        assert best.speaker.mention is None
    else:
        g_start, g_end = gold_quote["speaker_mention"]["span"]
        mention = best.speaker.mention
        assert mention is not None and mention.start <= g_start and g_end <= mention.end
    addressee = best.addressee.name if best.addressee else None
    assert addressee == gold_quote["addressee"]
    assert [source.entity.name for source in best.sources] == gold_quote["sources"]
    assert best.hedge == gold_quote["hedge"]


def test_not_quotes_are_not_reported(article):
    text, gold, result = article
    for not_quote in gold["not_quotes"]:
        start = text.index(not_quote["text"])
        end = start + len(not_quote["text"])
        for quote in result:
            assert not (
                quote.start < end
                and start < quote.end
                and quote.end - quote.start <= 2 * (end - start)
            ), not_quote


def test_offsets_slice_the_input(article, invariants):
    text, _, result = article
    assert len(result) > 0
    invariants(text, result)


def test_entities_have_full_names(article):
    _, _, result = article
    names = {entity.name for entity in result.entities}
    assert {"Xi Jinping", "Vladimir Putin", "Xinhua"} <= names
    xinhua = next(entity for entity in result.entities if entity.name == "Xinhua")
    assert xinhua.type is quoteattr.EntityType.ORG


def test_headline_speaker_mention_is_the_name_itself(article):
    """The dateline run into the headline is no part of the speaker's mention."""
    _, gold, result = article
    headline = gold["quotes"][0]
    best, _ = _best_match(headline, result)
    g_start, g_end = headline["speaker_mention"]["span"]
    assert (best.speaker.mention.start, best.speaker.mention.end) == (g_start, g_end)
    assert best.speaker.mention.text == "Xi Jinping"


def test_a_declared_event_is_no_quote(article):
    """ "Mao Zedong declared the creation of the PRC and ... forces fled": an event, not words."""
    _, gold, result = article
    assert [q for q in result if q.speaker is not None and q.speaker.name == "Mao Zedong"] == []
    assert len(result) == len(gold["quotes"])
