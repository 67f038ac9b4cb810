"""The ``news`` spider: discovers article pages (sitemaps, feeds, sections) and fetches them.

It only discovers and fetches; every page goes down the item pipelines as a ``FetchedPage``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response, TextResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip, gzip_magic_number

from ..discover.feeds import is_feed, parse_feed
from ..discover.sitemaps import iter_sitemap, sitemap_urls_from_robots
from ..discover.urls import (
    canonical_request_url, is_article_url, is_calendar_url, is_excluded_url, pagination_number,
)
from ..extract.encoding import decode_html, looks_binary
from ..items import FetchedPage
from ..sites import Site, SiteConfigError, load_sites_file, site_from_mapping

_FEED_LINKS = (
    '//link[@rel="alternate"][contains(@type, "rss") or contains(@type, "atom")]/@href'
)


class NewsSpider(scrapy.Spider):
    """Crawl news sites: ``-a url=<home page>`` or ``-a sites=<sites.toml|yaml>``."""

    name = "news"

    @classmethod
    def update_settings(cls, settings: Any) -> None:
        """Without a feed from -o/-O or FEEDS, write the default output feed NEWSCRAWL_FEED."""
        super().update_settings(settings)
        if not settings.getdict("FEEDS") and (default := settings.getdict("NEWSCRAWL_FEED")):
            settings.set("FEEDS", default, priority="spider")

    def __init__(self, url: str | None = None, sites: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        if sites:
            self.sites = load_sites_file(sites)
        elif url:
            self.sites = [site_from_mapping({"url": url}, "-a url")]
        else:
            raise SiteConfigError("nothing to crawl: pass -a url=<home page URL> or -a sites=<sites.toml>")
        self.allowed_domains = sorted({d for site in self.sites for d in site.allowed_domains()})
        # Domains are checked by site_for (host names): LinkExtractor's allow_domains compares
        # the netloc, port included, so it rejects every link of a site served on a port.
        self._link_extractor = LinkExtractor(unique=True)

    # --- settings-driven knobs, read once the crawler is attached ------------------------------
    def _setting(self, name: str, default: Any) -> Any:
        return self.settings.get(name, default) if hasattr(self, "settings") else default

    def site_for(self, url: str) -> Site | None:
        """The configured site a URL belongs to."""
        host = urlsplit(url).hostname or ""
        for site in self.sites:
            if any(host == d or host.endswith("." + d) for d in site.allowed_domains()):
                return site
        return None

    def _request(self, url: str, callback: Any, site: int, **meta: Any) -> Request:
        return Request(canonical_request_url(url), callback=callback, meta={"site": site, **meta})

    async def start(self) -> AsyncIterator[Any]:
        """Robots.txt (for its sitemaps), the home page, and any configured feeds and sitemaps."""
        for index, site in enumerate(self.sites):
            yield Request(urljoin(site.url, "/robots.txt"), callback=self.parse_robots,
                          meta={"site": index, "dont_obey_robotstxt": True}, priority=10,
                          errback=self._robots_failed)
            for sitemap in site.sitemaps:
                yield self._request(sitemap, self.parse_sitemap, index, priority=5)
            for feed in site.feeds:
                yield self._request(feed, self.parse_feed, index)
            yield self._request(site.url, self.parse_home, index, listing_depth=0)

    # --- sitemaps ----------------------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterator[Request]:
        """Sitemaps named by robots.txt; the usual paths when it names none."""
        site = response.meta["site"]
        text = response.text if isinstance(response, TextResponse) and response.status == 200 else ""
        urls = [urljoin(response.url, url) for url in sitemap_urls_from_robots(text)]
        if not urls:
            base = self.sites[site].url
            urls = [urljoin(base, path) for path in self._setting("NEWSCRAWL_SITEMAP_PATHS", [])]
        for url in urls:
            yield self._request(url, self.parse_sitemap, site, priority=5)

    def _robots_failed(self, failure: Any) -> Iterator[Request]:
        request = failure.request
        base = self.sites[request.meta["site"]].url
        for path in self._setting("NEWSCRAWL_SITEMAP_PATHS", []):
            yield self._request(urljoin(base, path), self.parse_sitemap, request.meta["site"], priority=5)

    def _sitemap_body(self, response: Response) -> bytes | None:
        body = response.body
        if gzip_magic_number(response):
            max_size = self._setting("DOWNLOAD_MAXSIZE", 0)
            try:
                body = gunzip(body, max_size=max_size)
            except ValueError:
                self.crawler.stats.inc_value("newscrawl/dropped/sitemap-too-large")
                return None
        return body

    def parse_sitemap(self, response: Response) -> Iterator[Request]:
        """Follow a sitemap index; queue every article of a (news) sitemap with its hints."""
        body = self._sitemap_body(response)
        if not body:
            return
        site = response.meta["site"]
        for kind, entry in iter_sitemap(body):
            if kind == "sitemapindex":
                yield self._request(urljoin(response.url, entry.loc), self.parse_sitemap, site, priority=5)
                continue
            url = urljoin(response.url, entry.loc)
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
        for entry in parse_feed(response.body, base_url=response.url):
            hints = {"feed_published": entry.published, "feed_updated": entry.updated,
                     "feed_title": entry.title}
            if request := self._article_request(entry.url, response.meta["site"], "feed", hints):
                yield request

    def parse_home(self, response: Response) -> Iterator[Request]:
        """Feeds the home page announces (or the usual feed paths), then its links."""
        if not isinstance(response, TextResponse):
            return
        feeds = response.xpath(_FEED_LINKS).getall()
        if not feeds:
            feeds = list(self._setting("NEWSCRAWL_FEED_PATHS", []))
        for feed in feeds:
            yield self._request(urljoin(response.url, feed), self.parse_feed, response.meta["site"])
        yield from self.parse_listing(response)

    def parse_listing(self, response: Response) -> Iterator[Request]:
        """Articles linked from a home or section page; deeper sections up to a bound."""
        if not isinstance(response, TextResponse):
            return
        site = response.meta["site"]
        depth = response.meta.get("listing_depth", 0)
        max_depth = self._setting("NEWSCRAWL_MAX_LISTING_DEPTH", 2)
        max_page = self._setting("NEWSCRAWL_MAX_PAGINATION", 5)
        for link in self._link_extractor.extract_links(response):
            url = link.url
            if request := self._article_request(url, site, "link", {}):
                yield request
            elif depth < max_depth and self.site_for(url) and self._is_listing(url, max_page):
                yield self._request(url, self.parse_listing, site, listing_depth=depth + 1)

    def _is_listing(self, url: str, max_page: int) -> bool:
        if is_excluded_url(url) or is_calendar_url(url) or is_article_url(url):
            return False
        page = pagination_number(url)
        return page is None or page <= max_page

    def _article_request(self, url: str, site: int, via: str, hints: dict[str, Any]) -> Request | None:
        if not url.startswith(("http://", "https://")) or is_excluded_url(url):
            return None
        # Links must look like stories; sitemaps and feeds are trusted to list articles, and
        # whatever they list that is not one is dropped by validation with a reason.
        if via == "link" and not is_article_url(url):
            return None
        if self.site_for(url) is None or not self.sites[site].allows_path(url):
            return None
        return self._request(url, self.parse_article, site, discovered_via=via,
                             hints={k: v for k, v in hints.items() if v})

    # --- articles ----------------------------------------------------------------------------
    def parse_article(self, response: Response) -> Iterator[Any]:
        """Hand the page to the pipelines as plain data."""
        if looks_binary(response.body):
            self.crawler.stats.inc_value("newscrawl/dropped/not-html")
            self.logger.info("not-html: binary content at %s", response.url)
            return
        site = self.sites[response.meta["site"]]
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        yield FetchedPage(
            url=response.request.url if response.request else response.url,
            final_url=response.url,
            status=response.status,
            headers={k.decode("latin-1").lower(): v[0].decode("latin-1")
                     for k, v in response.headers.items() if v},
            html=decode_html(response.body, content_type),
            fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            discovered_via=response.meta.get("discovered_via", "link"),
            hints=dict(response.meta.get("hints", {})),
            site_timezone=site.timezone,
        )
        if self._setting("NEWSCRAWL_FOLLOW_ARTICLE_LINKS", True) and isinstance(response, TextResponse):
            for link in self._link_extractor.extract_links(response):
                if request := self._article_request(link.url, response.meta["site"], "link", {}):
                    yield request
