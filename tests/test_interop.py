"""zyte-common-items and web-poet: the same record through their types, with the real packages."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import pytest
import web_poet
import zyte_common_items as zci

from newscrawl.extract.errors import ExtractionError
from newscrawl.extract.page import PageInput
from newscrawl.interop.poet import NewsArticlePage, NewsZyteArticlePage
from newscrawl.interop.zyte import from_zyte_article, to_zyte_article
from newscrawl.record import build_record

CASE = Path(__file__).parent / "cases" / "seed-ktar"
URL = json.loads((CASE / "input.json").read_text(encoding="utf-8"))["url"]
HTML = (CASE / "page.html").read_bytes()
STORY = """<html lang="de-AT"><head><title>Brücke wird saniert</title>
<meta property="og:image" content="https://zeitung.example/img/bruecke.jpg"></head><body>
<article><h1>Brücke wird saniert</h1><p class="byline">Von Anna Berger</p>
<p>Die alte Brücke über den Fluss wird ab Montag für drei Monate gesperrt, teilte die Stadt mit.</p>
<p>Autofahrer müssen eine Umleitung über die Nordbrücke nehmen, Radfahrer und Fußgänger dürfen
die Baustelle auf einem Steg passieren, der am Wochenende aufgebaut wird.</p>
<p>Die Sanierung kostet nach Angaben der Stadt rund vier Millionen Euro und soll im Herbst enden.</p>
</article></body></html>""".encode()


def _item(page):
    """The page object's to_item(), which awaits nothing: one step of the coroutine ends it
    (the test session's Twisted reactor owns the thread's event loop)."""
    coroutine = page.to_item()
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise AssertionError("to_item() awaited something")


def _response(url: str, body: bytes) -> web_poet.HttpResponse:
    return web_poet.HttpResponse(url, body, status=200, headers={"Content-Type": "text/html; charset=utf-8"})


def test_page_object_gives_the_record_extract_gives():
    expected = build_record(PageInput(url=URL, html=HTML.decode("utf-8")))
    article = _item(NewsArticlePage(_response(URL, HTML)))
    mine, theirs = asdict(article), asdict(expected)
    for record in (mine, theirs):
        record.pop("metadata")  # the download time differs
    assert mine == theirs and article.agencies == ["Associated Press"]


def test_zyte_article_language_images_and_round_trip():
    record = build_record(PageInput(url="https://zeitung.example/2024/bruecke", html=STORY.decode()))
    assert record.inLanguage == "de-AT" and record.authors
    item = to_zyte_article(record)
    assert isinstance(item, zci.Article)
    assert item.inLanguage == "de"  # ISO 639-1, as zyte-common-items defines it
    assert item.mainImage is not None and [str(i.url) for i in item.images] == [str(item.mainImage.url)]
    assert [a.name for a in item.authors] == [a.name for a in record.authors]
    assert item.metadata.probability == 1.0
    back = from_zyte_article(item)
    for name in ("url", "headline", "articleBody", "datePublished", "description"):
        assert getattr(back, name) == getattr(record, name), name
    assert [a.name for a in back.authors] == [a.name for a in record.authors]
    # a JSON line works as well as the dataclass
    assert to_zyte_article(json.loads(json.dumps(asdict(record)))) == item


def test_not_an_article_is_an_error_or_a_zero_probability_item():
    page = _response("https://zeitung.example/", b"<html><body><p>Willkommen</p></body></html>")
    with pytest.raises(ExtractionError) as caught:
        _item(NewsArticlePage(page))
    assert caught.value.code in {"no-headline", "short-body", "no-content", "not-an-article"}
    item = _item(NewsZyteArticlePage(page))
    assert str(item.url) == "https://zeitung.example/" and item.metadata.probability == 0.0
    assert item.articleBody is None
