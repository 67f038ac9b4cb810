"""What the news spider requests, and when: the crawl's admission policy, without the engine.

The spider discovers URLs (sitemaps, feeds, listings, links inside stories) and asks this module
what to do with each: request it as an article, follow it as a listing (at which depth and page),
keep it for the link phase, or leave it. Plain data in, a decision out, so each rule is tested
without a reactor. ``CrawlPolicy`` holds the settings, read once when the spider is built;
``PageCap`` and ``LinkSourceLedger`` hold what one process has decided so far. Crawl-wide facts
(phases, deferred links, how many articles a site's sitemaps listed) live in ``CrawlState``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Self
from urllib.parse import urljoin

from .crawl_state import LINKS
from .discover.pagination import page_number
from .discover.urls import is_article_url, is_calendar_url, is_excluded_url, pagination_number
from .settings_table import setting_value
from .sites import Site, SiteIndex

LINK = "link"  # discovered_via of a URL found on a page (not listed by a sitemap or feed)


@dataclass(frozen=True, kw_only=True)
class CrawlPolicy:
    """The discovery settings of one crawl, read once by ``from_settings`` (their defaults are
    stated in ``settings_table.SETTINGS``, nowhere else)."""

    max_listing_depth: int
    """NEWSCRAWL_MAX_LISTING_DEPTH: link hops through section pages from the home page."""
    max_pagination: int
    """NEWSCRAWL_MAX_PAGINATION: pages of one listing followed."""
    max_pages_per_site: int
    """NEWSCRAWL_MAX_PAGES_PER_SITE: article URLs requested per site; 0 = no cap."""
    max_deferred_links: int
    """NEWSCRAWL_MAX_DEFERRED_LINKS: links kept for the link phase, over the crawl."""
    follow_article_links: bool | str
    """NEWSCRAWL_FOLLOW_ARTICLE_LINKS: True, False or "auto"."""
    sitemap_paths: tuple[str, ...]
    """NEWSCRAWL_SITEMAP_PATHS: tried when robots.txt names no sitemap."""
    feed_paths: tuple[str, ...]
    """NEWSCRAWL_FEED_PATHS: tried when the home page announces no feed."""
    render_javascript: bool
    """NEWSCRAWL_RENDER_JAVASCRIPT: article requests carry meta["playwright"]."""
    obey_robots: bool
    """ROBOTSTXT_OBEY: the robots middleware downloads robots.txt (and hands us its Sitemap lines)."""
    max_sitemap_bytes: int
    """DOWNLOAD_MAXSIZE: a gzip sitemap is inflated up to this (0: no limit)."""
    # What ``scrapy parse`` (NewsSpider.parse) extracts and validates with, as the pipelines do:
    default_tz: str | None
    """NEWSCRAWL_DEFAULT_TZ."""
    min_year: int
    """NEWSCRAWL_MIN_YEAR."""
    min_body_chars: int
    """NEWSCRAWL_MIN_BODY_CHARS."""

    @classmethod
    def from_settings(cls, settings: Any) -> Self:
        """The policy of a crawl's settings (Scrapy ``BaseSettings``)."""
        def read(name: str) -> Any:
            return setting_value(settings, name)

        return cls(max_listing_depth=read("NEWSCRAWL_MAX_LISTING_DEPTH"),
                   max_pagination=read("NEWSCRAWL_MAX_PAGINATION"),
                   max_pages_per_site=read("NEWSCRAWL_MAX_PAGES_PER_SITE"),
                   max_deferred_links=read("NEWSCRAWL_MAX_DEFERRED_LINKS"),
                   follow_article_links=read("NEWSCRAWL_FOLLOW_ARTICLE_LINKS"),
                   sitemap_paths=tuple(read("NEWSCRAWL_SITEMAP_PATHS")),
                   feed_paths=tuple(read("NEWSCRAWL_FEED_PATHS")),
                   render_javascript=read("NEWSCRAWL_RENDER_JAVASCRIPT"),
                   obey_robots=settings.getbool("ROBOTSTXT_OBEY"),
                   max_sitemap_bytes=settings.getint("DOWNLOAD_MAXSIZE"),
                   default_tz=read("NEWSCRAWL_DEFAULT_TZ"), min_year=read("NEWSCRAWL_MIN_YEAR"),
                   min_body_chars=read("NEWSCRAWL_MIN_BODY_CHARS"))

    # --- phases and sources -----------------------------------------------------------------
    @staticmethod
    def defers_links(phase: int) -> bool:
        """Links found before the link phase wait for it, so a sitemap or feed is credited first."""
        return phase < LINKS

    def sitemaps_to_read(self, site: Site, named: Iterable[str]) -> list[str]:
        """The sitemaps robots.txt named; the usual paths of the site when it named none."""
        return [url for url in named if url] or [urljoin(site.url, path) for path in self.sitemap_paths]

    def feeds_to_read(self, site: Site, announced: Iterable[str]) -> list[str]:
        """The feeds the home page announced; the usual paths of the site when it announced none."""
        return list(announced) or [urljoin(site.url, path) for path in self.feed_paths]

    def follows_article_links(self, listed: int) -> bool:
        """Whether story links inside articles are queued, for a site whose sitemaps and feeds
        listed ``listed`` articles so far: "auto" only when they listed none (they are the site's
        own list of its stories, and reading every link of every story costs more CPU than the
        rest of the crawl)."""
        if self.follow_article_links == "auto":
            return listed == 0
        return bool(self.follow_article_links)

    # --- listings ---------------------------------------------------------------------------
    def is_listing(self, url: str, sites: SiteIndex) -> bool:
        """A section page worth following: on a site, not a trap (calendar, excluded, too deep a page)."""
        if not sites.site_for(url) or is_excluded_url(url) or is_calendar_url(url) or is_article_url(url):
            return False
        page = pagination_number(url)
        return page is None or page <= self.max_pagination

    def follows_listing(self, url: str, depth: int, sites: SiteIndex) -> bool:
        """Whether a link found at listing ``depth`` is followed as a listing one level deeper."""
        return depth < self.max_listing_depth and self.is_listing(url, sites)

    def next_page(self, url: str, current: int) -> int | None:
        """The page number of ``url``, a next page of a listing at page ``current``; None past
        NEWSCRAWL_MAX_PAGINATION (a page 2 keeps the listing's depth: it is the same list cut
        in pieces, not one more section level down)."""
        number = page_number(url) or current + 1
        return number if number <= self.max_pagination else None


