"""robots.txt as RFC 9309 says, plus ``Crawl-delay``: a thin subclass of Scrapy's middleware.

Scrapy parses whatever body the robots.txt URL returns, so a 503 error page allows everything,
and it ignores Crawl-delay. Here: 4xx means no rules (allow all, RFC 9309 2.3.1.3); 5xx or an
unreachable server means disallow all (2.3.1.4), so the crawl skips the site this run; only
the first NEWSCRAWL_ROBOTSTXT_MAX_BYTES are parsed (2.5); Crawl-delay sets the download
slot's delay for that host, capped at NEWSCRAWL_MAX_CRAWL_DELAY.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, Response
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.sitemap import sitemap_urls_from_robots
from twisted.internet.defer import Deferred

from .drops import DroppedRequest

logger = logging.getLogger(__name__)
ROBOTS_SITEMAPS_META = "newscrawl_robots_sitemaps"  # Sitemap: URLs, on the request robots.txt was fetched for


class SiteUnavailable:
    """Stands in for a parser when robots.txt could not be read: every URL is off limits."""

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def allowed(self, url: str | bytes, user_agent: str | bytes) -> bool:
        """Nothing is allowed."""
        return False

    def sitemaps(self) -> list[str]:
        """No sitemaps."""
        return []


def truncate_robots(body: bytes, limit: int) -> bytes:
    """The first ``limit`` bytes of a robots.txt, cut after the last complete line (a stopped
    download ends mid-line even when it is short enough).

    >>> truncate_robots(b"Disallow: /a\\nDisallow: /bcd\\n", 20)
    b'Disallow: /a\\n'
    >>> truncate_robots(b"Disallow: /a\\nDisallow: /b", 30)
    b'Disallow: /a\\n'
    """
    head = body[:limit]
    return head[: head.rfind(b"\n") + 1]


class RobotsPolicyMiddleware(RobotsTxtMiddleware):
    """Scrapy's RobotsTxtMiddleware with RFC 9309 status handling, a size cap and Crawl-delay."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.max_bytes = crawler.settings.getint("NEWSCRAWL_ROBOTSTXT_MAX_BYTES")
        self.max_delay = crawler.settings.getfloat("NEWSCRAWL_MAX_CRAWL_DELAY")
        self.crawl_delays: dict[str, float] = {}

    async def robot_parser(self, request: Request) -> Any:
        """The site's parser; also for requests that waited while robots.txt was being fetched."""
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc)
        # Every waiting request awaits the same Deferred, and Twisted's asFuture passes its result
        # to the first awaiter only: the others get None, which Scrapy reads as "allow all".
        return parser if parser is not None or isinstance(settled, Deferred) else settled

    def _settle(self, netloc: str, parser: Any) -> None:
        waiting = self._parsers[netloc]
        self._parsers[netloc] = parser
        if isinstance(waiting, Deferred):
            waiting.callback(parser)

    def _unavailable(self, netloc: str, reason: str) -> None:
        logger.warning("robots.txt of %s %s: RFC 9309 says to treat the whole site as disallowed, "
                       "so it is skipped in this crawl", netloc, reason)
        self._stats.inc_value("newscrawl/robots/unavailable")
        self._settle(netloc, SiteUnavailable(reason))

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        if response.status >= 500:
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            self._unavailable(netloc, f"answered HTTP {response.status}")
            return
        if response.status >= 400:
            response = response.replace(body=b"")  # no rules: the error page is not a robots.txt
        elif len(response.body) > self.max_bytes or "download_stopped" in response.flags:
            # ResponseSizeLimit stops the download once the cap is reached, so the body may end
            # at the cap exactly, in the middle of a line: a half rule must not be parsed.
            self._stats.inc_value("newscrawl/robots/truncated")
            response = response.replace(body=truncate_robots(response.body, self.max_bytes))
        # The spider takes the Sitemap lines from this one download (Scrapy's robots_parsed
        # signal carries the request that caused it): robots.txt is fetched once per site.
        request.meta[ROBOTS_SITEMAPS_META] = list(sitemap_urls_from_robots(response.body, base_url=response.url))
        await super()._parse_robots(response, netloc, request)
        self._remember_crawl_delay(netloc)

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        # A plain IgnoreRequest (offsite redirect, filtered) leaves the site open as Scrapy does;
        # network errors and our own give-ups (Retry-After too long) mean "unreachable".
        if isinstance(exc, IgnoreRequest) and not isinstance(exc, DroppedRequest):
            super()._robots_error(exc, netloc)
        else:
            self._unavailable(netloc, f"could not be fetched ({type(exc).__name__})")

    def _remember_crawl_delay(self, netloc: str) -> None:
        parser = self._parsers.get(netloc)
        delay = getattr(parser, "crawl_delay", lambda _ua: None)(self._user_agent())
        if not delay:
            return
        if delay > self.max_delay:
            logger.info("robots.txt of %s asks for Crawl-delay %.1f s; using NEWSCRAWL_MAX_CRAWL_DELAY "
                        "(%.1f s)", netloc, delay, self.max_delay)
            delay = self.max_delay
        self.crawl_delays[netloc] = delay
        self._stats.set_value(f"newscrawl/robots/crawl_delay/{netloc}", delay)

    def _user_agent(self) -> str:
        return self._robotstxt_useragent or self._default_useragent

    def process_request_2(self, rp: Any, request: Request) -> None:
        """Refuse URLs of unavailable sites; apply the site's Crawl-delay to its download slot."""
        if isinstance(rp, SiteUnavailable):
            raise DroppedRequest("robots-unavailable", f"robots.txt {rp.reason}")
        super().process_request_2(rp, request)
        if delay := self.crawl_delays.get(urlparse_cached(request).netloc):
            self._apply_delay(request, delay)

    def _apply_delay(self, request: Request, delay: float) -> None:
        # AutoThrottle would lower the delay again after fast responses; Crawl-delay is a floor.
        request.meta["autothrottle_dont_adjust_delay"] = True
        downloader = self.crawler.engine.downloader
        _, slot = downloader._get_slot(request)  # noqa: SLF001 - the slot must exist to set its delay
        if slot.delay < delay or slot.jitter:
            slot.delay, slot.jitter = max(slot.delay, delay), 0.0
