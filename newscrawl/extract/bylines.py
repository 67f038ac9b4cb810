"""Author credits as the page writes them: JSON-LD, then meta, then the visible byline.

Each source is asked in turn; the first that credits someone other than the site itself wins.
A source that only names the site (author = publisher, og:site_name or domain) is kept as the
last resort: the normalizer files such a credit under agencies, never under authors.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache, lru_cache
from typing import Any
from urllib.parse import urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from ..normalize.agencies import agency_name
from ..normalize.bylines import Credits, name_key, normalize_credits, site_keys
from .byline_visible import signature_byline, text_byline, visible_byline
from .metadata import clean_text, meta_index
from .structured import StructuredData, as_text, node_types

# <meta> names that carry the author's name (lower-cased); twitter:creator is a handle, not a name.
AUTHOR_META = (
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
    "byl", "citation_author", "og:article:author", "article:author_name", "cxenseparse:author",
)
SITE_META = ("og:site_name", "application-name", "twitter:site", "publisher", "copyright")
_ORGANISATION_TYPES = {"organization", "newsmediaorganization", "website", "corporation"}


def _person_name(entry: Any) -> str | None:
    if isinstance(entry, str):
        return clean_text(entry)
    if not isinstance(entry, dict):
        return None
    name = entry.get("name")
    if isinstance(name, list):
        name = ", ".join(str(n) for n in name if isinstance(n, str))
    if not name and (entry.get("givenName") or entry.get("familyName")):
        name = f"{entry.get('givenName') or ''} {entry.get('familyName') or ''}"
    return clean_text(as_text(name)) if name else None


def json_ld_credits(data: StructuredData) -> list[str]:
    """Names of the article node's ``author`` (string, object, list or ``@id`` reference)."""
    raw = data.article_value("author")
    if raw is None:
        # The story node may lack an author that another article-like node carries.
        raw = next((n["author"] for n in data.nodes if "author" in n and n is not data.article), None)
    entries = raw if isinstance(raw, list) else ([raw] if raw else [])
    credits = []
    for entry in entries:
        if (name := _person_name(data.resolve(entry))) and not name.startswith("http"):
            credits.append(name)
    return credits


# Library metadata writes a person "Last, First" (Dublin Core, Highwire's citation_author).
_INVERTED_META = ("dc.creator", "dcterms.creator", "citation_author")
_INVERTED = re.compile(r"^([A-ZÀ-Þ][\w'’-]+(?:\s[a-z]{1,3}\s[A-ZÀ-Þ][\w'’-]+)?),\s*"
                       r"([A-ZÀ-Þ][\w'’-]+\.?(?:[\s-][A-ZÀ-Þ][\w'’-]*\.?)?)$")


def uninvert(value: str) -> str:
    """ "Silverman, Ben" -> "Ben Silverman"; an agency after the comma is left as it is.

    >>> uninvert("Silverman, Ben"), uninvert("Roe, Jane A."), uninvert("Jane Roe, Reuters")
    ('Ben Silverman', 'Jane A. Roe', 'Jane Roe, Reuters')
    """
    match = _INVERTED.match(value.strip())
    if not match or agency_name(match.group(2)) or agency_name(match.group(1)):
        return value
    return f"{match.group(2)} {match.group(1)}"


# Card labels that announce the author: Yoast SEO writes "twitter:label1" = "Written by" (in the
# site's language) and "twitter:data1" = the author's display name on every WordPress post.
_AUTHOR_CARD_LABELS = frozenset({
    "written by", "verfasst von", "geschrieben von", "autor", "author", "écrit par", "ecrit par",
    "escrito por", "scritto da", "geschreven door", "skrevet av", "skrivet av", "napisane przez",
})


def meta_credits(metas: Mapping[str, list[str]]) -> list[str]:
    """Author names from <meta> tags, skipping profile URLs; a "Written by" card label last."""
    credits: list[str] = []
    for key in AUTHOR_META:
        for value in metas.get(key, []):
            if key in _INVERTED_META:
                value = "; ".join(uninvert(v) for v in value.split(";"))
            if not value.startswith(("http", "www.", "@")) and value not in credits:
                credits.append(value)
        if credits:
            return credits
    for number in "1234":
        labels = metas.get(f"twitter:label{number}", [])
        if labels and labels[0].strip().casefold() in _AUTHOR_CARD_LABELS:
            return [v for v in metas.get(f"twitter:data{number}", [])[:1] if not v.startswith(("http", "@"))]
    return credits


