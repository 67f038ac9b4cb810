"""Scrapy's own debugging tools on a newscrawl project: `scrapy shell` and `scrapy parse`."""

from __future__ import annotations

import subprocess
import sys

from archive_helpers import crawl_env

from newscrawl.demo.server import DemoServer


def _scrapy(folder, *args):
    return subprocess.run([sys.executable, "-m", "scrapy", *args], cwd=folder, env=crawl_env(),
                          capture_output=True, text=True, timeout=120, check=False)


def test_scrapy_shell_fetches_a_page(tmp_path):
    # The archive index is opened in one thread and used in the shell's reactor thread.
    with DemoServer() as site:
        story = site.site.stories[0]
        done = _scrapy(tmp_path, "shell", site.url + story.path, "-c", "(response.status, response.css('h1::text').get())")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == repr((200, story.headline))


def test_scrapy_parse_prints_the_record_and_writes_no_output(tmp_path):
    with DemoServer() as site:
        story = site.site.stories[0]
        done = _scrapy(tmp_path, "parse", "--spider", "news", "--nolog", site.url + story.path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"'headline': {story.headline!r}" in done.stdout
    assert "'datePublished': '" in done.stdout
    assert not list(tmp_path.glob("output/news/*.jsonl"))


def test_scrapy_parse_counts_a_page_that_is_not_an_article(tmp_path):
    with DemoServer() as site:
        done = _scrapy(tmp_path, "parse", "--spider", "news", site.url + "/robots.txt")
    assert done.returncode == 0, done.stderr[-2000:]
    assert "# Scraped Items" in done.stdout and "'headline'" not in done.stdout
    assert "Dropped: no-headline: " in done.stderr and "  no-headline " in done.stderr  # the line and the summary
