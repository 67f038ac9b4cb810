"""Read WARC files back (warcio): one ``WarcPage`` per HTML 200 response, a reason for every other record.

The reader streams: one record's payload (at most ``max_bytes``) in memory at a time, plus the
offset of each response by payload digest so that a revisit record can be resolved against
its original when the original is in the same input. A damaged file never stops the reading:
a record that cannot be parsed, or whose block ends before its ``Content-Length``, is counted
and the reader resynchronizes on the next record start after it (the next gzip member of a
``.warc.gz``, the next ``WARC/1.`` line of a plain WARC), so the records after it are still read.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException
from warcio.recordloader import ArcWarcRecord

from ..extract.encoding import unusable_body

logger = logging.getLogger(__name__)

WARC_SUFFIXES = (".warc", ".warc.gz")
_GZIP_MAGIC = b"\x1f\x8b\x08"
_PLAIN_MAGIC = b"WARC/1."
_CHUNK = 1 << 20
DEFAULT_MAX_BYTES = 20 * 1024 * 1024  # the crawl's DOWNLOAD_MAXSIZE order: bigger is no article
# The first element of an XML document, after the declaration, processing instructions and comments.
_XML_ROOT = re.compile(rb"^\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*)*<([A-Za-z_][\w.:-]*)", re.DOTALL)
# Roots of the documents the crawl reads as discovery (spiders parse them), never as pages.
_DISCOVERY_ROOTS = {"rss": "feed", "feed": "feed", "rdf": "feed", "urlset": "sitemap", "sitemapindex": "sitemap"}


class NotAWarc(ValueError):
    """The file holds no WARC record at all."""


class _NotWarcRecord(ValueError):
    """warcio parsed the bytes as some other format (its ARC reader takes almost any line)."""


# What warcio raises on damaged bytes: its own errors, zlib's (a bad gzip member), a cut stream,
# header text that is not a number or not decodable (ValueError, UnicodeDecodeError), and a
# response without WARC-Target-URI (warcio calls None.startswith: AttributeError). Found by fuzzing.
_DAMAGED_RECORD = (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, ValueError,
                   IndexError, OSError, AttributeError, TypeError)

# Damage to the file, as against records that are sound but no page: logged as warnings.
_DAMAGE = frozenset({"corrupt-record", "truncated-record", "not-http"})


@dataclass(frozen=True)
class WarcPage:
    """One HTML response as extraction takes it: plain data, pickled once to a worker."""

    url: str
    body: bytes
    headers: dict[str, str]
    fetched_at: str
    """WARC-Date as ``YYYY-MM-DDTHH:MM:SSZ``."""
    source: str
    """``file:offset`` of the record, for log lines."""


@dataclass
class ReadStats:
    """What the reader saw: records by outcome, bytes read."""

    skipped: Counter[str] = field(default_factory=Counter)
    pages: int = 0
    bytes_read: int = 0


def warc_files(path: Path) -> list[Path]:
    """The WARC files of ``path``: itself, or those of a folder (not recursive)."""
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file() and p.name.endswith(WARC_SUFFIXES))
    return [path]


def is_warc_path(path: Path) -> bool:
    """A WARC file by name, or a folder holding one."""
    if path.is_dir():
        return bool(warc_files(path))
    return path.name.endswith(WARC_SUFFIXES)


def _warc_date(record: ArcWarcRecord) -> str:
    raw = record.rec_headers.get_header("WARC-Date") or ""
    try:
        when = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        when = datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _http_headers(record: ArcWarcRecord) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in record.http_headers.headers:
        headers.setdefault(name.lower(), value)
    return headers


def discovery_kind(body: bytes) -> str | None:
    """``feed`` or ``sitemap`` for an RSS/Atom/RDF feed or a sitemap, whatever its Content-Type.

    >>> discovery_kind(b'<?xml version="1.0"?>\\n<!-- x --><rss version="2.0"><channel/></rss>')
    'feed'
    >>> discovery_kind(b"<html><body>rss</body></html>") is None
    True
    """
    found = _XML_ROOT.match(body[:4096].removeprefix(b"\xef\xbb\xbf"))
    if not found:
        return None
    return _DISCOVERY_ROOTS.get(found[1].decode("ascii", "replace").rsplit(":", 1)[-1].lower())


def _drain(record: ArcWarcRecord) -> bool:
    """Read the rest of the record block; False when the file ended before its Content-Length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return getattr(stream, "limit", 0) <= 0


def _next_start(file: IO[bytes], after: int, magic: bytes) -> int | None:
    """Offset of the next record start after ``after``, scanning in chunks (flat memory)."""
    position = after
    file.seek(position)
    tail = b""
    while chunk := file.read(_CHUNK):
        data = tail + chunk
        found = data.find(magic)
        if found >= 0:
            return position - len(tail) + found
        tail = data[-(len(magic) - 1):]
        position += len(chunk)
    return None


