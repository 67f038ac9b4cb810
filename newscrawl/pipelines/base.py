"""Shared shape of the thin pipelines that run one normalization step on each Article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ..items import Article


class ArticleStepPipeline:
    """Run ``step`` on every Article and count the events it reports under ``stats_prefix``."""

    step: ClassVar[Callable[[Article], list[str]]]
    stats_prefix: ClassVar[str]

    def __init__(self, *, stats: StatsCollector) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's stats."""
        return cls(stats=crawler.stats)

    def process_item(self, item: Any) -> Any:
        """Apply the step to Articles; pass anything else through."""
        if isinstance(item, Article):
            for event in type(self).step(item):
                self.stats.inc_value(f"{self.stats_prefix}/{event}")
        return item
