"""Publication and modification dates as the page states them, with where each came from.

Extraction gathers every candidate in order of trust; ``normalize.dates`` parses them and picks
one (skipping implausible values, preferring a local day over a UTC timestamp of the same
moment). The candidates travel typed, as ``RawDate`` lists of the page's ``RawRecord``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..normalize.date_raw import RawDate
from ..normalize.text import collapse_space
from .metadata import meta_index
from .date_visible import (
    VisibleDates, first_text_date, htmldate_candidate, labelled_candidate, visible_candidates, visible_dates,
)
from .structured import StructuredData, as_text, node_types

__all__ = ["RawDate"]

# Meta names (lower-cased name/property/itemprop) in order of trust. Generic names such as
# "date" are often the page's render or last-edit time, so they rank below <time> tags.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "published_time", "datepublished", "parsely-pub-date", "sailthru.date", "cxenseparse:publishtime",
    "dc.date.issued", "dcterms.issued", "citation_publication_date", "citation_date", "publishdate",
    "publish-date", "publish_date", "pubdate", "article.published", "originalpublicationdate",
    "og:release_date", "datecreated", "dcterms.created", "dc.date.created", "bt:pubdate", "uploaddate",
)
WEAK_PUBLISHED_META = ("dc.date", "dcterms.date", "date")
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "article:modified", "article:updated_time",
    "datemodified", "dc.date.modified", "dcterms.modified", "bt:moddate", "last-modified",
)
_JSON_LD_PUBLISHED = ("datePublished", "dateCreated", "uploadDate")
# Through the attribute axis: testing attributes of every element costs twice as much.
XPATH_PUBLISHED_ELEMENTS = XPath('//@itemprop[.="datePublished" or .="dateCreated"]/.. | //@pubdate/..')
XPATH_MODIFIED_ELEMENTS = XPath('//@itemprop[.="dateModified"]/..')
# Whole dates in URL paths, year first: /2013/11/02/, /2013-11-02-, /20131102/, /2013/1102/.
# A 14-digit stamp (/20160218174457/) is not one: web archives write their capture time so.
_URL_YEAR = r"(?:199\d|20[0-4]\d)"
_URL_DATE = re.compile(
    rf"[/_-]({_URL_YEAR})(?:([/_-]?)(0[1-9]|1[0-2])\2|/(0[1-9]|1[0-2]))(0[1-9]|[12]\d|3[01])"
    r"(?=[/_.-]|\d{0,2}[/_.-]|$)"
)
# Day first, as European CMSs write it: /29-10-2021/, /story-29.10.2021.html, /29_10_2021.
_URL_DATE_DAY_FIRST = re.compile(
    rf"[/_-](0[1-9]|[12]\d|3[01])([-_.])(0[1-9]|1[0-2])\2({_URL_YEAR})(?=[/_.-]|$)"
)
# Vox Media and others drop the leading zeros, but only between slashes: /2019/11/8/20948348/.
_URL_DATE_UNPADDED = re.compile(rf"/({_URL_YEAR})/([1-9]|1[0-2])/([1-9]|[12]\d|3[01])(?=/)")
# The Guardian's form, the month as an English abbreviation: /2019/nov/18/.
_URL_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_URL_DATE_MONTH_NAME = re.compile(rf"/({_URL_YEAR})/({'|'.join(_URL_MONTHS)})/(0[1-9]|[12]\d|3[01])(?=/)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_MAX_RAW = 120
MetaIndex = Mapping[str, list[str]]


def _clean(value: Any) -> str | None:
    text = as_text(value)
    if text is None:
        return None
    text = collapse_space(text)
    return text[:_MAX_RAW] if text else None


def _json_ld(data: StructuredData, keys: tuple[str, ...]) -> Iterator[RawDate]:
    nodes = [data.article] if data.article is not None else []
    nodes += [n for n in data.nodes if n is not data.article]
    for node in nodes:
        for key in keys:
            if found := _clean(data.resolve(node.get(key))):
                yield RawDate(found, "json-ld")


def _meta(index: MetaIndex, names: tuple[str, ...], source: str) -> Iterator[RawDate]:
    for name in names:
        for content in index.get(name, ()):
            yield RawDate(content[:_MAX_RAW], source)


def _dated_elements(doc: HtmlElement, xpath: XPath) -> Iterator[RawDate]:
    # <meta itemprop> tags are in the meta index already.
    elements = [e for e in xpath(doc) if e.tag != "meta"]
    for element in elements[:3]:
        found = _clean(element.get("datetime") or element.get("content") or element.text_content())
        if found:
            yield RawDate(found, "time-tag")


def _first_time_tag(doc: HtmlElement) -> Iterator[RawDate]:
    # The first <time> is often the story's, but also often a teaser's or a comment's.
    for element in doc.iter("time"):
        if found := _clean(element.get("datetime")):
            yield RawDate(found, "time-tag")
            return


def url_date(url: str) -> RawDate | None:
    """The whole date written in a URL path, as YYYY-MM-DD; only a day that exists.

    >>> url_date("https://example.com/news/2013/11/02/phoenix-story.html")
    RawDate(text='2013-11-02', source='url')
    >>> url_date("https://example.com/a/20200516/story") is None
    False
    >>> url_date("https://example.com/lokales/29-10-2021/rathaus")
    RawDate(text='2021-10-29', source='url')
    >>> url_date("https://example.com/science/2019/11/8/20948348/air-quality")
    RawDate(text='2019-11-08', source='url')
    >>> url_date("https://example.com/commentisfree/2019/nov/18/the-view")
    RawDate(text='2019-11-18', source='url')
    """
    path = url.split("?", 1)[0].split("://", 1)[-1]
    found = [(m.start(), m[1], m[3] or m[4], m[5]) for m in _URL_DATE.finditer(path)]
    found += [(m.start(), m[4], m[3], m[1]) for m in _URL_DATE_DAY_FIRST.finditer(path)]
    found += [(m.start(), m[1], m[2], m[3]) for m in _URL_DATE_UNPADDED.finditer(path)]
    found += [(m.start(), m[1], str(_URL_MONTHS.index(m[2]) + 1), m[3]) for m in _URL_DATE_MONTH_NAME.finditer(path)]
    for _, year, month, day in sorted(found):
        try:
            # The year range is in the patterns; a future date is refused where the fetch time is known.
            written = date(int(year), int(month), int(day))
        except ValueError:
            continue  # 2020-02-31: an ID that looks like a date
        return RawDate(written.isoformat(), "url")
    return None


def _unique(candidates: Iterable[RawDate]) -> list[RawDate]:
    seen: set[str] = set()
    result = []
    for candidate in candidates:
        if candidate.text not in seen:
            seen.add(candidate.text)
            result.append(candidate)
    return result


def _has_year(candidate: RawDate) -> bool:
    return bool(_YEAR.search(candidate.text))


def _strong(
    doc: HtmlElement, data: StructuredData, index: MetaIndex, hints: Mapping[str, Any]
) -> Iterator[RawDate]:
    yield from _json_ld(data, _JSON_LD_PUBLISHED)
    yield from _meta(index, PUBLISHED_META, "meta")
    yield from _dated_elements(doc, XPATH_PUBLISHED_ELEMENTS)
    for key, source in (("news_publication_date", "news-sitemap"), ("feed_published", "feed")):
        if found := _clean(hints.get(key)):
            yield RawDate(found, source)


def _weak(doc: HtmlElement, index: MetaIndex, url: str, visible: VisibleDates) -> Iterator[RawDate]:
    yield from visible.published
    yield from _first_time_tag(doc)
    yield from _meta(index, WEAK_PUBLISHED_META, "meta")
    if url and (found := url_date(url)):
        yield found


def _published(
    doc: HtmlElement,
    data: StructuredData,
    index: MetaIndex,
    hints: Mapping[str, Any],
    url: str,
    visible: VisibleDates | None = None,
) -> list[RawDate]:
    """Every publication-date candidate of the page, most trusted first.

    Structured values (JSON-LD, publication meta tags, itemprop/pubdate elements, the
    discovery hint) come first. Without them, the date the page shows leads: after a
    "Published" label, else right after the headline; htmldate's page search only when the
    page shows none. The other weak values (more visible dates, the first <time>, generic
    meta, the URL) follow: they confirm, give a time of day, or stand in.
    """
    candidates = [c for c in _strong(doc, data, index, hints) if _has_year(c)]
    visible = visible or visible_dates(doc)
    weak = [c for c in _weak(doc, index, url, visible) if _has_year(c) or c.source == "visible"]
    if not candidates:
        # A whole date in the URL is the CMS's own record of the publication day.
        candidates += [c for c in weak if c.source == "url"]
        if labelled := labelled_candidate(doc):
            candidates.append(labelled)
        candidates += visible_candidates(doc, adjacent_only=True)[:1]
        # The page's own generic date meta, read in our day order, before a page-wide search.
        candidates += [c for c in weak if c.source == "meta"][:1]
        if not candidates and (updated := labelled_candidate(doc, modified=True)):
            # The page's only statement of its date is its last change ("Letzte Änderung:
            # 14.01.2022"): nearer the truth than a date its text quotes, htmldate's usual find.
            candidates.append(updated)
        if not candidates and (found := htmldate_candidate(doc, url)):
            candidates.append(found)
        if not candidates:
            # Dates elsewhere near the headline, else the first date written on the page.
            found = next((c for c in weak if c.source == "visible"), None) or first_text_date(doc)
            candidates += [found] if found else []
    return _unique(candidates + weak)


def extract_published_candidates(
    doc: HtmlElement, data: StructuredData, hints: Mapping[str, Any], url: str = ""
) -> list[RawDate]:
    """Every publication-date candidate of the page, most trusted first."""
    return _published(doc, data, meta_index(doc), hints, url)


def extract_published_raw(
    doc: HtmlElement, data: StructuredData, hints: Mapping[str, Any], url: str = ""
) -> RawDate | None:
    """The most trusted publication-date candidate, or None."""
    found = extract_published_candidates(doc, data, hints, url)
    return found[0] if found else None


def _modified(
    doc: HtmlElement, data: StructuredData, index: MetaIndex, visible: VisibleDates | None = None
) -> list[RawDate]:
    found = [*_json_ld(data, ("dateModified",)), *_meta(index, MODIFIED_META, "meta")]
    found += _dated_elements(doc, XPATH_MODIFIED_ELEMENTS)
    # "Last updated: ..." as the page shows it: the least trusted, after the markup.
    found += (visible or visible_dates(doc)).modified
    return _unique(c for c in found if _has_year(c) or c.source == "visible")


def extract_modified_candidates(doc: HtmlElement, data: StructuredData) -> list[RawDate]:
    """Every last-modified candidate, most trusted first."""
    return _modified(doc, data, meta_index(doc))


@dataclass(frozen=True)
class DateCandidates:
    """Publication and modification candidates of one page, most trusted first."""

    published: list[RawDate]
    modified: list[RawDate]


def extract_date_candidates(
    doc: HtmlElement, data: StructuredData, hints: Mapping[str, Any], url: str = ""
) -> DateCandidates:
    """Both candidate lists, reading the page's meta tags once.

    A live blog's visible times are its entries' (the newest first): its structured
    datePublished is the start of the coverage, and no shown time may outvote it.
    """
    index, visible = meta_index(doc), visible_dates(doc)
    published = _published(doc, data, index, hints, url, visible)
    if _is_live_blog(data) and published and published[0].source == "json-ld":
        published = [c for c in published if c.source not in ("visible", "time-tag")]
    return DateCandidates(published, _modified(doc, data, index, visible))


def _is_live_blog(data: StructuredData) -> bool:
    return any("liveblogposting" in node_types(node) for node in data.nodes)


def extract_modified_raw(doc: HtmlElement, data: StructuredData) -> RawDate | None:
    """The most trusted last-modified candidate, or None."""
    found = extract_modified_candidates(doc, data)
    return found[0] if found else None
