"""Hostile routes: slow, hanging, huge, binary, mis-encoded and broken pages, URL traps.

Each route is ``route(handler, trace)``; ``hostile_site.serve`` mounts them on a DemoServer.
"""

from __future__ import annotations

import random
import time
import zlib
from collections.abc import Callable, Iterator

from hostile_site import BASE, FILLER, Handler, Trace, article_html, send

# --- slow and broken connections ---------------------------------------------------------------
def slow_page(handler: Handler, trace: Trace) -> None:
    """Answers after half a second: slow but within DOWNLOAD_TIMEOUT."""
    time.sleep(0.5)
    send(handler, 200, article_html("Slow page still arrives").encode())


def hang_after_headers(handler: Handler, trace: Trace) -> None:
    """Headers and a little body, then silence: only DOWNLOAD_TIMEOUT ends it."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", "100000")
    handler.end_headers()
    handler.wfile.write(b"<html><body><p>Almost")
    handler.wfile.flush()
    time.sleep(8)


def trickle(handler: Handler, trace: Trace) -> None:
    """A few bytes every 0.2 s, for ever: each read is quick, the whole never completes."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.end_headers()
    for _ in range(40):
        handler.wfile.write(b"<p>drip</p>")
        handler.wfile.flush()
        time.sleep(0.2)


# --- status codes ------------------------------------------------------------------------------
def rate_limited_once(handler: Handler, trace: Trace) -> None:
    """429 with Retry-After: 1 on the first request, the article after."""
    if trace.hits[handler.path] == 1:
        send(handler, 429, b"slow down", "text/plain", {"Retry-After": "1"})
    else:
        send(handler, 200, article_html("Patience pays after a rate limit").encode())


def unavailable_for_an_hour(handler: Handler, trace: Trace) -> None:
    """503 asking to come back in an hour: longer than the cap."""
    send(handler, 503, b"maintenance", "text/plain", {"Retry-After": "3600"})


def flaky_500(handler: Handler, trace: Trace) -> None:
    """500 on the first request, the article after."""
    if trace.hits[handler.path] == 1:
        send(handler, 500, b"oops")
    else:
        send(handler, 200, article_html("Server recovered on retry").encode())


def not_found(handler: Handler, trace: Trace) -> None:
    """A plain 404."""
    send(handler, 404, b"<h1>Not found</h1>")


def gone(handler: Handler, trace: Trace) -> None:
    """410 Gone."""
    send(handler, 410, b"<h1>Gone</h1>")


# --- redirects ---------------------------------------------------------------------------------
def redirect_loop(handler: Handler, trace: Trace) -> None:
    """Redirects to itself with a growing counter, for ever."""
    hop = int(handler.path.rsplit("hop=", 1)[-1]) if "hop=" in handler.path else 0
    send(handler, 302, b"", headers={"Location": f"{BASE}redirect-loop-never-ends?hop={hop + 1}"})


def redirect_offsite(handler: Handler, trace: Trace) -> None:
    """Redirects to another host (localhost is not 127.0.0.1 for the crawl)."""
    port = handler.server.server_address[1]
    send(handler, 301, b"", headers={"Location": f"http://localhost:{port}{BASE}elsewhere-page-story"})


# --- huge and non-HTML bodies ------------------------------------------------------------------
HUGE = 50 * 1024 * 1024
_CHUNK = (b"<p>" + FILLER.encode() * 8 + b"</p>\n") * 64  # ~75 KB, written again and again


def _stream(handler: Handler, trace: Trace, total: int) -> None:
    sent = 0
    while sent < total:
        handler.wfile.write(_CHUNK)
        sent += len(_CHUNK)
        trace.bytes_sent[handler.path] = sent


