"""Spider callbacks on responses built from bytes: what gets queued, with which hints."""

from __future__ import annotations

import pytest
from scrapy.http import HtmlResponse, Request, TextResponse, XmlResponse
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

from newscrawl.crawl_state import LINKS
from newscrawl.items import FetchedPage
from newscrawl.pipelines.pool import page_input
from newscrawl.sites import SiteConfigError
from newscrawl.spiders.news import NewsSpider

HOME = "https://news.example/"


@pytest.fixture
def spider():
    project = Settings()
    project.setmodule("newscrawl.settings")
    crawler = get_crawler(NewsSpider, settings_dict={**project.copy_to_dict(), "NEWSCRAWL_MAX_LISTING_DEPTH": 2})
    return NewsSpider.from_crawler(crawler, url=HOME)


def _meta(**extra):
    return {"site": "news.example", **extra}


def test_news_sitemap_entries_become_article_requests_with_hints(spider):
    body = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
    <url><loc>https://news.example/world/2013/11/02/japan-russia-defense</loc><news:news>
    <news:publication_date>2013-11-02T11:16:00-07:00</news:publication_date><news:title>Japan</news:title></news:news></url>
    <url><loc>https://news.example/tag/japan/</loc></url>
    <url><loc>https://elsewhere.example/2013/11/02/other-site-story</loc></url></urlset>"""
    response = XmlResponse("https://news.example/news.xml", body=body, request=Request("https://news.example/news.xml", meta=_meta()))
    (request,) = list(spider.parse_sitemap(response))
    assert request.url == "https://news.example/world/2013/11/02/japan-russia-defense"
    assert request.meta["discovered_via"] == "news-sitemap"
    assert request.meta["hints"] == {"news_publication_date": "2013-11-02T11:16:00-07:00", "news_title": "Japan"}


def test_links_wait_for_the_link_phase(spider):
    html = b'<html><body><a href="/world/2024/05/01/a-story-about-things">s</a></body></html>'
    response = HtmlResponse(HOME + "local/", body=html, request=Request(HOME + "local/", meta=_meta(listing_depth=1)))
    assert list(spider.parse_listing(response)) == []
    assert spider.crawl_state.claim_phase(LINKS)  # as _next_phase does when the spider is idle
    (request,) = list(spider._link_phase())
    assert request.url == "https://news.example/world/2024/05/01/a-story-about-things"
    assert request.meta["discovered_via"] == "link"


def test_section_links_split_into_articles_and_bounded_listings(spider):
    spider.crawl_state.claim_phase(LINKS)  # the link phase has begun
    html = b"""<html><body><a href="/world/2024/05/01/a-story-about-things">s</a><a href="/world/">w</a>
    <a href="/world/page/9/">deep page</a><a href="/calendar/2024/05/">cal</a><a href="/tag/x/">t</a>
    <a href="https://other.example/2024/05/01/offsite-story-here">o</a></body></html>"""
    response = HtmlResponse(HOME + "local/", body=html, request=Request(HOME + "local/", meta=_meta(listing_depth=1)))
    requests = list(spider.parse_listing(response))
    assert [(r.url, r.callback.__name__) for r in requests] == [
        ("https://news.example/world/2024/05/01/a-story-about-things", "parse_article"),
        ("https://news.example/world/", "parse_listing"),
    ]
    assert requests[1].meta["listing_depth"] == 2


def test_listing_depth_limit_stops_following_sections(spider):
    spider.crawl_state.claim_phase(LINKS)  # the link phase has begun
    html = b'<html><body><a href="/world/">w</a></body></html>'
    response = HtmlResponse(HOME + "local/", body=html, request=Request(HOME + "local/", meta=_meta(listing_depth=2)))
    assert list(spider.parse_listing(response)) == []


def test_article_page_is_decoded_despite_a_wrong_header_charset(spider):
    html = "<html><head><meta charset='utf-8'></head><body><p>Café in Zürich</p></body></html>".encode()
    request = Request(HOME + "2024/05/01/cafe-story-in-zurich", meta=_meta(discovered_via="feed", hints={"feed_published": "x"}))
    response = TextResponse(request.url, body=html, headers={"Content-Type": "text/html; charset=iso-8859-1"}, request=request)
    page = next(iter(spider.parse_article(response)))
    assert isinstance(page, FetchedPage)
    assert page.body == html  # decoded in the extraction worker, from the body and its headers
    assert "Café in Zürich" in page_input(page).html
    assert page.discovered_via == "feed" and page.hints == {"feed_published": "x"}


def test_binary_content_is_not_handed_to_the_pipelines(spider):
    request = Request(HOME + "2024/05/01/a-pdf-posing-as-html", meta=_meta())
    response = HtmlResponse(request.url, body=b"%PDF-1.7\n\x00\x01\x02binary", request=request)
    assert list(spider.parse_article(response)) == []
    assert spider.crawler.stats.get_value("newscrawl/dropped/not-html") == 1


def test_spider_needs_something_to_crawl():
    # Built without a site (as `scrapy parse` builds it), it refuses only to start a crawl.
    spider = NewsSpider()
    with pytest.raises(SiteConfigError, match="-a url="):
        spider.start().__anext__().send(None)  # its first step, without an event loop


def _article_response(spider, path="world/2024/05/01/a-story-about-things"):
    html = b'<html><body><p>Story</p><a href="/world/2024/05/02/another-story-about-things">next</a></body></html>'
    request = Request(HOME + path, meta=_meta(discovered_via="link"))
    return HtmlResponse(request.url, body=html, request=request)


def test_story_links_are_followed_on_a_site_without_sitemap_or_feed_entries(spider):
    spider.crawl_state.claim_phase(LINKS)  # the link phase has begun
    outputs = list(spider.parse_article(_article_response(spider)))
    assert [o.url for o in outputs if isinstance(o, Request)] == [
        "https://news.example/world/2024/05/02/another-story-about-things"]


def test_story_links_are_not_read_once_a_sitemap_listed_the_site_articles(spider):
    spider.crawl_state.claim_phase(LINKS)  # the link phase has begun
    assert spider._article_request(HOME + "world/2024/05/03/listed-in-the-sitemap",
                                   spider.sites["news.example"], "sitemap", {})
    outputs = list(spider.parse_article(_article_response(spider)))
    assert [o for o in outputs if isinstance(o, Request)] == []


def test_robots_txt_read_by_the_spider_gives_its_sitemap_lines(spider):
    # ROBOTSTXT_OBEY off: the spider reads robots.txt itself (Scrapy's sitemap_urls_from_robots)
    body = b"User-agent: *\nDisallow: /private/\nSitemap: https://news.example/s1.xml\nsitemap:/s2.xml\n"
    request = Request(HOME + "robots.txt", meta=_meta())
    requests = list(spider.parse_robots(TextResponse(request.url, body=body, request=request)))
    assert [(r.url, r.callback.__name__) for r in requests] == [
        ("https://news.example/s1.xml", "parse_sitemap"), ("https://news.example/s2.xml", "parse_sitemap")]


def test_robots_txt_without_sitemap_lines_tries_the_usual_paths(spider):
    request = Request(HOME + "robots.txt", meta=_meta())
    missing = TextResponse(request.url, status=404, body=b"Sitemap: /not-read.xml\n", request=request)
    assert [r.url for r in spider.parse_robots(missing)] == [
        HOME + "sitemap.xml", HOME + "sitemap_index.xml", HOME + "news-sitemap.xml"]
