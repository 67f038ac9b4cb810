"""Publication and modification dates as the page states them, with where each came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .metadata import meta_content
from .structured import StructuredData, as_text


@dataclass(frozen=True)
class RawDate:
    """A date string exactly as found, and the source it came from."""

    text: str
    source: str


def extract_published_raw(doc: HtmlElement, data: StructuredData, hints: dict[str, Any]) -> RawDate | None:
    """Publication date as the page states it, in order of trust, or None."""
    if found := as_text(data.article_value("datePublished")):
        return RawDate(found, "json-ld")
    if found := meta_content(doc, "article:published_time", "datePublished", "pubdate", "date"):
        return RawDate(found, "meta")
    for value in doc.xpath("//time/@datetime")[:1]:
        if value.strip():
            return RawDate(value.strip(), "time-tag")
    if found := hints.get("news_publication_date"):
        return RawDate(str(found), "news-sitemap")
    if found := hints.get("feed_published"):
        return RawDate(str(found), "feed")
    return None


def extract_modified_raw(doc: HtmlElement, data: StructuredData) -> RawDate | None:
    """Last-modified date as the page states it, or None."""
    if found := as_text(data.article_value("dateModified")):
        return RawDate(found, "json-ld")
    if found := meta_content(doc, "article:modified_time", "og:updated_time", "dateModified"):
        return RawDate(found, "meta")
    return None
