"""The notebook view, the span view (quoteattr.display) and DataFrames (quoteattr.dataframes)."""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser

import pytest

import quoteattr
from quoteattr.batch.io import flatten_quote
from quoteattr.dataframes import COLUMNS, to_dataframe
from quoteattr.display import ROLES, render, span_html, to_html
from quoteattr.display.layers import layer_label, layers
from quoteattr.display.notebook import mark_style
from quoteattr.display.spans import LANE_PX, lanes
from quoteattr.records import Cue, Entity, Mention, Quote, QuoteResult, Source

# Markup and ampersands in the text itself: they must come out escaped, never as tags.
HOSTILE = (
    'Maria Lopez told the committee that the plan was "a <script>alert(1)</script> & disaster".\n\n'
    '"We will fight it & win," she added. "A <b>bold</b> move," Lopez said.\n\n'
    "The company, Smith & Sons, said in a statement that profits had risen.\n\n"
    '"It is over," Hale said, "and we won."'
)
VOID = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class Checker(HTMLParser):
    """Parses the view strictly: every tag closed in order, and collects the article's text
    (without the quote number badges), the ids and the in-page links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.errors: list[str] = []
        self.article: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: dict[str, int] = {}
        self.marked: dict[str, list[str]] = {}  # mark class -> texts inside such a mark

    def _classes(self) -> list[str]:
        return [cls for _, attrs in self.stack for cls in (attrs.get("class") or "").split()]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        if tag not in VOID:
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        classes = self._classes()
        if "qa-article" in classes and "qa-num" not in classes:
            self.article.append(data)
            for cls in classes:
                if cls.startswith("qa-") and cls != "qa-article":
                    self.marked.setdefault(cls, []).append(data)


def check(markup: str) -> Checker:
    checker = Checker()
    checker.feed(markup)
    checker.close()
    assert not checker.errors, checker.errors
    assert not checker.stack, f"unclosed: {[tag for tag, _ in checker.stack]}"
    assert markup.count("<mark") == markup.count("</mark>")
    assert markup.count("<span") == markup.count("</span>")
    return checker


@pytest.fixture(scope="module")
def example(shared, nlp):
    text = (shared / "examples" / "xi-putin-2024-10-02.txt").read_text(encoding="utf8")
    return quoteattr.extract(text, nlp=nlp)


@pytest.fixture(scope="module")
def hostile(nlp):
    return quoteattr.extract(HOSTILE, nlp=nlp)


@pytest.fixture(params=["example", "hostile"])
def result(request):
    return request.getfixturevalue(request.param)


def test_html_is_well_formed_and_the_article_is_exactly_the_text(result):
    markup = result._repr_html_()
    checker = check(markup)
    assert "".join(checker.article) == result.text
    assert checker.tags.get("mark", 0) >= len(result.quotes)
    assert "<script" not in markup.lower()


def test_html_shows_every_quote_and_speaker_escaped(result):
    assert len(result.quotes) >= 3
    markup = to_html(result)
    for quote in result:
        assert html.escape(quote.text) in markup
        if quote.speaker is not None and quote.speaker.name is not None:
            assert html.escape(quote.speaker.name) in markup
        if quote.cue is not None:
            assert html.escape(quote.cue.text) in markup


def test_html_quotes_are_numbered_and_linked_to_their_rows(result):
    checker = check(to_html(result, id_prefix="v"))
    for number in range(1, len(result.quotes) + 1):
        assert f"v-q{number}" in checker.ids and f"v-row{number}" in checker.ids
        assert f"#v-q{number}" in checker.hrefs and f"#v-row{number}" in checker.hrefs
    assert all(href.lstrip("#") in checker.ids for href in checker.hrefs if href.startswith("#"))
    assert len(checker.ids) == len(set(checker.ids))


def test_html_has_a_legend_and_a_table(example):
    markup = to_html(example)
    for role in (
        "direct quote",
        "indirect quote",
        "mixed quote",
        "speaker",
        "cue",
        "addressee",
        "source",
    ):
        assert f">{role}</span>" in markup
    checker = check(markup)
    assert checker.tags["tr"] == len(example.quotes) + 1  # the header, one row per quote
    assert "Xinhua (according to)" in markup  # the sources column


def test_hostile_text_is_escaped(hostile):
    markup = to_html(hostile)
    assert "<script>" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert "Smith &amp; Sons" in markup
    assert re.search(r"&(?!(amp|lt|gt|quot|#x27);)", markup) is None  # every & is an entity


def test_tooltips_tell_speaker_cue_addressee_and_sources(example):
    markup = to_html(example)
    assert (
        'title="Quote 4 (mixed), confidence 0.95\nSpeaker: Xi Jinping (“President Xi”)\nCue: said\n'
        in markup
    )
    assert "Sources: Xinhua (according to)" in markup
    assert "Addressee: Vladimir Putin (“Russia&#x27;s Vladimir Putin”)" in markup
    assert "Hedge: reportedly" in markup


def test_split_quote_highlights_only_its_parts(hostile):
    split = next(quote for quote in hostile if quote.parts)
    checker = check(to_html(hostile))
    quoted = "".join(
        text
        for cls in ("qa-direct", "qa-indirect", "qa-mixed")
        for text in checker.marked.get(cls, [])
    )
    for start, end in split.parts:
        assert hostile.text[start:end] in quoted
    between = hostile.text[split.parts[0][1] : split.parts[1][0]]  # '," Hale said, "'
    assert between not in quoted


def _at(text: str, words: str, *, last: bool = False) -> tuple[int, int]:
    start = text.rindex(words) if last else text.index(words)
    return start, start + len(words)


def _hand_made() -> QuoteResult:
    """A quote containing an addressee mention, crossed by a speaker mention, with a cue inside
    the speaker mention and a source that is also the speaker of another quote."""
    text = "AP: Ann Lee & co told <Bob> that a & b was <fine>, AP said."
    quote_start, quote_end = text.index("<Bob>"), text.index(",", 40)
    bob = Mention("<Bob>", text.index("<Bob>"), text.index("<Bob>") + 5)
    ann = Mention("Ann Lee & co told <Bo", 4, text.index("<Bob>") + 3)  # crosses the quote's start
    ap = Mention("AP", 0, 2)
    return QuoteResult(
        text=text,
        quotes=[
            Quote(
                kind="indirect",
                text=text[quote_start:quote_end],
                start=quote_start,
                end=quote_end,
                speaker=Entity(name="Ann Lee", type="PERSON", entity_id=0, mention=ann),
                addressee=Entity(name=None, type="PERSON", mention=bob),
                cue=Cue(
                    text="told", start=_at(text, "told")[0], end=_at(text, "told")[1], lemma="tell"
                ),
                sources=[
                    Source(
                        entity=Entity(name="AP", type="ORG", entity_id=1, mention=ap),
                        relation="cited",
                    )
                ],
                confidence=0.95,
            ),
            Quote(
                kind="direct",
                text=text[:2],
                start=0,
                end=2,
                speaker=Entity(
                    name="AP",
                    type="ORG",
                    entity_id=1,
                    mention=Mention("AP", *_at(text, "AP", last=True)),
                ),
                cue=Cue(
                    text="said", start=_at(text, "said")[0], end=_at(text, "said")[1], lemma="say"
                ),
                confidence=0.5,
            ),
        ],
    )


def test_overlapping_and_crossing_highlights_nest_properly():
    result = _hand_made()
    assert result.text[
        result.quotes[0].speaker.mention.start : result.quotes[0].speaker.mention.end
    ] == (result.quotes[0].speaker.mention.text)
    markup = to_html(result)
    checker = check(markup)
    assert "".join(checker.article) == result.text
    # The crossing speaker mention covers text both outside and inside the quote.
    assert (
        "".join(checker.marked["qa-speaker"]) == "Ann Lee & co told <Bo" + "AP"
    )  # + quote 2's speaker
    assert "".join(checker.marked["qa-indirect"]) == result.quotes[0].text
    assert "".join(checker.marked["qa-addressee"]) == "<Bob>"
    assert "".join(checker.marked["qa-cue"]) == "toldsaid"
    # "AP" at 0..2 is a source of quote 1 and the text of quote 2: both highlights, one piece of text.
    assert checker.marked["qa-source"] == ["AP"] and checker.marked["qa-direct"] == ["AP"]
    assert "unresolved: “&lt;Bob&gt;”" in markup


def test_empty_and_quoteless_results():
    for result in (QuoteResult(text=""), QuoteResult(text="Nothing <here> & nobody spoke.")):
        markup = result._repr_html_()
        checker = check(markup)
        assert "".join(checker.article) == result.text
        assert "No quotes found." in markup and "0 quotes" in markup


def test_each_view_has_its_own_ids(example):
    first, second = check(to_html(example)), check(to_html(example))
    assert not set(first.ids) & set(second.ids)


# --------------------------------------------------------------------------------------------------
# The notebook view: roles told apart by more than colour, speakers numbered


def _without_colours(style: str) -> str:
    return re.sub(r"#[0-9a-f]{6}", "", style)


@pytest.mark.parametrize(
    "one, other",
    [("direct", "indirect"), ("direct", "mixed"), ("indirect", "mixed"), ("cue", "source")]
    + [
        ("speaker", "addressee"),
        ("speaker", "source"),
        ("addressee", "source"),
        ("cue", "speaker"),
    ],
)
def test_roles_differ_by_more_than_their_colours(one, other):
    """Each pair looks different with every colour taken out (a line or frame style, bold,
    italics, white text), in both views."""
    assert _without_colours(mark_style(one)) != _without_colours(mark_style(other))
    assert (ROLES[one].line, ROLES[one].bold, ROLES[one].italic, ROLES[one].text) != (
        ROLES[other].line,
        ROLES[other].bold,
        ROLES[other].italic,
        ROLES[other].text,
    )


def test_marks_and_legend_carry_the_role_styles(example):
    markup = to_html(example)
    for role in ROLES:
        style = html.escape(mark_style(role))
        assert f'class="qa-key" style="{style}' in markup, role  # the legend's sample
        assert re.search(
            rf'<mark class="[^"]*\bqa-{role}" [^>]*style="{re.escape(style)}"', markup
        ), role


def test_speaker_mentions_are_numbered_like_their_quotes(example):
    markup = to_html(example, id_prefix="v")
    speakers = {key: numbers for key, numbers in layers(example).items() if key[0] == "speaker"}
    badges = re.findall(
        r'<a class="qa-num qa-speaker-num" href="#v-row(\d+)"[^>]*>(\d+)</a>', markup
    )
    assert [int(row) for row, _ in badges] == [int(number) for _, number in badges]
    assert sorted(int(number) for _, number in badges) == sorted(
        number for numbers in speakers.values() for number in numbers
    )
    # Right after a mention of two quotes ("Xi Jinping ... calling for ..., declaring ..."): the
    # mention closes, then both numbers.
    shared = [sorted(numbers) for numbers in speakers.values() if len(numbers) == 2]
    assert shared
    first, second = shared[0]
    assert re.search(
        rf'Xi Jinping</mark><a class="qa-num qa-speaker-num" [^>]*>{first}</a>'
        rf'<a class="qa-num qa-speaker-num" [^>]*>{second}</a>',
        markup,
    )
    assert len(badges) == sum(1 for quote in example if quote.speaker and quote.speaker.mention)


# --------------------------------------------------------------------------------------------------
# The span view (quoteattr.render)


class SpanChecker(HTMLParser):
    """The span view's paragraphs (their text without the labels), labels and lanes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.paragraphs: list[dict] = []
        self.labels: list[str] = []
        self.spans: list[dict] = []  # each opened span: label, lane, the text so far

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        self.stack.append(attrs | {"classes": classes})
        if "qa-paragraph" in classes:
            style = attrs["style"]
            self.paragraphs.append({"text": "", "style": style, "lanes": set()})
        if "qa-span" in classes:
            self.paragraphs[-1]["lanes"].add(int(attrs["data-lane"]))
            self.spans.append(attrs)

    def handle_endtag(self, tag):
        self.stack.pop()

    def handle_data(self, data):
        classes = [cls for attrs in self.stack for cls in attrs["classes"]]
        if "qa-label" in classes:
            self.labels.append(data)
        elif "qa-paragraph" in classes:
            self.paragraphs[-1]["text"] += data
        else:
            assert not data.strip(), data  # no text outside the paragraphs


