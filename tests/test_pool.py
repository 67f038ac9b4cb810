"""The extraction pool: same article as in-process, drops keep their reason, a crash is a drop."""

from __future__ import annotations

import asyncio
import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import psutil
import pytest
import pytest_twisted
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro
from scrapy.utils.test import get_crawler

from newscrawl.extract.page import PageInput
from newscrawl.items import Article, FetchedPage
from newscrawl.pipelines import pool as pool_module
from newscrawl.pipelines.extract import ExtractPipeline
from newscrawl.pipelines.pool import ExtractionPool, extract_outcome
from newscrawl.record import BuiltRecord, RecordOptions, build_record

STORY = """<html><head><title>Council approves the budget</title>
<meta property="og:title" content="Council approves the budget"></head><body><article>
<h1>Council approves the budget</h1><p>By Jane Roe</p>
""" + "".join(f"<p>The council approved the budget for the year in a long session, paragraph {i}, "
              "after residents spoke for and against the plan to repair the old bridge.</p>"
              for i in range(6)) + "</article></body></html>"


def fetched(url: str = "https://news.example/2024/05/01/council-budget", html: str = STORY) -> FetchedPage:
    """A fetched page as the spider yields it."""
    return FetchedPage(url=url, final_url=url, status=200, headers={"content-type": "text/html"},
                       body=html.encode("utf-8"), fetched_at="2024-05-01T10:00:00Z")


def run(coro: Any) -> Any:
    """Await a coroutine on the test's asyncio reactor, as Scrapy runs async pipelines."""
    return deferred_from_coro(coro)


async def raises(coro: Any) -> BaseException:
    """The exception a coroutine raises."""
    try:
        await coro
    except BaseException as exc:  # noqa: BLE001 - the test inspects it
        return exc
    raise AssertionError("no exception raised")


def crash_on_marker(page: PageInput, options: Any = RecordOptions()) -> Any:
    """Kill the worker process on pages that ask for it; extract the others as usual."""
    if "crash" in page.url:
        os._exit(1)
    return extract_outcome(page, options)


def test_outcome_of_a_non_article_is_its_reason_code() -> None:
    code, _detail = extract_outcome(PageInput(url="https://news.example/x", html=""))
    assert code == "not-html"


@pytest_twisted.ensureDeferred
async def test_pool_returns_the_same_article_as_in_process() -> None:
    page = PageInput(url="https://news.example/2024/05/01/council-budget", html=STORY,
                     fetched_at=datetime(2024, 5, 1, 10, tzinfo=timezone.utc))
    pool = ExtractionPool(1)
    try:
        built = await run(pool.extract(page))
    finally:
        pool.close()
    assert isinstance(built, BuiltRecord)
    assert built.article == build_record(page)  # extracted and normalized, as in this process
    assert "newscrawl/dates/published/parsed" in built.events


@pytest_twisted.ensureDeferred
async def test_a_crashing_page_is_retried_once_then_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "extract_outcome", crash_on_marker)
    pool = ExtractionPool(1)

    async def both() -> list[Any]:
        crash = pool.extract(PageInput(url="https://news.example/crash", html=STORY))
        good = pool.extract(PageInput(url="https://news.example/2024/05/01/ok", html=STORY))
        return await asyncio.gather(crash, good, return_exceptions=True)

    try:
        crashed, survived = await run(both())
        assert isinstance(crashed, pool_module.WorkerCrashed)
        assert isinstance(survived, BuiltRecord)  # in flight on the broken pool, then retried
        assert pool.restarts == 1
    finally:
        pool.close()


def pipeline(workers: int) -> ExtractPipeline:
    """The pipeline as Scrapy builds it."""
    crawler = get_crawler(settings_dict={"NEWSCRAWL_EXTRACT_WORKERS": workers})
    crawler.stats.open_spider()
    return ExtractPipeline.from_crawler(crawler)


@pytest.mark.parametrize("workers", [0, 1])
@pytest_twisted.ensureDeferred
async def test_pipeline_extracts_and_drops_with_a_counted_reason(workers: int) -> None:
    pipe = pipeline(workers)
    try:
        article = await run(pipe.process_item(fetched()))
        assert isinstance(article, Article) and "old bridge" in article.articleBody
        dropped = await run(raises(pipe.process_item(fetched(html="   "))))
        assert isinstance(dropped, DropItem) and str(dropped).startswith("not-html: ")
        assert pipe.stats.get_value("newscrawl/dropped/not-html") == 1
        assert pipe.stats.get_value("newscrawl/extracted") == 1
    finally:
        pipe.close()


@pytest_twisted.ensureDeferred
async def test_worker_crash_drops_the_page_and_the_crawl_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pool_module, "extract_outcome", crash_on_marker)
    pipe = pipeline(1)
    try:
        dropped = await run(raises(pipe.process_item(fetched(url="https://news.example/crash"))))
        assert isinstance(dropped, DropItem) and str(dropped).startswith("extract-worker-crashed: ")
        assert pipe.stats.get_value("newscrawl/dropped/extract-worker-crashed") == 1
        assert isinstance(await run(pipe.process_item(fetched())), Article)
    finally:
        pipe.close()


