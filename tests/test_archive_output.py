"""Per-run output an archive can trust: a dated file per run, renamed only when complete, gzip, WARC."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import time

import pytest
from archive_helpers import crawl_command, crawl_env, crawl_in
from warcio.archiveiterator import ArchiveIterator

from newscrawl.demo.server import DemoServer

HOLD = 4.0  # one story answers slowly, so we can look at the output folder mid-crawl


@pytest.fixture(scope="module")
def gzip_warc_run(tmp_path_factory):
    """One crawl with the default per-run feed, NEWSCRAWL_FEED_GZIP and NEWSCRAWL_WARC_ENABLED."""
    folder = tmp_path_factory.mktemp("output")
    with DemoServer() as server:
        slow = server.site.stories[-1].path
        seen_mid_crawl: set[str] = set()

        def route(handler) -> None:  # looks at the output folder while the crawl waits for it
            time.sleep(HOLD)
            seen_mid_crawl.update(p.name for p in (folder / "output/news").glob("*"))
            handler.send_reply(server.site.reply(slow))

        server.add_route(slow, route)
        log = (folder / "crawl.log").open("w")
        process = subprocess.Popen(
            crawl_command(server.url, "-s", "NEWSCRAWL_FEED_GZIP=True", "-s", "NEWSCRAWL_WARC_ENABLED=True"),
            cwd=folder, env=crawl_env(), stdout=subprocess.DEVNULL, stderr=log)
        process.wait(timeout=120)
        assert process.returncode == 0, (folder / "crawl.log").read_text()[-3000:]
        yield server, folder, seen_mid_crawl


def test_one_dated_gzip_file_per_run_never_visible_half_written(gzip_warc_run):
    server, folder, seen_mid_crawl = gzip_warc_run
    [output] = (folder / "output/news").glob("*.jsonl.gz")
    assert re.fullmatch(r"news-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\+00-00\.jsonl\.gz", output.name)
    assert output.name + ".part" in seen_mid_crawl and output.name not in seen_mid_crawl
    records = [json.loads(line) for line in gzip.decompress(output.read_bytes()).splitlines()]
    assert {r["canonicalUrl"] for r in records} == {server.url + s.path for s in server.site.stories}
    assert not list((folder / "output").rglob("*.part"))


def test_the_warc_holds_the_raw_article_responses(gzip_warc_run):
    server, folder, _ = gzip_warc_run
    [warc] = (folder / "output/news").glob("*.warc.gz")
    responses = {}
    with warc.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                responses[url] = (record.http_headers.get_statuscode(), record.content_stream().read())
    story = server.site.stories[3]
    status, body = responses[server.url + story.path]
    assert status == "200" and story.headline.encode() in body
    assert {server.url + s.path for s in server.site.stories} <= set(responses)


def test_without_the_index_every_crawl_is_a_full_crawl(tmp_path):
    with DemoServer() as server:
        runs = [crawl_in(tmp_path, server.url, "-s", "NEWSCRAWL_INDEX_ENABLED=False") for _ in range(2)]
    assert [len(run.records) for run in runs] == [12, 12]
    assert not (tmp_path / "output/index.sqlite").exists()
    assert {r["changeType"] for r in runs[1].records} == {None}


def _store_lines(uri: str, lines: list[bytes], **options) -> None:
    from scrapy.utils.test import get_crawler

    from newscrawl.feedstorage import AtomicFileFeedStorage
    storage = AtomicFileFeedStorage.from_crawler(get_crawler(settings_dict=options.pop("settings", {})), uri,
                                                 feed_options=options)
    file = storage.open(None)
    for line in lines:
        file.write(line)
    assert not (storage.final.exists() and storage.final.read_bytes().endswith(lines[-1]))  # not yet visible
    storage.store(file)


def test_append_and_overwrite_keep_the_rename_at_the_end(tmp_path):
    target = tmp_path / "sub" / "out.jsonl"
    _store_lines(str(target), [b'{"a": 1}\n'], overwrite=True)
    _store_lines(f"file://{target}", [b'{"a": 2}\n'])  # -o appends
    assert target.read_bytes() == b'{"a": 1}\n{"a": 2}\n'
    _store_lines(str(target), [b'{"a": 3}\n'], overwrite=True)  # -O replaces
    assert target.read_bytes() == b'{"a": 3}\n' and not list(tmp_path.rglob("*.part"))


def test_gzip_setting_adds_the_suffix_and_compresses(tmp_path):
    _store_lines(str(tmp_path / "out.jsonl"), [b'{"a": 1}\n'], settings={"NEWSCRAWL_FEED_GZIP": True})
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()) == b'{"a": 1}\n'
    assert not (tmp_path / "out.jsonl").exists()


def test_scrapy_gzip_postprocessing_is_not_compressed_twice(tmp_path):
    from scrapy.extensions.postprocessing import GzipPlugin
    _store_lines(str(tmp_path / "out.jsonl.gz"), [gzip.compress(b'{"a": 1}\n')], postprocessing=[GzipPlugin])
    assert gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()) == b'{"a": 1}\n'
