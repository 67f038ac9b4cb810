"""The crawl policy on plain data: settings in, decisions out; no spider, no reactor."""

from __future__ import annotations

from dataclasses import replace

import pytest
from scrapy.settings import Settings

from newscrawl.crawl_policy import (
    LINK, CapVerdict, CrawlPolicy, LinkSourceLedger, PageCap, admits_article, current_page,
    is_next_page_candidate,
)
from newscrawl.crawl_state import FEEDS, LINKS, SITEMAPS
from newscrawl.sites import SiteConfigError, SiteIndex, site_from_mapping

NEWS = site_from_mapping({"url": "https://news.example/", "allow": ["/world/"]}, "test")
OTHER = site_from_mapping({"url": "https://other.example/", "domains": ["other.example", "cdn.example"]}, "test")
SITES = SiteIndex([NEWS, OTHER])
POLICY = CrawlPolicy.from_settings(Settings({
    "NEWSCRAWL_MAX_LISTING_DEPTH": 2, "NEWSCRAWL_MAX_PAGINATION": 5, "NEWSCRAWL_FOLLOW_ARTICLE_LINKS": "auto",
    "NEWSCRAWL_SITEMAP_PATHS": ["/sitemap.xml"], "NEWSCRAWL_FEED_PATHS": "/rss"}))
STORY = "https://news.example/world/2024/05/01/a-story-about-things"


def test_settings_are_read_once_with_the_table_defaults():
    policy = CrawlPolicy.from_settings(Settings({"NEWSCRAWL_MAX_PAGINATION": "7", "ROBOTSTXT_OBEY": "True",
                                                 "NEWSCRAWL_FOLLOW_ARTICLE_LINKS": "false"}))
    assert policy.max_pagination == 7 and policy.obey_robots and policy.follow_article_links is False
    # unset: the default declared in settings_table, not 0 as Settings.getint would say
    assert policy.max_listing_depth == 2 and policy.max_pages_per_site == 10000 and policy.min_body_chars == 200
    assert policy.sitemap_paths == ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")


def test_a_bad_setting_value_fails_naming_the_setting():
    with pytest.raises(ValueError, match="NEWSCRAWL_MAX_LISTING_DEPTH"):
        CrawlPolicy.from_settings(Settings({"NEWSCRAWL_MAX_LISTING_DEPTH": "deep"}))


def test_links_wait_until_the_link_phase():
    assert POLICY.defers_links(SITEMAPS) and POLICY.defers_links(FEEDS) and not POLICY.defers_links(LINKS)


def test_sitemaps_named_by_robots_win_over_the_usual_paths():
    assert POLICY.sitemaps_to_read(NEWS, ["https://news.example/s.xml"]) == ["https://news.example/s.xml"]
    assert POLICY.sitemaps_to_read(NEWS, []) == ["https://news.example/sitemap.xml"]
    assert POLICY.feeds_to_read(NEWS, []) == ["https://news.example/rss"]
    assert POLICY.feeds_to_read(NEWS, ["https://news.example/atom"]) == ["https://news.example/atom"]


@pytest.mark.parametrize(("setting", "listed", "follows"), [
    ("auto", 0, True), ("auto", 4, False), (True, 4, True), (False, 0, False)])
def test_article_links_rule(setting, listed, follows):
    assert replace(POLICY, follow_article_links=setting).follows_article_links(listed) is follows


def test_articles_admitted_by_source_site_and_allowed_path():
    assert admits_article(STORY, LINK, NEWS, SITES)
    assert admits_article("https://news.example/world/", "sitemap", NEWS, SITES)  # sitemaps are trusted
    assert not admits_article("https://news.example/world/", LINK, NEWS, SITES)  # a link must look like a story
    assert not admits_article("https://news.example/sport/2024/05/01/a-story-about-sport", LINK, NEWS, SITES)
    assert not admits_article("https://elsewhere.example/world/2024/05/01/a-story-about-x", "feed", NEWS, SITES)
    assert not admits_article("mailto:desk@news.example", "feed", NEWS, SITES)
    assert not admits_article("https://news.example/world/tag/japan/", "sitemap", NEWS, SITES)


