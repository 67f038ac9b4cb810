"""Stats of the whole run in Redis, next to each worker's own.

scrapy-redis' RedisStatsCollector replaces Scrapy's stats with a Redis hash, but reads every
value back with ``int()`` (``start_time`` is a float there, so Scrapy's CoreStats fails at
close) and deletes the shared hash when any worker closes. This collector keeps Scrapy's
in-process stats (each worker's log and NEWSCRAWL_STATS_FILE stay as they are) and adds every
counter increment to the run's hash ``<NEWSCRAWL_REDIS_KEY>:stats``, batched once a second:
``HGETALL`` there gives the totals over all workers, past and present.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.asyncio import create_looping_call
from scrapy_redis.connection import get_redis_from_settings

from ..stats import CrawlStatsCollector


class SharedStatsCollector(CrawlStatsCollector):
    """Scrapy's stats, with counter increments summed over all workers in a Redis hash."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.server = get_redis_from_settings(crawler.settings)
        self.shared_key = f"{crawler.settings.get('NEWSCRAWL_REDIS_KEY')}:stats"
        self._pending: Counter[str] = Counter()
        self._timer: Any = None

    def inc_value(self, key: str, count: int = 1, start: int = 0, spider: Any = None) -> None:
        """Count locally, and in the shared hash at the next flush."""
        super().inc_value(key, count, start)
        if isinstance(count, int):
            self._pending[key] += count

    def flush(self) -> None:
        """Send the increments gathered since the last flush."""
        pending, self._pending = self._pending, Counter()
        if pending:
            pipe = self.server.pipeline(transaction=False)
            for key, count in pending.items():
                pipe.hincrby(self.shared_key, key, count)
            pipe.execute()

    def open_spider(self, spider: Any = None) -> None:
        """Start the once-a-second flush."""
        super().open_spider()
        self._timer = create_looping_call(self.flush)
        self._timer.start(1.0, now=False)

    def close_spider(self, spider: Any = None, reason: str | None = None) -> None:
        """Flush the last increments."""
        if self._timer is not None and self._timer.running:
            self._timer.stop()
        self.flush()
        super().close_spider(reason=reason)

    def shared_stats(self) -> dict[str, int]:
        """The run's totals over every worker."""
        return {k.decode(): int(v) for k, v in self.server.hgetall(self.shared_key).items()}
