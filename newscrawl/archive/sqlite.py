"""``SqliteIndex``: the archive index in one SQLite file (WAL), the embedded default backend.

WAL lets readers (a user's ``sqlite3`` shell, a second connection of the same crawl) run while
the crawl writes, and every write is one short transaction. Two crawls must not interleave
their versions of one article, so a crawl holds an exclusive lock (``flock`` on
``<index>.lock``) for its whole run; the second gets ``IndexBusy`` with the holder's name.
The kernel drops the lock when the process dies, even by SIGKILL, so no stale lock survives.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from pathlib import Path
from typing import Sequence
from urllib.parse import urlsplit

from .fingerprint import band_buckets, similarity
from .index import NEAR_CANDIDATES, ArticleWrite, Entry, FetchFacts, IndexBusy

SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, url TEXT NOT NULL, host TEXT NOT NULL,
    first_seen INTEGER NOT NULL, last_fetched INTEGER NOT NULL, last_changed INTEGER NOT NULL,
    etag TEXT, last_modified TEXT, fingerprint BLOB NOT NULL, date_modified TEXT,
    version INTEGER NOT NULL, hint_date INTEGER, size INTEGER, signature BLOB);
CREATE INDEX IF NOT EXISTS articles_fingerprint ON articles (fingerprint);
CREATE TABLE IF NOT EXISTS aliases (url TEXT PRIMARY KEY, article INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS lsh (bucket INTEGER NOT NULL, article INTEGER NOT NULL,
    PRIMARY KEY (bucket, article)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS outputs (part TEXT PRIMARY KEY, final TEXT NOT NULL, started INTEGER NOT NULL);
"""
_COLUMNS = ("key, url, host, first_seen, last_fetched, last_changed, fingerprint, version, "
            "date_modified, etag, last_modified, hint_date, size")
_COLUMN_NAMES = tuple(name.strip() for name in _COLUMNS.split(","))


def host_of(url: str) -> str:
    """The site part of a URL: host name without a leading "www.", and the port if one is given.

    >>> host_of("https://www.Example.com/a"), host_of("http://127.0.0.1:8080/a")
    ('example.com', '127.0.0.1:8080')
    """
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