def spans_of(markup: str) -> SpanChecker:
    checker = SpanChecker()
    checker.feed(markup)
    checker.close()
    assert not checker.stack
    assert markup.count("<span") == markup.count("</span>")
    return checker


def test_span_view_is_the_real_text_paragraph_by_paragraph(example):
    markup = render(example, jupyter=False)
    checker = spans_of(markup)
    lines = [line for line in example.text.splitlines() if line.strip()]
    assert [paragraph["text"] for paragraph in checker.paragraphs] == lines
    assert markup.startswith('<div class="qa-spans"') and markup.count('class="qa-paragraph"') == 16
    # The input's own characters, not tokens joined with spaces.
    for verbatim in ("2024-10-02", "Russia's Vladimir Putin", '"expand" ties'):
        assert verbatim in markup
    for joined in ("2024 - 10 - 02", "Russia 's", '" expand "'):
        assert joined not in markup


def test_span_view_labels_sit_in_the_text_before_their_words(example):
    markup = render(example, jupyter=False)
    checker = spans_of(markup)
    found = layers(example)
    assert sorted(checker.labels) == sorted(
        layer_label(role, n) for (role, _, _), n in found.items()
    )
    # In the flow of the text: nothing is positioned over anything else ...
    assert "position:" not in markup and "absolute" not in markup
    # ... and each label comes right before the words it labels (after other labels there).
    for label in checker.labels:
        assert re.search(
            rf'>{re.escape(label)}</span>(<span class="qa-label"[^>]*>[^<]*</span>)*'
            rf'(<span class="qa-span[^>]*>)*<span class="qa-span [^"]*" data-label="{re.escape(label)}"',
            markup,
        ), label


