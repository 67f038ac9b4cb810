"""The switch: ``-s NEWSCRAWL_REDIS_URL=redis://host:6379`` turns one crawl into a worker of many.

A Scrapy add-on (``ADDONS``) that edits the settings only when the URL is set; without it
nothing here imports Redis or scrapy-redis. With it: the scheduler and dupefilter of
scrapy-redis (leased pops, ``scheduler.py``), shared stats (``stats.py``), a per-domain delay
shared by all workers (``polite.py``), the close-when-quiet rule (``idle.py``) and
one record per article over all workers (``dedupe.py``).
"""

from __future__ import annotations

from typing import Any

from scrapy.settings import BaseSettings

_PACKAGE = "newscrawl.distributed"


class RedisAddon:
    """Point the scheduler, dupefilter and stats at Redis when NEWSCRAWL_REDIS_URL is set."""

    def update_settings(self, settings: BaseSettings) -> None:
        """Edit the crawl's settings for Redis; no-op without NEWSCRAWL_REDIS_URL."""
        url = settings.get("NEWSCRAWL_REDIS_URL")
        if not url:
            return
        if not str(url).startswith(("redis://", "rediss://", "unix://")):
            raise ValueError(f"NEWSCRAWL_REDIS_URL = {url!r}: give a redis:// (or rediss://, "
                             "unix://) URL, e.g. redis://127.0.0.1:6379/0")
        key = settings.get("NEWSCRAWL_REDIS_KEY")
        values: dict[str, Any] = {
            "REDIS_URL": url,
            "SCHEDULER": f"{_PACKAGE}.scheduler.ReliableScheduler",
            "SCHEDULER_QUEUE_CLASS": f"{_PACKAGE}.queue.LeasedPriorityQueue",
            "SCHEDULER_QUEUE_KEY": f"{key}:requests",
            "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
            "SCHEDULER_DUPEFILTER_KEY": f"{key}:dupefilter",
            # Never flush the shared frontier when one worker leaves (idle.py clears it at the end).
            "SCHEDULER_PERSIST": True,
            "STATS_CLASS": f"{_PACKAGE}.stats.SharedStatsCollector",
        }
        for name, value in values.items():
            settings.set(name, value, priority="addon")
        # Our own defaults are project settings (above the add-on priority): replace them at
        # their priority, unless someone chose another class.
        for name, ours, shared in (
                ("NEWSCRAWL_CRAWL_STATE_CLASS", "newscrawl.crawl_state.LocalCrawlState", f"{_PACKAGE}.state.RedisCrawlState"),
                ("STATS_CLASS", "newscrawl.stats.CrawlStatsCollector", f"{_PACKAGE}.stats.SharedStatsCollector")):
            if settings.get(name) == ours:
                settings.set(name, shared, priority=settings.getpriority(name) or "addon")
        settings["DOWNLOADER_MIDDLEWARES"][f"{_PACKAGE}.polite.SharedDelayMiddleware"] = 890
        settings["EXTENSIONS"][f"{_PACKAGE}.idle.SharedIdleClose"] = 600
        pipelines = settings["ITEM_PIPELINES"]
        if "newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline" in pipelines:
            order = pipelines["newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline"]
            pipelines["newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline"] = None
            pipelines[f"{_PACKAGE}.dedupe.SharedDeduplicatePipeline"] = order
