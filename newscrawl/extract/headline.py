"""The headline, by a vote of the places a page writes it.

A page states its headline several times: JSON-LD ``headline``, ``og:title``, ``twitter:title``,
an ``<h1>`` (or an element marked ``itemprop=headline``) and ``<title>``. Each alone fails on
some site: JSON-LD holding a short description, the first ``<h1>`` being the logo, a
``<title>`` reading "Site | Headline". Together they rarely do: the candidate most others agree
with wins, and the order of trust below only breaks ties. A candidate that is only the site's
name (a logo, a ``<title>``'s site part) is no headline.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from itertools import islice
from dataclasses import dataclass

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..normalize.bylines import name_key
from ..normalize.date_raw import locate_date
from .metadata import clean_text, meta_index
from .structured import StructuredData, as_text

# Where a <title> or og:title joins the headline and the site's name: "Headline | Site".
_SEPARATOR = re.compile(r"\s+[|\u2013\u2014\-:»·•/]\s+|\s+::\s+|\s*\|\s*")
# Through the attribute axis: testing an attribute of every element costs twice as much.
_MARKED = XPath('//@itemprop[.="headline" or .="name headline" or .="headline name"]/..')
_WORD = re.compile(r"\w+")
_LOGO = re.compile(r"logo|brand|site-?title|site-?name|masthead", re.IGNORECASE)
_AGREE = 0.8


@dataclass(frozen=True)
class Candidate:
    """One statement of the headline and where it was found (lower rank = more trusted)."""

    text: str
    source: str
    """Where it was found; og:title and twitter:title are one source (one copies the other)."""
    rank: int


def decode(text: str | None) -> str | None:
    """Clean text with entities decoded, also those escaped twice ("R&amp;uuml;ckbau").

    >>> decode("R&uuml;ckbau &quot;jetzt&quot;")
    'Rückbau "jetzt"'
    """
    if not text:
        return None
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    return clean_text(text)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _agree(one: list[str], two: list[str]) -> bool:
    """The same headline (its words), give or take a site name, a kicker or a subtitle on one of them."""
    if not one or not two:
        return False
    shorter, longer = (one, two) if len(one) <= len(two) else (two, one)
    present = set(longer)
    shared = sum(1 for w in set(shorter) if w in present)
    # most of the shorter is in the longer, and the shorter is not a word or two of it
    return shared >= _AGREE * len(set(shorter)) and len(shorter) >= 0.5 * len(longer)


# Pieces of a <title> that name no story: WordPress' "Blog Archive", a section's front.
# Headings of page furniture are no headline either: "Menu", "Post navigation", a section's
# name over its story ("Neuigkeiten", "Pressemitteilungen").
_GENERIC = frozenset({
    "blogarchive", "archive", "archiv", "home", "startseite", "news", "nachrichten", "blog", "accueil",
    "inicio", "notizie", "noticias", "nieuws", "article", "artikel",
    "menu", "menü", "menue", "mainmenu", "hauptmenü", "navigation", "postnavigation", "navigación",
    "search", "suche", "buscar", "zoeken", "skiptocontent", "zuminhaltspringen",
    "neuigkeiten", "aktuelles", "aktuell", "meldungen", "pressemitteilungen", "pressemeldungen",
    "fachmeldungen", "pressreleases", "latestnews", "actualités", "actualites", "actualidad", "attualità",
})
# A URL slug standing in for a title ("adac-kindersitztest-herbst-2018"): no one writes a headline so.
_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+){2,}")


def _is_site(text: str, sites: frozenset[str]) -> bool:
    key = name_key(text)
    return not key or key in sites or key in _GENERIC


def _pieces(text: str) -> list[tuple[int, int]]:
    """Spans of the text between separators."""
    spans, at = [], 0
    for match in _SEPARATOR.finditer(text):
        if match.start() > at:
            spans.append((at, match.start()))
        at = match.end()
    if at < len(text):
        spans.append((at, len(text)))
    return spans


def _without_site(text: str, sites: frozenset[str], guess: bool = False) -> str:
    """"Headline | Site" -> "Headline", "Site - Headline" -> "Headline".

    The site's name is cut off either end; when no piece is known as the site and ``guess``
    (a <title>, which always names the site), the shorter end piece is taken for it.
    """
    spans = _pieces(text)
    if len(spans) < 2:
        return text
    first, last = 0, len(spans)
    while first < last and _is_site(text[slice(*spans[first])], sites):
        first += 1
    while last > first and _is_site(text[slice(*spans[last - 1])], sites):
        last -= 1
    if first == last:
        return text
    if guess and (first, last) == (0, len(spans)):
        head, tail = text[slice(*spans[0])], text[slice(*spans[-1])]
        if len(tail) <= len(head) and len(tail) <= 40:
            last -= 1
        elif len(head) < len(tail) and len(head) <= 40:
            first += 1
        while first < last - 1 and _is_site(text[slice(*spans[first])], sites):
            first += 1  # "Site » Blog Archive » Headline"
    return text[spans[first][0]:spans[last - 1][1]].strip()


# Inline markup inside a word or phrase; any other child (a kicker's span, a <br>) is a break.
_INLINE = frozenset({"a", "em", "i", "b", "strong", "u", "abbr", "sup", "sub", "mark", "q", "font"})


# Blocks that, after the headline's words, open a line of their own inside the heading element.
_SUBLINE_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "p", "div", "time", "ul", "ol", "table", "figure"})


def _heading_text(element: HtmlElement) -> str:
    """The text of a heading, with a space where a child breaks it: "<span>Kicker</span>Headline"."""
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str):
            pieces.append(child.tail or "")
            continue
        if child.tag in _SUBLINE_TAGS and "".join(pieces).strip():
            break  # "<h1>Headline<h4 class=author>Veröffentlicht von ...</h4></h1>": broken markup
        gap = "" if child.tag in _INLINE else " "
        inner = _heading_text(child)
        if gap and _is_date_only(inner):
            inner = ""  # "<span class=date>27.01.2022</span>Headline": the date line set in it
        pieces += [gap, inner, gap, child.tail or ""]
    return "".join(pieces)


def _is_date_only(text: str) -> bool:
    stripped = " ".join(text.split())
    return bool(stripped) and any(c.isdigit() for c in stripped) and locate_date(stripped) == stripped


def _is_logo(element: HtmlElement) -> bool:
    """An <h1> that is the site's logo: a link to the home page, or marked as the brand."""
    node: HtmlElement | None = element
    for _ in range(3):
        if node is None:
            break
        if _LOGO.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    links = element.xpath(".//a[@href]") or ([element.getparent()] if element.getparent() is not None
                                              and element.getparent().tag == "a" else [])
    return any((a.get("href") or "").rstrip("/") in ("", ".", "..") or
               re.fullmatch(r"(?:https?:)?//[^/]+/?", a.get("href") or "") for a in links)


