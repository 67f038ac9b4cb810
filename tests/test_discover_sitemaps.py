"""Sitemap parsing keeps what Scrapy's parser drops: nested Google News dates and titles."""

from __future__ import annotations

from newscrawl.discover.sitemaps import parse_sitemap

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://news.example/world/2013/11/02/japan-russia-defense</loc>
    <news:news>
      <news:publication><news:name>Example News</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2013-11-02T11:16:00-07:00</news:publication_date>
      <news:title>Japan, Russia agree to expand defense ties</news:title>
    </news:news>
  </url>
  <url><loc>https://news.example/local/2013/11/01/council-budget</loc><lastmod>2013-11-01</lastmod></url>
</urlset>"""


def test_news_sitemap_keeps_publication_date_and_title():
    document = parse_sitemap(NEWS_SITEMAP)
    assert document.kind == "urlset"
    first, second = document.entries
    assert first.news_publication_date == "2013-11-02T11:16:00-07:00"
    assert first.news_title == "Japan, Russia agree to expand defense ties"
    assert second.lastmod == "2013-11-01" and second.news_title is None


def test_publication_name_is_not_taken_for_the_title():
    entry = parse_sitemap(NEWS_SITEMAP).entries[0]
    assert entry.news_title != "Example News"


def test_sitemap_index_lists_child_sitemaps():
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://news.example/sitemap-1.xml</loc><lastmod>2024-05-01</lastmod></sitemap>
      <sitemap><loc>https://news.example/news.xml</loc></sitemap></sitemapindex>"""
    document = parse_sitemap(index)
    assert document.kind == "sitemapindex"
    assert [e.loc for e in document.entries] == ["https://news.example/sitemap-1.xml", "https://news.example/news.xml"]


def test_garbage_is_an_empty_document():
    assert parse_sitemap(b"<html><body>not a sitemap</body></html>").entries == []
    assert parse_sitemap(b"\x00\x01\x02").entries == []