class WarcReader:
    """Iterate the pages of WARC files; ``stats`` counts every record that is not one."""

    def __init__(self, *, max_bytes: int = DEFAULT_MAX_BYTES, domain_ok: Any = None) -> None:
        self.max_bytes = max_bytes
        self.domain_ok = domain_ok  # callable(url) -> bool, or None for every URL
        self.stats = ReadStats()
        self._originals: dict[str, tuple[Path, int]] = {}  # payload digest -> where the response is
        self._done_bytes = 0
        self._file: IO[bytes] | None = None

    def bytes_read(self) -> int:
        """Bytes of input consumed so far, for the progress line."""
        if self._file is not None and not self._file.closed:
            try:
                return self._done_bytes + self._file.tell()
            except (OSError, ValueError):
                pass
        return self._done_bytes

    def skip(self, reason: str, where: str, detail: str = "") -> None:
        """Count a record that gives no page."""
        self.stats.skipped[reason] += 1
        if reason in _DAMAGE:
            logger.warning("%s: %s %s", where, reason, detail)
        elif reason not in ("request", "warcinfo", "metadata") and not reason.startswith("status-"):
            logger.debug("%s: %s %s", where, reason, detail)

    def pages(self, path: Path) -> Iterator[WarcPage]:
        """The pages of one file, in file order. Raises NotAWarc for a file without any record."""
        size = path.stat().st_size
        if size == 0:
            self.skip("empty-file", str(path))
            return
        with path.open("rb") as file:
            self._file = file
            magic = _GZIP_MAGIC if file.read(2) == _GZIP_MAGIC[:2] else _PLAIN_MAGIC
            yield from self._pages_from(path, file, magic)
            self._file = None
        self._done_bytes += size

    def _pages_from(self, path: Path, file: IO[bytes], magic: bytes) -> Iterator[WarcPage]:
        start: int | None = 0
        seen_any = False
        while start is not None:
            file.seek(start)
            records = ArchiveIterator(file, check_digests=False)
            record_start = start
            try:
                for record in records:
                    record_start = records.offset
                    if record.format != "warc":
                        raise _NotWarcRecord(f"a {record.format} record, not WARC")
                    seen_any = True
                    page, complete = self._page(path, record, record_start)
                    if not complete:
                        self.skip("truncated-record", f"{path}:{record_start}", "block shorter than Content-Length")
                        start = _next_start(file, record_start + 1, magic)
                        break
                    if page is not None:
                        yield page
                else:
                    start = None
            except _DAMAGED_RECORD as exc:
                if not seen_any and start == 0 and _next_start(file, 1, magic) is None:
                    raise NotAWarc(f"{path}: not a WARC file ({type(exc).__name__}: {_short(exc)})") from None
                seen_any, record_start = True, max(record_start, records.offset)
                self.skip("corrupt-record", f"{path}:{record_start}", _short(exc))
                start = _next_start(file, record_start + 1, magic)

    def _page(self, path: Path, record: ArcWarcRecord, offset: int) -> tuple[WarcPage | None, bool]:
        """(page or None, whether the record block was complete)."""
        where = f"{path}:{offset}"
        kind = record.rec_type
        if kind == "revisit":
            return self._revisit(path, record, where)
        if kind != "response":
            self.skip(kind or "unknown-record", where)
            return None, _drain(record)
        if record.http_headers is None or not record.http_headers.protocol.upper().startswith("HTTP/"):
            self.skip("not-http", where)
            return None, _drain(record)
        status = record.http_headers.get_statuscode()
        if status != "200":
            self.skip(f"status-{status}", where)
            return None, _drain(record)
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        if self.domain_ok is not None and not self.domain_ok(url):
            self.skip("other-domain", where)
            return None, _drain(record)
        body = record.content_stream().read(self.max_bytes + 1)
        if not _drain(record):
            return None, False
        if len(body) > self.max_bytes:
            self.skip("too-large", where, f"more than {self.max_bytes} bytes")
            return None, True
        headers = _http_headers(record)
        if reason := unusable_body(body, headers.get("content-type"), 200):
            self.skip(reason[0], where, reason[1])
            return None, True
        if kind := discovery_kind(body):  # the crawl parses these for links, it never extracts them
            self.skip(kind, where)
            return None, True
        if digest := record.rec_headers.get_header("WARC-Payload-Digest"):
            self._originals.setdefault(digest, (path, offset))
        self.stats.pages += 1
        return WarcPage(url=url, body=body, headers=headers, fetched_at=_warc_date(record), source=where), True

    def _revisit(self, path: Path, record: ArcWarcRecord, where: str) -> tuple[WarcPage | None, bool]:
        complete = _drain(record)
        digest = record.rec_headers.get_header("WARC-Payload-Digest")
        original = self._originals.get(digest or "")
        page = self._read_original(*original) if original else None
        if page is None:
            self.skip("revisit-unresolved", where, "its original is not in this input")
            return None, complete
        url = record.rec_headers.get_header("WARC-Target-URI") or page.url
        if self.domain_ok is not None and not self.domain_ok(url):
            self.skip("other-domain", where)
            return None, complete
        self.stats.pages += 1
        return WarcPage(url=url, body=page.body, headers=page.headers, fetched_at=_warc_date(record),
                        source=where), complete

    def _read_original(self, path: Path, offset: int) -> WarcPage | None:
        """The page of the response at ``offset`` (it was read once already, so it is sound)."""
        with path.open("rb") as file:
            file.seek(offset)
            for record in ArchiveIterator(file, check_digests=False):
                body = record.content_stream().read(self.max_bytes + 1)
                return WarcPage(url=record.rec_headers.get_header("WARC-Target-URI") or "", body=body,
                                headers=_http_headers(record), fetched_at=_warc_date(record), source="")
        return None


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:160]

