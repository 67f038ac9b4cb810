"""Two crawls of the demo site from one folder: the second is incremental and update-aware.

Between the crawls one story is edited, one added, one unchanged story gets a new sitemap
lastmod while served with an ETag (so it is asked for with If-None-Match and answers 304),
another gets a new lastmod without validators (re-downloaded, only its page chrome differs),
and the ad slot of every page changes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newscrawl.archive.sqlite import SqliteIndex
from newscrawl.demo.content import Story
from newscrawl.demo.server import DemoServer

from archive_helpers import crawl_in


def _new_story() -> Story:
    paragraphs = [f"Paragraph {n}: the county opened a cooling center at the library as temperatures "
                  f"climbed past 110 degrees, officials said on day {n}." for n in range(6)]
    return Story(slug="county-opens-cooling-centers-as-heat-builds", section="local",
                 published="2024-05-30T09:15:00-07:00", headline="County opens cooling centers as heat builds",
                 byline="By Nora Quinn", paragraphs=paragraphs, tags=["weather"])


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    """The two crawls (shared by the tests below) and what changed between them."""
    with DemoServer() as site_server:
        yield _two_crawls(site_server, tmp_path_factory.mktemp("incremental"))


def _two_crawls(site_server, tmp_path):
    site = site_server.site
    edited, etagged, touched = site.stories[5], site.stories[8], site.stories[10]
    site.validated = {etagged.slug}
    first = crawl_in(tmp_path, site_server.url)
    assert first.returncode == 0, first.log[-3000:]
    mark = len(site_server.requests)
    edited.paragraphs[2] = "Correction: officials now say the plan was first proposed five years ago."
    edited.modified = "2024-06-01T10:00:00-07:00"
    site.touched = {etagged.slug: "2024-06-02T08:00:00-07:00", touched.slug: "2024-06-02T08:00:00-07:00"}
    site.chrome = "Advertisement: 50% off garden furniture, today only. Updated 10:42."
    added = _new_story()
    site.stories.insert(0, added)
    second = crawl_in(tmp_path, site_server.url)
    assert second.returncode == 0, second.log[-3000:]
    stories = {"edited": edited, "etagged": etagged, "touched": touched, "added": added}
    return site_server, first, second, site_server.requests[mark:], stories, tmp_path / "output/index.sqlite"


def test_first_crawl_emits_every_story_as_new_version_1(crawls):
    _, first, *_ = crawls
    assert len(first.records) == 12
    assert {(r["changeType"], r["version"]) for r in first.records} == {("new", 1)}


def test_second_crawl_emits_exactly_the_added_and_the_edited_story(crawls):
    server, _, second, _, stories, _ = crawls
    got = {(r["canonicalUrl"], r["changeType"], r["version"]) for r in second.records}
    assert got == {(server.url + stories["added"].path, "new", 1),
                   (server.url + stories["edited"].path, "updated", 2)}
    updated = next(r for r in second.records if r["changeType"] == "updated")
    assert "Correction: officials now say" in updated["articleBody"]


def test_second_crawl_fetches_only_what_may_have_changed(crawls):
    server, _, _, requests, stories, _ = crawls
    story_paths = {s.path for s in server.site.stories}
    fetched = Counter(path for _, path, _ in requests if path in story_paths)
    assert set(fetched) == {s.path for s in stories.values()}
    assert max(fetched.values()) == 1


def test_the_304_story_is_asked_conditionally_and_never_downloaded_again(crawls):
    _, _, second, requests, stories, _ = crawls
    asked = [headers for _, path, headers in requests if path == stories["etagged"].path]
    assert len(asked) == 1 and asked[0].get("If-None-Match", "").startswith('"')
    assert second.stats["stats"]["newscrawl/incremental/not-modified"] == 1
    assert second.stats["dropped"]["not-modified"] == 1
    # the re-downloaded one with only its page chrome changed is not an update
    assert second.stats["stats"]["newscrawl/archive/unchanged"] >= 1


def test_second_crawl_downloads_less(crawls):
    _, first, second, *_ = crawls
    one, two = first.stats["stats"], second.stats["stats"]
    assert two["downloader/request_count"] < one["downloader/request_count"]
    assert two["downloader/response_bytes"] < one["downloader/response_bytes"] / 2
    assert two["newscrawl/incremental/skipped"] >= 8


def test_the_index_agrees(crawls):
    server, _, _, _, stories, path = crawls
    index = SqliteIndex(Path(path))
    try:
        assert index.count() == 13
        version = {name: index.lookup(server.url + s.path).version for name, s in stories.items()}
        assert version == {"edited": 2, "etagged": 1, "touched": 1, "added": 1}
        edited = index.lookup(server.url + stories["edited"].path)
        assert edited.date_modified == "2024-06-01T10:00:00-07:00" and edited.last_changed > edited.first_seen - 1
        etagged = index.lookup(server.url + stories["etagged"].path)
        assert etagged.etag and etagged.last_fetched >= etagged.last_changed
    finally:
        index.close()
