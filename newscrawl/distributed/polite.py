"""Per-domain politeness shared by every worker: one request per domain per delay, in total.

Scrapy's DOWNLOAD_DELAY and AutoThrottle act per process, so N workers would hit a site N
times as often. Before each download this middleware reserves the domain's next free slot in
Redis (one atomic script on the server's clock: ``slot = max(now, next); next = slot + delay``)
and waits until then. Every worker draws slots from the same counter, so the gap between two
requests to one domain is at least the delay, whatever the number of workers. AutoThrottle
and the per-process limits still apply on top: they can only slow a worker further.
"""

from __future__ import annotations

import asyncio
from typing import Any, Self
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy_redis.connection import get_redis_from_settings

# KEYS: the domain's key; ARGV: delay ms. Returns the ms to wait before downloading.
_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local slot = math.max(now, tonumber(redis.call('GET', KEYS[1]) or '0'))
redis.call('SET', KEYS[1], slot + tonumber(ARGV[1]), 'PX', tonumber(ARGV[1]) + 60000)
return slot - now
"""


class SharedDelayMiddleware:
    """Wait for the domain's shared slot (NEWSCRAWL_DOMAIN_DELAY seconds apart) before a download."""

    def __init__(self, server: Any, prefix: str, delay: float) -> None:
        self.server, self.prefix, self.delay_ms = server, prefix, int(delay * 1000)
        self._reserve = server.register_script(_RESERVE)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build from NEWSCRAWL_REDIS_KEY and NEWSCRAWL_DOMAIN_DELAY; off when the delay is 0."""
        delay = crawler.settings.getfloat("NEWSCRAWL_DOMAIN_DELAY")
        if delay <= 0:
            raise NotConfigured("NEWSCRAWL_DOMAIN_DELAY is 0: no shared per-domain delay")
        return cls(get_redis_from_settings(crawler.settings),
                   crawler.settings.get("NEWSCRAWL_REDIS_KEY"), delay)

    def wait_ms(self, domain: str) -> int:
        """Reserve the domain's next slot; milliseconds until it comes."""
        return int(self._reserve(keys=[f"{self.prefix}:polite:{domain}"], args=[self.delay_ms]))

    async def process_request(self, request: Request) -> None:
        """Hold the request until its domain's slot."""
        wait = self.wait_ms(urlsplit(request.url).hostname or "")
        if wait > 0:
            await asyncio.sleep(wait / 1000)