def current_page(url: str, page: int | None) -> int:
    """The page a listing response is (as requested, else as its URL says, else 1)."""
    return page or page_number(url) or 1


def is_next_page_candidate(url: str, sites: SiteIndex) -> bool:
    """A next-page link worth following: on a site, not excluded, not a story."""
    return bool(sites.site_for(url)) and not is_excluded_url(url) and not is_article_url(url)


def admits_article(url: str, via: str, site: Site, sites: SiteIndex) -> bool:
    """Whether ``url``, listed by ``via`` for ``site``, is requested as an article.

    Links must look like stories; sitemaps and feeds are trusted to list articles, and whatever
    they list that is not one is dropped by validation with a reason.
    """
    if not url.startswith(("http://", "https://")) or is_excluded_url(url):
        return False
    if via == LINK and not is_article_url(url):
        return False
    return sites.site_for(url) is not None and site.allows_path(url)


class CapVerdict(Enum):
    """What ``PageCap.admit`` decided."""

    ADMITTED = "admitted"
    CAPPED_FIRST = "capped-first"  # the site's first URL over the cap: say so once, at INFO
    CAPPED = "capped"              # a further new URL over the cap: count it
    CAPPED_AGAIN = "capped-again"  # a URL refused before: nothing new to count


@dataclass
class PageCap:
    """NEWSCRAWL_MAX_PAGES_PER_SITE: the article URLs each site may have requested (0: no cap)."""

    cap: int
    _admitted: dict[str, set[str]] = field(default_factory=dict)
    _capped: dict[str, set[str]] = field(default_factory=dict)

    def admit(self, host: str, url: str) -> CapVerdict:
        """Admit ``url`` (canonical) for ``host`` while the site is under its cap; a URL
        admitted once is admitted again (the dupefilter has the last word on repeats)."""
        seen = self._admitted.setdefault(host, set())
        if not self.cap or url in seen or len(seen) < self.cap:
            seen.add(url)
            return CapVerdict.ADMITTED
        capped = self._capped.setdefault(host, set())
        if url in capped:
            return CapVerdict.CAPPED_AGAIN
        capped.add(url)
        return CapVerdict.CAPPED_FIRST if len(capped) == 1 else CapVerdict.CAPPED


@dataclass
class LinkSourceLedger:
    """Requests of a budgeted link source (LinkSourceBudgetMiddleware) may be dropped unsent after
    the dupefilter has seen them: one that a listing links too is then sent anyway."""

    _budgeted: set[str] = field(default_factory=set)  # queued with a link source, not answered yet
    _unsent: set[str] = field(default_factory=set)    # dropped unsent
    _wanted: set[str] = field(default_factory=set)    # budgeted, and linked by a listing meanwhile

    def queued(self, url: str, budgeted: bool) -> bool:
        """``url`` is being queued (with a link source if ``budgeted``): True if the dupefilter
        must let it through, as its earlier budgeted request was dropped unsent."""
        if budgeted:
            self._budgeted.add(url)
        elif url in self._unsent:
            self._unsent.discard(url)
            return True
        elif url in self._budgeted:
            self._wanted.add(url)
        return False

    def answered(self, url: str) -> None:
        """A response (or a failure) came for ``url``."""
        self._budgeted.discard(url)

    def dropped_unsent(self, url: str) -> bool:
        """The budget dropped ``url`` unsent: True if a listing wants it, so it is sent anyway
        (without its link source); else it is remembered for a later listing link."""
        self._budgeted.discard(url)
        if url in self._wanted:
            self._wanted.discard(url)
            return True
        self._unsent.add(url)
        return False

