"""New, updated, unchanged or a duplicate: what the archive makes of one record. Pure; no Scrapy.

The crawl's ``ArchivePipeline`` and ``newscrawl extract --index`` (re-extraction of old captures)
both call ``decide``, so a record gets the same version and change type whichever way it came.
What the archive knows comes in through ``Known``: ``Pending`` answers from the index and from
the writes decided in this run but not yet committed (a batch, or a whole re-extraction).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from .fingerprint import ContentDigest, body_signature, content_fingerprint, similarity
from .index import ArchiveIndex, ArticleWrite, Entry
from .recovery import article_key
from .sqlite import host_of


class Known(Protocol):
    """What ``decide`` asks of the archive."""

    def entry(self, key: str) -> Entry | None:
        """The article stored (or decided this run) under ``key`` or an alias of it."""
        ...

    def same_content(self, fingerprint: bytes, host: str) -> tuple[Entry, bool] | None:
        """(article of ``host`` with exactly this content, whether it was decided this run)."""
        ...

    def near_duplicate(self, signature: bytes, key: str) -> str | None:
        """The key of an older article whose body is similar, other than ``key``."""
        ...


@dataclass(frozen=True, kw_only=True)
class Decision:
    """The archive's answer for one record."""

    key: str
    """Index key the record is stored under (its canonical URL, or the article it repeats)."""
    change: str
    """``new``, ``updated``, ``unchanged``, or ``duplicate-content`` (another URL of an article
    already emitted in this run: drop it)."""
    version: int
    entry: Entry | None
    """What the archive had for the article, if anything."""
    fingerprint: bytes
    signature: bytes | None = None
    duplicate_of: str | None = None

    @property
    def emits(self) -> bool:
        """A new version to write (``new`` or ``updated``)."""
        return self.change in ("new", "updated")


def decide(*, url: str, canonical_url: str | None, headline: str | None, body: str, date_modified: str | None,
           known: Known, digest: ContentDigest | None = None) -> Decision:
    """The archive's decision for a record of ``url`` with this content.

    ``digest``: the ``content_digest`` of these very headline, body and dateModified, when it
    was computed already (by the extraction worker); else it is computed here.
    """
    key = article_key(url, canonical_url)
    fingerprint = digest.fingerprint if digest is not None else content_fingerprint(headline, body, date_modified)
    entry = known.entry(key)
    if entry is None and (same := known.same_content(fingerprint, host_of(url))):
        found, this_run = same
        if this_run:
            return Decision(key=found.key, change="duplicate-content", version=found.version, entry=found,
                            fingerprint=fingerprint)
        key, entry = found.key, found  # another URL of an article we have: one record
    if entry is not None and entry.fingerprint == fingerprint:
        return Decision(key=key, change="unchanged", version=entry.version, entry=entry, fingerprint=fingerprint)
    signature = digest.signature if digest is not None else body_signature(body)
    return Decision(key=key, change="updated" if entry else "new", version=entry.version + 1 if entry else 1,
                    entry=entry, fingerprint=fingerprint, signature=signature,
                    duplicate_of=known.near_duplicate(signature, key) if signature is not None else None)


def as_entry(write: ArticleWrite) -> Entry:
    """The entry a write will become once committed."""
    f = write.fetch.fetched_at
    return Entry(key=write.key, url=write.url, host=write.host, first_seen=f, last_fetched=f, last_changed=f,
                 fingerprint=write.fingerprint, version=write.version, date_modified=write.date_modified)


class Pending:
    """``Known`` over an index and the writes decided but not yet committed (``writes``, by key)."""

    def __init__(self, index: ArchiveIndex, near_threshold: float) -> None:
        self.index, self.near_threshold = index, near_threshold
        self.writes: dict[str, ArticleWrite] = {}

    def entry(self, key: str) -> Entry | None:
        """The pending write of ``key`` first, else the index's entry."""
        if key in self.writes:
            return as_entry(self.writes[key])
        return self.index.lookup(key)

    def same_content(self, fingerprint: bytes, host: str) -> tuple[Entry, bool] | None:
        """A pending write with this content, else the index's."""
        for write in self.writes.values():
            if write.fingerprint == fingerprint and write.host == host:
                return as_entry(write), True
        found = self.index.find_same_content(fingerprint, host)
        return (found, False) if found is not None else None

    def near_duplicate(self, signature: bytes, key: str) -> str | None:
        """The index's answer first (it holds the older articles), else a similar pending write."""
        if (older := self.index.near_duplicate(signature, key, self.near_threshold)) is not None:
            return older
        for write in self.writes.values():
            if write.key != key and write.signature and similarity(signature, write.signature) >= self.near_threshold:
                return write.key
        return None