def test_listings_followed_to_the_depth_bound_and_not_into_traps():
    assert POLICY.follows_listing("https://news.example/world/", 1, SITES)
    assert not POLICY.follows_listing("https://news.example/world/", 2, SITES)
    assert not POLICY.follows_listing("https://news.example/2024/05/", 0, SITES)  # calendar
    assert not POLICY.follows_listing("https://news.example/world/page/6/", 0, SITES)  # past the page bound
    assert POLICY.follows_listing("https://news.example/world/page/5/", 0, SITES)
    assert not POLICY.follows_listing("https://elsewhere.example/world/", 0, SITES)
    assert not POLICY.follows_listing(STORY, 0, SITES)


def test_next_pages_up_to_the_pagination_bound():
    assert current_page("https://news.example/world/?page=3", None) == 3
    assert current_page("https://news.example/world/", 2) == 2 and current_page("https://news.example/w/", None) == 1
    assert POLICY.next_page("https://news.example/world/page/4/", 3) == 4
    assert POLICY.next_page("https://news.example/world/older", 2) == 3  # rel=next without a number
    assert POLICY.next_page("https://news.example/world/older", 5) is None
    assert POLICY.next_page("https://news.example/world/page/9/", 1) is None
    assert is_next_page_candidate("https://news.example/world/page/2/", SITES)
    assert not is_next_page_candidate(STORY, SITES)
    assert not is_next_page_candidate("https://elsewhere.example/world/page/2/", SITES)


def test_page_cap_per_site_counts_each_refused_url_once():
    cap = PageCap(2)
    urls = [f"https://news.example/world/2024/05/0{n}/story-number-{n}" for n in range(1, 5)]
    assert [cap.admit("news.example", u) for u in urls] == [
        CapVerdict.ADMITTED, CapVerdict.ADMITTED, CapVerdict.CAPPED_FIRST, CapVerdict.CAPPED]
    assert cap.admit("news.example", urls[0]) is CapVerdict.ADMITTED  # admitted once, admitted again
    assert cap.admit("news.example", urls[2]) is CapVerdict.CAPPED_AGAIN
    assert cap.admit("other.example", urls[3]) is CapVerdict.ADMITTED  # each site has its own cap
    assert all(PageCap(0).admit("news.example", u) is CapVerdict.ADMITTED for u in urls)


def test_a_budget_dropped_link_is_sent_when_a_listing_wants_it():
    ledger = LinkSourceLedger()
    assert not ledger.queued(STORY, budgeted=True)
    assert not ledger.queued(STORY, budgeted=False)  # a listing links it while the budgeted one waits
    assert ledger.dropped_unsent(STORY)  # so the budget's drop does not lose it


def test_a_budget_dropped_link_is_let_through_the_dupefilter_later():
    ledger = LinkSourceLedger()
    ledger.queued(STORY, budgeted=True)
    assert not ledger.dropped_unsent(STORY)  # nobody else wants it yet
    assert ledger.queued(STORY, budgeted=False)  # a listing links it later: dont_filter
    assert not ledger.queued(STORY, budgeted=False)  # only once


def test_an_answered_budgeted_link_needs_nothing_more():
    ledger = LinkSourceLedger()
    ledger.queued(STORY, budgeted=True)
    ledger.answered(STORY)
    assert not ledger.queued(STORY, budgeted=False)


def test_sites_are_keyed_by_host_and_found_by_their_domains():
    assert SITES["news.example"] is NEWS and SITES.site_for("https://www.cdn.example/x") is OTHER
    assert SITES.site_for("https://news.example.evil/x") is None
    assert SITES.allowed_domains() == ["cdn.example", "news.example", "other.example"]
    one = SiteIndex([NEWS])
    one.replace(NEWS.with_feeds(["https://news.example/rss"]))
    assert one["news.example"].feeds == ("https://news.example/rss",) and NEWS.feeds == ()


def test_two_sites_of_one_host_are_refused_naming_the_fix():
    second = site_from_mapping({"url": "https://news.example/sport/"}, "test")
    with pytest.raises(SiteConfigError, match="same host news.example.*allow"):
        SiteIndex([NEWS, second])
