"""What the news spider decides for a whole site, kept where every process of the crawl sees it.

One crawl process keeps it in memory (``LocalCrawlState``). Workers sharing a Redis frontier
keep it in Redis (``newscrawl.distributed.state.RedisCrawlState``, chosen by the Redis add-on
through NEWSCRAWL_CRAWL_STATE_CLASS): otherwise a worker that never parsed the site's sitemaps
would judge the site to have none and follow every link of every story, and a worker whose own
requests are done would start the next discovery phase while another still reads sitemaps.
Sites are keyed by host.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol, Self


class CrawlState(Protocol):
    """The site-wide facts discovery depends on."""

    def add_listed(self, host: str, count: int = 1) -> None:
        """Sitemaps or feeds of ``host`` listed ``count`` more article URLs."""

    def listed(self, host: str) -> int:
        """Article URLs the sitemaps and feeds of ``host`` listed so far, over the whole crawl."""

    def frontier_busy(self) -> bool:
        """Whether any process of the crawl still has requests queued or in flight."""


class LocalCrawlState:
    """One process: counters in memory; Scrapy's idle signal already means the frontier is empty.

    >>> state = LocalCrawlState()
    >>> state.add_listed("news.example"); state.add_listed("news.example", 2)
    >>> state.listed("news.example"), state.listed("other.example"), state.frontier_busy()
    (3, 0, False)
    """

    def __init__(self) -> None:
        self._listed: Counter[str] = Counter()

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        """Nothing to read from the crawler."""
        return cls()

    def add_listed(self, host: str, count: int = 1) -> None:
        """Count listed article URLs."""
        self._listed[host] += count

    def listed(self, host: str) -> int:
        """The count so far."""
        return self._listed[host]

    def frontier_busy(self) -> bool:
        """Never: the engine calls the idle signal only when this process's scheduler is empty."""
        return False
