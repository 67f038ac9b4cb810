"""Main text of the article: trafilatura does the boilerplate removal, we post-clean."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml.html import HtmlElement


@dataclass(frozen=True)
class Body:
    """The article's text and the same content as minimal HTML."""

    text: str
    html: str | None = None
    trailer: tuple[str, ...] = ()
    """Lines cut from the end of the story (contributor notes, copyright): kept for credits."""


def extract_body(doc: HtmlElement, url: str | None = None) -> Body:
    """Article text of a parsed page. Mutates ``doc``: call it after every other extractor."""
    text = trafilatura.extract(doc, url=url, favor_precision=True, include_comments=False,
                               include_tables=True, deduplicate=False)
    return Body(text=(text or "").strip())
