"""Facts of a crawl's article downloads, from the downloader middleware to the archive pipeline."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from .index import FetchFacts


class FetchLog:
    """Facts of this crawl's article downloads, by response URL, until the pipeline takes them."""

    def __init__(self) -> None:
        self._facts: dict[str, tuple[str, FetchFacts]] = {}

    def record(self, url: str, request_url: str, facts: FetchFacts) -> None:
        """Note what a download told us."""
        self._facts[url] = (request_url, facts)

    def pop(self, url: str) -> tuple[str | None, FetchFacts | None]:
        """(request URL, facts) of the download that gave ``url``, once."""
        return self._facts.pop(url, (None, None))


_FETCH_LOGS: WeakKeyDictionary[Any, FetchLog] = WeakKeyDictionary()


def fetch_log(crawler: Any) -> FetchLog:
    """The crawler's FetchLog (one per crawl, shared by middleware and pipeline)."""
    return _FETCH_LOGS.setdefault(crawler, FetchLog())
