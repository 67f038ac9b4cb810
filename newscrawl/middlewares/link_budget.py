"""A link source that keeps answering 404 is stopped: its further requests are not sent.

Story links inside article bodies point, on some sites, mostly at pages that were moved or
never existed: every one costs a request and gives nothing. Requests carry their source in
``meta["link_source"]``; once a source of a host has had NEWSCRAWL_LINK_404_BUDGET pages not
found (404/410), more failures than pages found, the rest of its requests are dropped before
download, each counted as ``newscrawl/dropped/link-source-exhausted``, with one INFO line per
source.
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Self
from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.http import Request, Response
from scrapy.statscollectors import StatsCollector

from .drops import DROP_PREFIX, RecordedDrop

logger = logging.getLogger(__name__)
LINK_SOURCE_META = "link_source"
ARTICLE_LINKS = "article-links"  # story links found on article pages
EXHAUSTED = "link-source-exhausted"
_NOT_FOUND = frozenset({404, 410})


class LinkSourceBudgetMiddleware:
    """Downloader middleware: count pages not found per (host, source); stop spent sources."""

    def __init__(self, *, budget: int, stats: StatsCollector | None) -> None:
        self.budget, self.stats = budget, stats
        self.failures: Counter[tuple[str, str]] = Counter()
        self.successes: Counter[tuple[str, str]] = Counter()
        self.exhausted: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """NEWSCRAWL_LINK_404_BUDGET (0: no budget)."""
        return cls(budget=crawler.settings.getint("NEWSCRAWL_LINK_404_BUDGET"), stats=crawler.stats)

    @staticmethod
    def _source(request: Request) -> tuple[str, str] | None:
        source = request.meta.get(LINK_SOURCE_META)
        return (urlsplit(request.url).hostname or "", source) if source else None

    def process_request(self, request: Request) -> None:
        """Drop a request of an exhausted source before it is sent."""
        key = self._source(request)
        if key is not None and key in self.exhausted:
            if self.stats is not None:
                self.stats.inc_value(DROP_PREFIX + EXHAUSTED)
            raise RecordedDrop(EXHAUSTED, f"{key[1]} of {key[0]} answered 404 {self.failures[key]} times")

    def process_response(self, request: Request, response: Response) -> Response:
        """Count the answer; spend the source once it has failed ``budget`` times, mostly."""
        key = self._source(request)
        if key is None or not self.budget or key in self.exhausted:
            return response
        if response.status in _NOT_FOUND:
            self.failures[key] += 1
        elif 200 <= response.status < 300:
            self.successes[key] += 1
        if self.failures[key] >= self.budget and self.failures[key] > self.successes[key]:
            self.exhausted.add(key)
            logger.info("Link source exhausted: %s of %s answered 404 %d times for %d pages found "
                        "(NEWSCRAWL_LINK_404_BUDGET=%d); its further requests are skipped, counted as %s%s",
                        key[1], key[0], self.failures[key], self.successes[key], self.budget,
                        DROP_PREFIX, EXHAUSTED)
        return response

    def __repr__(self) -> str:
        return f"{type(self).__name__}(budget={self.budget})"
