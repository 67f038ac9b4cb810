"""One crawl of a hostile site on 127.0.0.1: every broken page ends as a record or a counted drop.

The crawl is shared by the assertions below; it takes a few seconds (timeouts of 2 s, in parallel).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from hostile_routes import BY_ID, HUGE, INJECTED, encoding_routes, iter_routes, malformed_routes, story_by_id
from hostile_site import BASE, TRACKED_LINKS, Crawl, DemoServer, TrapSite, run_news_crawl, serve

ENCODINGS = encoding_routes()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[DemoServer, Crawl]]:
    """The hostile crawl: short timeout and one retry keep it quick."""
    routes = {**dict(iter_routes()), **{p: r for p, (r, _) in ENCODINGS.items()}, **malformed_routes(),
              BY_ID: story_by_id}
    listed = [*routes, f"{BY_ID}?id=1&utm_source=rss", f"{BY_ID}?id=2"]
    listed.remove(BY_ID)
    with serve(routes, listed, site_class=TrapSite) as server:
        result = run_news_crawl(server.url, tmp_path_factory.mktemp("hostile"),
                                "-s", "DOWNLOAD_TIMEOUT=2", "-s", "RETRY_TIMES=1",
                                "-s", "MEMUSAGE_CHECK_INTERVAL_SECONDS=0.1")  # sample memory often
        yield server, result


def dropped(result: Crawl) -> dict[str, int]:
    return result.stats["dropped"]


def drop_lines(result: Crawl, path: str) -> list[str]:
    """INFO lines that report the drop of ``path``."""
    return [line for line in result.log.splitlines() if "Dropped: " in line and path in line]


def test_crawl_finishes_cleanly(crawl):
    _, result = crawl
    assert result.returncode == 0, result.log[-3000:]
    assert result.stats["stats"]["finish_reason"] == "finished"
    assert " ERROR: " not in result.log and "Traceback" not in result.log


@pytest.mark.parametrize(("name", "code"), [
    ("hang-after-the-headers", "timeout"), ("trickle-never-completes", "timeout"),
    ("unavailable-for-an-hour", "rate-limited"), ("page-is-not-found", "http-404"),
    ("page-is-gone-forever", "http-410"), ("redirect-loop-never-ends", "redirect-loop"),
    ("redirect-to-another-site", "offsite-redirect"), ("huge-page-streamed-without-length", "too-large"),
    ("huge-page-announced-in-length", "too-large"), ("gzip-bomb-page-story", "too-large"),
    ("pdf-served-as-html", "not-html"), ("png-served-as-html", "not-html"),
    ("random-garbage-as-html", "not-html"), ("honest-image-at-story-url", "not-html"),
    ("empty-page-with-status-ok", "empty-response"), ("javascript-only-app-shell", "no-content"),
])
def test_each_bad_page_is_dropped_once_with_its_reason(crawl, name, code):
    _, result = crawl
    lines = drop_lines(result, BASE + name)
    assert len(lines) == 1, lines
    assert f"Dropped: {code}: " in lines[0] and " INFO: " in lines[0]
    assert dropped(result)[code] >= 1


def test_drop_counts_match_the_drop_lines(crawl):
    _, result = crawl
    lines = [line for line in result.log.splitlines() if "Dropped: " in line]
    codes = [re.search(r"Dropped: ([a-z0-9-]+):", line).group(1) for line in lines]
    assert {code: codes.count(code) for code in codes} == dropped(result)


def test_slow_flaky_and_rate_limited_pages_still_arrive(crawl):
    server, result = crawl
    for name in ("slow-page-still-arrives", "flaky-server-recovers-on-retry", "rate-limited-once-then-fine"):
        assert BASE + name in result.records, name
    assert server.site.trace.hits[BASE + "flaky-server-recovers-on-retry"] == 2


def test_html_of_unknown_type_is_judged_by_its_bytes(crawl):
    _, result = crawl
    assert result.records[BASE + "article-served-as-octet-stream"]["headline"] == "Article of unknown type"


def test_retry_after_is_obeyed_then_the_page_is_written(crawl):
    server, result = crawl
    path = BASE + "rate-limited-once-then-fine"
    assert server.site.trace.hits[path] == 2  # the 429, then the page
    # the retry waited as Retry-After: 1 asked (the 3600 s one is over the cap: dropped, not waited)
    assert result.stats["stats"]["newscrawl/retry_after/waited"] == 1
    assert result.records[path]["headline"] == "Patience pays after a rate limit"
    assert not drop_lines(result, path)


def test_not_retried_when_pointless(crawl):
    server, _ = crawl
    hits = server.site.trace.hits
    assert hits[BASE + "page-is-not-found"] == 1 and hits[BASE + "page-is-gone-forever"] == 1
    assert hits[BASE + "unavailable-for-an-hour"] == 1  # Retry-After 3600 s is over the cap


def test_huge_pages_are_cut_early(crawl):
    server, result = crawl
    sent = server.site.trace.bytes_sent
    # Cut at DOWNLOAD_MAXSIZE (8 MB): the server never gets to write the 50 MB.
    assert sent[BASE + "huge-page-streamed-without-length"] < 16 * 1024 * 1024 < HUGE
    assert sent[BASE + "huge-page-announced-in-length"] < 16 * 1024 * 1024
    # Without the cut the crawl process grows by ~500 MB here; with it, by about 20 MB.
    stats = result.stats["stats"]
    assert stats["memusage/max"] - stats["memusage/startup"] < 100 * 1024 * 1024


def test_redirect_chains_end(crawl):
    server, _ = crawl
    assert server.site.trace.hits[BASE + "redirect-loop-never-ends"] == 6  # REDIRECT_MAX_TIMES = 5, + 1
    assert not [path for _, path, _ in server.requests if "elsewhere-page-story" in path]


@pytest.mark.parametrize("path", sorted(ENCODINGS))
def test_every_encoding_is_decoded(crawl, path):
    _, result = crawl
    record = result.records[path]
    phrase = ENCODINGS[path][1]
    assert phrase in record["articleBody"]
    for field in ("headline", "articleBody", "description"):
        text = record.get(field) or ""
        assert "\ufffd" not in text and "Ã" not in text and "â€" not in text, (field, text[:80])


def test_malformed_markup_still_gives_records(crawl):
    _, result = crawl
    for name in ("unclosed-tags-everywhere", "body-inside-a-table", "script-with-markup-inside"):
        assert len(result.records[BASE + name]["articleBody"]) > 300, name
    assert INJECTED not in result.records[BASE + "script-with-markup-inside"]["articleBody"]
    # libxml2 stops building the tree past 2048 levels (the page nests 10,000): no text is left,
    # so the page is dropped once as no-content, and the crawl goes on.
    deep = BASE + "ten-thousand-deep-nesting"
    assert deep not in result.records
    (line,) = drop_lines(result, deep)
    assert "Dropped: no-content: " in line


def test_javascript_shell_points_to_rendering(crawl):
    _, result = crawl
    (line,) = drop_lines(result, BASE + "javascript-only-app-shell")
    assert "scrapy-playwright" in line and "NEWSCRAWL_RENDER_JAVASCRIPT" in line


def test_tracking_and_session_parameters_are_dropped(crawl):
    server, _ = crawl
    story = server.site.stories[0].path
    targets = [path for _, path, _ in server.requests]
    assert targets.count(story) == 1
    assert not [t for t in targets if re.search(r"utm_|jsessionid|fbclid|gclid|[?&]sid=", t)]
    assert TRACKED_LINKS  # the home page did link them


def test_parameters_that_select_content_are_kept(crawl):
    _, result = crawl
    assert result.records[f"{BY_ID}?id=1"]["headline"] == "Story number 1"
    assert result.records[f"{BY_ID}?id=2"]["headline"] == "Story number 2"


def test_pagination_and_calendar_traps_end(crawl):
    server, _ = crawl
    targets = [path for _, path, _ in server.requests]
    pages = [int(m.group(1)) for t in targets if (m := re.search(r"/page/(\d+)", t))]
    assert pages and max(pages) <= 5  # NEWSCRAWL_MAX_PAGINATION
    assert not [t for t in targets if t.startswith("/calendar/")]


def test_summary_table_lists_the_reasons(crawl):
    _, result = crawl
    table = result.log.split("pages dropped:")[-1]
    assert re.search(r"^\s+timeout\s+2$", table, re.MULTILINE)
    assert re.search(r"^\s+too-large\s+3$", table, re.MULTILINE)


def test_nothing_is_lost(crawl):
    server, result = crawl
    listed = {p.split("&utm")[0] for p in server.site.paths}
    written = set(result.records)
    reported = {p for p in listed if any(p in line for line in result.log.splitlines() if "Dropped: " in line)}
    assert listed <= written | reported, sorted(listed - written - reported)
