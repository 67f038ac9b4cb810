"""Size of the archive index per 10,000 articles, measured on generated records (not estimated).

    .venv/bin/python bench/bench_index.py [--articles 10000] [--aliases 0.3] [--updates 0.1]

Each generated article has a realistic URL, headline and a body of 400-900 words drawn from
a fixed vocabulary (so MinHash signatures and LSH buckets are as varied as real text); a
share of them get an alias URL and a second version. Prints the file size after a WAL
checkpoint, the bytes per article, and the bytes of each table and index (SQLite dbstat).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from newscrawl.archive.recovery import write_for_record
from newscrawl.archive.sqlite import SqliteIndex

WORDS = ("council budget storm coast school board mayor police court river bridge election vote "
         "minister hospital prices energy water farmers market festival museum traffic airport train "
         "company jobs plant workers union strike teachers students university research report data "
         "officials said would could after before during percent million year week month city county "
         "state national federal plan project funding tax housing rent fire rescue weather heat rain").split()


def generated_record(rng: random.Random, n: int) -> dict:
    """One article record as the crawl would export it."""
    host = f"news{n % 50}.example.com"
    slug = "-".join(rng.choices(WORDS, k=6))
    url = f"https://{host}/{rng.choice(['local', 'world', 'business'])}/2024/05/{1 + n % 28:02d}/{slug}-{n}"
    body = " ".join(rng.choices(WORDS, k=rng.randint(400, 900)))
    return {"url": url, "canonicalUrl": url, "headline": " ".join(rng.choices(WORDS, k=8)).capitalize(),
            "articleBody": body, "version": 1, "dateModified": None}


def table_sizes(path: Path) -> dict[str, int]:
    """Bytes per table/index, when SQLite was built with dbstat."""
    with sqlite3.connect(path) as db:
        try:
            return dict(db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"))
        except sqlite3.OperationalError:
            return {}


def main() -> None:
    """Fill a fresh index and report its size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--aliases", type=float, default=0.3, help="share of articles with a second URL")
    parser.add_argument("--updates", type=float, default=0.1, help="share of articles stored twice (version 2)")
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "index.sqlite"
        index = SqliteIndex(path)
        started = time.perf_counter()
        batch = []
        for n in range(args.articles):
            record = generated_record(rng, n)
            write = write_for_record(record, fetched_at=1_714_000_000 + n)
            if rng.random() < args.aliases:
                write = type(write)(**{**write.__dict__, "aliases": (*write.aliases, f"https://s.example/{n}")})
            batch.append(write)
            if rng.random() < args.updates:
                record = {**record, "articleBody": record["articleBody"] + " correction", "version": 2}
                batch.append(write_for_record(record, fetched_at=1_714_100_000 + n))
            if len(batch) >= 20:  # the crawl's default NEWSCRAWL_INDEX_COMMIT_EVERY
                index.commit(batch)
                batch = []
        index.commit(batch)
        elapsed = time.perf_counter() - started
        index.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        count = index.count()
        index.close()
        size = path.stat().st_size
        print(f"articles: {count}  index file: {size:,} bytes  per article: {size / count:,.0f} bytes  "
              f"per 10,000 articles: {size * 10_000 / count / 1e6:.2f} MB  fill time: {elapsed:.1f} s")
        for name, pages in table_sizes(path).items():
            print(f"  {name:<24} {pages:>12,} bytes")


if __name__ == "__main__":
    main()
