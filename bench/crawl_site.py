"""A generated news site of N articles for the crawl benchmark, served on 127.0.0.1.

    .venv/bin/python bench/crawl_site.py --articles 5000 --port-file /tmp/port

Article pages are the benchmark's real pages (``article-body/html``), each reused under many
URLs; the page's own canonical link is replaced by its new URL and each long run of prose in
its body starts with "Report <n>.", so every copy is an article of its own.
The site has what the ``news`` spider looks for: robots.txt with a Sitemap line (and a
disallowed folder), a sitemap index of 1,000-URL sitemaps, an RSS feed of the latest stories,
a home page and section pages. Runs in its own process so its CPU is not the crawler's.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
PAGES = HERE.parent.parent / "shared" / "benchmarks" / "article-body" / "html"
SITEMAP_SIZE = 1000
SECTIONS = ("world", "politics", "business", "science", "sport")
_CANONICAL = re.compile(r"<link\b[^>]*\brel=[\"']?canonical\b[^>]*>", re.I)
_OG_URL = re.compile(r"<meta\b[^>]*\bproperty=[\"']?og:url\b[^>]*>", re.I)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
# a long run of plain text right after a tag: prose (the story's or the chrome's), unless the
# tag opens a script, a style or another element whose text is no prose
_LONG_TEXT = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^<>]*>(?=\s*[^\s<][^<]{59,})")
_NOT_PROSE = frozenset({"script", "style", "noscript", "template", "textarea", "title", "svg"})
_NOT_PROSE_ELEMENT = re.compile(r"<(script|style|noscript|template|textarea|svg)\b.*?</\1\s*>", re.I | re.S)
START = datetime(2024, 5, 1, 12, tzinfo=timezone.utc)


def load_templates(folder: Path = PAGES) -> list[str]:
    """The benchmark pages, decoded (UTF-8 with replacement: the bench measures speed)."""
    files = sorted(folder.glob("*.html.gz"))
    if not files:
        raise SystemExit(f"no pages in {folder}: the crawl bench needs shared/benchmarks")
    return [gzip.decompress(f.read_bytes()).decode("utf-8", "replace") for f in files]


def published(index: int) -> datetime:
    """Story ``index`` was published ``index`` hours before the start date: 0 is the newest."""
    return START - timedelta(hours=index)


def article_path(index: int) -> str:
    """A story-shaped URL path (date and slug), as news sites write them."""
    day = published(index)
    return f"/news/{day:%Y/%m/%d}/story-{index}-council-approves-budget.html"


class Site:
    """Routes of the generated site; ``reply(path)`` gives (status, content type, body)."""

    def __init__(self, articles: int, templates: list[str]) -> None:
        self.articles, self.templates = articles, templates
        self.index = {article_path(i): i for i in range(articles)}
        self._parts: dict[int, list[bytes]] = {}

    def reply(self, path: str, base: str) -> tuple[int, str, bytes]:
        """The response to a GET of ``path`` (absolute links use ``base``)."""
        if path in self.index:
            return 200, "text/html; charset=utf-8", self.article(self.index[path], base)
        if path == "/robots.txt":
            text = f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap_index.xml\n"
            return 200, "text/plain", text.encode()
        if path == "/sitemap_index.xml":
            return 200, "application/xml", self.sitemap_index(base)
        if match := re.fullmatch(r"/sitemaps/(\d+)\.xml", path):
            return 200, "application/xml", self.sitemap(int(match.group(1)), base)
        if path == "/rss.xml":
            return 200, "application/rss+xml", self.feed(base)
        if path == "/":
            return 200, "text/html; charset=utf-8", self.listing("Home", range(30), base)
        if match := re.fullmatch(r"/section/(\w+)/", path):
            return 200, "text/html; charset=utf-8", self.section(match.group(1), base)
        return 404, "text/html", b"<html><body>Not found</body></html>"

    def article(self, index: int, base: str) -> bytes:
        """Template ``index % len(templates)``: its canonical link set to its new URL, and each
        long run of prose in its body opened with "Report <index>." so every copy is its own
        version (else the archive index rightly sees one article under many URLs). Every run,
        not the first: which of them is the story is the extractor's call, not the site's."""
        head, *pieces = self._split(index % len(self.templates))
        link = f'<link rel="canonical" href="{base}{article_path(index)}">'.encode()
        return head + link + f"Report {index}. ".encode().join(pieces)

    def _split(self, number: int) -> list[bytes]:
        # Cut once per template, so serving a page costs the server almost nothing.
        if number not in self._parts:
            html = _OG_URL.sub("", _CANONICAL.sub("", self.templates[number]))
            match = _HEAD.search(html)
            cut = match.end() if match else 0
            body = _BODY.search(html, cut)
            skip = [m.span() for m in _NOT_PROSE_ELEMENT.finditer(html, cut)]
            marks = [m.end() for m in _LONG_TEXT.finditer(html, body.end() if body else cut)
                     if (m.group(1) or m.group(2).lower() not in _NOT_PROSE)
                     and not any(a < m.start() < b for a, b in skip)]
            bounds = [cut, *marks, len(html)]
            self._parts[number] = [html[:cut].encode("utf-8")] + [
                html[a:b].encode("utf-8") for a, b in zip(bounds, bounds[1:])]
        return self._parts[number]

    def sitemap_index(self, base: str) -> bytes:
        """One sitemap per SITEMAP_SIZE stories."""
        count = -(-self.articles // SITEMAP_SIZE)
        items = "".join(f"<sitemap><loc>{base}/sitemaps/{k}.xml</loc></sitemap>" for k in range(count))
        return (f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>').encode()

    def sitemap(self, number: int, base: str) -> bytes:
        """Stories number*SITEMAP_SIZE .. +SITEMAP_SIZE, with lastmod."""
        stop = min(self.articles, (number + 1) * SITEMAP_SIZE)
        items = "".join(f"<url><loc>{base}{article_path(i)}</loc><lastmod>{published(i):%Y-%m-%dT%H:%M:%SZ}"
                        "</lastmod></url>" for i in range(number * SITEMAP_SIZE, stop))
        return (f'<?xml version="1.0" encoding="UTF-8"?><urlset '
                f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>').encode()

    def feed(self, base: str) -> bytes:
        """RSS 2.0 of the 50 newest stories."""
        items = "".join(f"<item><title>Story {i}</title><link>{base}{article_path(i)}</link>"
                        f"<pubDate>{published(i):%a, %d %b %Y %H:%M:%S +0000}</pubDate></item>"
                        for i in range(min(50, self.articles)))
        return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Bench News</title>'
                f"<link>{base}/</link>{items}</channel></rss>").encode()

    def section(self, name: str, base: str) -> bytes:
        """Every fifth story, from the section's offset."""
        start = SECTIONS.index(name) if name in SECTIONS else 0
        return self.listing(name.title(), range(start, min(self.articles, 300), 5), base)

    def listing(self, title: str, indexes: range, base: str) -> bytes:
        """A listing page: the feed link, section links and story links."""
        sections = "".join(f'<a href="/section/{s}/">{s}</a> ' for s in SECTIONS)
        stories = "".join(f'<li><a href="{article_path(i)}">Story {i}</a></li>'
                          for i in indexes if i < self.articles)
        return (f'<html><head><title>{escape(title)}</title><link rel="alternate" '
                f'type="application/rss+xml" href="/rss.xml"></head><body><nav>{sections}'
                f'<a href="/private/admin">admin</a></nav><ul>{stories}</ul></body></html>').encode()


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    """A keep-alive request handler bound to ``site``."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            base = f"http://{self.headers.get('Host') or '127.0.0.1'}"
            status, content_type, body = site.reply(self.path.split("?", 1)[0], base)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            """Quiet: thousands of requests."""

    return Handler


@lru_cache(maxsize=1)
def templates() -> list[str]:
    """The templates, loaded once per process."""
    return load_templates()


def main(argv: list[str] | None = None) -> int:
    """Serve the site until killed; write the port to --port-file once listening."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--port-file", type=Path, required=True)
    args = parser.parse_args(argv)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(Site(args.articles, templates())))
    server.daemon_threads = True
    args.port_file.write_text(str(server.server_port))
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
