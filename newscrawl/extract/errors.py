"""Why a page did not become an article: each error carries a short reason code."""

from __future__ import annotations


class ExtractionError(Exception):
    """Base class: ``code`` names the reason in stats (``newscrawl/dropped/<code>``)."""

    code = "extraction-error"

    def __init__(self, detail: str = "") -> None:
        super().__init__(f"{self.code}: {detail}" if detail else self.code)
        self.detail = detail


class NotAnArticle(ExtractionError):
    """The page is a listing, a tag page, a video page or anything but one article."""

    code = "not-an-article"


class ListingPage(NotAnArticle):
    """A section front, a home page, an archive: the same teaser block many times."""

    code = "listing-page"


class AuthorPage(NotAnArticle):
    """An author's profile or the list of their stories."""

    code = "author-page"


class TagPage(NotAnArticle):
    """The stories of a tag, topic or label."""

    code = "tag-page"


class SearchPage(NotAnArticle):
    """Search results."""

    code = "search-page"


class GalleryPage(NotAnArticle):
    """A photo gallery or a hub of videos or galleries."""

    code = "gallery"


class SoftNotFound(NotAnArticle):
    """A "page not found" served with status 200."""

    code = "soft-404"


class ConsentWall(NotAnArticle):
    """A cookie-consent or subscription interstitial in place of the story."""

    code = "consent-wall"


def not_an_article(code: str, detail: str) -> NotAnArticle:
    """The NotAnArticle subclass that declares ``code`` (NotAnArticle itself for others)."""
    for cls in NotAnArticle.__subclasses__():
        if cls.code == code:
            return cls(detail)
    return NotAnArticle(detail)


class EmptyBody(ExtractionError):
    """No article text could be found."""

    code = "no-content"


class NotHtml(ExtractionError):
    """The bytes are not an HTML document (PDF, image, binary garbage)."""

    code = "not-html"
