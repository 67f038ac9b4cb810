"""ArticlePage: plain page data in, an ``Article`` with raw fields out. Knows nothing of Scrapy."""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import escape
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from typing import Any

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..items import Article, Breadcrumb, Image, Metadata
from ..normalize.raw import RawRecord
from ..normalize.text import word_count
from . import metadata
from .body import Body, extract_body
from .embedded import embedded_story
from .bylines import extract_credits_raw, personal_site_owner, site_names
from .headline import extract_headline
from .dates import extract_date_candidates
from .classify import judge_page_type
from .encoding import utf8_source
from .errors import EmptyBody, NotHtml, not_an_article
from .shell import RENDERING_HINT, SHELL_MAX_VISIBLE_CHARS, is_javascript_shell
from .structured import StructuredData, parse_structured_data

# lxml refuses documents nested deeper than 255 levels unless huge_tree is set; real pages
# (and hostile ones) go beyond that, and a truncated tree is better than none.
# The text is decoded already (encoding.py); it is handed to libxml2 as UTF-8 bytes, with the
# encoding stated so that no <meta charset> in the page can override it: libxml2 converts a
# Python str from its internal form first, which costs ~40% more than the whole parse of bytes.
_PARSER = lxml.html.HTMLParser(
    remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=True, encoding="utf-8"
)
# lxml.html picks each element's class in a Python callback (forms and inputs get their own),
# run for every element proxy made: ~1,400 calls a page. None of those form classes is used
# here, so one class for every element, chosen in C.
_PARSER.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


@dataclass(frozen=True, kw_only=True)
class PageInput:
    """What extraction needs to know about one fetched page."""

    url: str
    html: str
    headers: Mapping[str, str] = field(default_factory=dict)
    fetched_at: datetime | None = None
    """Aware UTC time of the download; relative dates ("3 hours ago") count from it."""
    hints: Mapping[str, Any] = field(default_factory=dict)
    """news_publication_date, news_title, feed_published, lastmod: from the discovery source."""
    discovered_via: str | None = None


def parse_html(html: str) -> HtmlElement:
    """Parse a document once; every extractor shares the tree. Raises NotHtml if impossible."""
    if not html or html.isspace():  # stops at the first character that is not a space: no copy
        raise NotHtml("empty document")
    source = utf8_source(html)
    # an XML declaration's encoding is the bytes', which are gone: only the text is left
    stripped = _XML_DECLARATION.sub("", html, count=1)
    # lone surrogates (text decoded elsewhere with errors="surrogateescape") cannot be UTF-8
    data = source if source is not None and stripped is html else stripped.encode("utf-8", "replace")
    try:
        doc = lxml.html.document_fromstring(data, parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotHtml(str(exc)) from exc
    if doc is None:
        raise NotHtml("no root element")
    return doc


class ArticlePage:
    """One page's fields, each from a small method; ``to_article`` assembles the record."""

    def __init__(self, page: PageInput) -> None:
        self.page = page
        self.doc = parse_html(page.html)

    @cached_property
    def data(self) -> StructuredData:
        """JSON-LD of the page, parsed once."""
        return parse_structured_data(self.doc)

    @cached_property
    def site_names(self) -> frozenset[str]:
        """Keys of the names the site goes by (publisher, og:site_name, domain): no headline, no author."""
        return site_names(self.data, metadata.meta_index(self.doc), self.page.url)

    def headline(self) -> str | None:
        """The headline, falling back to the news sitemap title."""
        return extract_headline(self.doc, self.data, self.site_names) or self.page.hints.get("news_title")

    def canonical_url(self) -> str | None:
        """The canonical URL the page declares."""
        return metadata.extract_canonical_url(self.doc, self.data, self.page.url)

    def breadcrumbs(self) -> list[Breadcrumb]:
        """Breadcrumb trail."""
        found = metadata.extract_breadcrumbs(self.doc, self.data, self.page.url)
        return [Breadcrumb(name=name, url=url) for name, url in found]

    def main_image(self) -> Image | None:
        """Lead image."""
        url = metadata.extract_main_image(self.doc, self.data, self.page.url)
        return Image(url=url) if url else None

    def credits_raw(self) -> list[str]:
        """Credits as written; the byline normalizer splits them into people and agencies."""
        return extract_credits_raw(self.doc, self.data, self.page.url, self.site_names)

    def to_article(self) -> RawRecord:
        """The record's settled fields and its raw candidates. Raises EmptyBody when no article text is found."""
        # Judged on the page, whatever found it: a sitemap or a feed is a hint, not proof.
        if verdict := judge_page_type(self.doc, self.data, self.page.url):
            raise not_an_article(verdict.code, verdict.detail)
        # Every candidate is kept; normalize.article.normalize_dates picks one (see extract.dates).
        dates = extract_date_candidates(self.doc, self.data, self.page.hints, self.page.url)
        credits = self.credits_raw()
        owner = personal_site_owner(self.doc, metadata.meta_index(self.doc), self.page.url) if not credits else None
        fetched_at = self.page.fetched_at or datetime.now(timezone.utc)
        article = Article(
            url=self.page.url,
            canonicalUrl=self.canonical_url(),
            headline=self.headline(),
            description=metadata.extract_description(self.doc, self.data),
            inLanguage=metadata.extract_language(self.doc, self.data),
            mainImage=self.main_image(),
            breadcrumbs=self.breadcrumbs(),
            section=metadata.extract_section(self.doc, self.data),
            tags=metadata.extract_tags(self.doc, self.data),
            publisher=metadata.extract_publisher(self.doc, self.data),
            discoveredVia=self.page.discovered_via,
            metadata=Metadata(dateDownloaded=fetched_at.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")),
        )
        # Body extraction prunes the tree, so it runs after every other field.
        body = extract_body(self.doc, self.page.url, article.headline)
        # Only a thin body raises the question of a JavaScript shell; the pruned tree has lost
        # its scripts, so the check reads a fresh parse (rare, so cheaper than on every page).
        if len(body.text) <= SHELL_MAX_VISIBLE_CHARS:
            fresh = parse_html(self.page.html)
            if story := embedded_story(fresh, self.data):
                # the application renders the story from its data: the data is the text
                body = Body(text="\n".join(story), html="".join(f"<p>{escape(p)}</p>" for p in story))
            elif is_javascript_shell(fresh):
                raise EmptyBody(RENDERING_HINT)  # "no-content", with the way out for such sites
        if not body.text:
            raise EmptyBody(self.page.url)
        article.articleBody, article.articleBodyHtml = body.text, body.html
        article.wordCount = word_count(body.text)
        # End-of-story notes are candidates for contributors; normalize_bylines reads them.
        return RawRecord(article=article, published=dates.published, modified=dates.modified,
                         credits=credits, trailer=list(body.trailer), site_owner=owner)
