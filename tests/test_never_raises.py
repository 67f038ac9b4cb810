"""The extractor never raises on any input but our ExtractionError subclasses (reason codes).

Random bytes, mutated article pages and random tag soup (hypothesis), a list of hostile
documents, and every page of ../shared/benchmarks (extraction only, in two processes). A refusal
must carry a declared reason code, and pages that are articles must give a record.
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


def _reason_codes(cls: type[ExtractionError] = ExtractionError) -> set[str]:
    """Every reason code an ExtractionError subclass declares."""
    return {cls.code}.union(*(_reason_codes(sub) for sub in cls.__subclasses__()))


def extract(data: bytes, content_type: str | None = "text/html") -> str:
    """Decode and extract as the crawl does: "article", or the reason code the page was refused with.

    A refusal must name one of our declared reasons; anything else raised fails the test.
    """
    html = decode_html(data, content_type)
    try:
        record = build_record(PageInput(url=URL, html=html, headers={"content-type": content_type or ""}))
    except ExtractionError as refused:
        assert refused.code in _reason_codes(), refused.code
        return refused.code
    assert record.articleBody, "a record without a body"
    return "article"


def test_the_seed_page_is_an_article():
    # The mutation test starts from it: an extractor that refuses everything must fail here.
    assert extract(SEED) == "article"


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


# Documents that hold story text must still give a record; the rest are refused with a reason.
# (10,000 one-word paragraphs may go either way: the outcome only has to be a declared one.)
KEEPS_A_RECORD = {"control-characters", "huge-attribute", "utf16-without-bom"}
EITHER = {"many-tiny-paragraphs"}


@pytest.mark.parametrize("name", sorted(HOSTILE_DOCUMENTS))
def test_hostile_documents(name):
    outcome = extract(HOSTILE_DOCUMENTS[name])
    if name in KEEPS_A_RECORD:
        assert outcome == "article"
    elif name not in EITHER:
        assert outcome != "article"


FOLDERS = ("article-body/html", "pub-date/pages", "authors/pages", "snippets/pages")


def corpus() -> list[Path]:
    """Every benchmark page."""
    return sorted(p for folder in FOLDERS for p in (BENCHMARKS / folder).glob("*.htm*"))


def _extract_file(path: Path) -> tuple[str, str]:
    """The page's folder and its outcome, or "failure: ..." when anything else was raised."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        return path.parent.parent.name, extract(data, None)
    except Exception as exc:  # noqa: BLE001 - the test reports any failure with its page
        return path.parent.parent.name, f"failure: {path.name}: {type(exc).__name__}: {exc}"


@pytest.mark.skipif(not BENCHMARKS.is_dir(), reason=f"benchmark pages not found at {BENCHMARKS}")
def test_every_benchmark_page():
    pages = corpus()
    assert len(pages) > 1200
    with ProcessPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(_extract_file, pages, chunksize=16))
    failures = [outcome for _, outcome in outcomes if outcome.startswith("failure")]
    assert not failures, failures[:10]
    # Every page of these corpora is one article: refusing them is as wrong as raising.
    for folder in {name for name, _ in outcomes}:
        kept = [outcome == "article" for name, outcome in outcomes if name == folder]
        assert sum(kept) / len(kept) >= (1.0 if folder == "article-body" else 0.98), folder
