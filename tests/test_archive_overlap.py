"""Two crawls on one index at the same time: the second is refused (or waits), the index stays sound."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest
from archive_helpers import crawl_command, crawl_env, read_jsonl

from newscrawl.demo.server import DemoServer

SLOW = ["-s", "AUTOTHROTTLE_ENABLED=False"]


def _held_story(server: DemoServer, path: str, release: threading.Event):
    """A story that answers only once ``release`` is set: crawl A is surely running until then."""
    def route(handler) -> None:
        release.wait(timeout=90)
        handler.send_reply(server.site.reply(path))
    return route


def _start(folder: Path, url: str, name: str, *args: str) -> subprocess.Popen:
    log = (folder / f"{name}.log").open("w")  # a file, not a pipe: a full pipe would block the crawl
    return subprocess.Popen(crawl_command(url, "-O", name, *SLOW, *args), cwd=folder, env=crawl_env(),
                            stdout=subprocess.DEVNULL, stderr=log)


def _wait_for_lock(folder: Path) -> None:
    lock = folder / "output/index.sqlite.lock"
    deadline = time.monotonic() + 60
    while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)


@pytest.fixture(scope="module")
def overlapping(tmp_path_factory):
    """A slow crawl A; B starts while A runs and is refused; C starts too and waits for the lock."""
    folder = tmp_path_factory.mktemp("overlap")
    with DemoServer() as server:
        release = threading.Event()
        server.add_route(server.site.stories[-1].path, _held_story(server, server.site.stories[-1].path, release))
        a = _start(folder, server.url, "a.jsonl")
        _wait_for_lock(folder)
        b = _start(folder, server.url, "b.jsonl")
        c = _start(folder, server.url, "c.jsonl", "-s", "NEWSCRAWL_INDEX_LOCK_WAIT=120")
        b.wait(timeout=60)
        a_still_running = a.poll() is None
        release.set()
        results = {name: (p.wait(timeout=120), (folder / f"{name}.jsonl.log").read_text())
                   for name, p in (("a", a), ("c", c))}
        yield server, folder, (b.returncode, (folder / "b.jsonl.log").read_text(), a_still_running), results


def test_the_second_crawl_is_refused_with_a_clear_message(overlapping):
    _, folder, (code, log, a_still_running), _ = overlapping
    assert a_still_running  # B really overlapped A
    assert code != 0
    assert "is in use by crawl 'news'" in log and "NEWSCRAWL_INDEX_LOCK_WAIT" in log
    assert not (folder / "b.jsonl").exists()


def test_the_first_crawl_is_unharmed_and_the_waiting_one_runs_after_it(overlapping):
    server, folder, _, results = overlapping
    assert results["a"][0] == 0 and results["c"][0] == 0, results["c"][1][-2000:]
    assert len(read_jsonl(folder / "a.jsonl")) == len(server.site.stories)
    assert read_jsonl(folder / "c.jsonl") == []  # it waited, then found everything known


def test_the_index_is_sound(overlapping):
    server, folder, _, _ = overlapping
    with sqlite3.connect(folder / "output/index.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("SELECT count(*), max(version) FROM articles").fetchone() == (len(server.site.stories), 1)
