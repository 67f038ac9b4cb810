"""The README's first command run twice: the second output is empty, and the summary says why."""

from __future__ import annotations

from archive_helpers import crawl_in

from newscrawl.demo.server import DemoServer


def test_a_second_overwrite_run_says_the_index_kept_every_article_out(tmp_path):
    with DemoServer() as site:
        first = crawl_in(tmp_path, site.url, output="articles.jsonl")
        second = crawl_in(tmp_path, site.url, output="articles.jsonl")
        full = crawl_in(tmp_path, site.url, "-s", "NEWSCRAWL_INDEX_ENABLED=False", output="articles.jsonl")
    stories = len(site.site.stories)
    assert first.returncode == second.returncode == full.returncode == 0
    assert len(first.records) == stories and "nothing new to write" not in first.log
    assert f"archive index output/index.sqlite: {stories} new, 0 updated" in first.log
    assert second.records == []
    assert "nothing new to write" in second.log and "NEWSCRAWL_INDEX_ENABLED=False" in second.log
    assert len(full.records) == stories  # the full copy the message promises
