"""The "Also" fields: language, section, tags, publisher, canonical URL, main image."""

from __future__ import annotations

import json
from typing import Any

import pytest

from newscrawl.extract import metadata
from newscrawl.extract.page import parse_html
from newscrawl.extract.structured import StructuredData, parse_structured_data
from newscrawl.items import Article
from newscrawl.normalize.article import normalize_language
from newscrawl.normalize.text import normalize_language_tag

URL = "https://www.example-news.com/world/story.html"


def parsed(head: str = "", ld: Any = None, html_attrs: str = "") -> tuple[Any, StructuredData]:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld is not None else ""
    doc = parse_html(f"<html {html_attrs}><head>{head}{script}</head><body><p>x</p></body></html>")
    return doc, parse_structured_data(doc)


def article_ld(**fields: Any) -> dict[str, Any]:
    return {"@type": "NewsArticle", "headline": "H", **fields}


@pytest.mark.parametrize(
    ("head", "ld", "attrs", "expected"),
    [
        ("", article_ld(inLanguage="de-AT"), 'lang="en"', "de-AT"),
        ("", article_ld(inLanguage={"@type": "Language", "name": "German", "alternateName": "de"}), "", "de"),
        ("", article_ld(inLanguage="English"), 'lang="en-GB"', "en-GB"),
        ("", None, 'lang="fr_FR"', "fr_FR"),
        ('<meta http-equiv="Content-Language" content="pt-BR">', None, "", "pt-BR"),
        ('<meta property="og:locale" content="es_ES">', None, "", "es_ES"),
        ("", None, "", None),
    ],
)
def test_language_from_markup(head: str, ld: Any, attrs: str, expected: str | None) -> None:
    assert metadata.extract_language(*parsed(head, ld, attrs)) == expected


@pytest.mark.parametrize(
    ("raw", "tag"), [("en_US", "en-US"), ("DE", "de"), ("zh-hans-cn", "zh-Hans-CN"), ("English", None), ("", None)]
)
def test_language_tag_is_bcp47(raw: str, tag: str | None) -> None:
    assert normalize_language_tag(raw) == tag


def test_language_detected_from_body_without_markup() -> None:
    article = Article(url=URL, articleBody="Die Bundesregierung hat am Mittwoch beschlossen, dass die Schulen "
                      "in allen Ländern wieder öffnen sollen, wenn die Zahlen weiter sinken.")
    assert normalize_language(article) == ["language/detected"]
    assert article.inLanguage == "de"


def test_language_from_markup_is_normalized() -> None:
    article = Article(url=URL, inLanguage="en_gb", articleBody="Text.")
    assert normalize_language(article) == ["language/markup"]
    assert article.inLanguage == "en-GB"


@pytest.mark.parametrize(
    ("head", "ld", "expected"),
    [
        ("", article_ld(articleSection="Politik"), "Politik"),
        ("", article_ld(articleSection=["World", "Asia"]), "World"),
        ('<meta property="article:section" content="Sport">', article_ld(), "Sport"),
        ("", article_ld(), None),
    ],
)
def test_section(head: str, ld: Any, expected: str | None) -> None:
    assert metadata.extract_section(*parsed(head, ld)) == expected


@pytest.mark.parametrize(
    ("head", "ld", "expected"),
    [
        ("", article_ld(keywords="Japan, economy,  GDP ,Japan"), ["Japan", "economy", "GDP"]),
        ("", article_ld(keywords=["Japan", "economy"]), ["Japan", "economy"]),
        ('<meta property="article:tag" content="Wahl"><meta property="article:tag" content="Berlin">'
         '<meta name="keywords" content="ignored">', article_ld(), ["Wahl", "Berlin"]),
        ('<meta name="news_keywords" content="a, b">', None, ["a", "b"]),
    ],
)
def test_tags(head: str, ld: Any, expected: list[str]) -> None:
    assert metadata.extract_tags(*parsed(head, ld)) == expected


@pytest.mark.parametrize(
    ("head", "ld", "expected"),
    [
        ("", article_ld(publisher={"@type": "Organization", "name": "Example News"}), "Example News"),
        ("", {"@graph": [article_ld(publisher={"@id": "#org"}),
                         {"@type": "NewsMediaOrganization", "@id": "#org", "name": "Example Times"}]},
         "Example Times"),
        ("", article_ld(publisher=[{"@id": "#org"}, {"name": "Other"}]) | {"@id": "a"}, "Other"),
        ('<meta property="og:site_name" content="Example Site">', None, "Example Site"),
    ],
)
def test_publisher(head: str, ld: Any, expected: str) -> None:
    assert metadata.extract_publisher(*parsed(head, ld)) == expected


def test_canonical_url_absolute_and_og_fallback() -> None:
    doc, data = parsed('<link rel="canonical" href="/world/story">')
    assert metadata.extract_canonical_url(doc, data, URL) == "https://www.example-news.com/world/story"
    doc, data = parsed('<meta property="og:url" content="https://www.example-news.com/s">')
    assert metadata.extract_canonical_url(doc, data, URL) == "https://www.example-news.com/s"


@pytest.mark.parametrize(
    ("head", "ld", "expected"),
    [
        ("", article_ld(image={"@type": "ImageObject", "name": "Lead photo", "url": "https://cdn.example/a.jpg"}),
         "https://cdn.example/a.jpg"),
        ("", article_ld(image=["/img/b.jpg", "/img/c.jpg"]), "https://www.example-news.com/img/b.jpg"),
        ("", {"@graph": [article_ld(image={"@id": "https://x/#img"}),
                         {"@type": "ImageObject", "@id": "https://x/#img", "contentUrl": "https://cdn.example/d.jpg"}]},
         "https://cdn.example/d.jpg"),
        ('<meta property="og:image" content="//cdn.example/e.jpg">', None, "https://cdn.example/e.jpg"),
        ("", None, None),
    ],
)
def test_main_image(head: str, ld: Any, expected: str | None) -> None:
    assert metadata.extract_main_image(*parsed(head, ld), URL) == expected
