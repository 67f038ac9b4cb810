"""Version, change type and near-duplicates of every record, against the archive index.

Runs last (after dedupe). A record whose fingerprint (normalized headline, body and
dateModified) matches the index is unchanged: dropped with reason ``unchanged`` unless
NEWSCRAWL_EMIT_UNCHANGED. Otherwise it leaves as ``new`` (version 1) or ``updated`` (version
n + 1). The same content on another URL of the same host is the same article (an alias, one
record); similar content elsewhere (syndicated wire copy) is emitted with ``duplicateOf``.

Index writes wait until the record's line is in the output: the pipeline listens to
``item_scraped`` (after the feed exporter, which connected first) and, every
NEWSCRAWL_INDEX_COMMIT_EVERY records and at the end, fsyncs the open feed files, then commits
the batch. So the index never claims a record the disk lacks; recovery.py covers the rest.
"""

from __future__ import annotations

import logging
import os
import time
from datetime import datetime
from typing import IO, Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from .. import feedstorage
from scrapy.exceptions import NotConfigured

from ..archive.backend import open_index
from ..archive.decision import Decision, Pending, decide
from ..archive.fetchlog import FetchLog, fetch_log
from ..archive.index import ArchiveIndex, ArticleWrite, FetchFacts
from ..archive.recovery import recover_output, write_for_record
from ..archive.sqlite import host_of
from ..discover.urls import canonical_request_url
from ..items import Article
from .digests import DIGESTS

logger = logging.getLogger(__name__)


def _fetched_at(article: Article) -> int:
    if article.metadata and article.metadata.dateDownloaded:
        return int(datetime.fromisoformat(article.metadata.dateDownloaded.replace("Z", "+00:00")).timestamp())
    return int(time.time())


