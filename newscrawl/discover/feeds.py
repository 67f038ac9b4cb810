"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> entries (link, dates, title)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

import lxml.etree

_PARSER = lxml.etree.XMLParser(recover=True, resolve_entities=False, no_network=True,
                               remove_comments=True, remove_pis=True)


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed."""

    url: str
    title: str | None = None
    published: str | None = None
    updated: str | None = None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(element: lxml.etree._Element, *names: str) -> str | None:
    for child in element:
        if _local(child.tag) in names and (child.text or "").strip():
            return child.text.strip()
    return None


def _atom_link(entry: lxml.etree._Element) -> str | None:
    fallback = None
    for child in entry:
        if _local(child.tag) == "link" and child.get("href"):
            if child.get("rel", "alternate") == "alternate":
                return child.get("href")
            fallback = fallback or child.get("href")
    return fallback


def parse_feed(data: bytes, base_url: str = "") -> list[FeedEntry]:
    """Entries of an RSS or Atom document; an empty list for anything else."""
    try:
        root = lxml.etree.fromstring(data, parser=_PARSER)
    except lxml.etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries = []
    for element in root.iter():
        name = _local(element.tag)
        if name == "item":  # RSS 2.0 and RDF
            link = _child_text(element, "link") or _child_text(element, "guid")
            published = _child_text(element, "pubdate", "date", "published")
            updated = _child_text(element, "updated", "modified")
        elif name == "entry":  # Atom
            link = _atom_link(element)
            published = _child_text(element, "published", "issued")
            updated = _child_text(element, "updated", "modified")
        else:
            continue
        if link and not link.startswith(("mailto:", "javascript:")):
            entries.append(FeedEntry(urljoin(base_url, link), _child_text(element, "title"),
                                     published, updated))
    return entries


def is_feed(data: bytes) -> bool:
    """True if the document's root is an RSS, RDF or Atom element."""
    head = data[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head
