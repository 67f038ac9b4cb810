"""End-of-crawl report: a table of drop reasons in the log, and the stats as JSON on disk."""

from __future__ import annotations

import json
import logging
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler

from ..logs import demote_scrapy_dumps

logger = logging.getLogger(__name__)
DROP_PREFIX = "newscrawl/dropped/"


DISCOVERY_PREFIX = "newscrawl/discovery/failed/"
REPORT_FAILED = "newscrawl/report/failed"


def drop_reasons(stats: dict[str, Any], prefix: str = DROP_PREFIX) -> dict[str, int]:
    """Drop counts by reason code, largest first."""
    reasons = {k.removeprefix(prefix): int(v) for k, v in stats.items() if k.startswith(prefix)}
    return dict(sorted(reasons.items(), key=lambda kv: (-kv[1], kv[0])))


def archive_lines(stats: dict[str, Any], index_path: str | None) -> list[str]:
    """What the archive index did: new, updated, unchanged and skipped articles, and, when it
    kept every known article out of the output, a line that says so and how to get them all.

    >>> print("\\n".join(archive_lines({"newscrawl/archive/new": 0, "newscrawl/archive/unchanged": 2,
    ...                                  "newscrawl/incremental/skipped": 10}, "output/index.sqlite")))
    archive index output/index.sqlite: 0 new, 0 updated, 2 unchanged (not written), 10 known and fresh (not fetched)
    nothing new to write: every article found is already in the archive index; -s NEWSCRAWL_INDEX_ENABLED=False writes a full copy
    """
    if index_path is None:
        return []
    new, updated = (int(stats.get(f"newscrawl/archive/{kind}", 0)) for kind in ("new", "updated"))
    unchanged = int(stats.get("newscrawl/archive/unchanged", 0))
    skipped = int(stats.get("newscrawl/incremental/skipped", 0))
    lines = [f"archive index {index_path}: {new} new, {updated} updated, {unchanged} unchanged "
             f"(not written), {skipped} known and fresh (not fetched)"]
    if not stats.get("item_scraped_count") and (unchanged or skipped):
        lines.append("nothing new to write: every article found is already in the archive index; "
                     "-s NEWSCRAWL_INDEX_ENABLED=False writes a full copy")
    return lines


def format_report(stats: dict[str, Any], index_path: str | None = None, outputs: list[str] | None = None) -> str:
    """The summary table printed when a crawl ends.

    >>> print(format_report({"item_scraped_count": 3, "newscrawl/dropped/timeout": 2,
    ...                      "newscrawl/discovery/failed/http-503": 1, "newscrawl/robots/unavailable": 1,
    ...                      "elapsed_time_seconds": 83.4}, outputs=["output/news/news-1.jsonl"]))
    elapsed: 1m 23s
    articles written: 3 to output/news/news-1.jsonl
    pages dropped: 2
      timeout                           2
    discovery sources failed: 1
      http-503                          1
    sites skipped (robots.txt unavailable): 1
    """
    reasons = drop_reasons(stats)
    # item_scraped_count is what reached the output; the pipelines' own counters run before dedupe.
    lines = []
    if (elapsed := stats.get("elapsed_time_seconds")) is not None:
        minutes, seconds = divmod(round(float(elapsed)), 60)
        lines.append(f"elapsed: {minutes}m {seconds:02d}s" if minutes else f"elapsed: {seconds}s")
    written = f"articles written: {stats.get('item_scraped_count', 0)}"
    lines += [written + (f" to {', '.join(outputs)}" if outputs else ""), *archive_lines(stats, index_path),
              f"pages dropped: {sum(reasons.values())}"]
    lines += [f"  {code:<28} {count:>6}" for code, count in reasons.items()]
    if discovery := drop_reasons(stats, DISCOVERY_PREFIX):
        lines.append(f"discovery sources failed: {sum(discovery.values())}")
        lines += [f"  {code:<28} {count:>6}" for code, count in discovery.items()]
    if skipped := stats.get("newscrawl/robots/unavailable"):
        lines.append(f"sites skipped (robots.txt unavailable): {skipped}")
    return "\n".join(lines)


