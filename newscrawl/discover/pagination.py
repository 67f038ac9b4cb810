"""The next page of a listing: what a reader would click to see older stories of the same list.

A listing's pages are one list cut in pieces, so following them is not one more level of
section depth; the crawl bounds them on their own (NEWSCRAWL_MAX_PAGINATION). Pure: parsel in,
URLs out, no Scrapy.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urljoin, urlsplit

from parsel import Selector

# rel="next" on a <link> or an <a> (HTML's own word for it; WordPress, Drupal, Ghost write it).
_REL_NEXT = ("//link[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href"
             " | //a[contains(concat(' ', normalize-space(@rel), ' '), ' next ')]/@href")
# Words of a "next page" or "older stories" link, lower case, arrows and guillemets stripped.
NEXT_WORDS = frozenset({
    # en
    "next", "next page", "older", "older posts", "older stories", "older entries", "older articles",
    "more", "more stories", "more articles", "more news", "load more", "show more", "previous posts",
    # de
    "weiter", "nächste", "nächste seite", "ältere beiträge", "ältere artikel", "ältere einträge",
    "mehr", "mehr artikel", "weitere artikel", "weitere beiträge", "mehr laden",
    # fr
    "suivant", "suivante", "page suivante", "plus", "voir plus", "plus d'articles",
    "articles plus anciens", "articles précédents", "articles suivants", "charger plus",
    # es
    "siguiente", "página siguiente", "más", "ver más", "más noticias", "entradas anteriores",
    "anteriores", "noticias anteriores", "cargar más",
    # it
    "successivo", "successiva", "pagina successiva", "altri articoli", "articoli precedenti",
    "carica altri", "mostra altri", "altro",
    # pt
    "próximo", "próxima", "próxima página", "mais", "ver mais", "mais notícias", "posts anteriores",
    "mais antigos", "artigos anteriores", "carregar mais",
    # nl
    "volgende", "volgende pagina", "oudere berichten", "oudere artikelen", "meer", "meer nieuws",
    "meer artikelen", "laad meer",
})
_DECORATION = re.compile(r"[\s»«›‹→←>\-–—.…]+")
_PAGE_IN_PATH = re.compile(r"/page/(\d+)")
_PAGE_KEYS = frozenset({"page", "p", "pg", "seite", "pagina", "paged"})
_MONTH_ARCHIVE = re.compile(r"^(.*?/)((?:19|20)\d{2})/(0?[1-9]|1[0-2])/?$")


def link_words(text: str) -> str:
    """An anchor's text as the lexicon holds it.

    >>> link_words("  Older stories »")
    'older stories'
    >>> link_words("Nächste Seite →")
    'nächste seite'
    """
    return _DECORATION.sub(" ", text).strip().lower()


def page_number(url: str) -> int | None:
    """The page number a listing URL states (/page/3/, ?page=3, ?p=3), or None.

    >>> page_number("https://ex.com/world/?page=3"), page_number("https://ex.com/b/page/2/")
    (3, 2)
    """
    parts = urlsplit(url)
    if match := _PAGE_IN_PATH.search(parts.path):
        return int(match.group(1))
    for key, value in parse_qsl(parts.query):
        if key.lower() in _PAGE_KEYS and value.isdigit():
            return int(value)
    return None


def month_archive(url: str) -> tuple[str, int, int] | None:
    """(prefix, year, month) of a month archive URL such as /2019/11/, or None.

    >>> month_archive("https://ex.com/2019/11/")
    ('https://ex.com/', 2019, 11)
    """
    if match := _MONTH_ARCHIVE.match(url.split("?", 1)[0].split("#", 1)[0]):
        return match.group(1), int(match.group(2)), int(match.group(3))
    return None


def _is_following_page(url: str, candidate: str) -> bool:
    """``candidate`` is the page after ``url`` by its number, or the month before by its date."""
    here, there = urlsplit(url), urlsplit(candidate)
    if here.netloc != there.netloc:
        return False
    if (number := page_number(candidate)) is not None:
        stem = _PAGE_IN_PATH.sub("", there.path).rstrip("/")
        return number == (page_number(url) or 1) + 1 and stem == _PAGE_IN_PATH.sub("", here.path).rstrip("/")
    this_month, that_month = month_archive(url), month_archive(candidate)
    if this_month and that_month and this_month[0] == that_month[0]:
        year, month = this_month[1], this_month[2]
        before = (year, month - 1) if month > 1 else (year - 1, 12)
        return (that_month[1], that_month[2]) == before
    return False


def next_page_urls(doc: Selector, url: str) -> list[str]:
    """Absolute URLs of the page after this one of the listing at ``url`` (usually one).

    Found by rel="next", by the words of the link ("Older stories", "Weiter", "Suivant"...),
    or by the address: the next ``?page=N`` or ``/page/N/``, the month before a ``/2019/11/``.
    """
    found = [urljoin(url, href.strip()) for href in doc.xpath(_REL_NEXT).getall() if href.strip()]
    for anchor in doc.xpath("//a[@href]"):
        href = urljoin(url, anchor.attrib["href"].strip())
        words = link_words(" ".join(anchor.xpath(".//text()").getall()) or anchor.attrib.get("aria-label", ""))
        if words in NEXT_WORDS or _is_following_page(url, href):
            found.append(href)
    here = url.split("#", 1)[0]
    return [u for u in dict.fromkeys(f.split("#", 1)[0] for f in found)
            if u != here and u.startswith(("http://", "https://"))]
