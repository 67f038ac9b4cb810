"""One record per article per crawl, even when it is reachable under several URLs."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from ..discover.urls import canonical_request_url
from ..items import Article


class DeduplicateArticlesPipeline:
    """Drop an Article whose canonical URL (or fetch URL) was already emitted in this crawl."""

    def __init__(self, *, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's stats."""
        return cls(stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        """Drop duplicates with reason "duplicate-url"."""
        if not isinstance(item, Article):
            return item
        keys = {canonical_request_url(u) for u in (item.url, item.canonicalUrl) if u}
        if keys & self.seen:
            self.stats.inc_value("newscrawl/dropped/duplicate-url")
            raise DropItem(f"duplicate-url: already written in this crawl at {item.canonicalUrl or item.url}")
        self.seen |= keys
        return item
