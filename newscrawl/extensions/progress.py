"""A progress line every LOGSTATS_INTERVAL seconds: Scrapy's LogStats, saying what a news crawl
is doing (pages fetched, records written, pages dropped, requests still queued)."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.extensions.logstats import LogStats

from .report import drop_reasons

logger = logging.getLogger(__name__)


def progress_line(stats: dict[str, Any], pages_per_minute: float) -> str:
    """One line for the log.

    >>> progress_line({"response_received_count": 120, "item_scraped_count": 80,
    ...                "newscrawl/dropped/short-body": 3, "scheduler/enqueued": 200,
    ...                "scheduler/dequeued": 150}, 240)
    'progress: 120 pages fetched (240/min), 80 records written, 3 dropped, 50 requests queued'
    """
    queued = int(stats.get("scheduler/enqueued", 0)) - int(stats.get("scheduler/dequeued", 0))
    return (f"progress: {stats.get('response_received_count', 0)} pages fetched ({pages_per_minute:.0f}/min), "
            f"{stats.get('item_scraped_count', 0)} records written, {sum(drop_reasons(stats).values())} dropped, "
            f"{max(queued, 0)} requests queued")


class ProgressLog(LogStats):
    """LogStats with the news crawl's counts; the same interval setting, LOGSTATS_INTERVAL."""

    def log(self, spider: Any) -> None:
        """The progress line (Scrapy's rates are computed as it does)."""
        self.calculate_stats()
        logger.info(progress_line(self.stats.get_stats(), self.prate), extra={"spider": spider})
