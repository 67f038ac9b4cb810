"""Serve the demo site on 127.0.0.1 (a free port) from a background thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Self

from .site import DemoSite, Reply

# A route handler gets the request handler and may write anything (slow, broken, huge...).
RawRoute = Callable[[BaseHTTPRequestHandler], None]
HOST_PLACEHOLDER = b"http://HOST"


def _not_modified(reply: Reply, if_none_match: str | None, if_modified_since: str | None) -> bool:
    """RFC 9110 13.1: If-None-Match decides when sent; else an equal If-Modified-Since."""
    if reply.status != 200:
        return False
    if if_none_match is not None:
        return reply.headers.get("ETag") in {t.strip() for t in if_none_match.split(",")}
    return if_modified_since is not None and if_modified_since == reply.headers.get("Last-Modified")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.server.requests.append((self.command, self.path, dict(self.headers.items())))
        path = self.path.split("?", 1)[0]
        if route := self.server.raw_routes.get(path):
            route(self)
            return
        reply = self.server.site.reply(self.path)
        if _not_modified(reply, self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since")):
            reply = Reply(304, b"", {k: v for k, v in reply.headers.items() if k in {"ETag", "Last-Modified"}})
        self.send_reply(reply)

    def send_reply(self, reply: Reply) -> None:
        """Write a Reply, with the base URL the client used in place of the host placeholder."""
        host = self.headers.get("Host")
        base = f"http://{host}" if host else self.server.base_url
        body = reply.body.replace(HOST_PLACEHOLDER, base.encode())
        self.send_response(reply.status)
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        """Quiet: tests read ``server.requests`` instead of stderr."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    site: DemoSite
    base_url: str
    requests: list[tuple[str, str, dict[str, str]]]
    raw_routes: dict[str, RawRoute]


class DemoServer:
    """The demo site on loopback; use as a context manager. ``requests`` logs what was fetched."""

    def __init__(self, site: DemoSite | None = None, raw_routes: dict[str, RawRoute] | None = None) -> None:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.site = site or DemoSite()
        self._server.requests = []
        self._server.raw_routes = dict(raw_routes or {})
        self._server.base_url = f"http://127.0.0.1:{self._server.server_port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        """Base URL, e.g. http://127.0.0.1:54321."""
        return self._server.base_url

    @property
    def site(self) -> DemoSite:
        """The site being served (edit its stories between crawls)."""
        return self._server.site

    @property
    def requests(self) -> list[tuple[str, str, dict[str, str]]]:
        """(method, path, headers) of every request received, in order."""
        return self._server.requests

    def add_route(self, path: str, route: RawRoute) -> None:
        """Serve ``path`` with a raw handler (hostile responses, slow servers ...)."""
        self._server.raw_routes[path] = route

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._server.shutdown()
        self._server.server_close()
