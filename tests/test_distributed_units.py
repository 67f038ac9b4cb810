"""The Redis pieces one by one, against a real redis-server: add-on, leases, delay, dedupe."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
import uuid
from typing import Any

import pytest
import redis
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy import Request, Spider
from scrapy.exceptions import DropItem
from scrapy.settings import Settings
from scrapy.statscollectors import StatsCollector
from scrapy.utils.test import get_crawler

from newscrawl.distributed.addon import RedisAddon
from newscrawl.distributed.dedupe import SharedDeduplicatePipeline
from newscrawl.distributed.polite import SharedDelayMiddleware
from newscrawl.distributed.queue import LeasedPriorityQueue
from newscrawl.distributed.scheduler import ReliableScheduler
from newscrawl.items import Article, Metadata
from redis_fixture import redis_url  # noqa: F401 - the session fixture

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _Spider(Spider):
    name = "news"

    def parse(self, response: Any) -> None:
        """Unused."""


@pytest.fixture
def server(redis_url: str) -> redis.Redis:  # noqa: F811
    """A client of the session's redis-server."""
    return redis.Redis.from_url(redis_url)


@pytest.fixture
def key() -> str:
    """A key prefix of its own for each test."""
    return f"test:{uuid.uuid4().hex[:8]}"


def test_without_the_url_scrapy_redis_and_our_redis_parts_stay_unimported() -> None:
    code = ("import sys; from scrapy.utils.reactor import install_reactor;"
            "install_reactor('twisted.internet.asyncioreactor.AsyncioSelectorReactor');"
            "from scrapy.utils.test import get_crawler; from newscrawl.spiders.news import NewsSpider;"
            "from scrapy.utils.project import get_project_settings;"
            "c = get_crawler(NewsSpider, get_project_settings().copy_to_dict());"
            "import newscrawl.pipelines.archive, newscrawl.feedstorage, newscrawl.extensions.report;"
            "ours = sorted(m for m in sys.modules if m.startswith('newscrawl.distributed.'));"
            "print(c.settings['SCHEDULER'], 'scrapy_redis' in sys.modules, 'redis' in sys.modules, *ours)")
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": ROOT}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["scrapy.core.scheduler.Scheduler", "False", "False", "newscrawl.distributed.addon"]


def test_the_url_switches_scheduler_dupefilter_stats_and_adds_the_shared_parts() -> None:
    settings = Settings({"NEWSCRAWL_REDIS_URL": "redis://127.0.0.1:1/0", "NEWSCRAWL_REDIS_KEY": "k",
                         "ITEM_PIPELINES": {"newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline": 500}})
    RedisAddon().update_settings(settings)
    assert settings["SCHEDULER"] == "newscrawl.distributed.scheduler.ReliableScheduler"
    assert settings["DUPEFILTER_CLASS"] == "scrapy_redis.dupefilter.RFPDupeFilter"
    assert settings["STATS_CLASS"] == "newscrawl.distributed.stats.SharedStatsCollector"
    assert settings["SCHEDULER_PERSIST"] is True and settings["SCHEDULER_QUEUE_KEY"] == "k:requests"
    assert "newscrawl.distributed.polite.SharedDelayMiddleware" in settings["DOWNLOADER_MIDDLEWARES"]
    pipelines = settings["ITEM_PIPELINES"]
    assert pipelines["newscrawl.pipelines.dedupe.DeduplicateArticlesPipeline"] is None
    assert pipelines["newscrawl.distributed.dedupe.SharedDeduplicatePipeline"] == 500



def test_our_stats_class_as_a_project_setting_gives_way_to_the_shared_one() -> None:
    settings = Settings({"NEWSCRAWL_REDIS_URL": "redis://127.0.0.1:1/0", "NEWSCRAWL_REDIS_KEY": "k"})
    settings.set("STATS_CLASS", "newscrawl.stats.CrawlStatsCollector", priority="project")  # settings.py's
    RedisAddon().update_settings(settings)
    assert settings["STATS_CLASS"] == "newscrawl.distributed.stats.SharedStatsCollector"
    settings.set("STATS_CLASS", "myproject.Stats", priority="project")  # a class of the project's own stays
    RedisAddon().update_settings(settings)
    assert settings["STATS_CLASS"] == "myproject.Stats"

def test_a_url_that_is_not_redis_fails_with_the_setting_named() -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_REDIS_URL"):
        RedisAddon().update_settings(Settings({"NEWSCRAWL_REDIS_URL": "127.0.0.1:6379"}))


def queue(server: redis.Redis, key: str, lease_ms: int = 60_000) -> LeasedPriorityQueue:
    """A leased queue as a worker opens it."""
    leased = LeasedPriorityQueue(server, _Spider(), f"{key}:requests")
    leased.lease_ms = lease_ms
    return leased


def test_a_pop_is_a_lease_until_acknowledged(server: redis.Redis, key: str) -> None:
    worker = queue(server, key)
    worker.push(Request("http://a.test/1", priority=1))
    worker.push(Request("http://a.test/2"))
    first = worker.pop()
    assert first.url == "http://a.test/1" and len(worker) == 1 and worker.in_flight() == 1
    worker.ack(list(worker.leases))
    assert worker.in_flight() == 0 and not worker.leases and len(worker) == 1