def candidates(doc: HtmlElement, data: StructuredData, sites: frozenset[str] = frozenset()) -> Iterator[Candidate]:
    """Every statement of the headline, most trusted first."""
    metas = meta_index(doc)
    def stated(raw: str | None, guess: bool = False) -> str | None:
        text = decode(raw)
        text = decode(_without_site(text, sites, guess)) if text else None
        return text if text and not _is_site(text, sites) and not _SLUG.fullmatch(text) else None

    # The marked element and the <h1> are often one element: one source, "heading".
    for element in _MARKED(doc)[:2]:
        if text := stated(element.get("content") or _heading_text(element)):
            yield Candidate(text, "heading", 0)
    if text := stated(as_text(data.article_value("headline"))):
        yield Candidate(text, "json-ld", 1)
    for rank, name in ((2, "og:title"), (4, "twitter:title")):
        for value in metas.get(name, [])[:1]:
            if text := stated(value):
                yield Candidate(text, "meta", rank)
    # The first few <h1>: the story's is not always first ("Menu", the blog's name, a section
    # heading come before it); the vote picks the one the other sources agree with.
    for element in islice(doc.iter("h1"), 4):
        if not _is_logo(element) and (text := stated(_heading_text(element))):
            yield Candidate(text, "heading", 3)
    if (title := _title(doc)) is not None and (text := stated(title.text_content(), guess=True)):
        yield Candidate(text, "title", 5)


def vote(found: list[Candidate]) -> str | None:
    """The candidate most other sources agree with; the most trusted among equals."""
    if not found:
        return None
    words = {c.text: _words(c.text) for c in found}

    def support(candidate: Candidate) -> int:
        return len({o.source for o in found if o.source != candidate.source
                    and _agree(words[candidate.text], words[o.text])})

    best = min(found, key=lambda c: (-support(c), c.rank))
    return best.text


def extract_headline(doc: HtmlElement, data: StructuredData, sites: frozenset[str] = frozenset()) -> str | None:
    """The story's headline, voted (see the module's docstring); the <title> if all name the site."""
    if found := vote(list(candidates(doc, data, sites))):
        return found
    title = _title(doc)
    return decode(title.text_content()) if title is not None else None


def _title(doc: HtmlElement) -> HtmlElement | None:
    found = doc.find("head/title")
    return found if found is not None else next(doc.iter("title"), None)
