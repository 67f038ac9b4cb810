"""Raw date strings -> ISO 8601 with the page's offset (or the site's configured zone)."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from ..items import Article
from ..normalize.article import normalize_dates
from ..normalize.dates import DateOptions, validate_timezone


class NormalizeDatesPipeline:
    """Normalize datePublished/dateModified; count what was parsed, assumed or rejected."""

    def __init__(self, *, default_tz: str | None, min_year: int, stats: StatsCollector,
                 crawler: Crawler | None = None) -> None:
        if default_tz:
            validate_timezone(default_tz)
        self.default_tz, self.min_year, self.stats, self.crawler = default_tz, min_year, stats, crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read NEWSCRAWL_DEFAULT_TZ and NEWSCRAWL_MIN_YEAR."""
        try:
            return cls(default_tz=crawler.settings.get("NEWSCRAWL_DEFAULT_TZ"),
                       min_year=crawler.settings.getint("NEWSCRAWL_MIN_YEAR", 1995),
                       stats=crawler.stats, crawler=crawler)
        except ValueError as exc:
            raise ValueError(f"NEWSCRAWL_DEFAULT_TZ: {exc}") from exc

    def _options_for(self, url: str) -> DateOptions:
        site = None
        spider = getattr(self.crawler, "spider", None)
        if spider is not None and hasattr(spider, "site_for"):
            site = spider.site_for(url)
        return DateOptions(
            default_tz=(site.timezone if site and site.timezone else self.default_tz),
            day_first=site.day_first if site else None,
            min_year=self.min_year,
        )

    def process_item(self, item: Any) -> Any:
        """Fill the normalized date fields of an Article."""
        if isinstance(item, Article):
            for event in normalize_dates(item, self._options_for(item.url)):
                self.stats.inc_value(f"newscrawl/dates/{event}")
        return item