def test_a_dead_workers_lease_returns_to_the_queue_with_its_priority(server: redis.Redis, key: str) -> None:
    dead, alive = queue(server, key, lease_ms=50), queue(server, key)
    dead.push(Request("http://a.test/urgent", priority=5))
    dead.push(Request("http://a.test/later"))
    assert dead.pop().url == "http://a.test/urgent"  # then the worker dies: no ack, no renew
    assert alive.requeue_expired() == (0, 0)
    time.sleep(0.1)
    assert alive.requeue_expired() == (1, 0)
    assert alive.pop().url == "http://a.test/urgent"


def test_renewed_leases_do_not_expire(server: redis.Redis, key: str) -> None:
    worker = queue(server, key, lease_ms=150)
    worker.push(Request("http://a.test/slow"))
    worker.pop()
    for _ in range(3):
        time.sleep(0.08)
        worker.renew()
        assert worker.requeue_expired() == (0, 0)


def test_a_request_that_keeps_killing_workers_is_given_up(server: redis.Redis, key: str) -> None:
    worker = queue(server, key, lease_ms=1)
    worker.max_requeues = 2
    worker.push(Request("http://a.test/poison"))
    outcomes = []
    for _ in range(3):
        worker.pop()
        time.sleep(0.01)
        outcomes.append(worker.requeue_expired())
    assert outcomes == [(1, 0), (1, 0), (0, 1)] and len(worker) == 0


class _KilledAfterOneWrite(redis.Redis):  # type: ignore[type-arg]
    """A worker's client that dies (connection gone) as soon as one write command has been done."""

    wrote = False

    def execute_command(self, *args: Any, **options: Any) -> Any:
        """Run the command, unless the worker already died; a write kills it once done."""
        if self.wrote:
            raise redis.ConnectionError("the worker was killed")
        result = super().execute_command(*args, **options)
        self.wrote = args[0] in ("SADD", "ZADD", "EVALSHA", "EVAL")
        return result


def scheduler(server: redis.Redis, key: str) -> ReliableScheduler:
    """The shared scheduler's queue and dupefilter as one worker holds them."""
    made = ReliableScheduler(server, persist=True, queue_key=f"{key}:requests", dupefilter_key=f"{key}:seen")
    made.queue = queue(server, key)
    made.df = RFPDupeFilter(server, key=f"{key}:seen")
    made.stats, made.spider = StatsCollector(get_crawler()), _Spider()
    return made


def test_a_worker_killed_while_queueing_a_request_loses_it_to_no_one(redis_url: str, key: str) -> None:  # noqa: F811
    doomed = scheduler(_KilledAfterOneWrite.from_url(redis_url), key)
    with contextlib.suppress(redis.ConnectionError):
        doomed.enqueue_request(Request("http://a.test/story"))
    # the page that linked to it is fetched again by another worker, and links to it again
    alive = scheduler(redis.Redis.from_url(redis_url), key)
    alive.enqueue_request(Request("http://a.test/story"))
    assert [alive.next_request().url, alive.next_request()] == ["http://a.test/story", None]


def middleware(redis_url: str, key: str, delay: float) -> SharedDelayMiddleware:  # noqa: F811
    """The politeness middleware as one worker builds it."""
    crawler = get_crawler(settings_dict={"REDIS_URL": redis_url, "NEWSCRAWL_REDIS_KEY": key,
                                         "NEWSCRAWL_DOMAIN_DELAY": delay})
    return SharedDelayMiddleware.from_crawler(crawler)


def test_the_domain_delay_is_shared_by_workers_not_multiplied(redis_url: str, key: str) -> None:  # noqa: F811
    one, two = middleware(redis_url, key, 2.0), middleware(redis_url, key, 2.0)
    waits = [one.wait_ms("news.test"), two.wait_ms("news.test"), one.wait_ms("news.test")]
    assert waits[0] == 0
    assert 1900 <= waits[1] <= 2000 and 3900 <= waits[2] <= 4000  # slots 2 s apart, whoever asks
    assert two.wait_ms("other.test") == 0  # domains do not wait for each other


def article(url: str, canonical: str | None = None) -> Article:
    """A minimal Article."""
    return Article(url=url, canonicalUrl=canonical, metadata=Metadata(dateDownloaded="2024-05-01T10:00:00Z"))


def test_one_record_per_article_over_all_workers(redis_url: str, key: str) -> None:  # noqa: F811
    settings = {"REDIS_URL": redis_url, "NEWSCRAWL_REDIS_KEY": key}
    one = SharedDeduplicatePipeline.from_crawler(get_crawler(settings_dict=settings))
    two = SharedDeduplicatePipeline.from_crawler(get_crawler(settings_dict=settings))
    one.process_item(article("https://n.test/share?id=1", "https://n.test/2024/05/01/story"))
    with pytest.raises(DropItem, match="^duplicate-url: "):
        two.process_item(article("https://n.test/2024/05/01/story"))
    assert two.process_item(article("https://n.test/2024/05/02/other")).url.endswith("other")
