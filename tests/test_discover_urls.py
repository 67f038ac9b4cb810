"""Which URLs look like stories, which are traps, and the canonical form we de-duplicate on."""

from __future__ import annotations

import pytest

from newscrawl.discover.urls import (
    canonical_request_url, is_article_url, is_calendar_url, is_excluded_url, pagination_number,
)


@pytest.mark.parametrize("url", [
    "https://n.example/world/2013/11/02/japan-russia-agree",
    "https://n.example/politics/council-approves-new-budget-for-parks",
    "https://n.example/story/1000001",
    "https://n.example/news/20240501-budget.html",
])
def test_story_shaped_urls(url):
    assert is_article_url(url)


@pytest.mark.parametrize("url", [
    "https://n.example/", "https://n.example/world/", "https://n.example/world/page/2/",
    "https://n.example/tag/city-council-budget-news/", "https://n.example/author/maria-lopez-staff-writer",
    "https://n.example/video/watch-the-council-meeting-live", "https://n.example/login",
    "https://n.example/2024/05/", "https://n.example/photo-of-the-mayor-at-the-event.jpg",
])
def test_not_story_shaped_urls(url):
    assert not is_article_url(url)


def test_calendar_and_excluded_pages():
    assert is_calendar_url("https://n.example/2024/05/17/")
    assert not is_calendar_url("https://n.example/2024/05/17/some-story")
    assert is_excluded_url("https://n.example/search?q=x")


def test_canonical_form_drops_tracking_but_keeps_content_parameters():
    url = "https://n.example/a/story;jsessionid=ABC?utm_source=tw&id=7&fbclid=zz&gclid=1#comments"
    assert canonical_request_url(url) == "https://n.example/a/story?id=7"
    assert canonical_request_url("https://n.example/a?b=2&a=1") == "https://n.example/a?a=1&b=2"


def test_pagination_numbers():
    assert pagination_number("https://n.example/world/page/3/") == 3
    assert pagination_number("https://n.example/world?page=12") == 12
    assert pagination_number("https://n.example/world/") is None
