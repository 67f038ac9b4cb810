"""The news spider's crawl-wide state in Redis, shared by every worker of the run.

Keys under ``<NEWSCRAWL_REDIS_KEY>``: ``:phase`` (the discovery phase started last, raised by one
worker at a time with a compare-and-set script), ``:listed`` (host -> article URLs its sitemaps
and feeds listed), ``:feeds`` (host -> JSON list of its feeds), ``:deferred`` (URL -> JSON
[site host, depth] of links waiting for the link phase). The frontier is busy while any request is
queued or leased by any worker (``ReliableScheduler.frontier_size``). A worker that starts when
the last phase has begun and nothing is queued or leased finds a finished run and starts afresh.
"""

from __future__ import annotations

import json
from typing import Any, Self

from scrapy_redis.connection import get_redis_from_settings

from ..crawl_state import LINKS, SITEMAPS, DeferredLinks

# phase = max(phase, ARGV[1]); 1 if this call raised it
_CLAIM = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) return 1 end
return 0
"""
# HSETNX each URL while the hash holds fewer than the limit
_DEFER = """
local room = tonumber(ARGV[1]) - redis.call('HLEN', KEYS[1])
for i = 2, #ARGV, 2 do
  if room <= 0 then break end
  room = room - redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1])
end
return room
"""


class RedisCrawlState:
    """CrawlState of a distributed crawl."""

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.server = get_redis_from_settings(crawler.settings)
        key = crawler.settings.get("NEWSCRAWL_REDIS_KEY")
        self.keys = {name: f"{key}:{name}" for name in ("phase", "listed", "feeds", "deferred")}
        self._claim = self.server.register_script(_CLAIM)
        self._defer = self.server.register_script(_DEFER)

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        """Connect to the run's Redis."""
        return cls(crawler)

    def begin(self) -> None:
        """Clear the facts of a finished run (its last phase began and nothing is left)."""
        if self.phase() >= LINKS and not self.frontier_busy():
            self.server.delete(*self.keys.values())

    def add_listed(self, host: str, count: int = 1) -> None:
        """HINCRBY: every worker's sitemaps and feeds count for the site."""
        self.server.hincrby(self.keys["listed"], host, count)

    def listed(self, host: str) -> int:
        """The run's count for the site."""
        return int(self.server.hget(self.keys["listed"], host) or 0)

    def set_feeds(self, host: str, feeds: list[str]) -> None:
        """The first worker to read the home page records them."""
        self.server.hsetnx(self.keys["feeds"], host, json.dumps(feeds))

    def feeds(self, host: str) -> list[str]:
        """The site's feeds, as recorded."""
        raw = self.server.hget(self.keys["feeds"], host)
        return json.loads(raw) if raw else []

    def defer_links(self, links: DeferredLinks, limit: int) -> None:
        """Add links until the run holds ``limit``."""
        if links:
            pairs = [item for url, where in links.items() for item in (url, json.dumps(where))]
            self._defer(keys=[self.keys["deferred"]], args=[limit, *pairs])

    def take_deferred(self) -> DeferredLinks:
        """Read and delete in one transaction: no link is taken twice or lost."""
        pipe = self.server.pipeline(transaction=True)
        pipe.hgetall(self.keys["deferred"])
        pipe.delete(self.keys["deferred"])
        raw, _ = pipe.execute()
        return {url.decode(): tuple(json.loads(where)) for url, where in raw.items()}  # type: ignore[misc]

    def phase(self) -> int:
        """The run's phase."""
        return int(self.server.get(self.keys["phase"]) or SITEMAPS)

    def claim_phase(self, number: int) -> bool:
        """True for the one worker that raises the phase to ``number``."""
        return bool(self._claim(keys=[self.keys["phase"]], args=[number]))

    def frontier_busy(self) -> bool:
        """Any request queued or leased by any worker."""
        engine = self.crawler.engine
        scheduler = getattr(getattr(engine, "_slot", None), "scheduler", None)
        return bool(scheduler is not None and scheduler.frontier_size())
