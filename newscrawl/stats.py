"""Scrapy's in-memory stats collector, without the cost its deprecation shim adds to every read.

Scrapy's ``StatsCollector.__getattribute__`` hands out its public methods wrapped in a check
that warns of the deprecated ``spider`` argument. It runs on every attribute read of the
collector: a method read looks up its cached wrapper, any other read (``self._stats`` inside
``inc_value``) first fails that lookup and raises and catches an AttributeError. That made an
``inc_value`` cost ~4 us, about fifty reads a page between Scrapy's components and ours. Here
each method is wrapped once, by Scrapy's own shim, when the collector is built, and kept on the
instance; reads are plain attribute reads: the same methods, the same warnings, ~0.5 us.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.statscollectors import MemoryStatsCollector, StatsCollector


def bind_wrapped_methods(collector: StatsCollector) -> None:
    """Keep on ``collector`` each public method as Scrapy's shim hands it out (wrapped or not)."""
    for name in dir(type(collector)):
        if not name.startswith("_") and callable(getattr(type(collector), name)):
            collector.__dict__[name] = StatsCollector.__getattribute__(collector, name)


class CrawlStatsCollector(MemoryStatsCollector):
    """``MemoryStatsCollector`` (STATS_CLASS) whose attribute reads skip Scrapy's shim."""

    __getattribute__ = object.__getattribute__

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        bind_wrapped_methods(self)
