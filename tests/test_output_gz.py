"""`-O out.jsonl.gz` writes a gzip JSON Lines file, as the docs promise, and the log names it."""

from __future__ import annotations

import gzip
import json
import subprocess

from archive_helpers import crawl_command, crawl_env

from newscrawl.demo.server import DemoServer


def _crawl(folder, url, *args):
    folder.mkdir(parents=True, exist_ok=True)
    return subprocess.run(crawl_command(url, *args), cwd=folder, env=crawl_env(), capture_output=True,
                          text=True, timeout=120, check=False)


def test_a_gz_output_name_gives_gzip_json_lines(tmp_path):
    with DemoServer() as site:
        done = _crawl(tmp_path, site.url, "-O", "articles.jsonl.gz")
        expected = {site.url + story.path for story in site.site.stories}
    assert done.returncode == 0, done.stderr[-2000:]
    out = tmp_path / "articles.jsonl.gz"
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    assert {r["canonicalUrl"] for r in records} == expected
    assert not list(tmp_path.glob("*.part"))


def test_with_feed_gzip_the_log_names_the_file_written(tmp_path):
    with DemoServer() as site:
        done = _crawl(tmp_path, site.url, "-O", "articles.jsonl", "-s", "NEWSCRAWL_FEED_GZIP=1")
    assert done.returncode == 0, done.stderr[-2000:]
    assert (tmp_path / "articles.jsonl.gz").exists() and not (tmp_path / "articles.jsonl").exists()
    stored = [line for line in done.stderr.splitlines() if "Stored" in line]
    assert stored and all(line.endswith("in: articles.jsonl.gz") for line in stored), stored
