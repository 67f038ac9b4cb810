"""A worker stays while the shared frontier has work, and leaves when it was empty for a while.

Scrapy closes a spider as soon as its own scheduler is empty. With a shared frontier that is
too early: another worker may still hold leased requests whose responses add more. The worker
stays open while any request is queued or leased anywhere or discovery has not reached its last
phase (crawl_state.py), and closes once the frontier has been empty for NEWSCRAWL_REDIS_IDLE_CLOSE
seconds (checked at Scrapy's idle heartbeat, every 5 s).
The last worker to leave a finished run clears the run's dupefilter, so the next periodic run
starts afresh (known articles are then skipped by the archive index, not by the dupefilter).
"""

from __future__ import annotations

import logging
import time
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider

from ..crawl_state import LINKS
from .scheduler import ReliableScheduler

logger = logging.getLogger(__name__)


class SharedIdleClose:
    """Keep the spider open while the shared frontier is busy; close after a quiet period."""

    def __init__(self, crawler: Crawler, idle_close: float) -> None:
        self.crawler, self.idle_close = crawler, idle_close
        self.quiet_since: float | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Connect to spider_idle and spider_closed."""
        extension = cls(crawler, crawler.settings.getfloat("NEWSCRAWL_REDIS_IDLE_CLOSE"))
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def _scheduler(self) -> ReliableScheduler:
        scheduler = self.crawler.engine._slot.scheduler  # type: ignore[union-attr]
        assert isinstance(scheduler, ReliableScheduler)
        return scheduler

    def spider_idle(self) -> None:
        """Raise DontCloseSpider unless the frontier has been empty long enough."""
        scheduler = self._scheduler()
        scheduler.tend_leases()  # re-queue a dead worker's leases now, not at the next tick
        if scheduler.frontier_size() or not self._discovery_started_last_phase():
            self.quiet_since = None
            raise DontCloseSpider
        now = time.monotonic()
        self.quiet_since = self.quiet_since or now
        if now - self.quiet_since < self.idle_close:
            raise DontCloseSpider
        logger.info("Shared frontier empty for %.0f s: this worker leaves", now - self.quiet_since)

    def _discovery_started_last_phase(self) -> bool:
        # Until some worker has begun the link phase, another worker's deferred links may come.
        state = getattr(self.crawler.spider, "crawl_state", None)
        return state is None or state.phase() >= LINKS

    def spider_closed(self, spider: Any, reason: str) -> None:
        """After a finished run, clear the dupefilter if no request is left anywhere."""
        scheduler = self._scheduler()
        if reason == "finished" and not scheduler.frontier_size() and self._discovery_started_last_phase():
            scheduler.df.clear()
            scheduler.server.delete(f"{self.crawler.settings.get('NEWSCRAWL_REDIS_KEY')}:emitted")