def _is_worker(process: psutil.Process) -> bool:
    """Forked by the fork server (whose command line it still shows), or spawned."""
    try:
        parent = process.parent()
        return (process.is_running() and process.status() != "zombie"
                and ("spawn_main" in " ".join(process.cmdline())
                     or (parent is not None and "multiprocessing.forkserver" in " ".join(parent.cmdline()))))
    except psutil.NoSuchProcess:
        return False


def workers() -> list[psutil.Process]:
    """Live pool worker processes of this test process (children of its fork server)."""
    return [p for p in psutil.Process().children(recursive=True) if _is_worker(p)]


@pytest_twisted.ensureDeferred
async def test_close_stops_the_worker_processes() -> None:
    pipe = pipeline(2)
    await run(pipe.process_item(fetched()))
    assert workers()
    pipe.close()
    assert not workers()


def test_workers_setting_must_not_be_negative() -> None:
    with pytest.raises(ValueError, match="NEWSCRAWL_EXTRACT_WORKERS"):
        pipeline(-1)


def test_workers_leave_when_the_crawl_process_is_killed(tmp_path: Any) -> None:
    import subprocess
    import sys
    import time

    code = ("import asyncio, os; from newscrawl.pipelines.pool import ExtractionPool;"
            "from newscrawl.extract.page import PageInput; pool = ExtractionPool(1);"
            "asyncio.run(pool.extract(PageInput(url='https://n.test/a', html='')));"
            "import psutil; print(*[p.pid for p in psutil.Process().children(recursive=True)], flush=True);"
            "os.kill(os.getpid(), 9)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    orphans = [psutil.Process(int(pid)) for pid in done.stdout.split()]
    assert orphans
    deadline = time.monotonic() + 10
    while any(p.is_running() and p.status() != "zombie" for p in orphans) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(p.is_running() and p.status() != "zombie" for p in orphans)


def test_opening_the_spider_starts_every_worker_before_the_first_page():
    pipeline = ExtractPipeline(stats=get_crawler().stats, workers=2)
    try:
        pipeline.open_spider()
        for _ in range(100):  # spawned workers need a moment to appear
            if len(workers()) >= 2:
                break
            time.sleep(0.1)
        assert len(workers()) >= 2
    finally:
        pipeline.close()


def test_workers_fork_from_a_server_that_imported_the_extraction_code() -> None:
    pool = ExtractionPool(1)
    try:
        server = psutil.Process(pool._pool().submit(os.getppid).result(timeout=60))
        # not this process: a fork of the fork server, which has lxml (trafilatura's) mapped
        assert server.pid != os.getpid() and "multiprocessing.forkserver" in " ".join(server.cmdline())
        assert any("lxml" in m.path and "etree" in m.path for m in server.memory_maps())
        assert not any("twisted" in m.path or "scrapy" in m.path for m in server.memory_maps())
    finally:
        pool.close()


@pytest_twisted.ensureDeferred
async def test_the_pool_sends_the_content_digest_the_archive_would_compute() -> None:
    from newscrawl.archive.fingerprint import body_signature, content_fingerprint

    pool = ExtractionPool(1)
    try:
        built = await run(pool.extract(fetched()))
    finally:
        pool.close()
    article = built.article
    assert built.digest.fingerprint == content_fingerprint(article.headline, article.articleBody,
                                                           article.dateModified)
    assert built.digest.signature == body_signature(article.articleBody) is not None


def test_the_crawl_process_never_imports_the_extraction_code(tmp_path: Any) -> None:
    import subprocess
    import sys

    code = f"""
import asyncio, sys
import newscrawl.spiders.news, newscrawl.pipelines.archive, newscrawl.pipelines.validate
from scrapy.utils.test import get_crawler
from newscrawl.pipelines.extract import ExtractPipeline
from newscrawl.items import FetchedPage
page = FetchedPage(url="https://news.example/2024/05/01/council-budget", final_url="https://news.example/2024/05/01/council-budget", status=200, body={STORY.encode()!r},
                   headers={{"content-type": "text/html"}}, fetched_at="2024-05-01T10:00:00Z")
crawler = get_crawler(settings_dict={{"NEWSCRAWL_EXTRACT_WORKERS": 1}})
crawler.stats.open_spider()
pipe = ExtractPipeline.from_crawler(crawler)
article = asyncio.run(pipe.process_item(page))
pipe.close()
print(type(article).__name__, *[m for m in ("trafilatura", "newscrawl.extract.page", "numpy") if m in sys.modules])
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=str(Path(__file__).resolve().parents[1]))
    assert done.stdout.split() == ["Article"], done.stderr[-2000:]


def test_starting_the_workers_never_waits_for_them() -> None:
    import threading
    from multiprocessing import forkserver

    pool = ExtractionPool(2)
    server = forkserver._forkserver
    try:
        pool._pool()
        server._lock.acquire()  # a fork server that takes its time to answer (still importing, say)
        threading.Timer(0.5, server._lock.release).start()
        began = time.monotonic()
        starter = pool.start()
        returned = time.monotonic() - began
        assert starter.is_alive()  # waiting for the server, in a thread of its own
        starter.join(timeout=60)
        assert returned < 0.2 and len(workers()) >= 2
    finally:
        pool.close()
