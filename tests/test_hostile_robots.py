"""robots.txt as RFC 9309 says (missing, 5xx, malformed, huge), Crawl-delay, and per-site caps."""

from __future__ import annotations

import json

from hostile_site import HostileSite, run_news_crawl, serve

from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import PRIVATE_PATH

RULES = b"User-agent: *\nDisallow: /private/\n"


def crawl_with_robots(tmp_path, robots: bytes | None = None, status: int = 200, *args: str, **kw):
    """Crawl a two-story HostileSite whose robots.txt is ``robots`` with ``status``."""
    with serve({}, robots=robots, robots_status=status) as server:
        result = run_news_crawl(server.url, tmp_path, *args, **kw)
    return server, result


def fetched(server: DemoServer) -> list[str]:
    return [path for _, path, _ in server.requests]


def test_robots_5xx_skips_the_whole_site(tmp_path):
    server, result = crawl_with_robots(tmp_path, b"<h1>Service unavailable</h1>", 503)
    assert result.returncode == 0, result.log[-2000:]
    assert result.records == {}
    assert set(fetched(server)) == {"/robots.txt"}  # nothing else: the site is off limits
    assert result.stats["stats"]["newscrawl/robots/unavailable"] == 1
    warnings = [line for line in result.log.splitlines() if "RFC 9309" in line]
    assert len(warnings) == 1 and "WARNING" in warnings[0] and "503" in warnings[0]


def test_robots_404_allows_everything_and_report_lands_next_to_output(tmp_path):
    server, result = crawl_with_robots(tmp_path, b"<h1>Not found</h1>", 404, stats_file=False)
    assert PRIVATE_PATH in fetched(server)  # no rules: even the private page may be fetched
    assert len(result.records) >= 2
    report = json.loads((tmp_path / "out.stats.json").read_text())
    assert report["finish_reason"] == "finished"
    assert report["stats"]["item_scraped_count"] == len(result.records)
    prefix = "newscrawl/dropped/"
    assert report["dropped"] == {k.removeprefix(prefix): v for k, v in report["stats"].items()
                                 if k.startswith(prefix)}
    assert report["dropped"]


def test_malformed_robots_keeps_the_rules_it_can_read(tmp_path):
    junk = b"\x00\xff\xfe<html><body>oops</body></html>\nNot a rule at all\n:::\n"
    server, result = crawl_with_robots(tmp_path, junk + RULES + junk * 3)
    assert result.returncode == 0
    assert PRIVATE_PATH not in fetched(server)
    assert len(result.records) >= 2


def test_huge_robots_is_parsed_up_to_the_cap(tmp_path):
    # RFC 9309 2.5: parse at least 500 KiB; what lies beyond may be ignored, and is.
    padding = b"# " + b"x" * 78 + b"\n"
    body = RULES + padding * (700 * 1024 // len(padding)) + b"Disallow: /local/\n"
    server, result = crawl_with_robots(tmp_path, body)
    assert PRIVATE_PATH not in fetched(server)  # the rule before the cap holds
    assert any(path.startswith("/local/2024/") for path in result.records)  # the one after it does not
    assert result.stats["stats"]["newscrawl/robots/truncated"] >= 1


def test_crawl_delay_spaces_the_requests(tmp_path):
    delay = 0.3
    server, result = crawl_with_robots(tmp_path, RULES + f"Crawl-delay: {delay}\n".encode())
    assert result.returncode == 0 and len(result.records) >= 2
    times = sorted(t for t, path in server.site.trace.times if path != "/robots.txt")
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) >= 5 and min(gaps) >= delay * 0.5, gaps  # without it: a few ms
    assert result.stats["stats"][f"newscrawl/robots/crawl_delay/{server.url.split('//')[1]}"] == delay


def test_crawl_delay_is_capped(tmp_path):
    server, result = crawl_with_robots(tmp_path, RULES + b"Crawl-delay: 3600\n", 200,
                                       "-s", "NEWSCRAWL_MAX_CRAWL_DELAY=0.05")
    assert result.stats["stats"][f"newscrawl/robots/crawl_delay/{server.url.split('//')[1]}"] == 0.05
    assert any("NEWSCRAWL_MAX_CRAWL_DELAY" in line for line in result.log.splitlines())


def test_max_pages_per_site(tmp_path):
    with DemoServer() as server:  # the full demo site: twelve stories
        result = run_news_crawl(server.url, tmp_path, "-s", "NEWSCRAWL_MAX_PAGES_PER_SITE=3")
    articles = [p for p in fetched(server) if server.site.story_at(p)]
    assert len(articles) <= 3 and len(result.records) <= 3
    assert result.stats["dropped"]["max-pages-per-site"] >= 5
    lines = [line for line in result.log.splitlines() if "max-pages-per-site" in line and "INFO" in line]
    assert len(lines) == 1 and "NEWSCRAWL_MAX_PAGES_PER_SITE=3" in lines[0]


def test_hostile_site_serves_the_configured_robots():
    site = HostileSite([], robots=b"User-agent: *\n", robots_status=503)
    assert site.robots().status == 503
