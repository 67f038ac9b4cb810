"""Sitemaps, sitemap indexes and Google News sitemaps -> entries, keeping nested news: data.

Scrapy's own ``Sitemap`` keeps only direct children of ``<url>``, so ``<news:news>`` publication
dates and titles come through empty; this parser reads them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO

import lxml.etree


@dataclass(frozen=True)
class SitemapEntry:
    """One ``<url>`` or ``<sitemap>`` of a sitemap document."""

    loc: str
    lastmod: str | None = None
    news_publication_date: str | None = None
    news_title: str | None = None


@dataclass(frozen=True)
class SitemapDocument:
    """A parsed sitemap: ``kind`` is "urlset" or "sitemapindex" ("" when not a sitemap)."""

    kind: str
    entries: list[SitemapEntry]


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _entry(element: lxml.etree._Element) -> SitemapEntry | None:
    fields: dict[str, str] = {}
    for child in element.iter():
        name = _local(child.tag)
        text = (child.text or "").strip()
        if not text:
            continue
        if name == "loc" and child.getparent() is element:
            fields.setdefault("loc", text)
        elif name == "lastmod" and child.getparent() is element:
            fields.setdefault("lastmod", text)
        elif name == "publication_date":
            fields.setdefault("news_publication_date", text)
        elif name == "title" and _local(child.getparent().tag) == "news":
            fields.setdefault("news_title", text)
    if "loc" not in fields:
        return None
    return SitemapEntry(**fields)


def iter_sitemap(data: bytes) -> Iterator[tuple[str, SitemapEntry]]:
    """(kind, entry) pairs, streamed so that a 50,000-URL sitemap stays small in memory."""
    events = lxml.etree.iterparse(
        BytesIO(data), events=("start", "end"), recover=True, resolve_entities=False,
        remove_comments=True, remove_pis=True, huge_tree=False, no_network=True,
    )
    kind = ""
    try:
        for event, element in events:
            name = _local(element.tag)
            if event == "start":
                if not kind:
                    kind = name
                continue
            if name in {"url", "sitemap"}:
                if entry := _entry(element):
                    yield kind, entry
                element.clear(keep_tail=False)
    except lxml.etree.XMLSyntaxError:
        return


def parse_sitemap(data: bytes) -> SitemapDocument:
    """All entries of a sitemap document; an empty document for anything else."""
    kind = ""
    entries = []
    for kind, entry in iter_sitemap(data):
        entries.append(entry)
    if kind not in {"urlset", "sitemapindex"}:
        return SitemapDocument("", [])
    return SitemapDocument(kind, entries)

