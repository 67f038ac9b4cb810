"""Resume after SIGKILL: set aside Scrapy's scheduler state in JOBDIR when the last run died.

Scrapy saves its request queue (``requests.queue/active.json``) only on a clean stop, but
appends to ``requests.seen`` as it goes. After a SIGKILL the queue comes back empty while the
dupefilter still remembers the start pages, so a plain resume does nothing at all. The archive
index is the durable state instead: it knows every article whose record reached a committed
output. So when the marker of the previous run is still there (it is removed on a clean
stop), this extension moves the scheduler state to ``JOBDIR/crashed-<time>/`` before the
scheduler loads it; discovery runs again, the index skips what was emitted, and the rest is
fetched. A clean pause (one Ctrl-C) keeps Scrapy's own resume, which is exact.
"""

from __future__ import annotations

import fcntl
import logging
import os
import time
from pathlib import Path
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.job import job_dir

logger = logging.getLogger(__name__)
MARKER = "newscrawl.running"
SCHEDULER_STATE = ("requests.seen", "requests.queue")


def set_aside_crashed_state(jobdir: Path) -> Path | None:
    """Move the scheduler state of a run that died to ``crashed-<time>/``; the folder, or None."""
    present = [jobdir / name for name in SCHEDULER_STATE if (jobdir / name).exists()]
    if not present:
        return None
    target = jobdir / time.strftime("crashed-%Y%m%dT%H%M%S")
    target.mkdir(exist_ok=True)
    for path in present:
        path.rename(target / path.name)
    return target


class JobdirGuard:
    """Mark JOBDIR as in use; after an unclean stop, resume from the index, not the lost queue."""

    def __init__(self, jobdir: Path) -> None:
        jobdir.mkdir(parents=True, exist_ok=True)
        marker = jobdir / MARKER
        crashed = marker.exists()
        self._fd = os.open(marker, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._fd)
            raise RuntimeError(f"JOBDIR {jobdir} is in use by a running crawl: give each crawl its "
                               "own -s JOBDIR=... (or none)") from None
        self.marker = marker
        if crashed and (moved := set_aside_crashed_state(jobdir)):
            logger.warning("the previous run in %s did not stop cleanly; its scheduler state was moved "
                           "to %s and the crawl resumes from the archive index", jobdir, moved)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Only with a JOBDIR, and only when the archive index can carry the resume."""
        jobdir = job_dir(crawler.settings)
        if not jobdir:
            raise NotConfigured  # no JOBDIR: nothing to guard (no message: Scrapy would warn)
        if not crawler.settings.getbool("NEWSCRAWL_INDEX_ENABLED", True):
            raise NotConfigured  # the index carries the resume; without it Scrapy's JOBDIR is all there is
        guard = cls(Path(jobdir))
        crawler.signals.connect(guard.spider_closed, signal=signals.spider_closed)
        return guard

    def spider_closed(self, spider: Any, reason: str) -> None:
        """A clean stop: Scrapy saved its queue, so the next run may trust it."""
        self.marker.unlink(missing_ok=True)
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        os.close(self._fd)