class ArchivePipeline:
    """Give each Article its version, changeType and duplicateOf; keep the index in step with the output."""

    def __init__(self, *, index: ArchiveIndex, stats: StatsCollector, log: FetchLog, emit_unchanged: bool,
                 near_threshold: float, commit_every: int) -> None:
        self.index, self.stats, self.log = index, stats, log
        self.emit_unchanged, self.commit_every = emit_unchanged, commit_every
        self.pending = Pending(index, near_threshold)  # its writes: decided, not yet in the index
        self._uncommitted: dict[str, ArticleWrite] = self.pending.writes
        self._waiting: dict[int, str] = {}  # id(item) -> key, until the item is exported
        self._ready: list[str] = []  # keys exported, to commit with the next batch
        self._files: dict[str, IO[bytes]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Open the index and take its crawl lock (IndexBusy when another crawl has it)."""
        settings = crawler.settings
        index = open_index(settings)
        if index is None:
            raise NotConfigured  # NEWSCRAWL_INDEX_ENABLED is off: every record is written
        index.acquire(f"crawl '{crawler.spidercls.name}'", settings.getfloat("NEWSCRAWL_INDEX_LOCK_WAIT", 0))
        assert crawler.stats is not None
        pipeline = cls(index=index, stats=crawler.stats, log=fetch_log(crawler),
                       emit_unchanged=settings.getbool("NEWSCRAWL_EMIT_UNCHANGED"),
                       near_threshold=settings.getfloat("NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD", 0.8),
                       commit_every=max(1, settings.getint("NEWSCRAWL_INDEX_COMMIT_EVERY", 20)))
        for handler, signal in ((pipeline.item_scraped, signals.item_scraped),
                                (pipeline.item_dropped, signals.item_dropped),
                                (pipeline.item_dropped, signals.item_error),
                                (pipeline.engine_stopped, signals.engine_stopped),
                                (pipeline.feed_opened, feedstorage.feed_file_opened),
                                (pipeline.feed_committed, feedstorage.feed_file_committed)):
            crawler.signals.connect(handler, signal=signal)
        return pipeline

    # --- lifecycle ---------------------------------------------------------------------------
    def open_spider(self) -> None:
        """Publish and replay the output of any earlier run that died before finishing it."""
        for part, final in self.index.open_outputs():
            recovered = recover_output(part, final)
            if recovered and recovered.records:
                self.index.commit([write_for_record(r, int(time.time())) for r in recovered.records])
                self.stats.inc_value("newscrawl/archive/recovered", len(recovered.records))
                logger.warning("recovered %d records of an interrupted run into %s",
                               len(recovered.records), final)
            self.index.close_output(part)

    def close_spider(self) -> None:
        """Commit the last batch."""
        self._commit()

    def engine_stopped(self) -> None:
        """Close the index (after the feeds were renamed), releasing the crawl lock."""
        self.index.close()

    def feed_opened(self, part: str, final: str, file: IO[bytes]) -> None:
        """Track an output file: fsync'ed before each commit, recovered if we die."""
        self._files[part] = file
        self.index.register_output(part, final)

    def feed_committed(self, part: str, final: str) -> None:
        """The output was renamed: nothing to recover any more."""
        self._files.pop(part, None)
        self.index.close_output(part)

    # --- records -----------------------------------------------------------------------------
    def item_scraped(self, item: Any) -> None:
        """The feed exporter has written the item: it may go to the index with the next batch."""
        if (key := self._waiting.pop(id(item), None)) is not None:
            self._ready.append(key)
            if len(self._ready) >= self.commit_every:
                self._commit()

    def item_dropped(self, item: Any) -> None:
        """A stage refused the item: forget its write; a known URL still records its fetch."""
        if (key := self._waiting.pop(id(item), None)) is not None:
            self._uncommitted.pop(key, None)
        url = getattr(item, "final_url", None) or getattr(item, "url", None)
        request_url, facts = self.log.pop(url) if url else (None, None)
        if facts is not None and request_url:
            # else a page that stopped being an article would be re-fetched on every run
            self.index.touch(request_url, facts)

    def _commit(self) -> None:
        if not self._ready:
            return
        for file in self._files.values():
            if not file.closed:
                file.flush()
                os.fsync(file.fileno())
        self.index.commit([self._uncommitted.pop(key) for key in self._ready if key in self._uncommitted])
        self._ready.clear()

    def process_item(self, item: Any) -> Any:
        """Set version/changeType/duplicateOf, or drop an unchanged re-fetch."""
        if not isinstance(item, Article):
            return item
        request_url, facts = self.log.pop(item.url)
        facts = facts or FetchFacts(fetched_at=_fetched_at(item))
        aliases = tuple(dict.fromkeys(canonical_request_url(u) for u in (request_url, item.url) if u))
        decision = decide(url=item.url, canonical_url=item.canonicalUrl, headline=item.headline,
                          body=item.articleBody, date_modified=item.dateModified, known=self.pending,
                          digest=DIGESTS.take(item))  # computed by the extraction worker
        if decision.change == "duplicate-content":
            self.stats.inc_value("newscrawl/dropped/duplicate-content")
            raise DropItem(f"duplicate-content: same article as {decision.key} at {item.url}")
        if decision.change == "unchanged":
            return self._unchanged(item, decision, facts, aliases)
        item.version, item.changeType, item.duplicateOf = decision.version, decision.change, decision.duplicate_of
        if item.duplicateOf:
            self.stats.inc_value("newscrawl/archive/near-duplicate")
        self.stats.inc_value(f"newscrawl/archive/{item.changeType}")
        self._uncommitted[decision.key] = ArticleWrite(
            key=decision.key, url=item.url, host=host_of(item.url), fingerprint=decision.fingerprint,
            version=decision.version, fetch=facts, date_modified=item.dateModified, signature=decision.signature,
            aliases=aliases)
        self._waiting[id(item)] = decision.key
        return item

    def _unchanged(self, item: Article, decision: Decision, facts: FetchFacts, aliases: tuple[str, ...]) -> Any:
        entry = decision.entry
        assert entry is not None  # an unchanged record is one the archive has
        self.index.touch(entry.key, facts)
        for alias in aliases:
            self.index.add_alias(alias, entry.key)
        self.stats.inc_value("newscrawl/archive/unchanged")
        if not self.emit_unchanged:
            self.stats.inc_value("newscrawl/dropped/unchanged")
            raise DropItem(f"unchanged: version {entry.version} at {item.url}")
        item.version, item.changeType = entry.version, "unchanged"
        return item
