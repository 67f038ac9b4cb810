"""robots.txt is downloaded once per site: the robots middleware's download also gives the
spider its Sitemap lines (Scrapy's robots_parsed signal), so the log and the WARC hold it once."""

from __future__ import annotations

import json
import subprocess
import sys

from warcio.archiveiterator import ArchiveIterator

from archive_helpers import crawl_env

from newscrawl.demo.server import DemoServer


def _crawl(folder, url, *args, target=None):
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", target or f"url={url}/", "-O", "out.jsonl",
               "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "NEWSCRAWL_INDEX_ENABLED=False", *args]
    done = subprocess.run(command, cwd=folder, env=crawl_env(), capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return [json.loads(line) for line in (folder / "out.jsonl").read_text(encoding="utf-8").splitlines()]


def _robots_fetches(server):
    return [path for method, path, _ in server.requests if path.split("?")[0] == "/robots.txt"]


def test_robots_txt_once_and_its_sitemaps_still_read(tmp_path):
    with DemoServer() as site:
        records = _crawl(tmp_path, site.url, "-s", "NEWSCRAWL_WARC_ENABLED=True",
                         "-s", f"NEWSCRAWL_WARC_PATH={tmp_path / 'crawl.warc.gz'}")
        fetched = _robots_fetches(site)
        sitemaps = [path for _, path, _ in site.requests if "sitemap" in path]
    assert fetched == ["/robots.txt"]
    assert "/sitemap_index.xml" in sitemaps  # named by the robots.txt's Sitemap line
    assert {r["discoveredVia"] for r in records} & {"sitemap", "news-sitemap"}
    with (tmp_path / "crawl.warc.gz").open("rb") as stream:
        robots = [r for r in ArchiveIterator(stream) if r.rec_type == "response"
                  and r.rec_headers.get_header("WARC-Target-URI").endswith("/robots.txt")]
    assert len(robots) == 1


def test_without_obeying_robots_txt_the_spider_still_reads_its_sitemaps(tmp_path):
    with DemoServer() as site:
        records = _crawl(tmp_path, site.url, "-s", "ROBOTSTXT_OBEY=False")
        fetched = _robots_fetches(site)
        sitemaps = [path for _, path, _ in site.requests if "sitemap" in path]
    assert fetched == ["/robots.txt"] and "/sitemap_index.xml" in sitemaps
    assert any(r["discoveredVia"] in {"sitemap", "news-sitemap"} for r in records)


def test_two_sites_each_have_their_robots_txt_fetched_once(tmp_path):
    with DemoServer() as first, DemoServer() as second:
        # the second site under another host name of the loopback interface: sites are keyed by host
        second_url = second.url.replace("127.0.0.1", "localhost")
        sites = tmp_path / "sites.toml"
        sites.write_text(f'[[site]]\nurl = "{first.url}/"\n\n[[site]]\nurl = "{second_url}/"\n', encoding="utf-8")
        records = _crawl(tmp_path, None, target=f"sites={sites}")
        fetched = [_robots_fetches(first), _robots_fetches(second)]
        sitemaps = [{path for _, path, _ in server.requests if "sitemap" in path} for server in (first, second)]
    assert fetched == [["/robots.txt"], ["/robots.txt"]]
    assert all("/sitemap_index.xml" in paths for paths in sitemaps)
    via = {(r["url"].split("/")[2].split(":")[0], r["discoveredVia"]) for r in records}
    assert {("127.0.0.1", "news-sitemap"), ("localhost", "news-sitemap")} <= via