def _shown_uri(uri: str) -> str:
    """A local feed as the path the user typed; other storage as its URI."""
    return uri.removeprefix("file://") if uri.startswith("file:///") else uri


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


_FEED_SUFFIXES = (".gz", ".jsonl", ".jl", ".json", ".csv", ".xml", ".part")


def stats_path_for(feed_uri: str) -> Path | None:
    """Where the report of a crawl writing ``feed_uri`` goes: beside it, as <name>.stats.json.

    >>> str(stats_path_for("file:///data/news-2024.jsonl.gz"))
    '/data/news-2024.stats.json'
    >>> stats_path_for("s3://bucket/news.jsonl") is None
    True
    """
    parts = urlsplit(feed_uri)
    if parts.scheme not in {"", "file"} and len(parts.scheme) > 1:
        return None  # remote storage: set NEWSCRAWL_STATS_FILE to keep the report
    path = Path(parts.path if parts.scheme == "file" else feed_uri)
    name = path.name
    while name.endswith(_FEED_SUFFIXES):
        name = name.rsplit(".", 1)[0]
    return path.with_name(f"{name}.stats.json")


def write_report(path: Path, reason: str, stats: dict[str, Any]) -> None:
    """Write the drop table and every stat as JSON, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps({"finish_reason": reason, "dropped": drop_reasons(stats), "stats": stats},
                              indent=2, sort_keys=True), encoding="utf-8")
    tmp.replace(path)


class CrawlReport:
    """Log the drop-reason table when the spider closes; write all stats as JSON to
    NEWSCRAWL_STATS_FILE, or else next to the output file (``out.jsonl`` -> ``out.stats.json``)."""

    def __init__(self, crawler: Crawler, stats_file: str | None) -> None:
        self.crawler, self.stats_file = crawler, stats_file
        self.reason = "finished"
        self.feed_uris: list[str] = []
        self.summary_pending = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Connect to spider_closed and to the feed exporter's signals."""
        demote_scrapy_dumps()  # scrapyd and scripts do not run our crawl command
        extension = cls(crawler, crawler.settings.get("NEWSCRAWL_STATS_FILE"))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(extension.feed_slot_closed, signal=signals.feed_slot_closed)
        crawler.signals.connect(extension.feed_exporter_closed, signal=signals.feed_exporter_closed)
        return extension

    def _stats(self) -> dict[str, Any]:
        assert self.crawler.stats is not None
        return {k: _jsonable(v) for k, v in self.crawler.stats.get_stats().items()}

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Log the summary (once the feeds are stored, when there are feeds: it names them);
        save the stats to NEWSCRAWL_STATS_FILE when it is set."""
        self.reason = reason
        if self.stats_file:
            self._write(Path(self.stats_file))
        if self.crawler.settings.getdict("FEEDS"):
            self.summary_pending = True
        else:
            self._log_summary()

    def _log_summary(self) -> None:
        settings = self.crawler.settings
        index = settings.get("NEWSCRAWL_INDEX_PATH") if settings.getbool("NEWSCRAWL_INDEX_ENABLED") else None
        outputs = [_shown_uri(uri) for uri in self.feed_uris]
        logger.info("crawl summary (%s):\n%s", self.reason, format_report(self._stats(), index, outputs))

    def feed_slot_closed(self, slot: Any) -> None:
        """Remember where a feed was written."""
        self.feed_uris.append(str(slot.uri))

    def feed_exporter_closed(self) -> None:
        """The summary; without NEWSCRAWL_STATS_FILE, the stats beside the first local output file."""
        if self.summary_pending:
            self.summary_pending = False
            self._log_summary()
        if self.stats_file:
            return
        for uri in self.feed_uris:
            if path := stats_path_for(uri):
                if self._write(path):
                    logger.info("crawl report written to %s", path)
                return

    def _write(self, path: Path) -> bool:
        """Write the report; a failure is one error line and a stat the exit status reads."""
        try:
            write_report(path, self.reason, self._stats())
        except OSError as exc:
            assert self.crawler.stats is not None
            self.crawler.stats.set_value(REPORT_FAILED, 1)
            logger.error("crawl report could not be written to %s: %s", path, exc.strerror or exc)
            return False
        return True
