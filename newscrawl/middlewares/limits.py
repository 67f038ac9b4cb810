"""Response size limits enforced while the bytes arrive, so a 50 MB page never sits in memory.

Scrapy cancels downloads over DOWNLOAD_MAXSIZE too, but with a WARNING and a generic
cancellation; stopping here first gives the page its one reason code (``too-large``).
robots.txt files are cut at NEWSCRAWL_ROBOTSTXT_MAX_BYTES and still parsed (RFC 9309 2.5).
"""

from __future__ import annotations

from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import StopDownload
from scrapy.http import Request

_RECEIVED = "_newscrawl_bytes_received"
_LIMIT = "_newscrawl_maxsize"
# Scrapy's reader checks the same limit after our signal handler, in the same call, and would
# log a WARNING of its own; its limit is raised by this margin once we enforce the real one.
_READER_MARGIN = 1024 * 1024


def is_robots_request(request: Request) -> bool:
    """True for a robots.txt fetch."""
    return request.url.split("?", 1)[0].endswith("/robots.txt")


class ResponseSizeLimit:
    """Stop a download as soon as its body (announced or received) passes the size limit."""

    def __init__(self, *, max_bytes: int, robots_max_bytes: int) -> None:
        self.max_bytes, self.robots_max_bytes = max_bytes, robots_max_bytes

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read DOWNLOAD_MAXSIZE and NEWSCRAWL_ROBOTSTXT_MAX_BYTES; connect to the download signals."""
        limit = cls(max_bytes=crawler.settings.getint("DOWNLOAD_MAXSIZE"),
                    robots_max_bytes=crawler.settings.getint("NEWSCRAWL_ROBOTSTXT_MAX_BYTES"))
        crawler.signals.connect(limit.headers_received, signal=signals.headers_received)
        crawler.signals.connect(limit.bytes_received, signal=signals.bytes_received)
        crawler.signals.connect(limit.response_downloaded, signal=signals.response_downloaded)
        return limit

    def _limit(self, request: Request) -> int:
        if _LIMIT not in request.meta:
            request.meta[_LIMIT] = int(request.meta.get("download_maxsize", self.max_bytes) or 0)
        return int(request.meta[_LIMIT])

    def headers_received(self, headers: Any, body_length: Any, request: Request, spider: Any) -> None:
        """Refuse a body whose Content-Length is already over the limit."""
        request.meta[_RECEIVED] = 0  # a retried request carries its predecessor's meta
        limit = self._limit(request)
        # An announced robots.txt over the limit fails too (the site is then skipped): Scrapy
        # would refuse its body anyway, and parsing nothing would allow everything.
        if limit and isinstance(body_length, int) and body_length > limit:
            raise StopDownload(fail=True)
        if limit and not is_robots_request(request):
            request.meta["download_maxsize"] = limit + _READER_MARGIN

    def response_downloaded(self, response: Any, request: Request, spider: Any) -> None:
        """Give the decompression step (HttpCompressionMiddleware) the real limit back."""
        if _LIMIT in request.meta:
            request.meta["download_maxsize"] = request.meta[_LIMIT]

    def bytes_received(self, data: bytes, request: Request, spider: Any) -> None:
        """Stop once the bytes received pass the limit (no or lying Content-Length)."""
        received = request.meta.get(_RECEIVED, 0) + len(data)
        request.meta[_RECEIVED] = received
        if is_robots_request(request):
            if received >= self.robots_max_bytes:
                raise StopDownload(fail=False)  # parse what we have
            return
        limit = self._limit(request)
        if limit and received > limit:
            raise StopDownload(fail=True)
