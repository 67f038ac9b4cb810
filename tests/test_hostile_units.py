"""Pure parts of the hostile-web handling: Retry-After, drop reasons, URL canonical form,
robots.txt truncation, the JavaScript-shell check and where the crawl report goes."""

from __future__ import annotations

from datetime import datetime, timezone

import lxml.html
import pytest
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, StopDownload
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError

from newscrawl.discover.urls import canonical_request_url
from newscrawl.extensions.report import format_report, stats_path_for
from newscrawl.extract.errors import EmptyBody
from newscrawl.extract.page import ArticlePage, PageInput
from newscrawl.extract.shell import is_javascript_shell
from newscrawl.middlewares.drops import DroppedRequest, failure_reason
from newscrawl.middlewares.retry_after import retry_after_seconds
from newscrawl.middlewares.robots import truncate_robots

NOW = datetime(2024, 5, 20, 12, 0, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(("value", "seconds"), [
    (b"30", 30.0), ("0", 0.0), (" 7 ", 7.0), ("Mon, 20 May 2024 12:02:00 GMT", 120.0),
    ("Mon, 20 May 2024 11:00:00 GMT", 0.0), ("soon", None), ("", None), (None, None), ("-5", None),
])
def test_retry_after_values(value, seconds):
    assert retry_after_seconds(value, NOW) == seconds


def _http_error(status: int) -> HttpError:
    return HttpError(Response("http://x/a", status=status), "ignored")


@pytest.mark.parametrize(("exc", "code"), [
    (_http_error(404), "http-404"), (_http_error(410), "http-410"), (_http_error(503), "http-503"),
    (DownloadTimeoutError("took too long"), "timeout"), (StopDownload(fail=True), "too-large"),
    (IgnoreRequest("Forbidden by robots.txt"), "robots-disallowed"),
    (IgnoreRequest("max redirections reached"), "redirect-loop"),
    (IgnoreRequest("Ignored response <200 x> because its body (1 B compressed, 9 B decompressed so far) "
                   "exceeded DOWNLOAD_MAXSIZE (8 B) during decompression."), "too-large"),
    (DroppedRequest("rate-limited", "Retry-After 3600 s"), "rate-limited"),
    (ConnectionResetError("reset"), "download-error"),
])
def test_every_failure_has_one_reason_code(exc, code):
    assert failure_reason(exc)[0] == code


@pytest.mark.parametrize(("url", "canonical"), [
    ("https://ex.com/a/story?utm_source=x&utm_medium=y&id=7", "https://ex.com/a/story?id=7"),
    ("https://ex.com/a/story?fbclid=IwAR&gclid=1&msclkid=2", "https://ex.com/a/story"),
    ("https://ex.com/a/story;jsessionid=ABC123?page=2", "https://ex.com/a/story?page=2"),
    ("https://ex.com/a/story?PHPSESSID=abc&p=3", "https://ex.com/a/story?p=3"),
    ("https://ex.com/a/story?sid=99&q=flood", "https://ex.com/a/story?q=flood"),
    ("https://ex.com/a/story#comments", "https://ex.com/a/story"),
    ("https://ex.com/news.php?article=12&lang=de", "https://ex.com/news.php?article=12&lang=de"),
])
def test_tracking_and_session_parameters_go_content_parameters_stay(url, canonical):
    assert canonical_request_url(url) == canonical


def test_robots_truncation_keeps_whole_lines():
    body = b"User-agent: *\nDisallow: /a/\n" + b"# pad\n" * 1000 + b"Disallow: /b/\n"
    cut = truncate_robots(body, 100)
    assert cut.endswith(b"\n") and len(cut) <= 100 and b"Disallow: /a/" in cut
    assert truncate_robots(body, len(body)) == body


SHELL = ('<html><head><title>App</title><script src="/app.js"></script></head><body><div id="root"></div>'
         "<noscript>You need to enable JavaScript to run this app.</noscript></body></html>")


def test_javascript_shell_is_recognised():
    assert is_javascript_shell(lxml.html.document_fromstring(SHELL))
    article = "<html><body><script>x=1</script><p>" + "Real words of a story. " * 20 + "</p></body></html>"
    assert not is_javascript_shell(lxml.html.document_fromstring(article))
    assert not is_javascript_shell(lxml.html.document_fromstring("<html><body><p>short</p></body></html>"))


def test_javascript_shell_is_dropped_as_no_content_with_a_pointer():
    with pytest.raises(EmptyBody) as caught:
        ArticlePage(PageInput(url="https://ex.com/a/b-c-d-e", html=SHELL)).to_article()
    assert caught.value.code == "no-content" and "scrapy-playwright" in str(caught.value)


@pytest.mark.parametrize(("uri", "path"), [
    ("out.jsonl", "out.stats.json"), ("file:///data/news.jsonl", "/data/news.stats.json"),
    ("output/news/news-2024-05-20T10-00-00.jsonl.gz", "output/news/news-2024-05-20T10-00-00.stats.json"),
    ("s3://bucket/news.jsonl", None),
])
def test_report_goes_next_to_the_output(uri, path):
    found = stats_path_for(uri)
    assert (str(found) if found else None) == path


def test_dropped_request_is_an_ignore_request():
    # Scrapy handles IgnoreRequest quietly (no ERROR log); ours carries the reason code on top.
    exc = DroppedRequest("robots-unavailable", "robots.txt answered HTTP 503")
    assert isinstance(exc, IgnoreRequest) and str(exc).startswith("robots-unavailable: ")


def test_summary_table_counts_what_reached_the_output_and_every_reason():
    table = format_report({"item_scraped_count": 3, "newscrawl/articles": 4, "newscrawl/dropped/timeout": 2,
                           "newscrawl/dropped/http-404": 5, "newscrawl/discovery/failed/http-503": 1,
                           "newscrawl/robots/unavailable": 1})
    lines = table.splitlines()
    assert lines[0] == "articles written: 3" and lines[1] == "pages dropped: 7"
    assert lines[2].split() == ["http-404", "5"] and lines[3].split() == ["timeout", "2"]
    assert "discovery sources failed: 1" in lines and lines[-1] == "sites skipped (robots.txt unavailable): 1"
