"""The ``news`` spider: discovers article pages (sitemaps, feeds, sections) and fetches them.

Discovery runs in phases, in order of trust: sitemaps (robots.txt, indexes, news sitemaps),
then feeds, then links of the home and section pages. A phase starts when the previous one
has gone idle, so an article listed in a news sitemap is credited to it (with its publication
date hint) even if the home page links to it too. The spider only discovers and fetches: what
to request, when, at which depth, is ``newscrawl.crawl_policy``'s to say; every page goes down
the item pipelines as a ``FetchedPage``. Requests carry their site's key (host and port) in ``meta["site"]``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from functools import cached_property
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.gz import gunzip, gzip_magic_number
from scrapy.utils.misc import load_object
from scrapy.utils.sitemap import sitemap_urls_from_robots

from ..arguments import sites_to_crawl
from ..checks import normalize_settings
from ..crawl_policy import (
    LINK, CapVerdict, CrawlPolicy, LinkSourceLedger, PageCap, admits_article, current_page,
    is_next_page_candidate,
)
from ..crawl_state import FEEDS, LINKS, CrawlState
from ..discover.feeds import is_feed, parse_feed
from ..discover.pagination import next_page_urls
from ..discover.sitemaps import iter_sitemap
from ..discover.urls import canonical_request_url, is_article_url
from ..extract.encoding import unusable_body
from ..extract.errors import ExtractionError
from ..feedstorage import gzip_feed_names
from ..fetch import fetched_page
from ..items import FetchedPage
from ..middlewares.drops import RecordedDrop, failure_reason, record_drop
from ..middlewares.link_budget import ARTICLE_LINKS, LINK_SOURCE_META
from ..middlewares.robots import ROBOTS_SITEMAPS_META
from ..pipelines.pool import page_input
from ..record import build_record, rejection_reason, site_options
from ..sites import Site, SiteConfigError, SiteIndex, site_from_mapping

_FEED_LINKS = '//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href'


class NewsSpider(scrapy.Spider):
    """Crawl news sites: ``-a url=<home page>`` or ``-a sites=<sites.toml|yaml>``."""

    name = "news"

    def __init__(self, url: str | None = None, sites: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sites = SiteIndex(sites_to_crawl(url, sites, kwargs))  # SiteConfigError naming the fix
        self.allowed_domains = self.sites.allowed_domains()
        # Domains are checked by SiteIndex.site_for (host names): LinkExtractor's allow_domains
        # compares the netloc, port included, so it rejects every link of a site served on a port.
        self._link_extractor = LinkExtractor(unique=True)
        self._phases: list[tuple[int, Callable[[], Iterable[Request]]]] = [
            (FEEDS, self._feed_phase), (LINKS, self._link_phase)]
        self._ledger = LinkSourceLedger()

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Connect the signals discovery listens to."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._next_phase, signal=signals.spider_idle)
        crawler.signals.connect(spider._offsite_redirect, signal=signals.request_scheduled)
        crawler.signals.connect(spider._robots_parsed, signal=signals.robots_parsed)
        return spider

    @cached_property
    def policy(self) -> CrawlPolicy:
        """What to request and when, from the settings read once. Built on first use (the
        crawl's start), not in from_crawler: add-ons (NewsAddon in a project of its own, the
        Redis one) apply their settings after the spider is made."""
        return CrawlPolicy.from_settings(self.settings)

    @cached_property
    def _page_cap(self) -> PageCap:
        return PageCap(self.policy.max_pages_per_site)

    @cached_property
    def crawl_state(self) -> CrawlState:
        """Site-wide facts (did its sitemaps list articles; is the frontier empty) in one place
        every process of the crawl shares: memory for one process, Redis for workers. Built on
        first use: add-ons (the Redis one) apply their settings after the spider is made."""
        return load_object(self.settings.get("NEWSCRAWL_CRAWL_STATE_CLASS")).from_crawler(self.crawler)

    def _offsite_redirect(self, request: Request, spider: Any) -> None:
        # Scrapy's OffsiteMiddleware refuses these at scheduling time, silently and without errback.
        if ("discovered_via" in request.meta and request.meta.get("redirect_urls")
                and not request.dont_filter and self.sites.site_for(request.url) is None):
            record_drop(self.crawler.stats, "offsite-redirect",
                        f"redirected off the site from {request.meta['redirect_urls'][0]}", request.url, self.logger)

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        """Without a feed from -o/-O or FEEDS, write the default output feed NEWSCRAWL_FEED."""
        super().update_settings(settings)
        normalize_settings(settings)  # 1d -> 86400.0 and the like, whatever runs the crawl
        if not settings.getdict("FEEDS") and (default := settings.getdict("NEWSCRAWL_FEED")):
            settings.set("FEEDS", default, priority="spider")
        # -o/-O feeds (cmdline priority) are renamed by our crawl command: Scrapy re-applies the
        # process's settings over the crawler's, so a rename here would be undone.
        if (settings.getbool("NEWSCRAWL_FEED_GZIP") and (feeds := settings.getdict("FEEDS"))
                and (settings.getpriority("FEEDS") or 0) <= SETTINGS_PRIORITIES["spider"]):
            settings.set("FEEDS", gzip_feed_names(feeds), priority="spider")

    def _request(self, url: str, callback: Any, site: Site, errback: Any = None, **meta: Any) -> Request:
        return Request(canonical_request_url(url), callback=callback, errback=errback or self.discovery_failed,
                       meta={"site": site.key, **meta})

    def discovery_failed(self, failure: Any) -> None:
        """One line and a counter for a sitemap, feed or listing that could not be read."""
        code, detail = failure_reason(failure.value)
        self.crawler.stats.inc_value(f"newscrawl/discovery/failed/{code}")
        # 4xx is expected where we probe the usual feed and sitemap paths; an unreachable site
        # has had its one WARNING line from the robots middleware.
        quiet = code.startswith("http-4") or code == "robots-unavailable"
        log = self.logger.debug if quiet else self.logger.info
        log("Discovery source failed: %s: %s at %s", code, detail, failure.request.url)

    # --- phases ------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        """Phase 1: robots.txt (for its Sitemap lines), configured sitemaps, and the home page."""
        if not self.sites:
            raise SiteConfigError("nothing to crawl: pass -a url=<home page URL> or -a sites=<sites.toml>")
        self.crawl_state.begin()
        for site in self.sites:
            # Obeying robots.txt, the robots middleware downloads it before the site's first
            # request, and _robots_parsed takes its Sitemap lines; else we read it ourselves.
            if not self.policy.obey_robots:
                yield Request(urljoin(site.url, "/robots.txt"), callback=self.parse_robots,
                              errback=self._robots_failed, meta={"site": site.key, "dont_obey_robotstxt": True})
            for sitemap in site.sitemaps:
                yield self._request(sitemap, self.parse_sitemap, site)
            # The home page is fetched now, but its links wait for the link phase.
            yield self._request(site.url, self.parse_home, site)

    def _next_phase(self) -> None:
        if self._phases and self.crawl_state.frontier_busy():
            # Another worker's sitemap or feed responses may still add to this phase.
            raise DontCloseSpider
        while self._phases:
            number, phase = self._phases.pop(0)
            if not self.crawl_state.claim_phase(number):
                continue  # another worker started it; its requests are in the shared frontier
            requests = list(phase())
            if requests:
                for request in requests:
                    self.crawler.engine.crawl(request)
                raise DontCloseSpider

    def _feed_phase(self) -> Iterator[Request]:
        for site in self.sites:
            # the home page may have been read by another worker: its feeds are in the state
            for feed in dict.fromkeys([*site.feeds, *self.crawl_state.feeds(site.key)]):
                yield self._request(feed, self.parse_feed, site)

    def _link_phase(self) -> Iterator[Request]:
        for url, (host, depth) in self.crawl_state.take_deferred().items():
            yield from self._listing_requests([url], self.sites[host], depth)

    # --- sitemaps ----------------------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[Request]:
        """Sitemaps named by robots.txt (read here when ROBOTSTXT_OBEY is off); else the usual paths."""
        urls = sitemap_urls_from_robots(response.body, base_url=response.url) if response.status == 200 else []
        yield from self._sitemap_requests(self.sites[response.meta["site"]], urls)

    def _robots_parsed(self, robotparser: Any, request: Request) -> None:
        """The robots middleware parsed a site's robots.txt: queue the sitemaps it names."""
        if (host := request.meta.get("site")) is None:
            return
        for sitemap_request in self._sitemap_requests(self.sites[host], request.meta.get(ROBOTS_SITEMAPS_META) or []):
            self.crawler.engine.crawl(sitemap_request)

    def _robots_failed(self, failure: Any) -> Iterator[Request]:
        yield from self._sitemap_requests(self.sites[failure.request.meta["site"]], [])

    def _sitemap_requests(self, site: Site, urls: Iterable[str]) -> Iterator[Request]:
        for url in self.policy.sitemaps_to_read(site, urls):
            yield self._request(url, self.parse_sitemap, site)

    def _sitemap_body(self, response: Response) -> bytes | None:
        # As SitemapSpider: a gzip body (not undone by HttpCompression) is inflated up to the
        # request's download_maxsize, so a gzip bomb stays a small file.
        if not gzip_magic_number(response):
            return response.body
        try:
            return gunzip(response.body, max_size=response.meta.get("download_maxsize", self.policy.max_sitemap_bytes))
        except ValueError:
            self.crawler.stats.inc_value("newscrawl/dropped/sitemap-too-large")
            return None

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Follow a sitemap index; queue every article of a (news) sitemap with its hints."""
        site = self.sites[response.meta["site"]]
        for kind, entry in iter_sitemap(self._sitemap_body(response) or b""):
            url = urljoin(response.url, entry.loc)
            if kind == "sitemapindex":
                if self.sites.site_for(url):
                    yield self._request(url, self.parse_sitemap, site)
                continue
            via = "news-sitemap" if entry.news_publication_date or entry.news_title else "sitemap"
            hints = {"lastmod": entry.lastmod, "news_publication_date": entry.news_publication_date,
                     "news_title": entry.news_title}
            if request := self._article_request(url, site, via, hints):
                yield request

    # --- feeds and sections ------------------------------------------------------------------
    def parse_feed(self, response: Response) -> Iterator[Request]:
        """Queue every entry of an RSS or Atom feed, with its dates as hints."""
        if not is_feed(response.body):
            return
        site = self.sites[response.meta["site"]]
        for entry in parse_feed(response.body, base_url=response.url):
            hints = {"feed_published": entry.published, "feed_updated": entry.updated,
                     "feed_title": entry.title}
            if request := self._article_request(entry.url, site, "feed", hints):
                yield request

    def parse_home(self, response: Response) -> None:
        """Remember the feeds the home page announces (or the usual paths) and its links."""
        site = self.sites[response.meta["site"]]
        announced: list[str] = []
        if isinstance(response, TextResponse):
            announced = [urljoin(response.url, href) for href in response.xpath(_FEED_LINKS).getall()]
            urls = [link.url for link in self._link_extractor.extract_links(response)]
            list(self._listing_requests(urls, site, depth=0))  # deferred to the link phase
        site = site.with_feeds(self.policy.feeds_to_read(site, announced))
        self.sites.replace(site)
        self.crawl_state.set_feeds(site.key, list(site.feeds))

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """Articles linked from a section page; its next page at the same depth (up to
        NEWSCRAWL_MAX_PAGINATION pages), deeper sections up to NEWSCRAWL_MAX_LISTING_DEPTH."""
        if not isinstance(response, TextResponse):
            return
        site, depth = self.sites[response.meta["site"]], response.meta.get("listing_depth", 0)
        following = {canonical_request_url(url) for url in next_page_urls(response.selector, response.url)
                     if is_next_page_candidate(url, self.sites)}
        urls = [link.url for link in self._link_extractor.extract_links(response)]
        yield from self._listing_requests([u for u in urls if canonical_request_url(u) not in following], site, depth)
        page = current_page(response.url, response.meta.get("listing_page"))
        for url in sorted(following):
            if number := self.policy.next_page(url, page):
                yield self._request(url, self.parse_listing, site, listing_depth=depth, listing_page=number)
            else:
                self.crawler.stats.inc_value("newscrawl/discovery/pagination-bound")

    def _listing_requests(self, urls: list[str], site: Site, depth: int,
                          source: str | None = None) -> Iterator[Request]:
        if self.policy.defers_links(self.crawl_state.phase()):
            links = {canonical_request_url(url): (site.key, depth) for url in urls if self.sites.site_for(url)}
            self.crawl_state.defer_links(links, self.policy.max_deferred_links)
            return
        for url in urls:
            if request := self._article_request(url, site, LINK, {}, source=source):
                yield request
            elif self.policy.follows_listing(url, depth, self.sites):
                yield self._request(url, self.parse_listing, site, listing_depth=depth + 1)

    def _article_request(self, url: str, site: Site, via: str, hints: dict[str, Any],
                         source: str | None = None) -> Request | None:
        if not admits_article(url, via, site, self.sites):
            return None
        verdict = self._page_cap.admit(site.key, canonical_request_url(url))
        if verdict is not CapVerdict.ADMITTED:
            if verdict is not CapVerdict.CAPPED_AGAIN:
                self.crawler.stats.inc_value("newscrawl/dropped/max-pages-per-site")
                # One INFO line per site, not one per URL: a big sitemap would flood the log.
                log = self.logger.info if verdict is CapVerdict.CAPPED_FIRST else self.logger.debug
                log("Dropped: max-pages-per-site: NEWSCRAWL_MAX_PAGES_PER_SITE=%d reached for %s, further "
                    "article URLs are skipped (counted, logged at DEBUG) at %s", self._page_cap.cap, site.url, url)
            return None
        if via != LINK:
            self.crawl_state.add_listed(site.key)
        # scrapy-playwright renders the requests that carry meta["playwright"] (docs/limits.md).
        extra: dict[str, Any] = {"playwright": True} if self.policy.render_javascript else {}
        if source:
            extra[LINK_SOURCE_META] = source  # budgeted by LinkSourceBudgetMiddleware
        request = self._request(url, self.parse_article, site, errback=self.article_failed,
                                discovered_via=via, hints={k: v for k, v in hints.items() if v}, **extra)
        return request.replace(dont_filter=True) if self._ledger.queued(request.url, bool(source)) else request

    def article_failed(self, failure: Any) -> None:
        """Count and log, once, an article request that ended without a page."""
        if isinstance(failure.value, RecordedDrop):
            if self._ledger.dropped_unsent(failure.request.url):  # a listing links it: not the spent source's to drop
                meta = {k: v for k, v in failure.request.meta.items() if k != LINK_SOURCE_META}
                self.crawler.engine.crawl(failure.request.replace(dont_filter=True, meta=meta))
            return  # counted (and logged once) where it was raised
        self._ledger.answered(failure.request.url)
        code, detail = failure_reason(failure.value)
        record_drop(self.crawler.stats, code, detail, failure.request.url, self.logger)

    # --- articles ----------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        """Hand the page to the pipelines as plain data; follow story links it carries."""
        self._ledger.answered(response.request.url if response.request else response.url)
        if reason := _unusable_body(response):
            record_drop(self.crawler.stats, *reason, response.url, self.logger)
            return
        yield self._fetched_page(response)
        if not isinstance(response, TextResponse):
            return
        site = self.sites[response.meta["site"]]
        if not is_article_url(response.url):
            # A sitemap or feed entry that is not story-shaped may be a section page.
            urls = [link.url for link in self._link_extractor.extract_links(response)]
            yield from self._listing_requests(urls, site, depth=1)
        elif self.policy.follows_article_links(self.crawl_state.listed(site.key)):
            urls = [link.url for link in self._link_extractor.extract_links(response)]
            yield from self._listing_requests([u for u in urls if is_article_url(u)], site, depth=1,
                                              source=ARTICLE_LINKS)

    def parse(self, response: Response, **kwargs: Any) -> Iterator[Any]:
        """One page extracted and normalized on the spot: the default callback, which
        `scrapy parse --spider news URL` and `fetch()` in `scrapy shell` use. The crawl never
        does (its pages go to the pipelines as FetchedPage); the record is the one the
        pipelines would write, before the archive decides whether it is new."""
        if reason := _unusable_body(response):
            record_drop(self.crawler.stats, *reason, response.url, self.logger)
            return
        policy = self.policy
        try:
            page = self._fetched_page(response)
            options = site_options(page.site_timezone, page.site_day_first,
                                   default_tz=policy.default_tz, min_year=policy.min_year)
            article = build_record(page_input(page), options)
        except ExtractionError as refused:
            record_drop(self.crawler.stats, refused.code, refused.detail, response.url, self.logger)
            return
        if reason := rejection_reason(article, policy.min_body_chars):
            record_drop(self.crawler.stats, reason, "as the validation pipeline would", response.url, self.logger)
            return
        yield article

    def _fetched_page(self, response: Response) -> FetchedPage:
        # The site it was requested for; else (scrapy parse, shell) the one its URL belongs to.
        site = self.sites[response.meta["site"]] if "site" in response.meta else self.sites.site_for(response.url)
        if site is None:
            parts = urlsplit(response.url)
            site = site_from_mapping({"url": f"{parts.scheme}://{parts.netloc}/"}, "the URL given")
        return fetched_page(response, hints=response.meta.get("hints"),
                            discovered_via=response.meta.get("discovered_via", "link"),
                            site_timezone=site.timezone, site_day_first=site.day_first,
                            site_name=site.name or site.host)


def _unusable_body(response: Response) -> tuple[str, str] | None:
    """(code, detail) for a body that cannot be an HTML page, whatever its Content-Type says."""
    content_type = response.headers.get("Content-Type", b"").decode("latin-1")
    return unusable_body(response.body, content_type, response.status)
