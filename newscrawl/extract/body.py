"""Main text of the article: our pruning, trafilatura's extraction, our block cleaning.

``body_prune`` prepares the page and finds the story region, trafilatura (main extractor; its
full cascade only for thin results) turns it into blocks, ``body_clean`` drops the boilerplate
blocks and cuts the end notes, ``body_render`` writes the text and the safe HTML.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml.etree import _Element
from lxml.html import HtmlElement
from trafilatura.settings import Document, Extractor

from .body_clean import clean_blocks
from .body_prune import ProseBlock, densest_prose, prune_page, story_region
from .body_recover import recover_dropped_blocks
from .body_rules import inner_text
from .body_render import render_html, render_text

# trafilatura's main extractor alone (fast=True) is ~40% cheaper than its default cascade,
# which also runs readability and jusText and compares. Short results on a page with much more
# prose are where the cascade earns its cost (text the main extractor could not see as
# paragraphs), so it runs only then.
_FALLBACK_BELOW_CHARS = 500
# A story left out by trafilatura: paragraphs side by side of this many characters in all,
# hardly any of them kept.
_MIN_MISSED_STORY_CHARS = 400
_PROBE_CHARS = 40
_MAX_KEPT_SHARE = 0.2


@dataclass(frozen=True)
class Body:
    """The article's text and the same content as minimal HTML."""

    text: str
    html: str | None = None
    trailer: tuple[str, ...] = ()
    """Lines cut from the end of the story (contributor notes, copyright): kept for credits."""


def _options(fast: bool) -> Extractor:
    return Extractor(
        fast=fast,
        output_format="xml",  # the body element only: "python" also renders a text we don't use
        precision=True,
        comments=False,
        tables=True,
        links=True,
        images=True,
        dedup=False,
    )


# Built once: trafilatura reads its configuration file's values anew for each options object,
# which costs a few percent of an extraction when done per call. (It never mutates them.)
_FAST, _FULL = _options(fast=True), _options(fast=False)


def _extract_xml(doc: HtmlElement, fast: bool) -> _Element | None:
    """trafilatura's body element (its own XML vocabulary), or None when it finds nothing."""
    # without a URL: with one it resolves every link of the page; body_render does the few kept
    found = trafilatura.bare_extraction(doc, options=_FAST if fast else _FULL)
    return found.body if isinstance(found, Document) else None


def _extract_region(region: _Element) -> _Element | None:
    """trafilatura's main extractor on the region alone, as a document of its own.

    The region is moved out for the call and back afterwards (a copy costs more than the
    extraction saves on small pages); trafilatura's raw-tree pruning may have trimmed it,
    as it would trim the whole page in the fallback anyway.
    """
    parent = region.getparent()
    if parent is None:
        return _extract_xml(region, fast=True)
    position = parent.index(region)
    # made by the region's own parser: moved into a document of lxml.html's default parser,
    # every element would get its class from a Python callback again (see page._PARSER)
    page = region.makeelement("html", {})
    body = region.makeelement("body", {})
    page.append(body)
    body.append(region)  # moves it, with its tail
    try:
        return _extract_xml(page, fast=True)
    finally:
        parent.insert(position, region)


def _squashed(root: _Element | None) -> str:
    return "" if root is None else "".join(inner_text(root).split())


def _kept_share(root: _Element | None, prose: ProseBlock) -> float:
    """Share of the prose block's paragraph text that is in trafilatura's output."""
    kept = _squashed(root)
    found = 0
    for paragraph in prose.paragraphs:
        squashed = "".join(paragraph.split())
        if squashed[:_PROBE_CHARS] in kept:
            found += len(paragraph)
    return found / (prose.chars or 1)


def _missed_story(doc: HtmlElement, root: _Element | None) -> _Element | None:
    """A run of paragraphs trafilatura left out while it kept teasers or tool text elsewhere:
    the element to extract from instead (one level up, for the lead beside it), or None."""
    prose = densest_prose(doc)
    if prose is None or prose.chars < _MIN_MISSED_STORY_CHARS:
        return None
    # only where the output is clearly not that story: much shorter, and hardly any of it
    if 2 * _text_length(root) > prose.chars or _kept_share(root, prose) >= _MAX_KEPT_SHARE:
        return None
    region = prose.element.getparent()
    return region if region is not None and region.tag not in ("body", "html") else prose.element


def _text_length(root: _Element | None) -> int:
    return 0 if root is None else len(inner_text(root))


def extract_body(doc: HtmlElement, url: str | None = None, headline: str | None = None) -> Body:
    """Article text of a parsed page. Mutates ``doc``: call it after every other extractor."""
    prune_page(doc)
    region = story_region(doc)
    root = _extract_xml(doc, fast=True) if region.element is None else _extract_region(region.element)
    found = _text_length(root)
    # the cascade only pays where the page holds clearly more prose than the main extractor kept
    if found < _FALLBACK_BELOW_CHARS and region.text_chars > 2 * found:
        fuller = _extract_xml(doc, fast=False)
        if _text_length(fuller) > found:
            root = fuller
    story = region.element if region.element is not None else doc.find("body")
    missed = _missed_story(doc, root)
    if missed is not None:
        again = _extract_region(missed)
        prose = densest_prose(doc)
        if prose is not None and _kept_share(again, prose) > _kept_share(root, prose):
            root, story = again, missed
    if root is None:
        return Body(text="")
    if story is not None:
        recover_dropped_blocks(root, story)
    cleaned = clean_blocks(root, headline, url)
    text = render_text(cleaned.blocks)
    html = render_html(cleaned.blocks, url) if text else None
    return Body(text=text, html=html, trailer=tuple(cleaned.trailer))
