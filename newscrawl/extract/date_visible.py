"""Visible timestamps: the date a reader sees near the headline, then htmldate's page search."""

from __future__ import annotations

import re
from collections.abc import Iterator

from htmldate import find_date
from lxml.html import HtmlElement

from .date_raw import RawDate

# Elements whose class or id says they hold a date: "date", "time", "published", "posted",
# "meta" lines under headlines, and common non-English words (datum, fecha, data, date).
_DATED_WORDS = ("date", "Date", "publi", "Publi", "posted", "datum", "Datum", "fecha", "byline", "meta")
# Plain contains() on @class: translate() over every element costs milliseconds a page, so
# the search also stays inside the headline's neighbourhood when there is a headline.
XPATH_DATED_ELEMENTS = ".//*[{}]".format(" or ".join(f"contains(@class, '{w}')" for w in _DATED_WORDS))
_SKIP_TAGS = frozenset({"script", "style", "meta", "html", "body", "time", "link"})
_ZONE_LEVELS = 3
XPATH_TIME_TEXT = ".//time"
XPATH_H1 = "(//h1)[1]"
_MONTH_WORD = r"[^\W\d_]{3,12}\.?"
_YEAR = r"(?:19|20)\d{2}"
_CLOCK = (
    r"(?:,?\s*(?:at|um|à|a las|alle|o|-|\|)?\s*\d{1,2}[:.h]\d{2}(?::\d{2})?"
    r"(?:\s*[ap]\.?\s?m\.?)?(?:\s*(?:Uhr|h))?(?:\s*[A-Z]{2,4}\b)?)?"
)
# Locate the date inside a longer line ("Posted by Jane on Nov 2, 2013, 11:16 AM | 3 comments");
# dateparser then parses only the located text, which keeps it fast and unconfused.
_LOCATORS = (
    re.compile(rf"\b\d{{1,2}}\.?\s*(?:de\s+)?{_MONTH_WORD},?\s*(?:de\s+)?{_YEAR}{_CLOCK}", re.I),
    re.compile(rf"\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}{_CLOCK}", re.I),
    re.compile(rf"\b{_YEAR}-\d{{1,2}}-\d{{1,2}}{_CLOCK}"),
    re.compile(rf"\b\d{{1,2}}[./]\d{{1,2}}[./](?:{_YEAR}|\d{{2}})\b{_CLOCK}"),
    re.compile(r"\b(?:\d{1,3}|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b", re.I),
    re.compile(r"\bvor\s+\d{1,3}\s+(?:Minuten|Stunden|Tagen|Wochen)\b"),
)
_SPACE = re.compile(r"\s+")
_MAX_ELEMENT_TEXT = 160
_MAX_ELEMENTS = 12


def locate_date(text: str) -> str | None:
    """The date-looking part of a short visible text, or None.

    >>> locate_date("By Jane Roe | Published Nov 2, 2013, 11:16 AM | 3 comments")
    'Nov 2, 2013, 11:16 AM'
    >>> locate_date("Veröffentlicht am 2. November 2013")
    '2. November 2013'
    """
    for pattern in _LOCATORS:
        if match := pattern.search(text):
            return match.group(0).strip(" ,|-")
    return None


def _short_text(element: HtmlElement) -> str | None:
    text = _SPACE.sub(" ", element.text_content()).strip()
    if not text or len(text) > _MAX_ELEMENT_TEXT or not any(ch.isdigit() for ch in text):
        return None
    return text


def _headline_neighbours(h1: HtmlElement) -> Iterator[HtmlElement]:
    """Elements right after the headline: the usual place of the dateline and timestamp."""
    yield from h1.itersiblings()
    parent = h1.getparent()
    if parent is not None:
        yield from parent.itersiblings()


def _headline_zone(h1: HtmlElement) -> HtmlElement:
    """The headline's container a few levels up: where the story's own timestamp sits."""
    zone = h1
    for _ in range(_ZONE_LEVELS):
        parent = zone.getparent()
        if parent is None:
            break
        zone = parent
    return zone


def _visible_texts(doc: HtmlElement) -> Iterator[str]:
    headline = doc.xpath(XPATH_H1)
    zone = _headline_zone(headline[0]) if headline else doc
    for element in zone.xpath(XPATH_TIME_TEXT)[:2]:
        if text := _short_text(element):
            yield text
    if headline:
        for index, element in enumerate(_headline_neighbours(headline[0])):
            if index >= 4:
                break
            if text := _short_text(element):
                yield text
    seen = 0
    for element in zone.xpath(XPATH_DATED_ELEMENTS):
        if seen >= _MAX_ELEMENTS:
            break
        if element.tag in _SKIP_TAGS:
            continue
        seen += 1
        if text := _short_text(element):
            yield text


def visible_candidates(doc: HtmlElement) -> list[RawDate]:
    """Dates as a reader sees them near the headline, most likely first."""
    found: list[RawDate] = []
    for text in _visible_texts(doc):
        if (located := locate_date(text)) and all(c.text != located for c in found):
            found.append(RawDate(located, "visible"))
        if len(found) >= 3:
            break
    return found


def htmldate_candidate(doc: HtmlElement, url: str) -> RawDate | None:
    """htmldate's reading of the whole page (it deep-copies the tree before pruning it)."""
    found = find_date(doc, url=url or None, original_date=True, extensive_search=True)
    return RawDate(found, "htmldate") if found else None
