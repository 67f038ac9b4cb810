"""Author credits exactly as the page writes them: JSON-LD, then meta, then the visible byline."""

from __future__ import annotations

from lxml.html import HtmlElement

from .metadata import clean_text, meta_contents
from .structured import StructuredData, as_text

XPATH_VISIBLE_BYLINE = (
    '//*[@rel="author" or @itemprop="author" or contains(@class, "byline")'
    ' or contains(@class, "author-name")]'
)


def _json_ld_credits(data: StructuredData) -> list[str]:
    raw = data.article_value("author")
    entries = raw if isinstance(raw, list) else ([raw] if raw else [])
    credits = []
    for entry in entries:
        if name := clean_text(as_text(data.resolve(entry))):
            credits.append(name)
    return credits


def extract_credits_raw(doc: HtmlElement, data: StructuredData) -> list[str]:
    """Raw credit strings, in page order, from the most trusted source that has any."""
    if credits := _json_ld_credits(data):
        return credits
    if credits := meta_contents(doc, "author", "article:author", "dc.creator"):
        return [c for c in credits if not c.startswith("http")] or credits
    for element in doc.xpath(XPATH_VISIBLE_BYLINE)[:1]:
        if text := clean_text(element.text_content()):
            return [text]
    return []