def test_span_view_gives_each_paragraph_room_for_its_lanes(example):
    checker = spans_of(render(example, jupyter=False))
    assert max(max(p["lanes"], default=0) for p in checker.paragraphs) >= 1  # nested spans
    for paragraph in checker.paragraphs:
        room = int(re.search(r"line-height:calc\(1\.8em \+ (\d+)px\)", paragraph["style"])[1])
        assert room == (1 + max(paragraph["lanes"], default=-1)) * LANE_PX


@pytest.mark.parametrize(
    "spans, expected",
    [
        ([("direct", 0, 10)], [0]),
        ([("direct", 0, 10), ("speaker", 12, 15)], [0, 0]),  # apart: the same lane
        ([("direct", 0, 10), ("cue", 2, 4), ("speaker", 3, 6)], [0, 1, 2]),  # nested, crossing
        ([("indirect", 5, 9), ("mixed", 0, 20), ("source", 10, 12)], [1, 0, 1]),  # longer first
        ([("cue", 0, 5), ("speaker", 5, 9)], [0, 0]),  # touching is not overlapping
    ],
)
def test_lanes(spans, expected):
    assert [lanes({span: [1] for span in spans})[span] for span in spans] == expected


def test_render_escapes_the_text(hostile):
    markup = render(hostile, jupyter=False)
    assert isinstance(markup, str)
    for number, quote in enumerate(hostile.quotes, 1):
        assert re.search(rf"{quote.kind.name} {number}\b", markup), (number, quote.kind)
    assert "SPEAKER 1" in markup and "CUE 1" in markup
    assert "<script" not in markup and "<b>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; disaster" in markup
    assert [p["text"] for p in spans_of(markup).paragraphs] == [
        line for line in HOSTILE.splitlines() if line
    ]


