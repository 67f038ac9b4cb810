"""Main text of the article: trafilatura does the boilerplate removal, we post-clean."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement

from .body_clean import clean_blocks
from .body_prune import prune_page
from .body_render import render_html, render_text

# trafilatura's main extractor alone (fast=True) is ~40% cheaper than its default cascade,
# which also runs readability and jusText and compares. Short results are where the cascade
# earns its cost (text the main extractor could not see as paragraphs), so it runs only then.
_FALLBACK_BELOW_CHARS = 500
_OPTIONS = {
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "include_links": True,
    "include_images": True,
    "deduplicate": False,
}


@dataclass(frozen=True)
class Body:
    """The article's text and the same content as minimal HTML."""

    text: str
    html: str | None = None
    trailer: tuple[str, ...] = ()
    """Lines cut from the end of the story (contributor notes, copyright): kept for credits."""


def _extract_xml(doc: HtmlElement, url: str | None, fast: bool) -> _Element | None:
    """trafilatura's body element (its own XML vocabulary), or None when it finds nothing."""
    found = trafilatura.bare_extraction(doc, url=url, fast=fast, **_OPTIONS)
    return None if found is None else found.body


def _text_length(root: _Element | None) -> int:
    return 0 if root is None else sum(len(t) for t in root.itertext())


def extract_body(doc: HtmlElement, url: str | None = None, headline: str | None = None) -> Body:
    """Article text of a parsed page. Mutates ``doc``: call it after every other extractor."""
    prune_page(doc)
    root = _extract_xml(doc, url, fast=True)
    if _text_length(root) < _FALLBACK_BELOW_CHARS:
        fuller = _extract_xml(doc, url, fast=False)
        if _text_length(fuller) > _text_length(root):
            root = fuller
    if root is None:
        return Body(text="")
    cleaned = clean_blocks(root, headline)
    text = render_text(cleaned.blocks)
    html = render_html(cleaned.blocks, url) if text else None
    return Body(text=text, html=html, trailer=tuple(cleaned.trailer))
