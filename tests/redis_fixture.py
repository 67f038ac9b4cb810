"""A real redis-server on 127.0.0.1 (a free port) for the session: ``redis_url`` fixture.

The binary is ``redis-server`` on PATH (``make test`` installs Debian's package when it is
missing and may) or NEWSCRAWL_REDIS_SERVER. Without one the tests that need it are skipped
with the reason, except on CI (``CI`` set), where they fail: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def redis_binary() -> str | None:
    """Path of the redis-server to run, or None."""
    return os.environ.get("NEWSCRAWL_REDIS_SERVER") or shutil.which("redis-server")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_ping(port: int, timeout: float = 10.0) -> None:
    """Return once the server answers PING; raise after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                if sock.recv(16).startswith(b"+PONG"):
                    return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"redis-server did not answer on 127.0.0.1:{port}")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """redis://127.0.0.1:<port>/0 of a server started for this test session, stopped after."""
    binary = redis_binary()
    if binary is None:
        message = "no redis-server: run `make test` (installs it as root) or set NEWSCRAWL_REDIS_SERVER"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    folder: Path = tmp_path_factory.mktemp("redis")
    port = free_port()
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(folder), "--protected-mode", "yes"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_ping(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
