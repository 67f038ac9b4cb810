"""Is this page one article, or a listing, profile, search, gallery, error or consent page?

Judged on the page itself, whatever found it: a sitemap, a feed or a story-shaped URL is a
hint, never proof. First what the page declares (JSON-LD, OpenGraph, the CMS's body classes),
then its shape (``page_shape``): one long run of prose, or the same teaser block many times.
The URL only chooses among non-article codes (a listing under /tag/ is a tag page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

from lxml.etree import XPath
from lxml.html import HtmlElement

from .metadata import meta_content
from .page_shape import PageShape, measure_page_shape
from .structured import StructuredData, as_text, node_types

_STORY_LD_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
     "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report"}
)
# JSON-LD page types and the reason code each one means.
_LD_PAGE_TYPES = {
    "profilepage": "author-page", "searchresultspage": "search-page", "collectionpage": "listing-page",
    "itemlist": "listing-page", "imagegallery": "gallery", "mediagallery": "gallery",
    "videogallery": "gallery", "aboutpage": "not-an-article", "contactpage": "not-an-article",
}
# Body classes CMSs write on each kind of page: WordPress (single, archive, tag, author, search,
# error404), Ghost (post-template, tag-template, author-template, error-template), Drupal
# (page-node-type-article, page-taxonomy-term, page-user, page-search), Blogger (item-view,
# feed-view, error-view).
_STORY_BODY_CLASSES = frozenset({"single-post", "single", "post-template", "page-node-type-article",
                                 "node-type-article", "item-view"})
_BODY_CLASS_CODES = (
    (frozenset({"error404", "error-template", "error-view", "page-404", "not-found"}), "soft-404"),
    (frozenset({"search-results", "search-no-results", "search-view", "page-search", "path-search"}), "search-page"),
    (frozenset({"author", "author-template", "page-user", "path-user"}), "author-page"),
    (frozenset({"tag", "tag-template", "page-taxonomy-term", "path-taxonomy", "label-view"}), "tag-page"),
    (frozenset({"archive", "category", "home", "blog", "home-template", "paged", "feed-view",
                "page-taxonomy", "date"}), "listing-page"),
)
# "Page not found" in the title or the first heading, in the languages we crawl.
_NOT_FOUND = re.compile(
    r"\b(404|page not found|not found|nothing (was )?found|no longer available|does not exist|doesn.t exist|"
    r"nicht gefunden|existiert nicht|introuvable|page non trouvée|n.existe pas|no encontrada|no se encuentra|"
    r"non trovata|niet gevonden|bestaat niet|nie znaleziono|hittades inte|não encontrada|ikke fundet)\b",
    re.IGNORECASE)
# URL segments and query keys that name the kind of a listing (hints: they only pick the code).
_URL_CODES = (
    (frozenset({"author", "authors", "autor", "autoren", "auteur", "autore", "profile", "people", "staff"}), "author-page"),
    (frozenset({"tag", "tags", "topic", "topics", "label", "schlagwort", "thema", "themen", "stichwort",
                "sujet", "tema", "temas", "argomento"}), "tag-page"),
    (frozenset({"search", "suche", "recherche", "buscar", "cerca", "zoeken"}), "search-page"),
    (frozenset({"video", "videos", "gallery", "galleries", "photos", "fotos", "bilder", "galerie",
                "media", "multimedia", "photo-gallery"}), "gallery"),
)
_SEARCH_KEYS = frozenset({"s", "q", "query", "search", "keyword", "keywords", "suche"})
_XPATH_MEDIA = XPath("//video | //figure | //iframe")
_XPATH_STORY_MICRODATA = XPath('//*[@itemtype][contains(@itemtype, "Article") or contains(@itemtype, "BlogPosting")]')

# A listing shows at least this many teasers and less prose of its own than this.
MIN_TEASERS = 5
LISTING_MAX_PROSE_WORDS = 60
# A CMS's archive class on a page with more prose than this: a blog home showing whole posts.
ARCHIVE_MAX_PROSE_WORDS = 150
# Error and consent pages are short: with more prose than this, the page has a story to tell.
SHORT_PAGE_PROSE_WORDS = 80
# A consent or subscription wall: its notice, and next to no story.
CONSENT_MIN_WORDS = 15
CONSENT_MAX_PROSE_WORDS = 40


@dataclass(frozen=True)
class Verdict:
    """Why a page is not an article: a reason code and what showed it."""

    code: str
    detail: str


def _body_classes(doc: HtmlElement) -> set[str]:
    body = next(doc.iter("body"), None)
    return set((body.get("class") or "").lower().split()) if body is not None else set()


def _declares_story(doc: HtmlElement, data: StructuredData) -> bool:
    """One story: a story-typed JSON-LD node, article:published_time, og:type article or microdata."""
    stories = {as_text(n.get("headline")) or as_text(n.get("url")) or str(id(n))
               for n in data.nodes if node_types(n) & _STORY_LD_TYPES}
    if len(stories) >= 3:  # an ItemList of stories, not one story
        return False
    if stories or meta_content(doc, "article:published_time"):
        return True
    return (meta_content(doc, "og:type") or "").lower() == "article" or len(_XPATH_STORY_MICRODATA(doc)) == 1


def _declared_non_article(doc: HtmlElement, data: StructuredData, classes: set[str],
                          shape: PageShape) -> Verdict | None:
    if (meta_content(doc, "og:type") or "").lower() == "profile":
        return Verdict("author-page", "og:type profile")
    for node in data.nodes:
        for kind in sorted(node_types(node) & set(_LD_PAGE_TYPES)):
            return Verdict(_LD_PAGE_TYPES[kind], f"JSON-LD {kind}")
    if (classes & _STORY_BODY_CLASSES or any(c.startswith("postid-") for c in classes)
            or shape.prose_words >= ARCHIVE_MAX_PROSE_WORDS):
        return None
    for names, code in _BODY_CLASS_CODES:
        if found := classes & names:
            return Verdict(code, f"body class {sorted(found)[0]}")
    return None


def _title_and_heading(doc: HtmlElement) -> str:
    title = next(doc.iter("title"), None)
    heading = next(doc.iter("h1"), None)
    return " ".join(el.text_content() for el in (title, heading) if el is not None)


def code_from_url(url: str, fallback: str = "listing-page") -> str:
    """The kind of non-article a URL names (/author/..., /tag/..., ?s=...), else ``fallback``.

    >>> code_from_url("https://ex.com/tag/budget/page/2/")
    'tag-page'
    >>> code_from_url("https://ex.com/world/")
    'listing-page'
    """
    parts = urlsplit(url)
    segments = {s for s in parts.path.lower().split("/") if s}
    for names, code in _URL_CODES:
        if segments & names:
            return code
    if any(k.lower() in _SEARCH_KEYS for k, _ in parse_qsl(parts.query)):
        return "search-page"
    return fallback


def _shape_verdict(doc: HtmlElement, shape: PageShape, url: str) -> Verdict | None:
    short = shape.prose_words < SHORT_PAGE_PROSE_WORDS
    if short and _NOT_FOUND.search(_title_and_heading(doc)):
        return Verdict("soft-404", "the title says the page was not found")
    listing = shape.teasers >= MIN_TEASERS or shape.paginated and shape.teasers >= 3
    detail = f"{shape.teasers} teasers, {shape.prose_words} words of prose"
    if listing and shape.prose_words < LISTING_MAX_PROSE_WORDS:
        code = code_from_url(url)
        if code == "listing-page" and len(_XPATH_MEDIA(doc)) >= shape.teasers:
            code = "gallery"  # a hub of videos or photo galleries
        return Verdict(code, detail)
    # A wall is mostly its notice; a banner sits beside a story, however short (a summary and a download)
    if (shape.consent_words >= CONSENT_MIN_WORDS and shape.prose_words < CONSENT_MAX_PROSE_WORDS
            and shape.consent_words > shape.prose_words):
        return Verdict("consent-wall", f"a cookie or subscription notice and {shape.prose_words} words of prose")
    return None


def judge_page_type(doc: HtmlElement, data: StructuredData, url: str) -> Verdict | None:
    """Why the page is not an article, or None when it is one (or may be: bodies are judged later)."""
    classes = _body_classes(doc)
    if _declares_story(doc, data) and not classes & {"error404", "search-results", "search-no-results"}:
        return None
    shape = measure_page_shape(doc)
    if declared := _declared_non_article(doc, data, classes, shape):
        return declared
    return _shape_verdict(doc, shape, url)