class SqliteIndex:
    """ArchiveIndex over one SQLite file (see newscrawl.archive.index for the interface)."""

    def __init__(self, path: str | Path, *, busy_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_fd: int | None = None
        # Opened where the crawler is built, used where the reactor runs: the same thread for
        # `scrapy crawl`, another one for `scrapy shell` (its reactor has a thread of its own).
        # One thread at a time uses it, and this sqlite3 build is serialized (threadsafety 3).
        self.db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None,
                                  check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable at checkpoints, never corrupt
        with self.db:
            self.db.executescript(_SCHEMA)
            self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    # --- the crawl lock ----------------------------------------------------------------
    def acquire(self, owner: str, wait: float = 0.0) -> None:
        """Take the exclusive crawl lock (flock on <index>.lock), waiting up to ``wait`` s."""
        lock_path = self.path.with_name(self.path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
                    os.close(fd)
                    raise IndexBusy(
                        f"archive index {self.path} is in use by {holder}: crawls sharing an index must "
                        "not overlap. Run them one after another (flock, see docs/scheduling.md), give "
                        "this crawl its own -s NEWSCRAWL_INDEX_PATH=..., or wait with "
                        "-s NEWSCRAWL_INDEX_LOCK_WAIT=<seconds>") from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{owner} (pid {os.getpid()})\n".encode(), 0)
        self._lock_fd = fd

    def release(self) -> None:
        """Give the crawl lock back."""
        if self._lock_fd is not None:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
            os.close(self._lock_fd)
            self._lock_fd = None

    # --- reads -----------------------------------------------------------------------------
    def _entry(self, where: str, args: tuple[object, ...]) -> Entry | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM articles WHERE {where}", args).fetchone()
        return None if row is None else Entry(**dict(zip(_COLUMN_NAMES, row)))

    def lookup(self, url: str) -> Entry | None:
        """The entry whose key or alias is ``url``."""
        # one statement: most URLs a crawl asks about are new, and a miss would cost two
        return self._entry("key = ?1 OR id = (SELECT article FROM aliases WHERE url = ?1) "
                           "ORDER BY key = ?1 DESC LIMIT 1", (url,))

    def find_same_content(self, fingerprint: bytes, host: str) -> Entry | None:
        """An entry on ``host`` whose current version has exactly this fingerprint."""
        return self._entry("fingerprint = ? AND host = ? ORDER BY id LIMIT 1", (fingerprint, host))

    def near_duplicate(self, signature: bytes, exclude: str, threshold: float) -> str | None:
        """The oldest key sharing an LSH band whose estimated Jaccard is >= threshold."""
        buckets = band_buckets(signature)
        marks = ",".join("?" * len(buckets))
        rows = self.db.execute(
            f"SELECT key, signature FROM articles WHERE id IN (SELECT article FROM lsh WHERE bucket IN ({marks}))"
            " AND key != ? ORDER BY first_seen, id LIMIT ?", (*buckets, exclude, NEAR_CANDIDATES)).fetchall()
        return next((key for key, other in rows if other and similarity(signature, other) >= threshold), None)

    # --- writes ----------------------------------------------------------------------------
    def commit(self, writes: Sequence[ArticleWrite]) -> None:
        """Store the versions in one transaction; a write never lowers a stored version."""
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            for write in writes:
                self._store(write)

    def _store(self, w: ArticleWrite) -> None:
        row = self.db.execute("SELECT id, version FROM articles WHERE key = ?", (w.key,)).fetchone()
        f = w.fetch
        if row is None:
            cur = self.db.execute(
                "INSERT INTO articles (key, url, host, first_seen, last_fetched, last_changed, etag, "
                "last_modified, fingerprint, date_modified, version, hint_date, size, signature) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (w.key, w.url, w.host, f.fetched_at, f.fetched_at, f.fetched_at, f.etag, f.last_modified,
                 w.fingerprint, w.date_modified, w.version, f.hint_date, f.size, w.signature))
            article = cur.lastrowid
        elif row[1] < w.version:
            article = row[0]
            self.db.execute(
                "UPDATE articles SET url=?, last_fetched=?, last_changed=?, etag=?, last_modified=?, "
                "fingerprint=?, date_modified=?, version=?, hint_date=?, size=?, signature=? WHERE id=?",
                (w.url, f.fetched_at, f.fetched_at, f.etag, f.last_modified, w.fingerprint,
                 w.date_modified, w.version, f.hint_date, f.size, w.signature, article))
            self.db.execute("DELETE FROM lsh WHERE article = ?", (article,))
        else:
            return  # already stored (a recovered line replayed twice): nothing to do
        if w.signature:
            self.db.executemany("INSERT OR IGNORE INTO lsh VALUES (?, ?)",
                                [(b, article) for b in band_buckets(w.signature)])
        self.db.executemany("INSERT OR REPLACE INTO aliases VALUES (?, ?)",
                            [(u, article) for u in w.aliases if u != w.key])

    def touch(self, url: str, fetch: FetchFacts) -> None:
        """Record a re-fetch that found no change: time, fresh validators and hint."""
        entry = self.lookup(url)
        if entry is None:
            return
        with self.db:
            self.db.execute(
                "UPDATE articles SET last_fetched=?, etag=COALESCE(?, etag), "
                "last_modified=COALESCE(?, last_modified), hint_date=COALESCE(?, hint_date), "
                "size=COALESCE(?, size) WHERE key=?",
                (fetch.fetched_at, fetch.etag, fetch.last_modified, fetch.hint_date, fetch.size, entry.key))

    def add_alias(self, url: str, key: str) -> None:
        """Remember another URL of an article."""
        if url != key:
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO aliases SELECT ?, id FROM articles WHERE key = ?",
                                (url, key))

    # --- outputs being written -------------------------------------------------------------
    def register_output(self, part_path: str, final_path: str) -> None:
        """Remember an output file being written under a temporary name."""
        with self.db:
            self.db.execute("INSERT OR REPLACE INTO outputs VALUES (?, ?, ?)",
                            (part_path, final_path, int(time.time())))

    def open_outputs(self) -> list[tuple[str, str]]:
        """(part, final) paths of outputs not known to be complete, oldest first."""
        return [(p, f) for p, f in self.db.execute("SELECT part, final FROM outputs ORDER BY started")]

    def close_output(self, part_path: str) -> None:
        """Forget an output that was committed or recovered."""
        with self.db:
            self.db.execute("DELETE FROM outputs WHERE part = ?", (part_path,))

    def count(self) -> int:
        """Number of articles in the index."""
        return int(self.db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def close(self) -> None:
        """Release the lock and close the connection."""
        self.release()
        self.db.close()
