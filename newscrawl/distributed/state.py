"""The news spider's site-wide state in Redis, shared by every worker of the run.

``<NEWSCRAWL_REDIS_KEY>:listed`` is a hash host -> article URLs its sitemaps and feeds listed,
summed over all workers; the frontier is busy while any request is queued or leased anywhere
(``ReliableScheduler.frontier_size``), so no worker starts the next discovery phase while another
worker's sitemap or feed responses can still add to it.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy_redis.connection import get_redis_from_settings


class RedisCrawlState:
    """CrawlState of a distributed crawl."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.server = get_redis_from_settings(crawler.settings)
        self.listed_key = f"{crawler.settings.get('NEWSCRAWL_REDIS_KEY')}:listed"

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        """Connect to the run's Redis."""
        return cls(crawler)

    def add_listed(self, host: str, count: int = 1) -> None:
        """HINCRBY: every worker's sitemaps and feeds count for the site."""
        self.server.hincrby(self.listed_key, host, count)

    def listed(self, host: str) -> int:
        """The run's count for the site."""
        return int(self.server.hget(self.listed_key, host) or 0)

    def frontier_busy(self) -> bool:
        """Any request queued or leased by any worker."""
        engine = self.crawler.engine
        scheduler = getattr(getattr(engine, "_slot", None), "scheduler", None)
        return bool(scheduler is not None and scheduler.frontier_size())
