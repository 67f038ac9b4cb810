"""Requests and bytes a second crawl of the demo site saves thanks to the archive index.

    .venv/bin/python bench/bench_incremental.py

Crawls the demo site twice from one folder, with the changes of tests/test_incremental_crawl.py
in between (one story edited, one added, one re-listed with a new lastmod and served with an
ETag, one re-listed without validators, the ad slot of every page changed), and prints
Scrapy's own download counters of both runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from newscrawl.demo.content import Story
from newscrawl.demo.server import DemoServer

ROOT = Path(__file__).resolve().parents[1]


def crawl(folder: Path, url: str) -> dict:
    """One `scrapy crawl news` in ``folder``; its stats."""
    stats = folder / "stats.json"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={url}/", "-O", "out.jsonl",
               "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", f"NEWSCRAWL_STATS_FILE={stats}", "-s", "LOG_LEVEL=WARNING"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(ROOT)}
    subprocess.run(command, cwd=folder, env=env, check=True)
    return json.loads(stats.read_text())["stats"]


def change(server: DemoServer) -> None:
    """The edits between the two crawls."""
    site = server.site
    edited, etagged, touched = site.stories[5], site.stories[8], site.stories[10]
    edited.paragraphs[2] = "Correction: officials now say the plan was first proposed five years ago."
    edited.modified = "2024-06-01T10:00:00-07:00"
    site.touched = {etagged.slug: "2024-06-02T08:00:00-07:00", touched.slug: "2024-06-02T08:00:00-07:00"}
    site.chrome = "Advertisement: 50% off garden furniture, today only."
    site.stories.insert(0, Story(slug="county-opens-cooling-centers-as-heat-builds", section="local",
                                 published="2024-05-30T09:15:00-07:00", headline="County opens cooling centers",
                                 byline="By Nora Quinn", paragraphs=[f"Paragraph {n} about the heat and the "
                                 "cooling centers the county opened at libraries, officials said." for n in range(6)]))


def main() -> None:
    """Run both crawls and print the counters."""
    keys = ("downloader/request_count", "downloader/response_bytes", "newscrawl/incremental/skipped",
            "newscrawl/incremental/not-modified", "newscrawl/incremental/bytes-saved")
    with tempfile.TemporaryDirectory() as folder, DemoServer() as server:
        server.site.validated = {server.site.stories[8].slug}
        first = crawl(Path(folder), server.url)
        change(server)
        second = crawl(Path(folder), server.url)
    for key in keys:
        print(f"{key:<38} first {first.get(key, 0):>8,}  second {second.get(key, 0):>8,}")
    saved_requests = first["downloader/request_count"] - second["downloader/request_count"]
    saved_bytes = first["downloader/response_bytes"] - second["downloader/response_bytes"]
    print(f"saved by the second crawl: {saved_requests} requests "
          f"({100 * saved_requests / first['downloader/request_count']:.0f}%), {saved_bytes:,} bytes "
          f"({100 * saved_bytes / first['downloader/response_bytes']:.0f}%)")


if __name__ == "__main__":
    main()
