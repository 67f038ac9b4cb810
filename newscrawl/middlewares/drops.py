"""Reason codes for pages that never reach the pipelines, counted and logged like item drops."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.exceptions import (
    CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError,
    DownloadTimeoutError, IgnoreRequest, StopDownload,
)
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.statscollectors import StatsCollector
from twisted.internet.error import TimeoutError as TxTimeoutError

logger = logging.getLogger(__name__)
DROP_PREFIX = "newscrawl/dropped/"


class DroppedRequest(IgnoreRequest):
    """A request we gave up on for a known reason; ``code`` goes to the stats."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code, self.detail = code, detail


class RecordedDrop(DroppedRequest):
    """A DroppedRequest already counted and logged where it was raised (errbacks leave it)."""


# Scrapy raises a plain IgnoreRequest for these; its message is all that tells them apart.
_IGNORE_MESSAGES = (
    ("Forbidden by robots.txt", "robots-disallowed"),
    ("max redirections reached", "redirect-loop"),
    ("Filtered offsite request", "offsite-redirect"),
)
_GZIP_BOMB = "during decompression"


def failure_reason(exc: BaseException) -> tuple[str, str]:
    """(code, detail) for an exception that ended a page request."""
    if isinstance(exc, DroppedRequest):
        return exc.code, exc.detail
    if isinstance(exc, HttpError):
        status = exc.response.status
        return f"http-{status}", f"HTTP {status}"
    if isinstance(exc, StopDownload | DownloadCancelledError):
        return "too-large", "body larger than DOWNLOAD_MAXSIZE"
    if isinstance(exc, DownloadTimeoutError | TxTimeoutError):
        return "timeout", "no complete answer within DOWNLOAD_TIMEOUT"
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        if _GZIP_BOMB in message:
            return "too-large", "body over DOWNLOAD_MAXSIZE once decompressed (Content-Encoding)"
        for marker, code in _IGNORE_MESSAGES:
            if marker in message:
                return code, message[:200]
        return "ignored", message[:200]
    if isinstance(exc, DownloadConnectionRefusedError | CannotResolveHostError):
        return "unreachable", type(exc).__name__
    return "download-error", f"{type(exc).__name__}: {exc}"[:200]


def record_drop(stats: StatsCollector | None, code: str, detail: str, url: str,
                log: logging.Logger | logging.LoggerAdapter[Any] = logger) -> None:
    """Count a drop under ``newscrawl/dropped/<code>`` and log it once at INFO with the URL."""
    if stats is not None:
        stats.inc_value(DROP_PREFIX + code)
    log.info("Dropped: %s: %s at %s", code, detail, url)
