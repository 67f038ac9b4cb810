"""Kill a crawl with SIGKILL half way, start it again with the same JOBDIR: every article exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time
from collections import Counter
from pathlib import Path

import pytest
from archive_helpers import crawl_command, crawl_env, read_jsonl

from newscrawl.demo.server import DemoServer

SLOW = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.3", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1",
        "-s", "NEWSCRAWL_INDEX_COMMIT_EVERY=2", "-s", "JOBDIR=job"]


def _indexed(folder: Path) -> int:
    path = folder / "output/index.sqlite"
    if not path.exists():
        return 0
    try:
        with sqlite3.connect(path, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # the schema is not there yet


def _kill_half_way(folder: Path, url: str) -> None:
    process = subprocess.Popen(crawl_command(url, *SLOW), cwd=folder, env=crawl_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 90
    while _indexed(folder) < 4 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the crawl ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.fixture(scope="module")
def resumed(tmp_path_factory):
    """A killed run and its resumption, from one folder."""
    folder = tmp_path_factory.mktemp("resume")
    with DemoServer() as server:
        _kill_half_way(folder, server.url)
        parts = list((folder / "output/news").glob("*.jsonl.part"))
        assert len(parts) == 1 and not list((folder / "output/news").glob("*.jsonl"))
        with parts[0].open("ab") as part:  # as if the kill had cut a line in two
            part.write(b'{"url": "http://torn')
        killed_count = _indexed(folder)
        second = subprocess.run(crawl_command(server.url, *SLOW[-2:]), cwd=folder, env=crawl_env(),
                                capture_output=True, text=True, timeout=120, check=False)
        assert second.returncode == 0, second.stderr[-3000:]
        yield server, folder, killed_count, second.stderr


def test_every_article_exactly_once_across_the_two_runs(resumed):
    server, folder, _, _ = resumed
    outputs = sorted((folder / "output/news").glob("*.jsonl"))
    assert len(outputs) == 2  # the killed run's (published by the second) and the second's
    records = [r for path in outputs for r in read_jsonl(path)]  # read_jsonl fails on a corrupt line
    canonical = Counter(r["canonicalUrl"] for r in records)
    assert set(canonical) == {server.url + s.path for s in server.site.stories}
    assert max(canonical.values()) == 1
    assert {(r["changeType"], r["version"]) for r in records} == {("new", 1)}


def test_the_killed_run_left_work_for_the_second_and_no_temporary_file(resumed):
    _, folder, killed_count, log = resumed
    first, second = sorted((folder / "output/news").glob("*.jsonl"))
    assert 4 <= len(read_jsonl(first)) < 12 and killed_count >= 4
    assert "recovered" in log and "did not stop cleanly" in log
    assert not list((folder / "output").rglob("*.part"))


def test_the_index_is_consistent_with_the_outputs(resumed):
    server, folder, _, _ = resumed
    with sqlite3.connect(folder / "output/index.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        rows = dict(db.execute("SELECT key, version FROM articles"))
        assert db.execute("SELECT count(*) FROM outputs").fetchone()[0] == 0
    assert rows == {server.url + s.path: 1 for s in server.site.stories}
