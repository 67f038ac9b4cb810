"""Helpers of the archive tests: `scrapy crawl news` in a given folder, and reading what it left."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Run:
    """A finished crawl: exit code, records of its -O file, log, stats file content."""

    returncode: int
    records: list[dict[str, Any]]
    log: str
    stats: dict[str, Any]


def crawl_env() -> dict[str, str]:
    """The environment of a crawl subprocess: our settings, our source tree first."""
    return {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(ROOT)}


def crawl_command(url: str | None, *args: str, stats: Path | None = None) -> list[str]:
    """`python -m scrapy crawl news -a url=...` with the test defaults (no url: args name the sites)."""
    site = ["-a", f"url={url}/"] if url else []
    command = [sys.executable, "-m", "scrapy", "crawl", "news", *site, "-s", "AUTOTHROTTLE_START_DELAY=0", *args]
    return command + (["-s", f"NEWSCRAWL_STATS_FILE={stats}"] if stats else [])


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Records of a JSON Lines file (every line must parse)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def crawl_in(folder: Path, url: str | None, *args: str, output: str = "out.jsonl", timeout: float = 120) -> Run:
    """Run one crawl in ``folder`` writing ``output`` (-O), and read it back."""
    folder.mkdir(parents=True, exist_ok=True)
    stats = folder / "stats.json"
    stats.unlink(missing_ok=True)
    out = folder / output
    done = subprocess.run(crawl_command(url, "-O", str(out), *args, stats=stats), cwd=folder, env=crawl_env(),
                          capture_output=True, text=True, timeout=timeout, check=False)
    records = read_jsonl(out) if out.exists() else []
    return Run(done.returncode, records, done.stderr, json.loads(stats.read_text()) if stats.exists() else {})
