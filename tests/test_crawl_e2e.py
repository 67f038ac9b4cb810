"""End to end: `scrapy crawl news -a url=... -O out.jsonl` against the demo site on loopback."""

from __future__ import annotations

from collections import Counter

import jsonschema
import pytest

from conftest import crawl_news
from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import PRIVATE_PATH
from newscrawl.schema import article_json_schema


@pytest.fixture(scope="module")
def crawl(tmp_path_factory):
    """One crawl of the demo site, shared by the assertions below."""
    with DemoServer() as server:
        result = crawl_news(tmp_path_factory.mktemp("e2e"), "-a", f"url={server.url}/")
    assert result.returncode == 0, result.log[-3000:]
    return server, result


def test_every_article_once_and_nothing_else(crawl):
    server, result = crawl
    expected = {server.url + story.path for story in server.site.stories}
    canonical = Counter(r["canonicalUrl"] for r in result.records)
    assert set(canonical) == expected
    assert max(canonical.values()) == 1


def test_disallowed_and_trap_pages_are_never_fetched(crawl):
    server, _ = crawl
    paths = [path for _, path, _ in server.requests]
    assert PRIVATE_PATH not in paths
    assert sum(p.startswith("/calendar/") for p in paths) == 0
    assert not [p for p in paths if p.startswith(("/tag/", "/author/", "/login", "/video/", "/search"))]


def test_no_url_is_requested_twice(crawl):
    server, _ = crawl
    paths = Counter(path for _, path, _ in server.requests if path != "/robots.txt")
    assert max(paths.values()) == 1


def test_records_follow_the_schema_and_carry_normalized_fields(crawl):
    server, result = crawl
    schema = article_json_schema()
    by_url = {r["canonicalUrl"]: r for r in result.records}
    for record in result.records:
        jsonschema.validate(record, schema)
    story = server.site.stories[4]  # "By JOHN MCDONALD and JANE ROE, Associated Press"
    record = by_url[server.url + story.path]
    assert record["headline"] == story.headline
    assert record["datePublished"] == story.published
    assert [a["name"] for a in record["authors"]] == ["John McDonald", "Jane Roe"]
    assert record["agencies"] == ["Associated Press"]
    assert record["inLanguage"] == "en-US"
    assert record["metadata"]["dateDownloaded"].endswith("Z")
    assert "Sign up for our newsletter" not in record["articleBody"]
    assert "Related stories" not in record["articleBody"]


def test_discovery_sources_are_recorded(crawl):
    _, result = crawl
    via = Counter(r["discoveredVia"] for r in result.records)
    assert via["news-sitemap"] == 4 and via["sitemap"] >= 1
    assert set(via) <= {"news-sitemap", "sitemap", "feed", "link"}


def test_drops_are_counted_by_reason(crawl):
    _, result = crawl
    assert result.stats["dropped"]["listing-page"] >= 1  # the section page the sitemap lists
    assert result.stats["dropped"]["duplicate-url"] == 1  # the share alias with a canonical link


def test_remote_control_servers_stay_off(crawl):
    _, result = crawl
    assert "Telnet console listening" not in result.log
    assert "Remote control HTTP server listening" not in result.log


def test_requests_identify_the_crawler(crawl):
    server, _ = crawl
    agents = {headers.get("User-Agent", "") for _, _, headers in server.requests}
    assert agents and all(agent.startswith("newscrawl/") for agent in agents)
