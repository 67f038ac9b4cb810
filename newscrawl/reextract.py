"""``newscrawl extract CAPTURES.warc.gz --index output/index.sqlite``: re-extraction into the archive.

Each extracted record goes through the archive's decision (``archive.decision.decide``, the
crawl pipeline's): a record whose content the index already holds is skipped as ``unchanged``
(or ``duplicate-content``); a new or changed one is written with its ``version``,
``changeType`` and ``duplicateOf``. The index learns the new versions only after the output
is complete and renamed into place (``commit``), so it never claims a record the disk lacks.
"""

from __future__ import annotations

from typing import Any, Self

from .archive.decision import Pending, decide
from .archive.index import ArchiveIndex, ArticleWrite, FetchFacts
from .archive.recovery import downloaded_at
from .archive.sqlite import SqliteIndex, host_of
from .discover.urls import canonical_request_url


class IndexSink:
    """``read_back``'s ``decide`` hook against an archive index; ``commit`` once the output is written."""

    def __init__(self, index: ArchiveIndex, near_threshold: float = 0.8) -> None:
        self.index, self.pending = index, Pending(index, near_threshold)

    @classmethod
    def open(cls, path: str, near_threshold: float = 0.8) -> Self:
        """Open the SQLite index at ``path`` and take its lock (IndexBusy while a crawl has it)."""
        index = SqliteIndex(path)
        index.acquire("newscrawl extract --index", 0)
        return cls(index, near_threshold)

    def __call__(self, line: dict[str, Any]) -> str | None:
        """Why to skip the record, or None after setting its version, changeType and duplicateOf."""
        url = line["url"]
        decision = decide(url=url, canonical_url=line.get("canonicalUrl"), headline=line.get("headline"),
                          body=line.get("articleBody") or "", date_modified=line.get("dateModified"),
                          known=self.pending)
        if not decision.emits:
            return decision.change
        line.update(version=decision.version, changeType=decision.change, duplicateOf=decision.duplicate_of)
        facts = FetchFacts(fetched_at=downloaded_at(line) or 0)
        self.pending.writes[decision.key] = ArticleWrite(
            key=decision.key, url=url, host=host_of(url), fingerprint=decision.fingerprint, version=decision.version,
            fetch=facts, date_modified=line.get("dateModified"), signature=decision.signature,
            aliases=(canonical_request_url(url),))
        return None

    def commit(self) -> None:
        """Store every version written (call once the output is complete)."""
        self.index.commit(list(self.pending.writes.values()))
        self.pending.writes.clear()

    def close(self) -> None:
        """Release the lock and close the index."""
        self.index.close()
