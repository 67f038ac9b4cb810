"""Incremental crawling against the archive index: skip what is known and fresh, ask before re-fetching.

``IncrementalFilter`` (an extension on the engine's ``request_scheduled`` signal, so it sees
every article request, whether the spider yielded it or queued it from its idle handler)
looks at each article request (``discovered_via`` in meta) before the scheduler does: an
unknown URL goes through; a known one only if its sitemap/feed hints say it changed or its
re-check age (NEWSCRAWL_RECHECK_AGE) has passed, and then with If-None-Match /
If-Modified-Since. Raising IgnoreRequest there drops the request before the dupefilter, so
the same URL listed later by a feed with a newer ``updated`` date still gets its turn.

``NotModifiedMiddleware`` (downloader) turns a 304 into an index touch and an ignored request:
no body, no extraction. It also notes the validators of every full article download in the
crawl's ``FetchLog``, where the archive pipeline picks them up with the record.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response
from scrapy.statscollectors import StatsCollector

from ..archive.backend import open_index as open_crawl_index
from ..archive.fetchlog import fetch_log
from ..archive.hints import newest_hint, refetch_decision
from ..archive.index import ArchiveIndex, FetchFacts
from .drops import DroppedRequest

logger = logging.getLogger(__name__)
CONDITIONAL = "newscrawl_conditional"  # meta flag: the request carries our validators


def open_index(crawler: Crawler) -> ArchiveIndex:
    """The crawl's index (archive/backend.py); NotConfigured when NEWSCRAWL_INDEX_ENABLED is off."""
    index = open_crawl_index(crawler.settings)
    if index is None:
        raise NotConfigured  # switched off on purpose: every crawl is a full crawl
    return index


def is_article_request(request: Request) -> bool:
    """The spider marks article requests with how they were discovered."""
    return "discovered_via" in request.meta


class IncrementalFilter:
    """Drop scheduled article requests for known, unchanged URLs; make the others conditional."""

    def __init__(self, crawler: Crawler, index: ArchiveIndex, recheck_age: float) -> None:
        assert crawler.stats is not None
        self.stats: StatsCollector = crawler.stats
        self.index, self.recheck_age = index, recheck_age
        self._skipped: dict[str, int] = {}  # URL -> bytes its last download took
        self._passed: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Open the index read side; read NEWSCRAWL_RECHECK_AGE (seconds, negative: never)."""
        extension = cls(crawler, open_index(crawler),
                        crawler.settings.getfloat("NEWSCRAWL_RECHECK_AGE", 86400))
        crawler.signals.connect(extension.request_scheduled, signal=signals.request_scheduled)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def request_scheduled(self, request: Request, spider: Any = None) -> None:
        """Raise IgnoreRequest (the engine then drops the request silently) for a fresh known URL."""
        if not is_article_request(request) or request.url in self._passed:
            return
        entry = self.index.lookup(request.url)
        if entry is None:
            self._passed.add(request.url)
            self.stats.inc_value("newscrawl/incremental/new-url")
            return
        decision = refetch_decision(entry, request.meta.get("hints", {}), int(time.time()), self.recheck_age)
        if not decision.fetch:
            if request.url not in self._skipped:
                self._skipped[request.url] = entry.size or 0
                self._count_saved(entry.size or 0, 1)
            raise IgnoreRequest(f"known and fresh: {request.url}")
        if request.url in self._skipped:  # skipped at first, then a newer hint came
            self._count_saved(-self._skipped.pop(request.url), -1)
        self._passed.add(request.url)
        self.stats.inc_value(f"newscrawl/incremental/{decision.reason}")
        if entry.etag:
            request.headers.setdefault("If-None-Match", entry.etag)
        if entry.last_modified:
            request.headers.setdefault("If-Modified-Since", entry.last_modified)
        request.meta[CONDITIONAL] = bool(entry.etag or entry.last_modified)

    def _count_saved(self, size: int, requests: int) -> None:
        # Live, not at close: the crawl report writes the stats file on spider_closed too.
        self.stats.inc_value("newscrawl/incremental/skipped", requests)
        self.stats.inc_value("newscrawl/incremental/bytes-saved", size)

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Close the index connection."""
        self.index.close()


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class NotModifiedMiddleware:
    """304 -> index touch + dropped request ("not-modified"); 200 article -> validators noted for the pipeline."""

    def __init__(self, crawler: Crawler, index: ArchiveIndex) -> None:
        assert crawler.stats is not None
        self.stats, self.index, self.log = crawler.stats, index, fetch_log(crawler)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Open the index (its own connection; WAL lets it share the file)."""
        return cls(crawler, open_index(crawler))

    def _facts(self, request: Request, response: Response) -> FetchFacts:
        return FetchFacts(fetched_at=int(time.time()), etag=_header(response, "ETag"),
                          last_modified=_header(response, "Last-Modified"),
                          size=len(response.body) or None,
                          hint_date=newest_hint(request.meta.get("hints", {})))

    def process_response(self, request: Request, response: Response) -> Response:
        """Swallow our 304s; note the validators of full article downloads."""
        if not is_article_request(request):
            return response
        if response.status == 304 and request.meta.get(CONDITIONAL):
            facts = self._facts(request, response)
            entry = self.index.lookup(request.url)
            self.index.touch(request.url, FetchFacts(
                fetched_at=facts.fetched_at, etag=facts.etag, last_modified=facts.last_modified,
                hint_date=facts.hint_date))
            self.stats.inc_value("newscrawl/incremental/not-modified")
            self.stats.inc_value("newscrawl/incremental/bytes-saved", (entry.size if entry else 0) or 0)
            raise DroppedRequest("not-modified", "HTTP 304 to a conditional re-fetch")
        if response.status == 200:
            self.log.record(response.url, request.url, self._facts(request, response))
        return response
