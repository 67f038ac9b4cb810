"""``RedisIndex``: the archive index (``newscrawl.archive.index.ArchiveIndex``) in Redis.

Shared by every worker of a distributed crawl, so an article one worker archived is known to
all. Layout under ``prefix`` (default ``newscrawl:index``, kept across runs):

- ``<p>:a:<key>`` hash: the Entry fields, the packed signature and its LSH buckets;
- ``<p>:alias`` hash: other URL -> key;
- ``<p>:fp:<host>:<fingerprint hex>`` sorted set: keys whose current version has that content,
  scored by first_seen (oldest first, as SqliteIndex answers);
- ``<p>:near:<bucket>`` sorted set: keys with a signature band in that bucket, by first_seen;
- ``<p>:outputs:<machine>`` hash: output files being written on that machine (they are local);
- ``<p>:lock`` string: the crawl job (NEWSCRAWL_REDIS_KEY) using the index, with a TTL.

Each write is one Lua script (version check and every index update together), and a commit runs
its scripts in one MULTI/EXEC transaction, so a batch is atomic as the interface requires.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Sequence
from typing import Any

from ..archive.fingerprint import band_buckets, similarity
from ..archive.index import NEAR_CANDIDATES, ArticleWrite, Entry, FetchFacts, IndexBusy

_INT_FIELDS = ("first_seen", "last_fetched", "last_changed", "version", "hint_date", "size")
_TEXT_FIELDS = ("key", "url", "host", "date_modified", "etag", "last_modified")
LOCK_TTL = 600  # seconds: a job's lock outlives its last worker by this much at most

# KEYS: article hash, alias hash. ARGV: prefix, key, version, fingerprint hex, host, buckets
# (comma list), fields (name, value pairs...) then "--" then aliases. 1 if stored, 0 if older.
_STORE = """
local old = redis.call('HMGET', KEYS[1], 'version', 'fphex', 'host', 'buckets', 'first_seen')
if old[1] and tonumber(old[1]) >= tonumber(ARGV[3]) then return 0 end
local p, key = ARGV[1], ARGV[2]
if old[1] then
  redis.call('ZREM', p .. ':fp:' .. old[3] .. ':' .. old[2], key)
  for b in string.gmatch(old[4] or '', '[^,]+') do redis.call('ZREM', p .. ':near:' .. b, key) end
end
local i = 7
while ARGV[i] ~= '--' do
  if ARGV[i] == 'first_seen' and old[5] then
    ARGV[i + 1] = old[5]
  end
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  i = i + 2
end
redis.call('HSET', KEYS[1], 'fphex', ARGV[4], 'buckets', ARGV[6])
local first = redis.call('HGET', KEYS[1], 'first_seen')
redis.call('ZADD', p .. ':fp:' .. ARGV[5] .. ':' .. ARGV[4], first, key)
for b in string.gmatch(ARGV[6], '[^,]+') do redis.call('ZADD', p .. ':near:' .. b, first, key) end
for j = i + 1, #ARGV do
  if ARGV[j] ~= key then redis.call('HSET', KEYS[2], ARGV[j], key) end
