"""What the news spider decides for a whole crawl, kept where every process of the crawl sees it.

Discovery runs in phases (``SITEMAPS``, then ``FEEDS``, then ``LINKS``): a phase starts once no
request of the earlier ones is queued or in flight. Links found on pages before the link phase
wait for it (deferred), and a site whose sitemaps and feeds listed articles has its stories'
own links left alone ("auto"). One crawl process keeps these facts in memory
(``LocalCrawlState``); workers sharing a Redis frontier keep them in Redis
(``newscrawl.distributed.state.RedisCrawlState``, chosen by the Redis add-on through
NEWSCRAWL_CRAWL_STATE_CLASS). Otherwise a worker that never parsed the site's sitemaps judges
the site to have none and follows every link of every story; a worker whose own requests are
done starts the next phase while another still reads sitemaps; and a worker leaves while
another's deferred links are still to come. Sites are keyed by host.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol, Self

SITEMAPS, FEEDS, LINKS = 0, 1, 2
DeferredLinks = dict[str, tuple[str, int]]  # URL -> (site host, listing depth)


class CrawlState(Protocol):
    """The crawl-wide facts discovery depends on."""

    def begin(self) -> None:
        """A process joins: start afresh if the crawl these facts belong to is over."""

    def add_listed(self, host: str, count: int = 1) -> None:
        """Sitemaps or feeds of ``host`` listed ``count`` more article URLs."""

    def listed(self, host: str) -> int:
        """Article URLs the sitemaps and feeds of ``host`` listed so far, over the whole crawl."""

    def set_feeds(self, host: str, feeds: list[str]) -> None:
        """The feeds of ``host`` (from its home page), for whichever process runs the feed phase."""

    def feeds(self, host: str) -> list[str]:
        """The feeds recorded for ``host``."""

    def defer_links(self, links: DeferredLinks, limit: int) -> None:
        """Keep links for the link phase, at most ``limit`` over the crawl."""

    def take_deferred(self) -> DeferredLinks:
        """Every deferred link, removed from the store."""

    def phase(self) -> int:
        """The latest phase any process started."""

    def claim_phase(self, number: int) -> bool:
        """True for the one process that starts phase ``number`` (later: it has started)."""

    def frontier_busy(self) -> bool:
        """Whether any process of the crawl still has requests queued or in flight."""


class LocalCrawlState:
    """One process: everything in memory; Scrapy's idle signal already means an empty frontier.

    >>> state = LocalCrawlState()
    >>> state.add_listed("news.example"); state.add_listed("news.example", 2)
    >>> state.listed("news.example"), state.listed("other.example"), state.frontier_busy()
    (3, 0, False)
    >>> state.claim_phase(FEEDS), state.claim_phase(FEEDS), state.phase()
    (True, False, 1)
    """

    def __init__(self) -> None:
        self._listed: Counter[str] = Counter()
        self._feeds: dict[str, list[str]] = {}
        self._deferred: DeferredLinks = {}
        self._phase = SITEMAPS

    @classmethod
    def from_crawler(cls, crawler: Any) -> Self:
        """Nothing to read from the crawler."""
        return cls()

    def begin(self) -> None:
        """A new process is a new crawl: nothing to do."""

    def add_listed(self, host: str, count: int = 1) -> None:
        """Count listed article URLs."""
        self._listed[host] += count

    def listed(self, host: str) -> int:
        """The count so far."""
        return self._listed[host]

    def set_feeds(self, host: str, feeds: list[str]) -> None:
        """Record the site's feeds."""
        self._feeds.setdefault(host, list(feeds))

    def feeds(self, host: str) -> list[str]:
        """The site's feeds."""
        return self._feeds.get(host, [])

    def defer_links(self, links: DeferredLinks, limit: int) -> None:
        """Keep the first ``limit`` links."""
        for url, where in links.items():
            if len(self._deferred) >= limit:
                return
            self._deferred.setdefault(url, where)

    def take_deferred(self) -> DeferredLinks:
        """All of them, once."""
        deferred, self._deferred = self._deferred, {}
        return deferred

    def phase(self) -> int:
        """The latest phase started."""
        return self._phase

    def claim_phase(self, number: int) -> bool:
        """Start ``number`` unless it has started."""
        if number <= self._phase:
            return False
        self._phase = number
        return True

    def frontier_busy(self) -> bool:
        """Never: the engine calls the idle signal only when this process's scheduler is empty."""
        return False
