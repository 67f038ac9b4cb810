"""Shared fixtures: case folders, the demo site on loopback, and a `scrapy crawl` runner."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from archive_helpers import Run, crawl_env, read_jsonl
from newscrawl.demo.server import DemoServer
from newscrawl.extract.page import PageInput

CASES = Path(__file__).parent / "cases"

# Tests are offline: a proxy from the environment would send loopback requests elsewhere.
for _name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
    os.environ.pop(_name, None)
os.environ["NO_PROXY"] = "*"


@dataclass
class Case:
    """One case folder: page.html + input.json (url, headers) + optional expected.json."""

    input: PageInput
    expected: dict[str, Any]


@pytest.fixture
def load_case() -> Callable[[str], Case]:
    """Load tests/cases/<name>/ as a PageInput and its expected fields."""

    def load(name: str) -> Case:
        folder = CASES / name
        meta = json.loads((folder / "input.json").read_text(encoding="utf-8"))
        expected_file = folder / "expected.json"
        expected = json.loads(expected_file.read_text(encoding="utf-8")) if expected_file.exists() else {}
        html = (folder / "page.html").read_text(encoding="utf-8")
        return Case(PageInput(url=meta["url"], html=html, headers=meta.get("headers", {})), expected)

    return load


@pytest.fixture
def site_server() -> Iterator[DemoServer]:
    """The demo news site on 127.0.0.1, a free port; fresh for each test (tests may edit it)."""
    with DemoServer() as server:
        yield server


# One crawl runner for every test module: archive_helpers has the command, env and record type.
CrawlResult = Run


def crawl_news(folder: Path, *args: str, timeout: float = 120, output: str = "out.jsonl") -> CrawlResult:
    """Run `scrapy crawl news` as a user would, in ``folder``, and read its JSONL and stats."""
    out = folder / output
    stats_file = folder / "stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", *args, "-O", str(out),
               "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", f"NEWSCRAWL_STATS_FILE={stats_file}"]
    done = subprocess.run(command, cwd=folder, env=crawl_env(), capture_output=True, text=True,
                          timeout=timeout, check=False)
    stats = json.loads(stats_file.read_text()) if stats_file.exists() else {}
    return CrawlResult(done.returncode, read_jsonl(out) if out.exists() else [], done.stderr, stats)


@pytest.fixture
def run_crawl(tmp_path: Path) -> Callable[..., CrawlResult]:
    """``crawl_news`` in this test's temporary folder."""

    def run(*args: str, timeout: float = 120, output: str = "out.jsonl") -> CrawlResult:
        return crawl_news(tmp_path, *args, timeout=timeout, output=output)

    return run
