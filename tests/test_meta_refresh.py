"""Meta refresh redirects are followed as Scrapy follows them; pages without one are not decoded."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newscrawl import settings as project_settings
from newscrawl.middlewares.refresh import MetaRefreshMiddleware, may_refresh

REFRESH = '<html><head><meta http-equiv="Refresh" content="0; url=/news/2024/05/01/moved.html"></head></html>'
PLAIN = "<html><head><title>Budget</title></head><body>" + "<p>Council news.</p>" * 2000 + "</body></html>"


def respond(html: str, encoding: str = "utf-8") -> tuple[Request, HtmlResponse]:
    request = Request("https://news.example/old")
    body = html.encode(encoding)
    return request, HtmlResponse(request.url, body=body, request=request,
                                 headers={"Content-Type": f"text/html; charset={encoding}"})


@pytest.fixture
def middleware() -> MetaRefreshMiddleware:
    return MetaRefreshMiddleware.from_crawler(get_crawler(settings_dict={"METAREFRESH_ENABLED": True}))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "shift_jis"])
def test_a_refresh_tag_is_followed_in_any_encoding(middleware: MetaRefreshMiddleware, encoding: str) -> None:
    request, response = respond(REFRESH, encoding)
    redirected = middleware.process_response(request, response)
    assert isinstance(redirected, Request)
    assert redirected.url == "https://news.example/news/2024/05/01/moved.html"


def test_a_page_without_one_comes_back_undecoded(middleware: MetaRefreshMiddleware) -> None:
    request, response = respond(PLAIN)
    assert middleware.process_response(request, response) is response
    assert getattr(response, "_cached_ubody", None) is None  # response.text was never built


def test_the_test_is_on_the_head_only() -> None:
    late = "<html><body>" + "x" * 20_000 + '<meta http-equiv="refresh" content="0; url=/b"></body></html>'
    assert may_refresh(REFRESH.encode()) and not may_refresh(PLAIN.encode())
    assert not may_refresh(late.encode())  # past the 4,096 characters Scrapy reads


def test_it_replaces_scrapys_in_the_project() -> None:
    middlewares = project_settings.DOWNLOADER_MIDDLEWARES
    assert middlewares["scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"] is None
    assert middlewares["newscrawl.middlewares.refresh.MetaRefreshMiddleware"] == 580
