"""Visible timestamps: after a "published" label, near the headline, else htmldate's page search."""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator
from dataclasses import dataclass

import lxml.etree
from htmldate import find_date
from lxml.html import HtmlElement

from ..normalize.date_raw import RawDate, locate_date, locate_dates
from ..normalize.text import collapse_space

# Elements whose class or id says they hold a date: "date", "time", "published", "posted",
# "meta" lines under headlines, and common non-English words (datum, fecha, data, date).
_DATED_WORDS = (
    "date", "Date", "time", "Time", "publi", "Publi", "posted", "datum", "Datum", "fecha", "byline", "meta",
)
# Plain contains() on @class: translate() over every element costs milliseconds a page, so
# the search also stays inside the headline's neighbourhood when there is a headline.
# Through the class attribute (".//*/@class[...]/.."): elements without one never run the tests.
XPATH_DATED_ELEMENTS = lxml.etree.XPath(
    ".//*/@class[{}]/..".format(" or ".join(f"contains(., '{w}')" for w in _DATED_WORDS)))
_SKIP_TAGS = frozenset({"script", "style", "meta", "html", "body", "time", "link"})
_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
_ZONE_LEVELS = 3
XPATH_TIME_TEXT = lxml.etree.XPath(".//time")
XPATH_H1 = lxml.etree.XPath("//h1")
_SPACE = re.compile(r"\s+")
_MAX_ELEMENT_TEXT = 160
_MAX_ELEMENTS = 12
_MAX_VISIBLE = 1
_MAX_RAW_TEXT = 1000
_AFTER_HEADLINE = 200
# "Published on", "Veröffentlicht am", "Erschienen am", "Publié le", "Publicado el", "تم نشره",
# "Опубликовано", "公開日" ...: a date right after such a label is the page's own statement of its
# publication day. One lexicon for the languages news is written in, not one rule per site.
_LABEL_WORDS = (
    "first published", "published", "posted", "ver\u00f6ffentlicht", "erschienen", "publiziert",
    "publi\u00e9", "mis en ligne", "publicado", "pubblicato", "gepubliceerd", "geplaatst",
    "opublikowano", "publicerad", "publiceret", "publisert", "julkaistu", "publicat", "publikov\u00e1no",
    "zve\u0159ejn\u011bno", "objavljeno", "k\u00f6zz\u00e9t\u00e9ve", "megjelent", "yay\u0131nlanma",
    "yay\u0131n tarihi", "diterbitkan", "dipublikasikan", "\u043e\u043f\u0443\u0431\u043b\u0438\u043a\u043e\u0432\u0430\u043d\u043e",
    "\u0434\u0430\u0442\u0430 \u043f\u0443\u0431\u043b\u0438\u043a\u0430\u0446\u0438\u0438",
    "\u03b4\u03b7\u03bc\u03bf\u03c3\u03b9\u03b5\u03cd\u03b8\u03b7\u03ba\u03b5",
    "\u062a\u0645 \u0646\u0634\u0631\u0647", "\u0646\u0634\u0631 \u0641\u064a",
    "\u062a\u0627\u0631\u064a\u062e \u0627\u0644\u0646\u0634\u0631", "\u0646\u0634\u0631 \u0628\u062a\u0627\u0631\u064a\u062e",
    "\u516c\u958b\u65e5", "\u63b2\u8f09\u65e5", "\u6295\u7a3f\u65e5", "\u53d1\u5e03\u65f6\u95f4",
    "\u53d1\u5e03\u65e5\u671f", "\u767c\u4f48\u6642\u9593", "\uc785\ub825",
)
# "Date:", "Datum:", "Fecha:", "Data:": a date label of any language, but only with its colon;
# bare, these words are too common in prose ("to date", "Datum der Sitzung").
_DATE_WORDS = (
    "date", "datum", "fecha", "data", "d\u00e1tum", "dato", "tarih", "\u0434\u0430\u0442\u0430",
    "\u0627\u0644\u062a\u0627\u0631\u064a\u062e", "\u65e5\u671f", "\u65e5\u4ed8",
)
_PREPOSITIONS = r"(?:\s+(?:on|am|le|el|il|em|op|den|at|by\s+\S+\s+on|\u0641\u064a|\u0628\u062a\u0627\u0631\u064a\u062e))?"
_PUBLISHED_LABEL = re.compile(
    r"(?<![^\W\d_])(?:(?:{}){}\s*[:\-\u2013|,\uff1a]?|(?:{})\s*[:\uff1a])\s*".format(
        "|".join(re.escape(w) for w in _LABEL_WORDS), _PREPOSITIONS,
        "|".join(re.escape(w) for w in _DATE_WORDS),
    ),
    re.I,
)
# "Last updated", "Aktualisiert am", "Mis à jour le", "Actualizado el", "آخر تحديث", "更新日" ...:
# a date after such a label is the last change, never the publication.
_MODIFIED_LABEL_WORDS = (
    "updated", "modified", "aktualisiert", "ge\u00e4ndert", "letzte \u00e4nderung", "mis \u00e0 jour",
    "mise \u00e0 jour", "modifi\u00e9", "actualizado", "actualizaci\u00f3n", "aggiornato", "aggiornamento",
    "atualizado", "atualiza\u00e7\u00e3o", "bijgewerkt", "gewijzigd", "zaktualizowano", "uppdaterad",
    "opdateret", "oppdatert", "p\u00e4ivitetty", "actualizat", "aktualizov\u00e1no", "a\u017eurirano",
    "friss\u00edtve", "g\u00fcncelleme", "g\u00fcncellenme", "diperbarui",
    "\u043e\u0431\u043d\u043e\u0432\u043b\u0435\u043d\u043e", "\u03b5\u03bd\u03b7\u03bc\u03b5\u03c1\u03ce\u03b8\u03b7\u03ba\u03b5",
    "\u0622\u062e\u0631 \u062a\u062d\u062f\u064a\u062b", "\u062a\u0645 \u062a\u062d\u062f\u064a\u062b\u0647",
    "\u66f4\u65b0", "\uc218\uc815", "\uc5c5\ub370\uc774\ud2b8",
)
_MODIFIED_LABEL = re.compile(
    r"(?<![^\W\d_])(?:{}){}\s*[:\-\u2013|,\uff1a]?\s*".format(
        "|".join(re.escape(w) for w in _MODIFIED_LABEL_WORDS), _PREPOSITIONS),
    re.I,
)
_LABELS = re.compile(
    r"(?<![^\W\d_])(?:(?P<modified>{})|(?P<published>{}|(?:{})\s*[:\uff1a]))".format(
        "|".join(re.escape(w) for w in _MODIFIED_LABEL_WORDS), "|".join(re.escape(w) for w in _LABEL_WORDS),
        "|".join(re.escape(w) for w in _DATE_WORDS),
    ),
    re.I,
)
# How far before a date its label may stand ("Aktualisiert am Dienstag, ").
_LABEL_REACH = 30
_MAX_LABEL_HITS = 5
_MAX_PAGE_TEXT = 100_000
_LABEL_WINDOW = 40


