"""The views as a real browser draws them: headless Chromium lays out the example article's span
view (`quoteattr.render`) and notebook view (`to_html`), measures where labels, lines, text and
paragraphs are, and takes screenshots whose pixels are checked.

Chromium comes from the system (Debian: `apt-get install chromium`); without it these tests skip.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import numpy
import pytest

import quoteattr
from quoteattr.display import ROLES, span_html, to_html
from quoteattr.display.layers import paragraphs

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# As the machine notes start it: no sandbox (root), no GPU, no background connections.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
WIDTH, HEIGHT = 1000, 1800

# Run after layout: the boxes of labels, text and lines, written into the page as JSON.
MEASURE = """
<script>
(() => {
  const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom});
  const view = document.querySelector('.qa-spans');
  const labels = [...view.querySelectorAll('.qa-label')].map(e => box(e.getBoundingClientRect()));
  const texts = [];
  const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('.qa-label') || !node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) texts.push(box(r));
  }
  const lines = [];
  for (const span of view.querySelectorAll('.qa-span'))
    for (const r of span.getClientRects()) lines.push(box(r));
  const paragraphs = [...view.querySelectorAll('.qa-paragraph')].map(e => ({
    ...box(e.getBoundingClientRect()),
    text: [...e.childNodes].map(function own(n) {
      if (n.nodeType === 3) return n.textContent;
      return n.classList.contains('qa-label') ? '' : [...n.childNodes].map(own).join('');
    }).join(''),
  }));
  const out = document.createElement('pre');
  out.id = 'qa-measured';
  out.textContent = JSON.stringify({
    labels, texts, lines, paragraphs,
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
  });
  document.body.appendChild(out);
})();
</script>
"""


def _browser() -> str:
    found = os.environ.get("CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        pytest.skip(
            f"no Chromium found (looked for {', '.join(BROWSERS)} on PATH and $CHROMIUM): "
            "install the system package (Debian: apt-get install chromium) to run the browser tests"
        )
    return found


@pytest.fixture(scope="module")
def browser():
    return _browser()


@pytest.fixture(scope="module")
def example(shared, nlp):
    text = (shared / "examples" / "xi-putin-2024-10-02.txt").read_text(encoding="utf8")
    return quoteattr.extract(text, nlp=nlp)


def _page(path: Path, body: str) -> Path:
    path.write_text(
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>quoteattr</title></head>'
        f'<body style="margin:24px;background:#fff;">{body}</body></html>',
        encoding="utf8",
    )
    return path


def _chromium(browser: str, page: Path, *arguments: str) -> subprocess.CompletedProcess:
    profile = page.parent / f"profile-{page.stem}"
    completed = subprocess.run(
        [browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={WIDTH},{HEIGHT}"]
        + [*arguments, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed


def measure(browser: str, page: Path) -> dict:
    dom = _chromium(browser, page, "--dump-dom").stdout
    found = re.search(r'<pre id="qa-measured">(.*?)</pre>', dom, re.DOTALL)
    assert found, dom[-2000:]
    return json.loads(html.unescape(found[1]))


def screenshot(browser: str, page: Path) -> numpy.ndarray:
    png = page.with_suffix(".png")
    _chromium(browser, page, f"--screenshot={png}")
    return read_png(png)


def read_png(path: Path) -> numpy.ndarray:
    """The pixels (height x width x RGB) of an 8-bit, non-interlaced RGB or RGBA PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], None
    while position < len(data):
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + size]
        position += 12 + size
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = numpy.frombuffer(zlib.decompress(b"".join(chunks)), numpy.uint8)
    rows = raw.reshape(height, stride + 1)
    pixels = numpy.zeros((height, stride), numpy.uint8)
    previous = numpy.zeros(stride, numpy.int64)
    for y in range(height):
        kind, line = rows[y, 0], rows[y, 1:].astype(numpy.int64)
        if kind == 0:
            out = line
        elif kind == 1:  # Sub: a running sum per channel
            out = numpy.cumsum(line.reshape(width, channels), axis=0).reshape(stride) % 256
        elif kind == 2:  # Up
            out = (line + previous) % 256
        else:  # Average, Paeth: byte by byte
            out, up = line.tolist(), previous.tolist()
            for x in range(stride):
                left = out[x - channels] if x >= channels else 0
                corner = up[x - channels] if x >= channels else 0
                if kind == 3:
                    out[x] = (out[x] + (left + up[x]) // 2) % 256
                else:
                    guess = left + up[x] - corner
                    near = min(
                        (abs(guess - left), 0, left),
                        (abs(guess - up[x]), 1, up[x]),
                        (abs(guess - corner), 2, corner),
                    )[2]
                    out[x] = (out[x] + near) % 256
            out = numpy.array(out, numpy.int64)
        pixels[y] = out
        previous = out
    return pixels.reshape(height, width, channels)[:, :, :3]


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _count(pixels: numpy.ndarray, colour: str) -> int:
    return int(numpy.all(pixels == _rgb(colour), axis=2).sum())


def _overlap(a: dict, b: dict, slack: float = 0.5) -> bool:
    return (
        a["left"] < b["right"] - slack
        and b["left"] < a["right"] - slack
        and a["top"] < b["bottom"] - slack
        and b["top"] < a["bottom"] - slack
    )


def test_span_view_layout_in_a_browser(browser, example, tmp_path):
    page = _page(tmp_path / "spans.html", span_html(example) + MEASURE)
    found = measure(browser, page)
    labels, texts, lines = found["labels"], found["texts"], found["lines"]

    # One block per paragraph, one under the other, each with its own text, spacing and all.
    expected = [example.text[start:end] for start, end in paragraphs(example.text)]
    assert [block["text"] for block in found["paragraphs"]] == expected
    assert any("2024-10-02" in text for text in expected) and any("Russia's" in t for t in expected)
    tops = [block["top"] for block in found["paragraphs"]]
    bottoms = [block["bottom"] for block in found["paragraphs"]]
    assert all(below >= above for above, below in zip(bottoms, tops[1:]))
    assert found["scrollWidth"] <= found["innerWidth"]  # nothing runs off to the right

    # A label for every highlight, none on another label or on the text.
    assert len(labels) == len(quoteattr.display.layers.layers(example)) > 40
    assert not [(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :] if _overlap(a, b)]
    assert not [(a, t) for a in labels for t in texts if _overlap(a, t)]
    # The lines under the words stay above the next line's text and labels.
    for line in lines:
        later = [box for box in texts + labels if box["top"] > line["top"] + 4]
        below = [
            box for box in later if box["left"] < line["right"] and line["left"] < box["right"]
        ]
        assert all(line["bottom"] <= box["top"] + 1 for box in below), line


def test_span_view_screenshot(browser, example, tmp_path):
    pixels = screenshot(browser, _page(tmp_path / "spans.html", span_html(example)))
    assert pixels.shape == (HEIGHT, WIDTH, 3)
    ink = numpy.any(pixels < 250, axis=2)
    assert 0.03 < ink.mean() < 0.5  # drawn, not blank nor a solid block
    rows = numpy.flatnonzero(ink.any(axis=1))
    assert rows[0] < 60 and rows[-1] > 800  # from the top of the page over most of it
    # Every role's label fill and line colour is on the screen, in solid areas.
    for role, look in ROLES.items():
        assert _count(pixels, look.fill) > 150, (role, look.fill)
        assert _count(pixels, look.ink) > 150, (role, look.ink)


def test_notebook_view_screenshot(browser, example, tmp_path):
    pixels = screenshot(browser, _page(tmp_path / "view.html", to_html(example)))
    ink = numpy.any(pixels < 250, axis=2)
    assert 0.05 < ink.mean() < 0.6
    for role, look in ROLES.items():  # the highlights' fills and frames or lines
        assert _count(pixels, look.fill) > 150, (role, look.fill)
        assert _count(pixels, look.ink) > 100, (role, look.ink)
