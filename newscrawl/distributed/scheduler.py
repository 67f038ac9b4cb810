"""scrapy-redis' scheduler with leased pops, acknowledged when the engine is done with a request.

"Done" is when Scrapy's engine drops the request from its in-progress set: after the
download, the callback, and the item pipelines (feed export included) of everything the
response yielded, and after a redirect or retry has been queued. Scrapy has no signal for
that moment, so a timer compares our leases with ``engine._slot.inprogress`` every
``lease / 3`` seconds (at most 1 s); the same timer renews the leases still in flight and re-queues the
expired leases of dead workers. Before an acknowledgement the feed files are flushed, so
the records of an acknowledged request are on disk even if the worker is killed next. Upstream would need: a ``request_finished`` signal (or a
scheduler hook) in Scrapy, and a reliable (leasing) queue in scrapy-redis.
"""

from __future__ import annotations

import logging
from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.extensions.feedexport import FeedExporter
from scrapy.utils.asyncio import create_looping_call
from scrapy_redis.scheduler import Scheduler

from .queue import LeasedPriorityQueue

logger = logging.getLogger(__name__)


def flush_feeds(crawler: Crawler) -> None:
    """Hand the feed files' buffered lines to the OS, so they outlive a killed worker."""
    for extension in crawler.extensions.middlewares:
        if isinstance(extension, FeedExporter):
            for slot in extension.slots:
                if slot.file is not None and not slot.file.closed:
                    slot.file.flush()


class ReliableScheduler(Scheduler):
    """Shared frontier and dupefilter in Redis; every popped request is leased until done."""

    queue: LeasedPriorityQueue

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """The scrapy-redis scheduler, plus the lease settings and the crawler."""
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.lease_seconds = crawler.settings.getfloat("NEWSCRAWL_REDIS_LEASE")
        scheduler.max_requeues = crawler.settings.getint("NEWSCRAWL_REDIS_MAX_REQUEUES")
        return scheduler

    def open(self, spider: Any) -> None:
        """Open the queue and start the lease timer."""
        super().open(spider)
        if not isinstance(self.queue, LeasedPriorityQueue):
            raise ValueError(f"SCHEDULER_QUEUE_CLASS = {self.queue_cls}: ReliableScheduler "
                             "needs newscrawl.distributed.queue.LeasedPriorityQueue")
        self.queue.lease_ms = int(self.lease_seconds * 1000)
        self.queue.max_requeues = self.max_requeues
        self._timer = create_looping_call(self.tend_leases)
        # At least once a second: an idle worker polls the shared queue only at Scrapy's 5 s
        # heartbeat, so the timer also wakes the engine when other workers queued requests.
        self._timer.start(min(max(self.lease_seconds / 3, 0.1), 1.0), now=False)

    def close(self, reason: str) -> None:
        """Stop the timer; acknowledge what is done (a request still held returns to the queue)."""
        if self._timer.running:
            self._timer.stop()
        self.tend_leases()
        super().close(reason)

    def tend_leases(self) -> None:
        """Acknowledge finished requests, renew the others, re-queue dead workers' leases."""
        engine = self.crawler.engine
        in_progress = engine._slot.inprogress if engine and engine._slot else set()
        done = [m for m, request in self.queue.leases.items() if request not in in_progress]
        if done:
            flush_feeds(self.crawler)  # their records are in the feed: on disk before the ack
        self.queue.ack(done)
        self.queue.renew()
        requeued, dropped = self.queue.requeue_expired()
        if self.stats and done:
            self.stats.inc_value("newscrawl/redis/acked", len(done))
            if requeued:
                self.stats.inc_value("newscrawl/redis/requeued", requeued)
            if dropped:
                self.stats.inc_value("newscrawl/dropped/lease-expired-too-often", dropped)
        if engine and engine._slot and len(self.queue):
            engine._slot.nextcall.schedule()
        if requeued or dropped:
            logger.info("Re-queued %s requests of dead workers (%s given up)", requeued, dropped)

    def enqueue_request(self, request: Any) -> bool:
        """Queue a request unless the shared dupefilter has seen it (one atomic step: see push_unseen)."""
        if request.dont_filter:
            self.queue.push(request)
        elif not self.queue.push_unseen(request, self.df.request_fingerprint(request), self.df.key):
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")  # scrapy-redis passes spider=: deprecated
        return True

    def next_request(self) -> Any:
        """Lease the next request of the shared queue."""
        request = self.queue.pop()
        if request is not None:
            self.stats.inc_value("scheduler/dequeued/redis")
        return request

    def has_pending_requests(self) -> bool:
        """Requests wait in the shared queue."""
        return len(self.queue) > 0

    def frontier_size(self) -> int:
        """Queued plus leased requests of every worker: zero only when the run is over."""
        return len(self.queue) + self.queue.in_flight()
