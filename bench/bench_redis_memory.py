"""Redis memory of a distributed crawl's state, measured: seen-URL set, emitted set, queue.

    .venv/bin/python bench/bench_redis_memory.py --urls 1000000

Starts its own redis-server on 127.0.0.1 (a free port, no persistence), fills the keys the way
the crawl does (scrapy-redis' dupefilter fingerprints for story URLs, our emitted-URL set, the
leased priority queue with real pickled requests), and prints ``used_memory`` growth and
``MEMORY USAGE`` per key, scaled to one million entries.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import redis
from scrapy import Request, Spider
from scrapy_redis.dupefilter import RFPDupeFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from newscrawl.distributed.queue import LeasedPriorityQueue  # noqa: E402

BATCH = 10_000


class _News(Spider):
    name = "news"

    def parse_article(self, response: object) -> None:
        """Named in the queued requests, as the news spider's callback is."""


def story_url(index: int) -> str:
    """A realistic story URL: host, section, date, slug, id."""
    return (f"https://www.site{index % 500}.example/world/2024/{1 + index % 12:02d}/{1 + index % 28:02d}/"
            f"council-approves-budget-after-long-debate-{index}")


def start_server(folder: Path) -> tuple[subprocess.Popen[bytes], redis.Redis]:
    """A throwaway redis-server and a client of it."""
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("no redis-server on PATH (make test installs it)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                               "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            return server, client
        except redis.ConnectionError:
            time.sleep(0.05)
    raise SystemExit("redis-server did not start")


def used(client: redis.Redis) -> int:
    """Bytes the server uses for data."""
    return int(client.info("memory")["used_memory"])


def fill_seen(client: redis.Redis, count: int) -> None:
    """The dupefilter set: one SHA1 hex fingerprint per request, as scrapy-redis stores it."""
    dupefilter = RFPDupeFilter(client, key="bench:dupefilter")
    for start in range(0, count, BATCH):
        pipe = client.pipeline(transaction=False)
        for i in range(start, min(count, start + BATCH)):
            pipe.sadd("bench:dupefilter", dupefilter.request_fingerprint(Request(story_url(i))))
        pipe.execute()


def fill_emitted(client: redis.Redis, count: int) -> None:
    """The emitted-URL set of dedupe.py: canonical URLs of written articles."""
    for start in range(0, count, BATCH):
        urls = [story_url(i) for i in range(start, min(count, start + BATCH))]
        client.sadd("bench:emitted", *urls)


def fill_queue(client: redis.Redis, count: int) -> None:
    """Queued article requests with the spider's meta (site, discovered_via, hints)."""
    spider = _News()
    queue = LeasedPriorityQueue(client, spider, "bench:requests")
    for i in range(count):
        queue.push(Request(story_url(i), callback=spider.parse_article, meta={
            "site": 0, "discovered_via": "news-sitemap",
            "hints": {"lastmod": "2024-05-01T10:00:00Z", "news_title": "Council approves budget"}}))


def measure(client: redis.Redis, name: str, key: str, count: int, fill: object) -> str:
    """Fill one key; a table row scaled to a million entries."""
    before = used(client)
    fill(client, count)  # type: ignore[operator]
    grown = used(client) - before
    key_bytes = int(client.memory_usage(key, samples=0) or 0)
    scale = 1_000_000 / count
    return (f"| {name} | {count:,} | {grown / count:.1f} | {key_bytes / count:.1f} "
            f"| {grown * scale / 2**20:.1f} |")


def main(argv: list[str] | None = None) -> int:
    """Measure the three keys and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--urls", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=100_000, help="queued requests to measure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        server, client = start_server(Path(tmp))
        try:
            version = client.info("server")["redis_version"]
            rows = [measure(client, "seen-URL set (dupefilter, SHA1 hex)", "bench:dupefilter", args.urls, fill_seen),
                    measure(client, "emitted-URL set (canonical URLs)", "bench:emitted", args.urls, fill_emitted),
                    measure(client, "queued requests (pickled, with meta)", "bench:requests", args.requests,
                            fill_queue)]
        finally:
            server.terminate()
            server.wait()
    print(f"redis-server {version}; used_memory growth and MEMORY USAGE of the key")
    print("| key | entries | bytes/entry (used_memory) | bytes/entry (MEMORY USAGE) | MiB per million |")
    print("| --- | --- | --- | --- | --- |")
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
