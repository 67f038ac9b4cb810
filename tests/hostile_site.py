"""A hostile demo site on 127.0.0.1, and a `scrapy crawl news` runner for shared test fixtures.

``HostileSite`` is the demo site with two stories, whose article sitemap also lists every
hostile path; ``serve(routes)`` registers the raw handlers (``hostile_routes.py``). Each
request is logged (hits, bytes sent, times) in ``Trace`` for the tests to assert on.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newscrawl.demo.content import demo_stories
from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import DemoSite, Reply

Handler = BaseHTTPRequestHandler
BASE = "/local/2024/05/20/"  # story-shaped paths, so every discovery rule accepts them
FILLER = ("The council met again on Tuesday to discuss the proposal in detail. "
          "Residents asked questions about the schedule, the cost and the noise. ")


@dataclass
class Trace:
    """What the hostile server saw."""

    hits: Counter[str] = field(default_factory=Counter)
    bytes_sent: Counter[str] = field(default_factory=Counter)
    times: list[tuple[float, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def hit(self, path: str) -> int:
        """Count a request for ``path``; returns how many there were so far."""
        with self.lock:
            self.hits[path] += 1
            self.times.append((time.monotonic(), path))
            return self.hits[path]


def article_html(headline: str, text: str = FILLER * 4, head: str = "") -> str:
    """A small valid article page."""
    paragraphs = "".join(f"<p>{escape(text)}</p>" for _ in range(3))
    return (f"<!DOCTYPE html><html lang=\"en\"><head>{head}<title>{escape(headline)}</title>"
            f'<meta property="og:type" content="article"></head><body><article><h1>{escape(headline)}</h1>'
            f'<p class="byline">By Ann Example</p><time datetime="2024-05-20T10:00:00Z">May 20</time>'
            f"<div class=\"article-body\">{paragraphs}</div></article></body></html>")


def send(handler: Handler, status: int, body: bytes, content_type: str = "text/html",
         headers: dict[str, str] | None = None) -> None:
    """Write a complete response."""
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _quietly(route: Callable[[Handler], None]) -> Callable[[Handler], None]:
    """The client hangs up on hostile answers on purpose; that is not a server error."""

    def run(handler: Handler) -> None:
        try:
            route(handler)
        except (BrokenPipeError, ConnectionResetError):
            handler.close_connection = True

    return run


class HostileSite(DemoSite):
    """Two demo stories; the article sitemap lists the hostile paths too; robots.txt is settable."""

    def __init__(self, paths: list[str], robots: bytes | None = None, robots_status: int = 200) -> None:
        super().__init__(demo_stories()[:2])
        self.paths, self.robots_body, self.robots_status = paths, robots, robots_status
        self.trace = Trace()

    def reply(self, target: str) -> Reply:
        """Log the request time, then answer as the demo site does."""
        self.trace.hit(target)
        return super().reply(target)

    def robots(self) -> Reply:
        """The configured robots.txt, or the demo one."""
        if self.robots_body is None and self.robots_status == 200:
            return super().robots()
        return Reply(self.robots_status, self.robots_body or b"", {"Content-Type": "text/plain"})

    def sitemap_articles(self) -> Reply:
        """The demo article sitemap with the hostile URLs added."""
        reply = super().sitemap_articles()
        extra = "".join(f"<url><loc>http://HOST{escape(p)}</loc></url>" for p in self.paths)
        return Reply(200, reply.body.replace(b"</urlset>", extra.encode() + b"</urlset>"), reply.headers)


def serve(routes: dict[str, Callable[[Handler, Trace], None]], listed: list[str] | None = None,
          site_class: type[HostileSite] | None = None, **site_args: object) -> DemoServer:
    """A DemoServer (not started) with the hostile ``routes``; the sitemap lists ``listed``."""
    site = (site_class or HostileSite)(listed if listed is not None else list(routes), **site_args)  # type: ignore[arg-type]
    server = DemoServer(site)
    for path, route in routes.items():
        server.add_route(path.split("?")[0], _quietly(_traced(route, path, site.trace)))
    return server


def _traced(route: Callable[[Handler, Trace], None], path: str, trace: Trace) -> Callable[[Handler], None]:
    def run(handler: Handler) -> None:
        trace.hit(path)
        route(handler, trace)

    return run


# --- URL traps ---------------------------------------------------------------------------------
TRACKED_LINKS = ("?utm_source=newsletter&utm_medium=email", ";jsessionid=A1B2C3D4", "?fbclid=IwAR0x",
                 "?sid=42&utm_campaign=spring", "?gclid=abc#comments")


class TrapSite(HostileSite):
    """HostileSite whose home links stories with tracking and session parameters, and whose
    section listings paginate for ever."""

    def home(self) -> Reply:
        """The demo home plus tracked links to the first story."""
        reply = super().home()
        links = "".join(f'<a href="{self.stories[0].path}{q}">again</a>' for q in TRACKED_LINKS)
        return Reply(reply.status, reply.body.replace(b"</main>", links.encode() + b"</main>"), reply.headers)

    def section(self, name: str, page: int) -> Reply:
        """Every page number exists and links the next one."""
        body = (f"<h1>{name} page {page}</h1><a href='{self.stories[0].path}'>story</a>"
                f"<a rel='next' href='/{name}/page/{page + 1}/'>Older</a>")
        return Reply(200, body.encode(), {"Content-Type": "text/html; charset=utf-8"})


# --- running a crawl ---------------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Crawl:
    """What one `scrapy crawl news` run left: exit code, records by URL path, log, stats."""

    returncode: int
    records: dict[str, dict[str, Any]]
    log: str
    stats: dict[str, Any]
    folder: Path


def run_news_crawl(url: str, folder: Path, *args: str, stats_file: bool = True, timeout: float = 120) -> Crawl:
    """Run the crawl as a user would, in ``folder``; like conftest's run_crawl, for shared fixtures."""
    out, stats_path = folder / "out.jsonl", folder / "stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={url}/", "-O", str(out),
               "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "LOG_LEVEL=INFO", *args]
    if stats_file:
        command += ["-s", f"NEWSCRAWL_STATS_FILE={stats_path}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    lines = out.read_text(encoding="utf-8").splitlines() if out.exists() else []
    records = [json.loads(line) for line in lines if line.strip()]
    stats = json.loads(stats_path.read_text()) if stats_path.exists() else {}
    return Crawl(done.returncode, {_target(r["url"]): r for r in records}, done.stderr, stats, folder)


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