def _reader_text(element: HtmlElement) -> Iterator[str]:
    """The text of an element as a reader sees it: script and style content left out."""
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            if node.text and node.tag not in _HIDDEN_TAGS:
                yield node.text
        elif node is not element and node.tail:
            yield node.tail


def _short_text(element: HtmlElement) -> str | None:
    pieces: list[str] = []
    size = 0
    for piece in _reader_text(element):
        # Stop early on big containers: their text is never a timestamp line.
        size += len(piece)
        if size > _MAX_RAW_TEXT:
            return None
        pieces.append(piece)
    # Joined with spaces: "Jane Roe<span>Nov 2, 2013</span>" must not read "RoeNov".
    text = collapse_space(" ".join(pieces))
    if not text or len(text) > _MAX_ELEMENT_TEXT or not any(ch.isdigit() for ch in text):
        return None
    return text


def _following_texts(h1: HtmlElement) -> Iterator[str]:
    """Text nodes after the headline in reading order (the headline's own text excluded)."""
    element: HtmlElement | None = h1
    tail = h1.tail
    while element is not None:
        if tail:
            yield tail
        following = element.getnext()
        if following is None:
            element = element.getparent()
            tail = element.tail if element is not None else None
            continue
        element = following
        if element.tag not in _SKIP_TAGS:
            yield from _reader_text(element)
        tail = element.tail


