"""Is this page one article, or a listing, profile, video or other non-article page?"""

from __future__ import annotations

from lxml.html import HtmlElement

from .metadata import meta_content
from .structured import StructuredData, node_types

# og:type is not used as a negative signal: many CMSs write "website" on every page,
# stories included. "profile" is the exception: no CMS puts it on a story.
# JSON-LD page types of listings and profiles.
_NON_ARTICLE_LD_TYPES = frozenset(
    {"collectionpage", "profilepage", "searchresultspage", "itemlist", "aboutpage", "contactpage"}
)
_STORY_LD_TYPES = frozenset(
    {"newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
     "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "report"}
)


def non_article_reason(doc: HtmlElement, data: StructuredData) -> str | None:
    """Why the page declares itself a non-article, or None when it may be one.

    Only the page's own declarations count here; short or empty bodies are judged later.
    """
    if data.article is not None and node_types(data.article) & _STORY_LD_TYPES:
        return None
    if meta_content(doc, "article:published_time"):
        return None
    if (meta_content(doc, "og:type") or "").lower() == "profile":
        return "og:type profile"
    for node in data.nodes:
        if types := node_types(node) & _NON_ARTICLE_LD_TYPES:
            return f"JSON-LD {sorted(types)[0]}"
    return None
