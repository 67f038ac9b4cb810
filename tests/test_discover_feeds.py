"""RSS and Atom entries with their links and dates."""

from __future__ import annotations

from newscrawl.discover.feeds import is_feed, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://a.example/2024/05/01/one-story-here</link>
<pubDate>Wed, 01 May 2024 09:30:00 +0200</pubDate></item>
<item><title>Two</title><guid>https://a.example/2024/05/02/two-story-here</guid></item>
</channel></rss>"""
ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>A</title><link rel="self" href="/self"/><link rel="alternate" href="/2024/05/03/atom-story"/>
<published>2024-05-03T10:00:00Z</published><updated>2024-05-04T08:00:00Z</updated></entry></feed>"""


def test_rss_items_give_link_title_and_date():
    first, second = parse_feed(RSS)
    assert first.url == "https://a.example/2024/05/01/one-story-here"
    assert first.published == "Wed, 01 May 2024 09:30:00 +0200" and first.title == "One"
    assert second.url == "https://a.example/2024/05/02/two-story-here"  # guid when no link


def test_atom_prefers_the_alternate_link_and_resolves_it():
    (entry,) = parse_feed(ATOM, base_url="https://b.example/feed.xml")
    assert entry.url == "https://b.example/2024/05/03/atom-story"
    assert entry.published == "2024-05-03T10:00:00Z" and entry.updated == "2024-05-04T08:00:00Z"


def test_non_feeds():
    assert not is_feed(b"<!DOCTYPE html><html>")
    assert is_feed(RSS) and is_feed(ATOM)
    assert parse_feed(b"") == []