def test_render_accepts_a_processed_doc(nlp, hostile):
    doc = nlp(HOSTILE)
    from_doc = render(doc, jupyter=False)
    assert from_doc == render(hostile, jupyter=False)
    assert "quoteattr_display" not in doc.spans  # the Doc is not modified
    assert quoteattr.render is render


def test_render_in_jupyter_displays_the_html(monkeypatch, hostile):
    display = pytest.importorskip("IPython.display")
    shown = []
    monkeypatch.setattr(display, "display", shown.append)
    assert render(hostile, jupyter=True) is None
    assert [item.data for item in shown] == [span_html(hostile)]


def test_render_rejects_unprocessed_docs_and_other_types(nlp):
    import spacy

    with pytest.raises(ValueError, match="E005"):
        render(spacy.blank("en")("He said hi."), jupyter=False)
    with pytest.raises(TypeError, match="QuoteResult"):
        render("He said hi.", jupyter=False)


def test_render_example_labels(example):
    markup = render(example, jupyter=False)
    assert "SOURCE 4" in markup and "ADDRESSEE 2" in markup and "MIXED 1" in markup
    # one mention, the speaker of two quotes ("calling for ...", "declaring ...")
    (calling,) = [i for i, q in enumerate(example, 1) if q.cue and q.cue.text == "calling for"]
    assert f"SPEAKER {calling}, {calling + 1}" in markup