def _text_after(h1: HtmlElement) -> str:
    """The first words after the headline: where the dateline and timestamp usually are."""
    pieces: list[str] = []
    size = 0
    for piece in _following_texts(h1):
        if piece.strip():
            pieces.append(piece.strip())
            size += len(piece.strip())
        if size >= _AFTER_HEADLINE:
            break
    return " ".join(pieces)[:_AFTER_HEADLINE]


def _texts_inside(h1: HtmlElement) -> Iterator[str]:
    """Short texts set inside the headline after its words: "<h1>Title<br><small>02.02.2022</small>"."""
    seen_words = bool(h1.text and h1.text.strip())
    for child in h1:
        if seen_words and child.tag not in _SKIP_TAGS and (text := _short_text(child)):
            yield text
        seen_words = seen_words or bool(child.text_content().strip()) or bool(child.tail and child.tail.strip())


def _headline_zone(h1: HtmlElement) -> HtmlElement:
    """The headline's container a few levels up: where the story's own timestamp sits."""
    zone = h1
    for _ in range(_ZONE_LEVELS):
        parent = zone.getparent()
        if parent is None:
            break
        zone = parent
    return zone


def _headline(doc: HtmlElement) -> HtmlElement | None:
    """The story's <h1>: the longest of the first few, since logos are wrapped in <h1> too."""
    found = XPATH_H1(doc)[:3]
    return max(found, key=lambda h: len(h.text_content().strip()), default=None)


def _visible_texts(doc: HtmlElement, adjacent_only: bool) -> Iterator[str]:
    headline = _headline(doc)
    zone = _headline_zone(headline) if headline is not None else doc
    if headline is not None:
        yield from _texts_inside(headline)
        yield _text_after(headline)
        for element in list(headline.itersiblings(preceding=True))[:2]:
            if text := _short_text(element):
                yield text
    if adjacent_only:
        return
    for element in XPATH_TIME_TEXT(zone)[:2]:
        if text := _short_text(element):
            yield text
    seen = 0
    for element in XPATH_DATED_ELEMENTS(zone):
        if seen >= _MAX_ELEMENTS:
            break
        if element.tag in _SKIP_TAGS:
            continue
        seen += 1
        if text := _short_text(element):
            yield text


@dataclass(frozen=True)
class VisibleDates:
    """Dates the reader sees near the headline: the publication's, and the last change's."""

    published: list[RawDate]
    modified: list[RawDate]


def date_label(text: str, start: int, reach_from: int = 0) -> str | None:
    """ "published" or "modified" when a label of that kind stands right before ``start``.

    >>> date_label("Published 2 May 2024, updated 3 May 2024", 30, 20)
    'modified'
    """
    before = text[max(reach_from, start - _LABEL_REACH) : start]
    kind = None
    for match in _LABELS.finditer(before):
        kind = "modified" if match.group("modified") else "published"
    return kind


def labelled_dates(text: str) -> Iterator[tuple[str | None, str]]:
    """Each date of a short text with the kind of label before it (None: no label)."""
    previous_end = 0
    for start, end, located in locate_dates(text):
        yield date_label(text, start, previous_end), located
        previous_end = end


