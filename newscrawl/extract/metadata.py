"""Raw metadata strings: JSON-LD first, then meta/OpenGraph, then the visible page."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..normalize.text import collapse_space, normalize_language_tag
from .structured import StructuredData, as_text, node_types

# Title suffixes like "Story title | Site" or "Story title - Site name".
# Compiled once: doc.xpath("...") compiles its expression on every call.
XPATH_CANONICAL = XPath('//link[@rel="canonical"]/@href')
XPATH_HTML_LANG = XPath("/html/@lang | /html/@xml:lang")
XPATH_CONTENT_LANGUAGE = XPath(
    '//meta[translate(@http-equiv, "CONTENTLANGUAGE", "contentlanguage")="content-language"]/@content'
)
# Through the attributes: elements without them never run the tests (half the cost).
XPATH_BREADCRUMB_LINKS = XPath(
    '(//@class[contains(., "breadcrumb")] | //@aria-label[.="breadcrumb" or .="Breadcrumb"])/..//a'
)


def clean_text(text: str | None) -> str | None:
    """Collapse white space; None for empty strings.

    >>> clean_text("  Japan,\\n Russia  ")
    'Japan, Russia'
    """
    if not text:
        return None
    cleaned = collapse_space(text.replace("\xad", ""))  # soft hyphens: see body_render.block_lines
    return cleaned or None


@lru_cache(maxsize=1)
def meta_index(doc: HtmlElement) -> Mapping[str, list[str]]:
    """Every <meta> content by lower-cased property, name and itemprop, in page order.

    Built in one pass and kept for the page being extracted (the last document seen): the
    headline, dates, bylines and classification all read meta tags, and an XPath per name
    would scan the whole document each time. Treat the result as read-only.
    """
    index: dict[str, list[str]] = {}
    for meta in doc.iter("meta"):
        content = clean_text(meta.get("content"))
        if content is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            if key := meta.get(attribute):
                index.setdefault(key.strip().lower(), []).append(content)
    return index


def meta_content(doc: HtmlElement, *names: str) -> str | None:
    """First non-empty content of <meta name|property|itemprop=...> among ``names``."""
    index = meta_index(doc)
    for name in names:
        if values := index.get(name.lower()):
            return values[0]
    return None


def meta_contents(doc: HtmlElement, *names: str) -> list[str]:
    """Every non-empty content of <meta> tags named any of ``names``, in page order, once each."""
    index = meta_index(doc)
    return list(dict.fromkeys(v for name in names for v in index.get(name.lower(), ())))


def extract_description(doc: HtmlElement, data: StructuredData) -> str | None:
    """The page's own summary of the story."""
    return clean_text(as_text(data.article_value("description"))) or meta_content(
        doc, "og:description", "description", "twitter:description"
    )


def extract_canonical_url(doc: HtmlElement, data: StructuredData, base_url: str) -> str | None:
    """Absolute http(s) canonical URL declared by the page.

    A relative declaration resolved against a saved file's ``file://`` address (``newscrawl
    extract`` without ``--urls``) is not the page's address on the web, so it is no canonical URL.
    """
    declared = [str(href).strip() for href in XPATH_CANONICAL(doc) if str(href).strip()]
    declared.append(meta_content(doc, "og:url") or as_text(data.article_value("url")) or "")
    for found in declared:
        if found and urlsplit(absolute := urljoin(base_url, found)).scheme in {"http", "https"}:
            return absolute
    return None


def _image_url(data: StructuredData, value: Any, depth: int = 0) -> str | None:
    """URL of a JSON-LD image: a string, an ImageObject (url/contentUrl), an @id or a list."""
    value = data.resolve(value)
    if isinstance(value, list):
        for entry in value[:5]:
            if depth < 2 and (found := _image_url(data, entry, depth + 1)):
                return found
        return None
    if isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            url = value.get(key)
            if isinstance(url, str) and url.strip().startswith(("http", "/")):
                return url.strip()
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def extract_main_image(doc: HtmlElement, data: StructuredData, base_url: str) -> str | None:
    """Absolute URL of the story's lead image."""
    found = _image_url(data, data.article.get("image") if data.article else None) or meta_content(
        doc, "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"
    )
    return urljoin(base_url, found) if found else None


def _language_of(value: Any) -> str | None:
    """A JSON-LD inLanguage: "de-DE", or a Language object whose alternateName is the code."""
    if isinstance(value, dict):
        value = value.get("alternateName") or value.get("name")
    return as_text(value)


def extract_language(doc: HtmlElement, data: StructuredData) -> str | None:
    """Language tag as the markup states it (not yet normalized); names like "English" skipped."""
    candidates = [_language_of(data.article_value("inLanguage"))]
    candidates += [str(lang) for lang in XPATH_HTML_LANG(doc)]
    candidates += XPATH_CONTENT_LANGUAGE(doc)
    candidates.append(meta_content(doc, "og:locale", "content-language", "language", "dc.language"))
    for candidate in candidates:
        if candidate and normalize_language_tag(candidate):
            return candidate.strip()
    return None


def extract_section(doc: HtmlElement, data: StructuredData) -> str | None:
    """The section the story is filed under."""
    return clean_text(as_text(data.article_value("articleSection"))) or meta_content(
        doc, "article:section", "section", "parsely-section"
    )


def extract_tags(doc: HtmlElement, data: StructuredData) -> list[str]:
    """Keywords and tags, in page order, once each."""
    raw = data.article_value("keywords")
    tags: list[str] = []
    values = raw if isinstance(raw, list) else ([raw] if raw else [])
    if not values:
        values = meta_contents(doc, "article:tag") or meta_contents(doc, "news_keywords", "keywords")
    for value in values:
        parts = str(value).split(",") if isinstance(value, str) else [as_text(value) or ""]
        for part in parts:
            if (tag := clean_text(part)) and tag not in tags:
                tags.append(tag)
    return tags[:50]


def extract_publisher(doc: HtmlElement, data: StructuredData) -> str | None:
    """The publishing organisation's name."""
    found = data.article_value("publisher")
    entries = found if isinstance(found, list) else [found]
    for entry in entries:
        if name := clean_text(as_text(data.resolve(entry))):
            return name
    for node in data.nodes:
        if node_types(node) & {"newsmediaorganization", "organization"} and node.get("name"):
            return clean_text(as_text(node.get("name")))
    return meta_content(doc, "og:site_name", "application-name")


def extract_breadcrumbs(doc: HtmlElement, data: StructuredData, base_url: str) -> list[tuple[str, str | None]]:
    """(name, absolute URL) pairs of the breadcrumb trail."""
    for node in data.nodes:
        if "breadcrumblist" in node_types(node):
            crumbs = []
            for element in node.get("itemListElement") or []:
                if not isinstance(element, dict):
                    continue
                item = data.resolve(element.get("item"))
                name = clean_text(as_text(element.get("name")) or as_text(item))
                url = item.get("@id") or item.get("url") if isinstance(item, dict) else item
                if name:
                    crumbs.append((name, urljoin(base_url, url) if isinstance(url, str) else None))
            if crumbs:
                return crumbs
    crumbs = []
    for link in XPATH_BREADCRUMB_LINKS(doc)[:10]:
        if name := clean_text(link.text_content()):
            href = link.get("href")
            crumbs.append((name, urljoin(base_url, href) if href else None))
    return crumbs