def test_span_view_of_crossing_and_nested_highlights():
    """A speaker mention crossing the quote's start, a cue inside it, one mention in two roles:
    every highlight is one label and one line each, in distinct lanes where they overlap."""
    result = _hand_made()
    markup = span_html(result)
    checker = spans_of(markup)
    assert [paragraph["text"] for paragraph in checker.paragraphs] == [result.text]
    found = layers(result)
    assert sorted(checker.labels) == sorted(
        layer_label(role, n) for (role, _, _), n in found.items()
    )
    lane_of = lanes(found)
    for one in found:
        for other in found:
            if one != other and one[1] < other[2] and other[1] < one[2]:
                assert lane_of[one] != lane_of[other], (one, other)
    assert "&lt;Bob&gt;" in markup and "a &amp; b" in markup


def test_empty_text_renders_no_paragraph():
    assert render(QuoteResult(text=""), jupyter=False) == span_html(QuoteResult(text=""))
    assert spans_of(span_html(QuoteResult(text="\n \n"))).paragraphs == []


# --------------------------------------------------------------------------------------------------
# DataFrames


def test_result_to_dataframe(example):
    frame = example.to_dataframe()
    assert list(frame.columns) == list(COLUMNS) == [
        "kind", "category", "text", "start", "end", "parts", "speaker_name", "speaker_type", "speaker_entity_id",
        "speaker_mention", "speaker_start", "speaker_end", "addressee_name", "addressee_type",
        "addressee_entity_id", "addressee_mention", "addressee_start", "addressee_end", "cue",
        "cue_start", "cue_end", "cue_lemma", "sources", "hedge", "confidence",
    ]  # fmt: skip
    assert len(frame) == len(example.quotes)
    assert frame["text"].tolist() == [quote.text for quote in example]
    assert frame["start"].tolist() == [quote.start for quote in example]
    first = frame.iloc[3]
    assert first["speaker_name"] == "Xi Jinping" and first["speaker_mention"] == "President Xi"
    assert first["cue_lemma"] == "say" and first["sources"] == "Xinhua (according_to)"
    no_cue = frame[frame["cue"].isna()]
    assert len(no_cue) and no_cue["cue_start"].isna().all()
    assert str(frame["speaker_start"].dtype) == "Int64"


def test_empty_result_to_dataframe():
    frame = QuoteResult(text="").to_dataframe()
    assert list(frame.columns) == list(COLUMNS) and len(frame) == 0


def test_many_results_to_dataframe(example, hostile):
    frame = to_dataframe(
        iter([example, QuoteResult(text="none"), hostile]), ids=["xi.txt", "empty.txt", "h.txt"]
    )
    assert list(frame.columns) == ["id", *COLUMNS]
    assert len(frame) == len(example.quotes) + len(hostile.quotes)
    assert frame["id"].tolist() == ["xi.txt"] * len(example.quotes) + ["h.txt"] * len(
        hostile.quotes
    )
    default = to_dataframe([example, hostile])
    assert sorted(set(default["id"])) == [0, 1]
    with pytest.raises(ValueError, match="fewer ids"):
        to_dataframe([example, hostile], ids=["a"])
    with pytest.raises(ValueError, match="more ids"):
        to_dataframe([example], ids=["a", "b"])


def test_flatten_quote_split_quote(hostile):
    split = next(quote for quote in hostile if quote.parts)
    row = flatten_quote("doc-1", split.to_dict())
    assert list(row) == ["id", *COLUMNS]
    assert row["id"] == "doc-1" and row["parts"] == "[[%d, %d], [%d, %d]]" % (
        *split.parts[0],
        *split.parts[1],
    )
    assert row["addressee_name"] is None and not row["sources"]


def test_to_dataframe_is_still_importable_from_display():
    """The README's `from quoteattr.display import to_dataframe`."""
    import quoteattr.display

    assert quoteattr.display.to_dataframe is to_dataframe


def test_dataframe_without_pandas_says_what_to_install(monkeypatch, example):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=re.escape('pip install "quoteattr[notebook]"')):
        example.to_dataframe()
    with pytest.raises(ImportError, match="quoteattr\\[notebook\\]"):
        to_dataframe([example])