def visible_dates(doc: HtmlElement, adjacent_only: bool = False) -> VisibleDates:
    """Dates as a reader sees them near the headline, most likely first, by their labels.

    Texts right after (or just above) the headline first; then <time> and date-classed
    elements of the headline's container, or ``adjacent_only`` to leave those out. A date
    after a "published" label leads; an unlabelled one stands in; one after an "updated"
    label is a modification date, not a publication candidate.
    """
    published: RawDate | None = None
    unlabelled: RawDate | None = None
    modified: RawDate | None = None
    for text in _visible_texts(doc, adjacent_only):
        for kind, located in labelled_dates(text):
            if kind == "published" and published is None:
                published = RawDate(located, "visible")
            if kind == "modified" and modified is None:
                modified = RawDate(located, "visible")
            if kind != "published" and unlabelled is None:
                unlabelled = RawDate(located, "visible")
        if published is not None or (unlabelled is not None and modified is not None):
            break
    chosen = [c for c in (published or unlabelled,) if c is not None][:_MAX_VISIBLE]
    return VisibleDates(chosen, [modified] if modified is not None else [])


def visible_candidates(doc: HtmlElement, adjacent_only: bool = False) -> list[RawDate]:
    """Publication dates as a reader sees them near the headline, most likely first (see ``visible_dates``)."""
    return visible_dates(doc, adjacent_only).published


def _page_text(doc: HtmlElement) -> str:
    body = doc.find("body")
    # Serialised as text in C: far cheaper than joining itertext() in Python.
    text: str = lxml.etree.tostring(body if body is not None else doc, method="text", encoding=str)
    return text


def labelled_candidate(doc: HtmlElement, modified: bool = False) -> RawDate | None:
    """The first date in the page text that follows a "published" label (or, with ``modified``,
    a "last updated" one), in any common language."""
    text = _page_text(doc)
    lowered = text.lower()
    words: tuple[str, ...] = (*_LABEL_WORDS, *_DATE_WORDS) if not modified else _MODIFIED_LABEL_WORDS
    label = _MODIFIED_LABEL if modified else _PUBLISHED_LABEL
    if not _NON_LATIN.search(lowered, 0, _SCRIPT_SAMPLE):
        # A page in Latin script: its label words only (each find scans the whole text).
        words = _latin_only(words)
    # str.find per label word is far cheaper than one case-insensitive alternation over the page.
    starts = sorted(position for word in words for position in _find_all(lowered, word, _MAX_LABEL_HITS))
    for start in starts:
        if match := label.match(text, start):
            window = _SPACE.sub(" ", text[match.end() : match.end() + _LABEL_WINDOW])
            if (located := locate_date(window)) and _follows_directly(window, located):
                return RawDate(located, "visible")
    return None


# Letters of the other scripts the label lexicon covers (Greek, Cyrillic, Arabic, CJK, Hangul).
_NON_LATIN = re.compile("[\u0370-\u06ff\u3040-\u9fff\uac00-\ud7af]")
_SCRIPT_SAMPLE = 20_000


@lru_cache(maxsize=4)
def _latin_only(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(w for w in words if not _NON_LATIN.search(w))


def _follows_directly(window: str, located: str) -> bool:
    """True when only a weekday stands between the label and the date ("Published Friday, 24 April")."""
    before = window[: window.find(located)].strip(" ,")
    return not before or (" " not in before and before.isalpha())


def _find_all(text: str, word: str, limit: int) -> Iterator[int]:
    position = text.find(word)
    while position >= 0 and limit > 0:
        yield position
        limit -= 1
        position = text.find(word, position + 1)


def htmldate_candidate(doc: HtmlElement, url: str) -> RawDate | None:
    """htmldate's reading of the whole page (it deep-copies the tree before pruning it).

    The fast mode only: its extensive mode runs dateparser over free text in every
    language, which costs more than the rest of the record.
    """
    found = find_date(doc, url=url or None, original_date=True, extensive_search=False)
    return RawDate(found, "htmldate") if found else None


def first_text_date(doc: HtmlElement) -> RawDate | None:
    """The first date written anywhere in the page text, not after an "updated" label: the last resort."""
    text = _page_text(doc)[:_MAX_PAGE_TEXT]
    if (located := locate_date(text)) is None:
        return None
    if date_label(text, text.find(located)) != "modified":
        return RawDate(located, "visible")
    # Rare: the page leads with its last change. Only then is every date of the text read.
    found = next((d for kind, d in labelled_dates(text) if kind != "modified"), None)
    return RawDate(found, "visible") if found else None
