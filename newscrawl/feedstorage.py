"""Local feed files that a reader never sees half-written: write ``<name>.part``, rename when complete.

Registered for plain paths and ``file://`` URIs (FEED_STORAGES), so ``-O out.jsonl`` and the
default per-run feed both get it. A final name ending in ``.gz`` (or NEWSCRAWL_FEED_GZIP)
gives a gzip file: the ``.part`` file stays plain JSON Lines until the rename, because a
killed run's partial lines must stay readable for recovery (a torn gzip stream is not).
Scrapy's own ``postprocessing`` gzip plugin still works, but such a file is not tracked for
recovery after a kill.

Two signals let the archive pipeline make the index follow the disk: ``feed_file_opened``
(part path, final path, file object: flushed and fsync'ed before each index commit) and
``feed_file_committed``.
"""

from __future__ import annotations

import fcntl
import gzip
import os
import shutil
from pathlib import Path
from typing import IO, Any, Self

from scrapy import Spider
from scrapy.crawler import Crawler
from w3lib.url import file_uri_to_path

from .archive.recovery import publish

feed_file_opened = object()
feed_file_committed = object()


def gzip_feed_names(feeds: dict[str, Any]) -> dict[str, Any]:
    """FEEDS with ``.gz`` added to each local file name, for NEWSCRAWL_FEED_GZIP.

    Renaming the feed itself (not only the file on disk) keeps every consumer of FEEDS, Scrapy's
    "Stored ... feed" line and our stats file among them, naming the file that is written.

    >>> gzip_feed_names({"out.jsonl": {}, "s3://b/k.jsonl": {}, "x.jsonl.gz": {}})
    {'out.jsonl.gz': {}, 's3://b/k.jsonl': {}, 'x.jsonl.gz': {}}
    """
    def local(uri: str) -> bool:
        scheme = uri.split("://", 1)[0] if "://" in uri else ""
        return scheme in ("", "file")
    return {uri + ".gz" if local(uri) and not uri.endswith(".gz") and not (opts or {}).get("postprocessing")
            else uri: opts for uri, opts in feeds.items()}


class AtomicFileFeedStorage:
    """FeedStorage writing to a temporary ``.part`` name, renamed (and gzipped) only when complete."""

    def __init__(self, uri: str, *, feed_options: dict[str, Any] | None = None,
                 crawler: Crawler | None = None, gzip_output: bool = False) -> None:
        path = file_uri_to_path(uri) if uri.startswith("file:") else uri
        if gzip_output and not path.endswith(".gz"):
            path += ".gz"
        self.final = Path(path).absolute()
        self.part = self.final.with_name(self.final.name + ".part")
        self.overwrite = bool((feed_options or {}).get("overwrite", False))
        # A postprocessing plugin (Scrapy's gzip) buffers what we would fsync: such a file is not
        # tracked for recovery, so use NEWSCRAWL_FEED_GZIP when the output must survive a kill.
        self.tracked = not (feed_options or {}).get("postprocessing")
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler, uri: str, *, feed_options: dict[str, Any] | None = None) -> Self:
        """Read NEWSCRAWL_FEED_GZIP."""
        return cls(uri, feed_options=feed_options, crawler=crawler,
                   gzip_output=crawler.settings.getbool("NEWSCRAWL_FEED_GZIP"))

    def open(self, spider: Spider) -> IO[bytes]:
        """Open the .part file (with the old content when appending), locked while we write."""
        self.final.parent.mkdir(parents=True, exist_ok=True)
        file = self.part.open("wb")
        # The lock tells a later crawl this file has a live writer; the kernel drops it on death.
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        if not self.overwrite and self.final.exists():
            opener = gzip.open if self.final.suffix == ".gz" else open
            with opener(self.final, "rb") as old:
                shutil.copyfileobj(old, file)
        if self.tracked:
            self._send(feed_file_opened, file=file)
        return file

    def store(self, file: IO[bytes]) -> None:
        """Make the data durable, then publish it under the final name."""
        if not file.closed:
            file.flush()
            os.fsync(file.fileno())
            file.close()
        publish(self.part, self.final, compress=self.tracked and self.final.suffix == ".gz")
        if self.tracked:
            self._send(feed_file_committed)

    def _send(self, signal: object, **kwargs: Any) -> None:
        if self.crawler is not None:
            self.crawler.signals.send_catch_log(signal=signal, part=str(self.part),
                                                final=str(self.final), **kwargs)
