"""Finish the output of a crawl that was killed, and bring the index in line with it.

The design (docs/scheduling.md, "Resume"): a record reaches the index only after its line was
flushed and fsync'ed to the run's ``.part`` file, so the index never claims more than the disk
holds. The disk may hold more than the index (lines written after the last index commit);
when the next crawl starts, it takes every complete line of a dead run's ``.part`` file,
cuts a torn last line, renames the file to its final name (so those records are published
once, by the run that fetched them) and replays the lines into the index. Records that never
reached the disk are unknown to the index, so the next crawl fetches and emits them as new.
"""

from __future__ import annotations

import gzip
import json
import logging
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..discover.urls import canonical_request_url
from .fingerprint import body_signature, content_fingerprint
from .index import ArticleWrite, FetchFacts
from .sqlite import host_of

logger = logging.getLogger(__name__)


def article_key(url: str, canonical_url: str | None) -> str:
    """The index key of a record: its canonical URL in our request form."""
    return canonical_request_url(canonical_url or url)


def downloaded_at(record: dict[str, Any]) -> int | None:
    """metadata.dateDownloaded of a record as epoch seconds."""
    text = (record.get("metadata") or {}).get("dateDownloaded")
    try:
        return int(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()) if text else None
    except ValueError:
        return None


def write_for_record(record: dict[str, Any], fetched_at: int, fetch: FetchFacts | None = None) -> ArticleWrite:
    """The index write that matches one exported record (same fingerprint the pipeline made).

    ``fetched_at`` is used when the record does not say when it was downloaded.
    """
    url = record["url"]
    fetched_at = downloaded_at(record) or fetched_at
    return ArticleWrite(
        key=article_key(url, record.get("canonicalUrl")), url=url, host=host_of(url),
        fingerprint=content_fingerprint(record.get("headline"), record.get("articleBody"),
                                        record.get("dateModified")),
        version=int(record.get("version") or 1), date_modified=record.get("dateModified"),
        fetch=fetch or FetchFacts(fetched_at=fetched_at),
        signature=body_signature(record.get("articleBody") or ""),
        aliases=(canonical_request_url(url),),
    )


@dataclass(frozen=True)
class Recovered:
    """What was salvaged from one dead run's output."""

    final_path: str
    records: list[dict[str, Any]]
    torn_bytes: int
    """Bytes cut off the end: a line the kill interrupted."""


def _complete_lines(data: bytes) -> Iterator[tuple[int, dict[str, Any]]]:
    """(end offset, record) of each complete, parseable line, stopping at the first bad one."""
    offset = 0
    while (newline := data.find(b"\n", offset)) >= 0:
        line = data[offset:newline]
        try:
            record = json.loads(line) if line.strip() else None
        except ValueError:
            return  # nothing after a corrupt line can be trusted
        offset = newline + 1
        if isinstance(record, dict):
            yield offset, record


def recover_output(part_path: str, final_path: str) -> Recovered | None:
    """Cut the torn tail of a dead run's .part file and publish it; None if there is no file."""
    part = Path(part_path)
    claimed = part.with_name(f"{part.name}.recovering-{os.getpid()}")
    try:
        # Claimed by an atomic rename first: workers sharing a machine may open at the same time.
        part.rename(claimed)
    except FileNotFoundError:
        return None  # renamed: the run committed its output after all, or another worker took it
    part = claimed
    data = part.read_bytes()
    good, end = [], 0
    for end, record in _complete_lines(data):
        good.append(record)
    with part.open("r+b") as handle:
        handle.truncate(end)
        handle.flush()
        os.fsync(handle.fileno())
    publish(part, Path(final_path))
    if len(data) > end:
        logger.warning("recovered %s: cut %d bytes of an interrupted line", final_path, len(data) - end)
    return Recovered(final_path, good, len(data) - end)


def publish(part: Path, final: Path, compress: bool | None = None) -> None:
    """Rename a complete .part file to its final name, gzip-compressing it (by default for a .gz name)."""
    if compress is None:
        compress = final.suffix == ".gz"
    if compress:
        packed = final.with_name(final.name + ".tmp")
        with part.open("rb") as src, gzip.open(packed, "wb") as dst:
            shutil.copyfileobj(src, dst)
        _fsync_path(packed)
        packed.replace(final)
        part.unlink()
    else:
        part.replace(final)
    _fsync_path(final.parent)


def _fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
