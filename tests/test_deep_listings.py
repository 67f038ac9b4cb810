"""Links mode on a site without sitemaps or feeds: every page of every listing, few wasted requests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from parsel import Selector

from deep_site import DeepSite, serve_deep_site, stories
from hostile_site import Crawl, run_news_crawl
from newscrawl.discover.pagination import next_page_urls

BASE = "https://news.example/world/"


@pytest.mark.parametrize(("html", "url", "expected"), [
    ('<a href="?page=3">3</a><a href="?page=1">1</a>', BASE + "?page=2", BASE + "?page=3"),
    ('<a href="/world/page/2/">2</a>', BASE, BASE + "page/2/"),
    ('<head><link rel="next" href="/world/?offset=10"></head>', BASE, BASE + "?offset=10"),
    ('<a rel="prev next" href="/world/more">›</a>', BASE, BASE + "more"),
    ('<a href="/world/x1">Older stories »</a>', BASE, BASE + "x1"),
    ('<a href="/welt/x2">Ältere Beiträge</a>', BASE, "https://news.example/welt/x2"),
    ('<a href="/x3">Page suivante →</a>', BASE, "https://news.example/x3"),
    ('<a href="/x4">Entradas anteriores</a>', BASE, "https://news.example/x4"),
    ('<a href="/x5">Articoli precedenti</a>', BASE, "https://news.example/x5"),
    ('<a href="/x6">Próxima página</a>', BASE, "https://news.example/x6"),
    ('<a href="/x7">Oudere berichten</a>', BASE, "https://news.example/x7"),
    ('<a href="/2019/10/">October</a><a href="/2019/12/">December</a>', "https://news.example/2019/11/",
     "https://news.example/2019/10/"),
])
def test_the_next_page_is_found_in_each_form(html, url, expected):
    assert next_page_urls(Selector(text=f"<html><body>{html}</body></html>"), url) == [expected]


def test_other_links_are_not_next_pages():
    html = '<a href="/world/?page=5">5</a><a href="/sport/">Sport</a><a href="/world/page/1/">Newer</a>'
    assert next_page_urls(Selector(text=html), BASE + "?page=2") == []


@pytest.fixture(scope="module")
def deep_crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DeepSite, Crawl]]:
    """One links-only crawl of the deep site."""
    with serve_deep_site() as (url, site):
        yield site, run_news_crawl(url, tmp_path_factory.mktemp("deep"), "-s", "DOWNLOAD_DELAY=0")


def test_links_only_crawl_covers_every_page_of_every_listing(deep_crawl):
    site, result = deep_crawl
    assert result.returncode == 0, result.log[-3000:]
    wanted = {s.path for s in stories()}
    written = set(result.records) & wanted
    assert len(written) >= 0.95 * len(wanted), sorted(wanted - written)[:20]
    # the last page of each listing form was reached, at the listing depth of its first page
    for last in ("/world/?page=5", "/business/page/5/", "/science/?offset=40", "/2019/07/"):
        assert site.hits[last] == 1, last


def test_links_only_crawl_spends_at_most_three_requests_per_article(deep_crawl):
    site, result = deep_crawl
    assert result.records and site.requests <= 3 * len(result.records), (site.requests, len(result.records),
                                                                         site.statuses)


def test_pages_of_a_listing_are_bounded_by_max_pagination(tmp_path):
    with serve_deep_site() as (url, site):
        run_news_crawl(url, tmp_path, "-s", "NEWSCRAWL_MAX_PAGINATION=2", "-s", "NEWSCRAWL_LINK_404_BUDGET=1")
    assert site.hits["/world/?page=2"] == 1 and site.hits["/business/page/2/"] == 1
    assert site.hits["/world/?page=3"] == 0 and site.hits["/business/page/3/"] == 0
    assert site.hits["/science/?offset=20"] == 0 and site.hits["/2019/09/"] == 0
