"""Retries that honor ``Retry-After`` (429, 503), up to a cap; Scrapy's RetryMiddleware ignores it."""

from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Request, Response
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from .drops import DroppedRequest


def retry_after_seconds(value: bytes | str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delay-seconds or HTTP-date, RFC 9110 10.2.3).

    >>> retry_after_seconds(b"120")
    120.0
    >>> retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", datetime(2015, 10, 21, 7, 27, tzinfo=timezone.utc))
    60.0
    >>> retry_after_seconds("soon") is None
    True
    """
    if value is None:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


class RetryAfterMiddleware(RetryMiddleware):
    """RetryMiddleware that waits as long as ``Retry-After`` asks, or gives up past the cap.

    A wait longer than NEWSCRAWL_RETRY_AFTER_MAX is not worth holding the crawl for: the page
    is dropped with reason ``rate-limited`` (the next hourly run picks it up).
    """

    def __init__(self, settings: Any) -> None:
        super().__init__(settings)
        self.max_wait = settings.getfloat("NEWSCRAWL_RETRY_AFTER_MAX")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read RETRY_* and NEWSCRAWL_RETRY_AFTER_MAX."""
        middleware = cls(crawler.settings)
        middleware.crawler = crawler
        return middleware

    async def process_response(self, request: Request, response: Response,
                               spider: Any = None) -> Request | Response:
        """Retry retryable statuses; wait first when the server says how long."""
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = retry_after_seconds(response.headers.get(b"Retry-After"))
        if wait is not None and wait > self.max_wait:
            raise DroppedRequest("rate-limited", f"HTTP {response.status} with Retry-After {wait:.0f} s "
                                 f"> NEWSCRAWL_RETRY_AFTER_MAX ({self.max_wait:.0f} s)")
        retry = self._retry(request, response_status_message(response.status))
        if retry is None:
            return response
        if wait:
            self.crawler.stats.inc_value("newscrawl/retry_after/waited")
            await sleep(wait)
        return retry
