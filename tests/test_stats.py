"""The crawl's stats collector behaves as Scrapy's, deprecation warnings included."""

from __future__ import annotations

import warnings

import pytest
from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from newscrawl.stats import CrawlStatsCollector


def test_the_same_values_as_scrapys_collector() -> None:
    crawler = get_crawler()
    ours, scrapys = CrawlStatsCollector(crawler), MemoryStatsCollector(crawler)
    for stats in (ours, scrapys):
        stats.inc_value("pages")
        stats.inc_value("pages", 2)
        stats.inc_value("bytes", 10, start=5)
        stats.max_value("depth", 3)
        stats.max_value("depth", 2)
        stats.min_value("first", 7)
        stats.set_value("run", "r1")
    assert ours.get_stats() == scrapys.get_stats() == {"pages": 3, "bytes": 15, "depth": 3, "first": 7, "run": "r1"}
    assert ours.get_value("missing", "none") == "none"


def test_a_spider_argument_still_warns() -> None:
    stats = CrawlStatsCollector(get_crawler())
    with pytest.warns(Warning, match="spider"):
        stats.inc_value("pages", spider=object())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        stats.inc_value("pages")  # no spider: no warning
    assert stats.get_value("pages") == 2

