"""The Redis archive index answers as the SQLite one does: one contract, both backends."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from newscrawl.archive.fingerprint import body_signature, content_fingerprint
from newscrawl.archive.index import NEAR_CANDIDATES, ArticleWrite, FetchFacts, IndexBusy
from newscrawl.archive.sqlite import SqliteIndex
from newscrawl.distributed.index import RedisIndex
from redis_fixture import redis_url  # noqa: F401 - the session fixture

STORY = " ".join(f"Line {i} of the story about the flood closing the river road on Monday." for i in range(25))
OTHER = " ".join(f"Item {i}: the library extends its opening hours for the exam season." for i in range(25))


def write(key: str, body: str = STORY, version: int = 1, at: int = 100, **extra: Any) -> ArticleWrite:
    """One version of an article on news.test."""
    return ArticleWrite(key=key, url=key, host="news.test", version=version,
                        fingerprint=content_fingerprint("Flood", body, None), signature=body_signature(body),
                        fetch=FetchFacts(fetched_at=at, etag=extra.pop("etag", None), size=900), **extra)


@pytest.fixture(params=["sqlite", "redis"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """Each backend, empty."""
    if request.param == "sqlite":
        idx: Any = SqliteIndex(tmp_path / "index.sqlite")
    else:
        client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
        idx = RedisIndex(client, prefix=f"test-index:{uuid.uuid4().hex[:8]}", job="job-a")
    yield idx
    idx.close()


def test_versions_only_go_up_and_aliases_resolve(index: Any) -> None:
    index.commit([write("https://news.test/a", aliases=("https://news.test/s/1",))])
    index.commit([write("https://news.test/a", body=STORY + " Updated.", version=2, at=200)])
    index.commit([write("https://news.test/a", version=1, at=300)])  # replayed old line
    entry = index.lookup("https://news.test/s/1")
    assert (entry.key, entry.version, entry.first_seen, entry.last_changed) == ("https://news.test/a", 2, 100, 200)
    assert index.lookup("https://news.test/unknown") is None


def test_touch_keeps_the_version_and_takes_new_validators(index: Any) -> None:
    index.commit([write("https://news.test/a", etag='"v1"')])
    index.touch("https://news.test/a", FetchFacts(fetched_at=500, etag='"v2"'))
    entry = index.lookup("https://news.test/a")
    assert (entry.last_fetched, entry.last_changed, entry.etag, entry.version) == (500, 100, '"v2"', 1)


def test_same_content_follows_the_current_version(index: Any) -> None:
    index.commit([write("https://news.test/a")])
    index.commit([write("https://news.test/b", at=150)])
    fingerprint = content_fingerprint("Flood", STORY, None)
    assert index.find_same_content(fingerprint, "news.test").key == "https://news.test/a"  # oldest
    assert index.find_same_content(fingerprint, "other.test") is None
    index.commit([write("https://news.test/a", body=OTHER, version=2, at=300)])
    assert index.find_same_content(fingerprint, "news.test").key == "https://news.test/b"


def test_near_duplicate_by_signature(index: Any) -> None:
    index.commit([write("https://news.test/a"), write("https://news.test/c", body=OTHER)])
    copy = body_signature("Reprinted with permission. " + STORY)
    assert index.near_duplicate(copy, exclude="https://news.test/new", threshold=0.8) == "https://news.test/a"
    assert index.near_duplicate(copy, exclude="https://news.test/a", threshold=0.8) is None


def test_the_near_duplicate_is_the_oldest_copy_however_many_there_are(index: Any) -> None:
    reprints = [write(f"https://news.test/copy-{n}", body=f"Copy {n}. " + STORY, at=1000 + n)
                for n in range(3 * NEAR_CANDIDATES)]
    for start in range(0, len(reprints), 20):  # batches, as the pipeline commits them
        index.commit(reprints[start:start + 20])
    index.commit([write("https://news.test/original", at=50)])  # written last, seen first
    copy = body_signature("Late copy. " + STORY)
    assert index.near_duplicate(copy, exclude="https://news.test/late", threshold=0.8) == "https://news.test/original"
    assert index.near_duplicate(copy, exclude="https://news.test/original", threshold=0.8) == "https://news.test/copy-0"


def test_outputs_being_written(index: Any) -> None:
    index.register_output("/out/a.jsonl.part", "/out/a.jsonl")
    index.register_output("/out/b.jsonl.part", "/out/b.jsonl")
    index.close_output("/out/a.jsonl.part")
    assert index.open_outputs() == [("/out/b.jsonl.part", "/out/b.jsonl")]


def test_workers_of_one_job_share_the_index_another_job_waits(redis_url: str) -> None:  # noqa: F811
    client, prefix = redis.Redis.from_url(redis_url), f"test-index:{uuid.uuid4().hex[:8]}"
    one, two = RedisIndex(client, prefix=prefix, job="job-a"), RedisIndex(client, prefix=prefix, job="job-a")
    one.acquire("worker 1")
    two.acquire("worker 2")  # same job: joins
    one.commit([write("https://news.test/a")])
    assert two.lookup("https://news.test/a").version == 1  # what one archived, two knows
    with pytest.raises(IndexBusy, match="job-a"):
        RedisIndex(client, prefix=prefix, job="job-b").acquire("another crawl")


def test_open_index_picks_the_backend_from_the_settings(redis_url: str, tmp_path: Path) -> None:  # noqa: F811
    from scrapy.settings import Settings

    from newscrawl.distributed.index import open_index

    local = open_index(Settings({}), str(tmp_path / "i.sqlite"))
    shared = open_index(Settings({"NEWSCRAWL_REDIS_URL": redis_url, "REDIS_URL": redis_url}), str(tmp_path / "x"))
    assert isinstance(local, SqliteIndex) and isinstance(shared, RedisIndex)
    local.close()


def test_an_output_another_live_worker_writes_is_not_a_dead_runs(redis_url: str, tmp_path: Path) -> None:  # noqa: F811
    import subprocess
    import sys

    prefix = f"test-outputs:{uuid.uuid4().hex[:8]}"
    mine = RedisIndex(redis.Redis.from_url(redis_url), prefix=prefix, job="job")
    writer = subprocess.Popen([sys.executable, "-c", (
        "import sys, time, redis; from newscrawl.distributed.index import RedisIndex; "
        f"RedisIndex(redis.Redis.from_url({redis_url!r}), prefix={prefix!r}, job='job')"
        ".register_output('/out/live.jsonl.part', '/out/live.jsonl'); print('ok', flush=True); time.sleep(60)")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "ok"
        assert mine.open_outputs() == []  # still being written: not ours to recover
    finally:
        writer.kill()
        writer.wait()
    assert mine.open_outputs() == [("/out/live.jsonl.part", "/out/live.jsonl")]  # its writer died
