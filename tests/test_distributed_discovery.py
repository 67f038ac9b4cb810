"""Two workers discover a site as one crawler would: the site-wide facts live in Redis.

The site's sitemaps list every story, and every story links to story-shaped pages that exist
nowhere (dead links). One crawler, seeing the sitemaps list articles, never follows links inside
stories ("auto"). A worker that judged the site by the sitemap responses *it* happened to parse
(often none: the other worker took them) would follow them all; and a worker whose own requests
were done would start the feed and link phases while the other still read sitemaps.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections import Counter
from pathlib import Path

from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import DemoSite, Reply
from redis_fixture import redis_url  # noqa: F401 - the session fixture

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(ROOT)}
COMMON = ("-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSCRAWL_EXTRACT_WORKERS=0", "-s", "NEWSCRAWL_INDEX_ENABLED=False")


class DeadLinkSite(DemoSite):
    """The demo site, each story linking inside its text to three story-shaped dead pages."""

    def article(self, story):  # type: ignore[no-untyped-def]
        reply = super().article(story)
        links = "".join(f'<p>See also <a href="/local/2024/05/0{n}/{story.slug}-dead-link-{n}">part {n}</a></p>'
                        for n in range(1, 4))
        reply.body = reply.body.replace(b'<div class="article-body">', b'<div class="article-body">' + links.encode())
        return reply


def _paths(server: DemoServer, since: int) -> Counter[str]:
    return Counter(path for _, path, _ in server.requests[since:])


def _records(folder: Path) -> list[dict]:
    out = folder / "out.jsonl"
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []


def test_two_workers_make_the_requests_one_crawler_makes_and_end_by_themselves(tmp_path, redis_url):  # noqa: F811
    assert isinstance(DeadLinkSite().article(DeadLinkSite().stories[0]), Reply)
    with DemoServer(DeadLinkSite()) as site:
        alone = tmp_path / "alone"
        alone.mkdir()
        subprocess.run([sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={site.url}/", "-O", "out.jsonl",
                        *COMMON], cwd=alone, env=ENV, check=True, capture_output=True, timeout=120)
        one_crawler = _paths(site, 0)
        assert not [p for p in one_crawler if "dead-link" in p]  # the rule under test, in one process

        since, key, workers = len(site.requests), f"test:{uuid.uuid4().hex[:8]}", []
        for name in ("one", "two"):
            folder = tmp_path / name
            folder.mkdir()
            command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={site.url}/", "-O", "out.jsonl",
                       *COMMON, "-s", f"NEWSCRAWL_REDIS_URL={redis_url}", "-s", f"NEWSCRAWL_REDIS_KEY={key}",
                       "-s", "NEWSCRAWL_REDIS_IDLE_CLOSE=1", "-s", "NEWSCRAWL_REDIS_LEASE=2",
                       "-s", "NEWSCRAWL_DOMAIN_DELAY=0.05", "-s", "CONCURRENT_REQUESTS=2"]
            log = (folder / "log.txt").open("wb")
            workers.append((folder, subprocess.Popen(command, cwd=folder, env=ENV, stdout=log, stderr=log)))
        for folder, proc in workers:
            assert proc.wait(timeout=90) == 0, (folder / "log.txt").read_text()[-3000:]  # ended by itself
        together = _paths(site, since)

    assert not [p for p in together if "dead-link" in p]
    # robots.txt once per worker process; every other request as the one crawler made it, once.
    assert together.pop("/robots.txt") <= 2 and one_crawler.pop("/robots.txt") == 1
    assert max(together.values()) == 1
    assert set(together) == set(one_crawler)
    written = Counter(r["url"] for folder, _ in workers for r in _records(folder))
    assert set(written) == {r["url"] for r in _records(alone)} and max(written.values()) == 1
