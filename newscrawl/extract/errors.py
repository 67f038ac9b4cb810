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


class EmptyBody(ExtractionError):
    """No article text could be found."""

    code = "no-content"


class NotHtml(ExtractionError):
    """The bytes are not an HTML document (PDF, image, binary garbage)."""

    code = "not-html"