_HONORIFICS = re.compile(r"^\s*(?:(?:dr|prof|mag|ing|dipl\.-\w+)\.?\s+)+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s\s+\w")
_TITLE_PIECES = re.compile(r"\s+[|»«–—·:]\s+|\s+-\s+")
_XPATH_SITE_TITLES = XPath("//head/title/text() | //head/link[@rel='alternate'][contains(@type, 'rss') or "
                           "contains(@type, 'atom')]/@title")
_MIN_OWNER_KEY = 6


def personal_site_owner(doc: HtmlElement, metas: Mapping[str, list[str]], url: str) -> str | None:
    """The owner of a personal site: a site named with a person's title or in the possessive
    ("Dr. Alexander Klier" on alexander-klier.net, "Gregory Szorc's Digital Home" on
    gregoryszorc.com), the name spelling the domain. A brand spelling its domain ("Royal Road")
    carries neither."""
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    label = name_key(host.split(".")[0]) if "." in host else ""
    if len(label) < _MIN_OWNER_KEY:
        return None
    names = [v for key in SITE_META for v in metas.get(key, [])] + [str(t) for t in _XPATH_SITE_TITLES(doc)]
    for name in names:
        for piece in _TITLE_PIECES.split(clean_text(name) or ""):
            if possessive := _POSSESSIVE.search(piece):
                person = piece[:possessive.start()]
            elif _HONORIFICS.match(piece):
                person = _HONORIFICS.sub("", piece)
            else:
                continue
            words = person.split()
            if name_key(person) == label and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words):
                return person.strip()
    return None


def site_names(data: StructuredData, metas: Mapping[str, list[str]], url: str) -> frozenset[str]:
    """Keys of the names the site goes by: publisher, og:site_name, domain labels."""
    names = [v.lstrip("@") for key in SITE_META for v in metas.get(key, [])]
    publisher = data.resolve(data.article_value("publisher"))
    names.append(as_text(publisher) or "")
    names += [as_text(n.get("name")) or "" for n in data.nodes if node_types(n) & _ORGANISATION_TYPES]
    return site_keys(names, url)


@lru_cache(maxsize=64)
def _normalized(credits: tuple[str, ...], sites: frozenset[str]) -> Credits:
    """normalize_credits, once per candidate: each source is judged two or three times."""
    return normalize_credits(list(credits), sites)


def _credited_keys(credits: list[str], sites: frozenset[str]) -> frozenset[str]:
    """Keys of everyone the credits name besides the site."""
    found = _normalized(tuple(credits), sites)
    return frozenset(name_key(n) for n in [*(p[0] for p in found.people), *found.agencies])


def _names_people(credits: list[str], sites: frozenset[str]) -> bool:
    """True when the credits name a person or a news agency, not only organisations."""
    found = _normalized(tuple(credits), sites)
    return bool(found.people) or any(agency_name(a) for a in found.agencies)


def extract_credits_raw(doc: HtmlElement, data: StructuredData, url: str = "",
                        sites: frozenset[str] | None = None) -> list[str]:
    """Raw credit strings, in page order, from the most trusted source that credits anyone.

    A source naming only the site or other organisations (the web agency, the publisher's
    parent) yields to a later one naming a person; it is kept when nobody else is credited.
    """
    metas = meta_index(doc)
    if sites is None:
        sites = site_names(data, metas, url)
    # Each source runs at most once: _widest may ask the visible byline again.
    sources: tuple[Callable[[], list[str]], ...] = (
        lambda: json_ld_credits(data),
        lambda: meta_credits(metas),
        cache(lambda: visible_byline(doc, sites)),
        lambda: text_byline(doc, sites),
        lambda: signature_byline(doc, sites),
    )
    organisations: list[str] = []
    site_only: list[str] = []
    for index, source in enumerate(sources):
        credits = source()
        if not credits:
            continue
        if not (keys := _credited_keys(credits, sites)):
            site_only = site_only or credits
        elif _names_people(credits, sites):
            return _widest(credits, keys, sources[index + 1 : 3], sites)
        else:
            organisations = organisations or credits
    return organisations or site_only


def _widest(
    credits: list[str], keys: frozenset[str], later: Sequence[Callable[[], list[str]]], sites: frozenset[str]
) -> list[str]:
    """A later source naming everyone the winner names and more (co-authors structured data
    left out) replaces it: JSON-LD "Jane Roe" loses to a byline "Jane Roe and John Doe"."""
    for source in later:
        other = source()
        if other and keys < _credited_keys(other, sites):
            return other
    return credits
