"""Drop records that are not usable articles, each with a counted, logged reason."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from ..items import Article
from ..record import rejection_reason

__all__ = ["ValidateArticlePipeline", "rejection_reason"]


class ValidateArticlePipeline:
    """Keep only articles with a headline and a body of at least NEWSCRAWL_MIN_BODY_CHARS."""

    def __init__(self, *, min_body_chars: int, stats: StatsCollector) -> None:
        self.min_body_chars, self.stats = min_body_chars, stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read NEWSCRAWL_MIN_BODY_CHARS."""
        return cls(min_body_chars=crawler.settings.getint("NEWSCRAWL_MIN_BODY_CHARS", 200),
                   stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        """Drop unusable Articles with a reason."""
        if isinstance(item, Article) and (reason := rejection_reason(item, self.min_body_chars)):
            self.stats.inc_value(f"newscrawl/dropped/{reason}")
            detail = f"{len(item.articleBody)} < {self.min_body_chars} chars" if reason == "short-body" else ""
            raise DropItem(f"{reason}: {detail} at {item.url}")
        self.stats.inc_value("newscrawl/articles")
        return item
