"""RobotsPolicyMiddleware's RFC 9309 decisions, without a crawl: 4xx, 5xx, unreachable, huge."""

from __future__ import annotations

import pytest
import pytest_twisted
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request, TextResponse
from scrapy.utils.test import get_crawler
from scrapy.utils.defer import deferred_from_coro
from twisted.internet.defer import Deferred
from twisted.internet.task import deferLater

from newscrawl.middlewares.drops import DroppedRequest
from newscrawl.middlewares.robots import RobotsPolicyMiddleware, SiteUnavailable

NETLOC = "news.example"
PAGE = Request(f"https://{NETLOC}/local/2024/05/20/a-story")


@pytest.fixture
def middleware() -> RobotsPolicyMiddleware:
    crawler = get_crawler(settings_dict={"ROBOTSTXT_OBEY": True, "NEWSCRAWL_ROBOTSTXT_MAX_BYTES": 64,
                                         "NEWSCRAWL_MAX_CRAWL_DELAY": 30})
    policy = RobotsPolicyMiddleware.from_crawler(crawler)
    policy._parsers[NETLOC] = Deferred()  # noqa: SLF001 - as robot_parser() leaves it while fetching
    return policy


def robots(status: int, body: bytes, flags: list[str] | None = None) -> TextResponse:
    return TextResponse(f"https://{NETLOC}/robots.txt", status=status, body=body, encoding="utf-8",
                        flags=flags)


async def parsed(policy: RobotsPolicyMiddleware, status: int, body: bytes, flags: list[str] | None = None):
    await policy._parse_robots(robots(status, body, flags), NETLOC, PAGE)  # noqa: SLF001
    return policy._parsers[NETLOC]  # noqa: SLF001


@pytest.mark.parametrize("status", [500, 503])
@pytest_twisted.ensureDeferred
async def test_5xx_makes_the_site_unavailable(middleware, status):
    parser = await parsed(middleware, status, b"User-agent: *\nAllow: /\n")
    with pytest.raises(DroppedRequest) as caught:
        middleware.process_request_2(parser, PAGE)
    assert caught.value.code == "robots-unavailable" and str(status) in caught.value.detail


@pytest_twisted.ensureDeferred
async def test_4xx_means_no_rules_even_if_the_error_page_has_some(middleware):
    parser = await parsed(middleware, 404, b"User-agent: *\nDisallow: /\n")
    assert parser.allowed(PAGE.url, "newscrawl")


@pytest_twisted.ensureDeferred
async def test_rules_past_the_size_cap_are_ignored(middleware):
    body = b"User-agent: *\nDisallow: /private/\n" + b"#" * 100 + b"\nDisallow: /local/\n"
    parser = await parsed(middleware, 200, body)
    assert not parser.allowed(f"https://{NETLOC}/private/x", "newscrawl")
    assert parser.allowed(PAGE.url, "newscrawl")


@pytest_twisted.ensureDeferred
async def test_a_download_stopped_at_the_cap_loses_its_half_line_and_is_counted(middleware):
    # ResponseSizeLimit stops the download when the cap is reached: the body may end exactly
    # at the cap, inside a rule ("Disallow: /" of "Disallow: /private/" would forbid everything).
    body = (b"User-agent: *\nDisallow: /archive/\n" + b"#" * 16 + b"\nDisallow: /")[:64]
    assert len(body) <= 64
    parser = await parsed(middleware, 200, body, flags=["download_stopped"])
    assert parser.allowed(PAGE.url, "newscrawl")
    assert not parser.allowed(f"https://{NETLOC}/archive/x", "newscrawl")
    assert middleware.crawler.stats.get_value("newscrawl/robots/truncated") == 1


def test_unreachable_robots_makes_the_site_unavailable(middleware):
    middleware._robots_error(ConnectionRefusedError("refused"), NETLOC)  # noqa: SLF001
    with pytest.raises(DroppedRequest):
        middleware.process_request_2(middleware._parsers[NETLOC], PAGE)  # noqa: SLF001


def test_a_filtered_robots_request_leaves_the_site_open(middleware):
    middleware._robots_error(IgnoreRequest("Filtered offsite request"), NETLOC)  # noqa: SLF001
    assert middleware._parsers[NETLOC] is None  # noqa: SLF001 - Scrapy's "no parser": allow all


@pytest_twisted.ensureDeferred
async def test_every_request_that_waited_for_robots_gets_the_verdict(middleware):
    # Requests queue up while robots.txt is fetched; Scrapy's own class hands the parser to the
    # first of them only (the rest get None: "allow all").
    from twisted.internet import reactor  # late: pytest-twisted installs the asyncio reactor first

    waiting = [deferred_from_coro(middleware.robot_parser(PAGE)) for _ in range(3)]
    await deferLater(reactor, 0.05)  # let them all start waiting
    middleware._unavailable(NETLOC, "answered HTTP 503")  # noqa: SLF001
    verdicts = [await d for d in waiting]
    assert all(isinstance(v, SiteUnavailable) for v in verdicts)
