"""End-of-crawl report: a table of drop reasons in the log, and the stats as JSON on disk."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)
DROP_PREFIX = "newscrawl/dropped/"


def drop_reasons(stats: dict[str, Any]) -> dict[str, int]:
    """Drop counts by reason code, largest first."""
    reasons = {k.removeprefix(DROP_PREFIX): int(v) for k, v in stats.items() if k.startswith(DROP_PREFIX)}
    return dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))


def format_report(stats: dict[str, Any]) -> str:
    """The summary table printed when a crawl ends."""
    reasons = drop_reasons(stats)
    lines = [f"articles written: {stats.get('newscrawl/articles', 0)}",
             f"pages dropped: {sum(reasons.values())}"]
    lines += [f"  {code:<28} {count:>6}" for code, count in reasons.items()]
    return "\n".join(lines)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


class CrawlReport:
    """Log the drop-reason table and write all stats to NEWSCRAWL_STATS_FILE when the spider closes."""

    def __init__(self, crawler: Crawler, stats_file: str | None) -> None:
        self.crawler, self.stats_file = crawler, stats_file

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Connect to spider_closed."""
        extension = cls(crawler, crawler.settings.get("NEWSCRAWL_STATS_FILE"))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Report and save the stats."""
        assert self.crawler.stats is not None
        stats = {k: _jsonable(v) for k, v in self.crawler.stats.get_stats().items()}
        logger.info("crawl summary (%s):\n%s", reason, format_report(stats))
        if self.stats_file:
            path = Path(self.stats_file)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".tmp")
            tmp.write_text(json.dumps({"finish_reason": reason, "dropped": drop_reasons(stats),
                                       "stats": stats}, indent=2, sort_keys=True), encoding="utf-8")
            tmp.replace(path)
