"""The archive index: what we know about every article we ever emitted. Pure; no Scrapy here.

One row per article, keyed by its canonical URL (``key``): first seen, last fetched, last
changed, the HTTP validators of the last full download (ETag, Last-Modified), the fingerprint
of the normalized record, ``dateModified``, the version number, the newest sitemap/feed date
hint seen at the last fetch, and a MinHash signature for near-duplicate search. Other URLs of
the same article (share links, fetch URLs without a canonical link) are aliases of the row.

``ArchiveIndex`` is the whole interface the crawl uses; ``SqliteIndex`` (sqlite.py) is the
embedded implementation. Another backend (Redis, PostgreSQL) implements the same methods and
is named by NEWSCRAWL_INDEX_CLASS; it is built as ``cls(NEWSCRAWL_INDEX_PATH)`` (a path for
SQLite, a URL for a server):

- ``acquire(owner, wait)`` take the crawl lock or raise ``IndexBusy``; ``release()``.
- ``lookup(url)`` the entry of a key or alias, or None.
- ``find_same_content(fingerprint, host)`` an entry of that host with that exact fingerprint.
- ``near_duplicate(signature, exclude)`` the oldest key whose signature is similar (LSH buckets).
- ``commit(writes)`` store new versions, aliases and signatures atomically (one batch).
- ``touch(url, fetch)`` a re-fetch that changed nothing (304 or same fingerprint).
- ``add_alias(url, key)`` another URL of a stored article.
- ``register_output / open_outputs / close_output`` the run log used to recover the output
  of a crawl that was killed (see recovery.py).
- ``close()``.

Times are UTC seconds since the epoch (ints): small, and compared without parsing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol, Sequence, runtime_checkable

#: Candidates sharing an LSH band examined per near-duplicate lookup, oldest first. The oldest
#: similar one is the answer; without a bound every copy of a much-reprinted story would be
#: fetched and compared again at each new copy.
NEAR_CANDIDATES = 32


class IndexBusy(RuntimeError):
    """Another crawl holds the index; the message says which and what to do."""


@dataclass(frozen=True, kw_only=True)
class FetchFacts:
    """What one download told us: when, the validators, the size and the date hints."""

    fetched_at: int
    etag: str | None = None
    last_modified: str | None = None
    size: int | None = None
    """Bytes of the body as downloaded: what a 304 or a skipped request saves next time."""
    hint_date: int | None = None
    """Newest change date the sitemap or feed gave for the URL when it was queued."""


@dataclass(frozen=True, kw_only=True)
class Entry:
    """The index row of one article."""

    key: str
    """Canonical URL."""
    url: str
    """URL of the last download."""
    host: str
    first_seen: int
    last_fetched: int
    last_changed: int
    fingerprint: bytes
    version: int
    date_modified: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    hint_date: int | None = None
    size: int | None = None


@dataclass(frozen=True, kw_only=True)
class ArticleWrite:
    """A version to store: the record was emitted (or recovered from a committed output)."""

    key: str
    url: str
    host: str
    fingerprint: bytes
    version: int
    fetch: FetchFacts
    date_modified: str | None = None
    signature: bytes | None = None
    """Packed MinHash values (fingerprint.pack_signature), None to keep no signature."""
    aliases: tuple[str, ...] = field(default=())
    """Other URLs of the article (fetch URL, share link)."""


@runtime_checkable
class ArchiveIndex(Protocol):
    """What the crawl needs from an index; see the module docstring."""

    def acquire(self, owner: str, wait: float = 0.0) -> None:
        """Take the crawl lock, waiting up to ``wait`` seconds; raise IndexBusy."""
        ...

    def release(self) -> None:
        """Give the crawl lock back."""
        ...

    def lookup(self, url: str) -> Entry | None:
        """The entry whose key or alias is ``url``."""
        ...

    def find_same_content(self, fingerprint: bytes, host: str) -> Entry | None:
        """An entry on ``host`` whose current version has exactly this fingerprint."""
        ...

    def near_duplicate(self, signature: bytes, exclude: str, threshold: float) -> str | None:
        """The oldest key whose signature is at least ``threshold`` similar, among the
        NEAR_CANDIDATES oldest sharing a band (a wire story reprinted a thousand times costs
        the same lookup as one reprinted twice), or None."""
        ...

    def commit(self, writes: Sequence[ArticleWrite]) -> None:
        """Store the versions atomically; a write never lowers a stored version."""
        ...

    def touch(self, url: str, fetch: FetchFacts) -> None:
        """Record a re-fetch that found no change."""
        ...

    def add_alias(self, url: str, key: str) -> None:
        """Remember another URL of the article stored under ``key``."""
        ...

    def register_output(self, part_path: str, final_path: str) -> None:
        """Remember an output file being written under a temporary name."""
        ...

    def open_outputs(self) -> list[tuple[str, str]]:
        """(part, final) paths of outputs not known to be complete."""
        ...

    def close_output(self, part_path: str) -> None:
        """Forget an output that was committed or recovered."""
        ...

    def close(self) -> None:
        """Release the lock and close the connection."""
        ...