end
return 1
"""


class RedisIndex:
    """ArchiveIndex over Redis (see newscrawl.archive.index for the interface)."""

    def __init__(self, server: Any, *, prefix: str = "newscrawl:index", job: str = "newscrawl") -> None:
        self.server, self.prefix, self.job = server, prefix, job
        self.machine = socket.gethostname()
        self._store = server.register_script(_STORE)

    def _key(self, key: str) -> str:
        return f"{self.prefix}:a:{key}"

    # --- the crawl lock: shared by the workers of one job, refused to another job ----------
    def acquire(self, owner: str, wait: float = 0.0) -> None:
        """Join the job holding the index, or take it; IndexBusy if another job holds it."""
        lock, deadline = f"{self.prefix}:lock", time.monotonic() + wait
        while True:
            if self.server.set(lock, self.job, nx=True, ex=LOCK_TTL):
                return
            holder = self.server.get(lock)
            if holder is None or holder.decode() == self.job:
                self.server.set(lock, self.job, ex=LOCK_TTL)  # a worker of the same job: join
                return
            if time.monotonic() >= deadline:
                raise IndexBusy(f"archive index {self.prefix} is in use by crawl job "
                                f"{holder.decode()!r}; {owner} belongs to job {self.job!r}. Jobs sharing "
                                "an index must not overlap: wait, or use another NEWSCRAWL_REDIS_INDEX_KEY")
            time.sleep(0.2)

    def release(self) -> None:
        """Nothing per worker: the job's lock expires LOCK_TTL s after its last write."""

    def _refresh_lock(self) -> None:
        self.server.set(f"{self.prefix}:lock", self.job, ex=LOCK_TTL, xx=True)

    # --- reads -----------------------------------------------------------------------------
    def _entry(self, key: str) -> Entry | None:
        raw = self.server.hgetall(self._key(key))
        if not raw:
            return None
        values = {k.decode(): v for k, v in raw.items()}
        fields: dict[str, Any] = {"fingerprint": values["fingerprint"]}
        for name in _TEXT_FIELDS:
            fields[name] = values[name].decode() if values.get(name, b"") != b"" else None
        for name in _INT_FIELDS:
            fields[name] = int(values[name]) if values.get(name, b"") != b"" else None
        return Entry(**fields)

    def lookup(self, url: str) -> Entry | None:
        """The entry whose key or alias is ``url``."""
        if entry := self._entry(url):
            return entry
        key = self.server.hget(f"{self.prefix}:alias", url)
        return self._entry(key.decode()) if key else None

    def find_same_content(self, fingerprint: bytes, host: str) -> Entry | None:
        """The oldest entry on ``host`` whose current version has exactly this fingerprint."""
        keys = self.server.zrange(f"{self.prefix}:fp:{host}:{fingerprint.hex()}", 0, 0)
        return self._entry(keys[0].decode()) if keys else None

    def near_duplicate(self, signature: bytes, exclude: str, threshold: float) -> str | None:
        """The oldest key sharing an LSH band whose estimated Jaccard is >= threshold."""
        reads = self.server.pipeline(transaction=False)
        for bucket in band_buckets(signature):
            reads.zrange(f"{self.prefix}:near:{bucket}", 0, NEAR_CANDIDATES, withscores=True)
        oldest: dict[str, float] = {}
        for members in reads.execute():
            for member, first_seen in members:
                key = member.decode()
                oldest[key] = min(first_seen, oldest.get(key, first_seen))
        oldest.pop(exclude, None)
        candidates = sorted(oldest, key=lambda k: (oldest[k], k))[:NEAR_CANDIDATES]
        reads = self.server.pipeline(transaction=False)
        for key in candidates:
            reads.hget(self._key(key), "signature")
        for key, other in zip(candidates, reads.execute()):
            if other and similarity(signature, other) >= threshold:
                return key
        return None

    # --- writes ----------------------------------------------------------------------------
    def _args(self, w: ArticleWrite) -> list[Any]:
        f = w.fetch
        fields = {"key": w.key, "url": w.url, "host": w.host, "first_seen": f.fetched_at,
                  "last_fetched": f.fetched_at, "last_changed": f.fetched_at, "etag": f.etag,
                  "last_modified": f.last_modified, "fingerprint": w.fingerprint,
                  "date_modified": w.date_modified, "version": w.version, "hint_date": f.hint_date,
                  "size": f.size, "signature": w.signature or b""}
        pairs = [x for name, value in fields.items() for x in (name, "" if value is None else value)]
        buckets = ",".join(str(b) for b in band_buckets(w.signature)) if w.signature else ""
        return [self.prefix, w.key, w.version, w.fingerprint.hex(), w.host, buckets, *pairs, "--",
                *w.aliases]

    def commit(self, writes: Sequence[ArticleWrite]) -> None:
        """Store the versions in one transaction; a write never lowers a stored version."""
        if not writes:
            return
        pipe = self.server.pipeline(transaction=True)
        for w in writes:
            self._store(keys=[self._key(w.key), f"{self.prefix}:alias"], args=self._args(w), client=pipe)
        pipe.execute()
        self._refresh_lock()

    def touch(self, url: str, fetch: FetchFacts) -> None:
        """Record a re-fetch that found no change: time, fresh validators and hint."""
        entry = self.lookup(url)
        if entry is None:
            return
        fresh = {"last_fetched": fetch.fetched_at, "etag": fetch.etag, "last_modified": fetch.last_modified,
                 "hint_date": fetch.hint_date, "size": fetch.size}
        self.server.hset(self._key(entry.key), mapping={k: v for k, v in fresh.items() if v is not None})

    def add_alias(self, url: str, key: str) -> None:
        """Remember another URL of an article."""
        if url != key and self.server.exists(self._key(key)):
            self.server.hset(f"{self.prefix}:alias", url, key)

    # --- outputs being written: local files, so kept per machine --------------------------
    def register_output(self, part_path: str, final_path: str) -> None:
        """Remember an output file being written under a temporary name, and which process writes it."""
        self.server.hset(f"{self.prefix}:outputs:{self.machine}", part_path,
                         f"{int(time.time())}\t{os.getpid()}\t{final_path}")

    def open_outputs(self) -> list[tuple[str, str]]:
        """(part, final) paths of this machine's outputs whose writer is gone, oldest first.

        Workers on one machine share this list: an output another live worker is still
        writing is not a dead run's, and is left alone.
        """
        rows = self.server.hgetall(f"{self.prefix}:outputs:{self.machine}")
        found = []
        for part, value in rows.items():
            started, pid, final = value.decode().split("\t", 2)
            if int(pid) != os.getpid() and _alive(int(pid)):
                continue
            found.append((int(started), part.decode(), final))
        return [(part, final) for _, part, final in sorted(found)]

    def close_output(self, part_path: str) -> None:
        """Forget an output that was committed or recovered."""
        self.server.hdel(f"{self.prefix}:outputs:{self.machine}", part_path)

    def count(self) -> int:
        """Number of articles in the index."""
        return sum(1 for _ in self.server.scan_iter(f"{self.prefix}:a:*", count=1000))

    def close(self) -> None:
        """Nothing to close: the connection pool goes with the client."""


def open_index(settings: Any, sqlite_path: str) -> Any:
    """The crawl's archive index: shared in Redis when NEWSCRAWL_REDIS_URL is set, else SQLite."""
    if not settings.get("NEWSCRAWL_REDIS_URL"):
        from ..archive.sqlite import SqliteIndex

        return SqliteIndex(sqlite_path)
    from scrapy_redis.connection import get_redis_from_settings

    job = settings.get("NEWSCRAWL_REDIS_KEY") or "newscrawl"
    # By default each job (a site list crawled periodically) has its archive, as each folder
    # has its SQLite file; jobs that should share one name the same NEWSCRAWL_REDIS_INDEX_KEY.
    return RedisIndex(get_redis_from_settings(settings),
                      prefix=settings.get("NEWSCRAWL_REDIS_INDEX_KEY") or f"{job}:index", job=job)


def _alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True

