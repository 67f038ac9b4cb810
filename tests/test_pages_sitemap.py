"""A "pages" sitemap beside the news sitemap: its home, section, about, contact and video pages
are fetched as the sitemap asks, judged on the page, and none becomes a record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from hostile_site import Crawl, run_news_crawl
from newscrawl.demo.content import demo_stories
from newscrawl.demo.server import DemoServer
from pages_sitemap_site import ABOUT, CONTACT, PAGES, SECTION_FRONTS, VIDEO, PagesSitemapSite


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoServer, Crawl]]:
    """One crawl of the site, with its sitemaps."""
    with DemoServer(PagesSitemapSite()) as server:
        yield server, run_news_crawl(server.url, tmp_path_factory.mktemp("pages"))


def test_only_articles_are_written(crawl):
    _, result = crawl
    assert result.returncode == 0, result.log[-3000:]
    stories = {story.path for story in demo_stories()}
    assert set(result.records) <= stories, sorted(set(result.records) - stories)
    assert not set(result.records) & set(PAGES)
    assert len(result.records) == len(stories)


@pytest.mark.parametrize(("path", "code"), [
    (SECTION_FRONTS[0], "listing-page"), (SECTION_FRONTS[1], "listing-page"),
    (ABOUT, "short-body"), (CONTACT, "short-body"), (VIDEO, "short-body"),
])
def test_each_refused_page_is_counted_under_its_reason(crawl, path, code):
    server, result = crawl
    assert [p for _, p, _ in server.requests].count(path) == 1  # the sitemap's entry was fetched
    lines = [line for line in result.log.splitlines() if "Dropped: " in line and line.endswith(path)]
    assert len(lines) == 1 and f"Dropped: {code}: " in lines[0], lines
    assert result.stats["dropped"][code] >= 1


def test_the_section_fronts_are_counted_as_listing_pages(crawl):
    _, result = crawl
    # the two section fronts of the pages sitemap, and the demo's /world/ of its article sitemap
    assert result.stats["dropped"]["listing-page"] == len(SECTION_FRONTS) + 1


def test_the_home_page_is_fetched_once_and_never_written(crawl):
    server, result = crawl
    assert [p for _, p, _ in server.requests].count("/") == 1
    assert "/" not in result.records
