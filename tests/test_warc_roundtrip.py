"""Round trip: crawl the demo site with WARC output on, `newscrawl extract` the WARC, same records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from archive_helpers import crawl_env, read_jsonl
from conftest import crawl_news
from newscrawl.demo.server import DemoServer

FIELDS = ("headline", "articleBody", "datePublished", "dateModified", "authors", "agencies")


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory):
    """(records of the crawl, records of `newscrawl extract` over its WARC), both keyed by url."""
    folder = tmp_path_factory.mktemp("roundtrip")
    warc = folder / "capture.warc.gz"
    with DemoServer() as server:
        crawl = crawl_news(folder, "-a", f"url={server.url}/", "-s", "NEWSCRAWL_WARC_ENABLED=True",
                           "-s", f"NEWSCRAWL_WARC_PATH={warc}")
    assert crawl.returncode == 0, crawl.log[-3000:]
    assert warc.exists()
    out = folder / "readback.jsonl"
    done = subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", str(warc), "-o", str(out)],
                          cwd=folder, env=crawl_env(), capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return {r["url"]: r for r in crawl.records}, {r["url"]: r for r in read_jsonl(out)}


def test_every_crawled_record_comes_back_from_the_warc(round_trip):
    crawled, read = round_trip
    assert len(crawled) >= 5
    assert set(crawled) <= set(read)


def test_only_pages_become_records_not_feeds_or_sitemaps(round_trip):
    crawled, read = round_trip
    # the crawl drops a share alias as duplicate-url (its archive index); read back, it is a page
    # of its own, canonical to a crawled story. The feeds and sitemaps the spider parsed are no page.
    extra = {url: record["canonicalUrl"] for url, record in read.items() if url not in crawled}
    assert set(extra.values()) <= set(crawled), extra


@pytest.mark.parametrize("name", FIELDS)
def test_field_is_equal_per_url(round_trip, name):
    crawled, read = round_trip
    differ = {url: (record[name], read[url][name]) for url, record in crawled.items()
              if url in read and record[name] != read[url][name]}
    assert differ == {}
