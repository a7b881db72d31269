"""First person in a report inside a quote: "I" is the quote's speaker (made-up text)."""

from __future__ import annotations

import pytest

from quoteattr.records import EntityType
from quoteattr.rules.candidates import Attribution
from quoteattr.rules.continuation import first_person_in_quotes
from quoteattr.rules.names import NameCluster
from quoteattr.rules.speakers import ResolvedMention

TEXT = '"I told the board that we would stay," Okafor said. I think so too, wrote a reader.'


def chars(piece: str) -> tuple[int, int]:
    start = TEXT.index(piece)
    return start, start + len(piece)


@pytest.mark.parametrize(
    "inner_mention, inner_content, expected",
    [
        pytest.param("I", "that we would stay", "Okafor", id="i-inside-the-quote"),
        pytest.param("I think", "so too", None, id="near-i-outside-any-quote"),
    ],
)
def test_first_person_in_a_quote_is_the_quote_speaker(inner_mention, inner_content, expected):
    okafor = NameCluster(entity_id=0, best_display="Okafor")
    outer = Attribution(content=[chars("I told the board that we would stay,")])
    start, _ = chars(inner_mention)
    inner = Attribution(content=[chars(inner_content)])
    speakers = {
        id(outer): (chars("Okafor"), ResolvedMention(okafor, EntityType.PERSON)),
        id(inner): ((start, start + 1), ResolvedMention(None, EntityType.PERSON)),
    }
    found = first_person_in_quotes(TEXT, [outer, inner], speakers)
    assert (found[id(inner)].name if id(inner) in found else None) == expected
