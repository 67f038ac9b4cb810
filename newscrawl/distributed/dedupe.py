"""One record per article per run across all workers: the emitted-URL set lives in Redis.

``DeduplicateArticlesPipeline`` remembers emitted URLs in the process; with several workers
the same story fetched under two URLs (a share link and its canonical one) by two workers
would be emitted twice. Here the check-and-add is one atomic script over the run's Redis set
``<NEWSCRAWL_REDIS_KEY>:emitted``, cleared with the dupefilter when the run ends.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector
from scrapy_redis.connection import get_redis_from_settings

from ..discover.urls import canonical_request_url
from ..items import Article

# KEYS: the set; ARGV: the article's URLs. 1 and all added if none was there, else 0.
_CLAIM = """
for _, url in ipairs(ARGV) do
  if redis.call('SISMEMBER', KEYS[1], url) == 1 then return 0 end
end
redis.call('SADD', KEYS[1], unpack(ARGV))
return 1
"""


class SharedDeduplicatePipeline:
    """Drop an Article whose canonical URL (or fetch URL) any worker already emitted this run."""

    def __init__(self, *, server: Any, key: str, stats: StatsCollector) -> None:
        self.key, self.stats = key, stats
        self._claim = server.register_script(_CLAIM)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the Redis settings and the crawler's stats."""
        return cls(server=get_redis_from_settings(crawler.settings), stats=crawler.stats,
                   key=f"{crawler.settings.get('NEWSCRAWL_REDIS_KEY')}:emitted")

    def process_item(self, item: Any) -> Any:
        """Drop duplicates with reason "duplicate-url"."""
        if not isinstance(item, Article):
            return item
        keys = sorted({canonical_request_url(u) for u in (item.url, item.canonicalUrl) if u})
        if not self._claim(keys=[self.key], args=keys):
            self.stats.inc_value("newscrawl/dropped/duplicate-url")
            raise DropItem(f"duplicate-url: already written in this crawl at {item.canonicalUrl or item.url}")
        return item
