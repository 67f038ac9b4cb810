"""The story links inside a site's articles that keep answering 404 are stopped, counted, logged once."""

from __future__ import annotations

import re

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from deep_site import serve_deep_site, stories
from hostile_site import run_news_crawl
from newscrawl.middlewares.drops import RecordedDrop
from newscrawl.middlewares.link_budget import ARTICLE_LINKS, LINK_SOURCE_META, LinkSourceBudgetMiddleware

GONE = re.compile(r"/gone-story-")


def _middleware(budget: int) -> LinkSourceBudgetMiddleware:
    crawler = get_crawler(settings_dict={"NEWSCRAWL_LINK_404_BUDGET": budget})
    crawler.stats.open_spider()
    return LinkSourceBudgetMiddleware.from_crawler(crawler)


def _answer(middleware: LinkSourceBudgetMiddleware, url: str, status: int, source: str | None = ARTICLE_LINKS) -> None:
    request = Request(url, meta={LINK_SOURCE_META: source} if source else {})
    middleware.process_request(request)
    middleware.process_response(request, HtmlResponse(url, status=status, request=request))


def test_a_source_is_stopped_after_its_budget_of_404s():
    middleware = _middleware(3)
    for n in range(3):
        _answer(middleware, f"https://a.example/2019/01/01/gone-{n}", 404)
    with pytest.raises(RecordedDrop, match="link-source-exhausted"):
        middleware.process_request(Request("https://a.example/2019/01/01/next", meta={LINK_SOURCE_META: ARTICLE_LINKS}))
    assert middleware.stats.get_value("newscrawl/dropped/link-source-exhausted") == 1
    # other hosts, and requests from listings (no source), are not affected
    middleware.process_request(Request("https://b.example/2019/01/01/x", meta={LINK_SOURCE_META: ARTICLE_LINKS}))
    middleware.process_request(Request("https://a.example/2019/01/01/from-a-listing"))


def test_a_source_that_finds_more_than_it_misses_is_kept():
    middleware = _middleware(3)
    for n in range(4):
        _answer(middleware, f"https://a.example/2019/01/01/found-{n}", 200)
    for n in range(4):
        _answer(middleware, f"https://a.example/2019/01/01/gone-{n}", 404)
    middleware.process_request(Request("https://a.example/2019/01/01/next", meta={LINK_SOURCE_META: ARTICLE_LINKS}))
    _answer(middleware, "https://a.example/2019/01/01/gone-5", 404)
    with pytest.raises(RecordedDrop):
        middleware.process_request(Request("https://a.example/2019/01/01/after", meta={LINK_SOURCE_META: ARTICLE_LINKS}))


def test_no_budget_stops_nothing():
    middleware = _middleware(0)
    for n in range(50):
        _answer(middleware, f"https://a.example/2019/01/01/gone-{n}", 404)
    middleware.process_request(Request("https://a.example/2019/01/01/next", meta={LINK_SOURCE_META: ARTICLE_LINKS}))


def test_deep_site_dead_links_stop_after_the_budget(tmp_path):
    with serve_deep_site() as (url, site):
        result = run_news_crawl(url, tmp_path, "-s", "DOWNLOAD_DELAY=0", "-s", "NEWSCRAWL_LINK_404_BUDGET=5")
    assert result.returncode == 0, result.log[-3000:]
    dead = sum(n for target, n in site.hits.items() if GONE.search(target))
    # 5 failures, plus those already sent when the fifth came back (CONCURRENT_REQUESTS = 16)
    assert 5 <= dead <= 5 + 16, dead
    assert result.stats["dropped"]["link-source-exhausted"] > 1000  # 8 dead links in each of 195 stories
    lines = [line for line in result.log.splitlines() if "Link source exhausted" in line]
    assert len(lines) == 1 and "NEWSCRAWL_LINK_404_BUDGET=5" in lines[0] and " INFO: " in lines[0]
    assert not [line for line in result.log.splitlines() if "Dropped: link-source-exhausted" in line]
    # what the listings link is written all the same
    assert {s.path for s in stories()} <= set(result.records)
