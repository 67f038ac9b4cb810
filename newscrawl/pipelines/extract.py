"""FetchedPage -> Article with raw fields, or a counted drop with the extractor's reason."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from ..extract.errors import ExtractionError
from ..extract.page import ArticlePage, PageInput
from ..items import FetchedPage


def page_input(page: FetchedPage) -> PageInput:
    """The extraction input of a fetched page."""
    return PageInput(
        url=page.final_url or page.url,
        html=page.html,
        headers=page.headers,
        fetched_at=datetime.fromisoformat(page.fetched_at.replace("Z", "+00:00")),
        hints=page.hints,
        discovered_via=page.discovered_via,
    )


class ExtractPipeline:
    """Run the page object over every fetched page."""

    def __init__(self, *, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's stats."""
        return cls(stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        """Turn a FetchedPage into an Article; leave other items alone."""
        if not isinstance(item, FetchedPage):
            return item
        try:
            article = ArticlePage(page_input(item)).to_article()
        except ExtractionError as exc:
            self.stats.inc_value(f"newscrawl/dropped/{exc.code}")
            raise DropItem(f"{exc.code}: {exc.detail} at {item.url}") from exc
        self.stats.inc_value("newscrawl/extracted")
        return article
