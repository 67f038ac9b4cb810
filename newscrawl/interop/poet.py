"""web-poet page objects on newscrawl's extraction, for scrapy-poet projects.

``NewsArticlePage`` gives our ``Article`` (``ExtractionError`` with a reason ``code`` when the
page is no article); ``NewsZyteArticlePage`` gives zyte-common-items' ``Article`` and, for a
page that is no article, the item zyte's convention asks for: the URL and probability 0.
"""

from __future__ import annotations

from datetime import datetime, timezone

import attrs
import zyte_common_items as zci
from web_poet import WebPage

from ..extract.encoding import decode_html
from ..extract.errors import ExtractionError
from ..extract.page import PageInput
from ..items import Article
from ..pipelines.validate import rejection_reason
from ..record import RecordOptions, build_record
from .zyte import to_zyte_article


def _page_input(page: WebPage) -> PageInput:
    response = page.response
    headers = {name.lower(): value for name, value in response.headers.items()}
    return PageInput(
        url=str(response.url),
        html=decode_html(bytes(response.body), headers.get("content-type")),
        headers=headers,
        fetched_at=datetime.now(timezone.utc),
    )


class RejectedRecord(ExtractionError):
    """Extracted, but refused as the crawl's validation step would (no headline, short body)."""

    def __init__(self, reason: str) -> None:
        self.code = reason  # the code the crawl counts under newscrawl/dropped/
        super().__init__()


def _record(page: WebPage, options: RecordOptions, min_body_chars: int) -> Article:
    article = build_record(_page_input(page), options)
    if reason := rejection_reason(article, min_body_chars):
        raise RejectedRecord(reason)
    return article


@attrs.define
class NewsArticlePage(WebPage[Article]):
    """One news article page -> our normalized record, exactly as ``newscrawl extract`` makes it."""

    record_options = RecordOptions()
    min_body_chars = 200  # NEWSCRAWL_MIN_BODY_CHARS of a crawl

    async def to_item(self) -> Article:
        """The record; ExtractionError (``.code``: not-an-article, short-body …) for other pages."""
        return _record(self, self.record_options, self.min_body_chars)


@attrs.define
class NewsZyteArticlePage(WebPage[zci.Article]):
    """The same extraction, as zyte-common-items' Article."""

    record_options = RecordOptions()
    min_body_chars = 200

    async def to_item(self) -> zci.Article:
        """The Article; for a page that is no article, the URL alone and probability 0."""
        try:
            return to_zyte_article(_record(self, self.record_options, self.min_body_chars))
        except ExtractionError:
            return zci.Article(url=str(self.response.url), metadata=zci.ArticleMetadata(probability=0.0))