def huge_streamed(handler: Handler, trace: Trace) -> None:
    """50 MB of HTML with no Content-Length, produced as a stream (never held in memory)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    _stream(handler, trace, HUGE)


def huge_announced(handler: Handler, trace: Trace) -> None:
    """50 MB announced in Content-Length, then streamed."""
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html")
    handler.send_header("Content-Length", str(HUGE))
    handler.end_headers()
    _stream(handler, trace, HUGE)


def _gzip_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: gzip container
    block = b" " * (1024 * 1024)
    return b"".join(packer.compress(block) for _ in range(size // len(block))) + packer.flush()


_BOMB: list[bytes] = []


def gzip_bomb(handler: Handler, trace: Trace) -> None:
    """64 MB of spaces gzipped into ~64 KB."""
    if not _BOMB:
        _BOMB.append(_gzip_bomb())
    send(handler, 200, _BOMB[0], headers={"Content-Encoding": "gzip"})


def pdf_as_html(handler: Handler, trace: Trace) -> None:
    """A PDF served as text/html."""
    send(handler, 200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\n" * 50)


def png_as_html(handler: Handler, trace: Trace) -> None:
    """A PNG served as text/html."""
    send(handler, 200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)


def garbage_as_html(handler: Handler, trace: Trace) -> None:
    """Random bytes served as text/html."""
    send(handler, 200, random.Random(6).randbytes(20000), "text/html; charset=utf-8")


def image_type(handler: Handler, trace: Trace) -> None:
    """An honest image/jpeg at an article-looking URL."""
    send(handler, 200, b"\xff\xd8\xff\xe0" + bytes(2000), "image/jpeg")


def html_as_octet_stream(handler: Handler, trace: Trace) -> None:
    """A real article whose server does not know its type."""
    send(handler, 200, article_html("Article of unknown type").encode(), "application/octet-stream")


def empty_200(handler: Handler, trace: Trace) -> None:
    """200 with an empty body."""
    send(handler, 200, b"")


# --- encodings and malformed HTML: each still a real article --------------------------------------
FRENCH = "Le café de l’été « déjà vu » à Noël, où l’on mange des crêpes très françaises. " * 5
LATIN1 = "Le café de la gare a réouvert à Noël, déjà plein de clients et de crêpes. " * 5
JAPANESE = "東京都は新しい公園の計画を発表した。市民は長い間この計画を待っていた。" * 8
CHINESE = "北京市政府宣布了新的公园计划。市民们等待了很长时间，终于看到了结果。" * 8


def _fixed(body: bytes, content_type: str = "text/html") -> Callable[[Handler, Trace], None]:
    def route(handler: Handler, trace: Trace) -> None:
        send(handler, 200, body, content_type)

    return route


def _page(headline: str, text: str, head: str = "") -> str:
    return article_html(headline, text, head)


def encoding_routes() -> dict[str, tuple[Callable[[Handler, Trace], None], str]]:
    """Path -> (route, a phrase the record's body must contain, correctly decoded)."""
    mojibake = _page("Mojibake story", FRENCH).encode("utf-8").decode("cp1252", "replace").encode("utf-8")
    cases = {
        "charset-in-header-windows-1252": (_page("Windows story", FRENCH).encode("cp1252"),
                                           "text/html; charset=windows-1252", FRENCH),
        "charset-in-header-iso-8859-1": (_page("Latin story", LATIN1).encode("iso-8859-1"),
                                         "text/html; charset=iso-8859-1", LATIN1),
        "charset-only-in-meta-tag": (_page("Meta story", FRENCH, '<meta charset="windows-1252">').encode("cp1252"),
                                     "text/html", FRENCH),
        "header-says-latin-body-is-utf8": (_page("Wrong header story", FRENCH).encode("utf-8"),
                                           "text/html; charset=iso-8859-1", FRENCH),
        "header-says-utf8-body-is-legacy": (_page("Lying utf8 story", FRENCH).encode("cp1252"),
                                            "text/html; charset=utf-8", FRENCH),
        "utf8-with-byte-order-mark": (b"\xef\xbb\xbf" + _page("BOM story", FRENCH).encode("utf-8"),
                                      "text/html; charset=windows-1252", FRENCH),
        "japanese-in-shift-jis-encoding": (_page("Shift JIS story", JAPANESE, '<meta charset="Shift_JIS">')
                                           .encode("shift_jis"), "text/html", JAPANESE),
        "chinese-in-gb18030-encoding": (_page("GB story", CHINESE).encode("gb18030"),
                                        "text/html; charset=GB18030", CHINESE),
        "utf8-saved-twice-as-mojibake": (mojibake, "text/html; charset=utf-8", FRENCH),
    }
    return {BASE + name: (_fixed(body, ctype), text.split(". ")[0].strip())
            for name, (body, ctype, text) in cases.items()}


DEEP = 10_000
INJECTED = "INJECTED SCRIPT PARAGRAPH"


def malformed_routes() -> dict[str, Callable[[Handler, Trace], None]]:
    """Broken markup around real articles, and a JavaScript-only shell."""
    paragraphs = "".join(f"<p>{FILLER * 2}</p>" for _ in range(3))
    pages = {
        "unclosed-tags-everywhere": "<html><head><title>Unclosed story</title><body><article>"
                                    f"<h1>Unclosed story<p>{FILLER * 3}<p><b>{FILLER * 3}<div><i>{FILLER}",
        "ten-thousand-deep-nesting": "<html><body>" + "<div>" * DEEP + f"<h1>Deep story</h1>{paragraphs}"
                                     + "</div>" * DEEP + "</body></html>",
        "body-inside-a-table": f"<html><body><table><tr><td><body><h1>Table story</h1>{paragraphs}"
                               "</td></tr></table></body></html>",
        "script-with-markup-inside": article_html("Script story").replace(
            '<div class="article-body">',
            f'<div class="article-body"><script>document.write("<p>{INJECTED}</p></div>");</script>'),
        "javascript-only-app-shell": '<!DOCTYPE html><html><head><title>App</title>'
                                     '<script src="/static/app.js"></script></head><body><div id="root"></div>'
                                     "<noscript>You need to enable JavaScript to run this app.</noscript>"
                                     '<script>window.__STATE__={"page":"article"}</script></body></html>',
    }
    return {BASE + name: _fixed(html.encode("utf-8"), "text/html; charset=utf-8") for name, html in pages.items()}


# --- a parameter that selects content --------------------------------------------------------
BY_ID = BASE + "story-chosen-by-its-id-parameter"


def story_by_id(handler: Handler, trace: Trace) -> None:
    """One article per ?id= value: the parameter selects content and must be kept."""
    story = handler.path.rsplit("id=", 1)[-1].split("&")[0]
    send(handler, 200, article_html(f"Story number {story}").encode())


def iter_routes() -> Iterator[tuple[str, Callable[[Handler, Trace], None]]]:
    """Every hostile route above, at its path."""
    for name, route in {
        "slow-page-still-arrives": slow_page, "hang-after-the-headers": hang_after_headers,
        "trickle-never-completes": trickle, "rate-limited-once-then-fine": rate_limited_once,
        "unavailable-for-an-hour": unavailable_for_an_hour, "flaky-server-recovers-on-retry": flaky_500,
        "page-is-not-found": not_found, "page-is-gone-forever": gone,
        "redirect-loop-never-ends": redirect_loop, "redirect-to-another-site": redirect_offsite,
        "huge-page-streamed-without-length": huge_streamed, "huge-page-announced-in-length": huge_announced,
        "gzip-bomb-page-story": gzip_bomb, "pdf-served-as-html": pdf_as_html,
        "png-served-as-html": png_as_html, "random-garbage-as-html": garbage_as_html,
        "honest-image-at-story-url": image_type, "empty-page-with-status-ok": empty_200,
        "article-served-as-octet-stream": html_as_octet_stream,
    }.items():
        yield BASE + name, route
