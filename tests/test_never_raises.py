"""The extractor never raises on any input but our ExtractionError subclasses (reason codes).

Random bytes, mutated article pages and random tag soup (hypothesis), a list of hostile
documents, and every page of ../shared/benchmarks (extraction only, in two processes).
"""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile_site import FILLER, article_html
from newscrawl.extract.encoding import decode_html
from newscrawl.extract.errors import ExtractionError
from newscrawl.extract.page import PageInput
from newscrawl.record import build_record

URL = "https://news.example/local/2024/05/20/a-story-about-the-council"
BENCHMARKS = Path(os.environ.get("NEWSCRAWL_BENCHMARKS", Path(__file__).resolve().parents[2] / "shared" / "benchmarks"))
SEED = article_html("Council approves the budget", head=(
    '<meta charset="utf-8"><script type="application/ld+json">{"@type": "NewsArticle", '
    '"headline": "Council approves", "datePublished": "2024-05-20T10:00:00+02:00", '
    '"author": [{"@type": "Person", "name": "Ann Example"}]}</script>')).encode("utf-8")
# HYPOTHESIS_EXAMPLES=5000 for a deeper search than CI's
HYPOTHESIS = settings(max_examples=int(os.environ.get("HYPOTHESIS_EXAMPLES", "60")), deadline=None,
                      suppress_health_check=[HealthCheck.too_slow])


def extract(data: bytes, content_type: str | None = "text/html") -> None:
    """Decode and extract as the crawl does; ExtractionError is the one allowed outcome."""
    html = decode_html(data, content_type)
    try:
        build_record(PageInput(url=URL, html=html, headers={"content-type": content_type or ""}))
    except ExtractionError:
        pass


@HYPOTHESIS
@given(st.binary(max_size=4000), st.sampled_from([None, "text/html", "text/html; charset=utf-8",
                                                  "text/html; charset=shift_jis", "text/html; charset=bogus"]))
def test_random_bytes(data, content_type):
    extract(data, content_type)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    """The seed article with slices cut, repeated or replaced by random bytes."""
    data = SEED
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 400)))
        action = draw(st.sampled_from(["cut", "repeat", "replace", "truncate"]))
        if action == "cut":
            data = data[:start] + data[end:]
        elif action == "repeat":
            data = data[:end] + data[start:end] * draw(st.integers(2, 50)) + data[end:]
        elif action == "replace":
            data = data[:start] + draw(st.binary(max_size=60)) + data[end:]
        else:
            data = data[:start]
    return data


@HYPOTHESIS
@given(mutated())
def test_mutated_article_pages(data):
    extract(data)


_TAGS = ["p", "div", "span", "a", "table", "td", "tr", "body", "html", "head", "script", "style", "article",
         "main", "h1", "time", "meta", "noscript", "template", "svg", "iframe", "li", "br"]
_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
_ATTRS = st.sampled_from(['', ' class="byline"', ' itemprop="datePublished" content="2024-13-45"',
                          ' datetime="yesterday"', ' property="article:published_time" content=""',
                          ' type="application/ld+json"', ' charset="x-unknown"', ' rel="author"', ' href="::"'])


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    def render(tag: str, attrs: str, inner: list[str], closed: bool) -> str:
        return f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if closed else "")
    return st.builds(render, st.sampled_from(_TAGS), _ATTRS, st.lists(children, max_size=4), st.booleans())


@HYPOTHESIS
@given(st.recursive(_TEXT | st.just('{"@type": "NewsArticle", "author": {"name": [1, {}]}}'), _element,
                    max_leaves=40))
def test_random_tag_soup(html):
    extract(html.encode("utf-8"))


HOSTILE_DOCUMENTS = {
    "empty": b"", "whitespace": b" \n\t ", "nul-bytes": b"\x00" * 1000, "bom-only": b"\xef\xbb\xbf",
    "comment-only": b"<!-- nothing -->", "xml-declaration": b'<?xml version="1.0" encoding="iso-8859-1"?><html/>',
    "doctype-only": b"<!DOCTYPE html>", "deep-nesting": b"<div>" * 20000 + FILLER.encode() + b"</div>" * 20000,
    "huge-attribute": b'<p class="' + b"a" * 2_000_000 + b'">text</p>',
    "broken-json-ld": b'<script type="application/ld+json">{"@type": "NewsArticle", "author": </script><p>x</p>',
    "json-ld-not-an-object": b'<script type="application/ld+json">[1, "two", null, [[]]]</script>',
    "many-tiny-paragraphs": b"<article>" + b"<p>a</p>" * 10000 + b"</article>",
    "frameset": b"<frameset><frame src='a'></frameset>", "utf16-without-bom": "<p>café</p>".encode("utf-16-le"),
    "only-script": b"<script>" + b"var a = '<p>'; " * 1000 + b"</script>",
    "control-characters": b"<noscript>\x1f</noscript><article><p>" + FILLER.encode() * 3 + b"\x01\x0b</p></article>",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCUMENTS))
def test_hostile_documents(name):
    extract(HOSTILE_DOCUMENTS[name])


def corpus() -> list[Path]:
    """Every benchmark page (all three folders)."""
    folders = ("article-body/html", "pub-date/pages", "authors/pages")
    return sorted(p for folder in folders for p in (BENCHMARKS / folder).glob("*.htm*"))


def _extract_file(path: Path) -> str | None:
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        extract(data, None)
    except Exception as exc:  # noqa: BLE001 - the test reports any failure with its page
        return f"{path.name}: {type(exc).__name__}: {exc}"
    return None


@pytest.mark.skipif(not BENCHMARKS.is_dir(), reason=f"benchmark pages not found at {BENCHMARKS}")
def test_every_benchmark_page():
    pages = corpus()
    assert len(pages) > 800
    with ProcessPoolExecutor(max_workers=2) as pool:
        failures = [f for f in pool.map(_extract_file, pages, chunksize=16) if f]
    assert not failures, failures[:10]
