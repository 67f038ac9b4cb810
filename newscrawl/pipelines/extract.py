"""FetchedPage -> the normalized Article (``record.built_record``: extraction, language, dates,
bylines, with the site's zone and day order) and its capture's trace (status, ETag, hash, run,
WARC record), or a counted drop with the extractor's reason.

Records are built in a process pool (``NEWSCRAWL_EXTRACT_WORKERS``, see ``pool.py``) so the
reactor keeps downloading meanwhile; 0 workers builds them in the reactor thread.
"""

from __future__ import annotations

import uuid
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.settings import BaseSettings
from scrapy.statscollectors import StatsCollector

from ..fetch import traced
from ..items import FetchedPage
from ..normalize.dates import validate_timezone
from ..record import RecordOptions, site_options
from ..settings_table import setting_value
from .digests import DIGESTS
from .pool import ExtractionPool, Outcome, PooledRecord, WorkerCrashed, default_workers, extract_outcome


def pool_workers(settings: BaseSettings) -> int:
    """The number of extraction worker processes NEWSCRAWL_EXTRACT_WORKERS asks for (None: one per core)."""
    workers = settings.get("NEWSCRAWL_EXTRACT_WORKERS")
    count = default_workers() if workers in (None, "") else int(workers)
    if count < 0:
        raise ValueError(f"NEWSCRAWL_EXTRACT_WORKERS = {workers}: use 0 (in-process), "
                         "a positive number of worker processes, or None (one per core)")
    return count


class ExtractPipeline:
    """Run the page object over every fetched page, in worker processes when there are any."""

    def __init__(self, *, stats: StatsCollector, workers: int, run_id: str | None = None,
                 default_tz: str | None = None, min_year: int = 1995) -> None:
        if default_tz:
            validate_timezone(default_tz)
        self.stats, self.default_tz, self.min_year = stats, default_tz, min_year
        self.pool = ExtractionPool(workers) if workers > 0 else None
        self.run_id = run_id or uuid.uuid4().hex
        stats.set_value("newscrawl/run_id", self.run_id)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from the crawler's stats and NEWSCRAWL_EXTRACT_WORKERS (None: one per core)."""
        pipeline = cls(stats=crawler.stats, workers=pool_workers(crawler.settings),
                       run_id=crawler.settings.get("NEWSCRAWL_RUN_ID"), default_tz=crawler.settings.get("NEWSCRAWL_DEFAULT_TZ"),
                       min_year=setting_value(crawler.settings, "NEWSCRAWL_MIN_YEAR"))
        crawler.signals.connect(pipeline.close, signal=signals.spider_closed)
        return pipeline

    def open_spider(self) -> None:
        """Start the worker processes while the spider discovers its first pages."""
        if self.pool is not None:
            self.pool.start()

    async def process_item(self, item: Any) -> Any:
        """Turn a FetchedPage into an Article; leave other items alone."""
        if not isinstance(item, FetchedPage):
            return item
        outcome = await self._extract(item, self.options_for(item))
        if isinstance(outcome, tuple):
            code, detail = outcome
            self.stats.inc_value(f"newscrawl/dropped/{code}")
            raise DropItem(f"{code}: {detail} at {item.url}")
        self.stats.inc_value("newscrawl/extracted")
        for event in outcome.events:
            self.stats.inc_value(event)
        article = outcome.article
        if article.metadata is not None:
            article.metadata = traced(article.metadata, item, self.run_id)
        if isinstance(outcome, PooledRecord):  # for the archive stage (ArchivePipeline)
            DIGESTS.put(article, outcome.digest)
        return article

    def options_for(self, item: FetchedPage) -> RecordOptions:
        """The site's zone and day order (from the sites file), else the crawl's defaults."""
        return site_options(item.site_timezone, item.site_day_first, default_tz=self.default_tz,
                            min_year=self.min_year)

    async def _extract(self, item: FetchedPage, options: RecordOptions) -> Outcome:
        if self.pool is None:
            return extract_outcome(item, options)
        try:
            return await self.pool.extract(item, options)
        except WorkerCrashed as exc:
            return (WorkerCrashed.code, str(exc))

    def close(self) -> None:
        """Stop the worker processes when the spider closes."""
        if self.pool is not None:
            self.stats.set_value("newscrawl/extract/pool-restarts", self.pool.restarts)
            self.pool.close()
