"""``newscrawl ccnews --month YYYY-MM``: Common Crawl News, one JSON Lines file per WARC.

The month's ``warc.paths.gz`` lists its WARC files; each is downloaded in chunks (flat memory)
to a ``.download`` file beside the output, extracted there through the same path as
``newscrawl extract FILE.warc.gz`` (``readback.read_back``), and its records written to
``.<name>.jsonl.part``, renamed ``<name>.jsonl`` once complete. A finished WARC's output is
never redone, and a run killed at any point leaves at most a ``.part`` and a ``.download``,
which the next run truncates and redoes: each record ends up in exactly one output, once.
The download sits on disk rather than being fed to warcio from the socket so that the reader
can resynchronize after a damaged record (it seeks), as it does for local files.
"""

from __future__ import annotations

import fcntl
import gzip
import logging
import os
import re
import socket
import sys
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.client import HTTPException
from pathlib import Path
from typing import IO, Any

from .cli import _json_line as json_line
from .readback import Filters, Progress, read_back
from .record import RecordOptions

logger = logging.getLogger(__name__)
_CHUNK = 1 << 20
_MONTH = re.compile(r"(\d{4})-(\d{2})")
USER_AGENT = "newscrawl/ccnews (one download at a time)"


class CCNewsError(Exception):
    """A failure that ends the run: one line for standard error."""


class HttpFailed(Exception):
    """A download that did not succeed: ``status`` is the HTTP status, 0 for a network failure."""

    def __init__(self, url: str, status: int, detail: str) -> None:
        super().__init__(f"{url}: {detail}")
        self.url, self.status = url, status


@dataclass(frozen=True, kw_only=True)
class Downloads:
    """How politely and how stubbornly to download: the NEWSCRAWL_CCNEWS_* settings."""

    retries: int = 5
    backoff: float = 2.0
    timeout: float = 60.0
    sleep: Callable[[float], None] = time.sleep


def paths_url(base: str, month: str) -> str:
    """The ``warc.paths.gz`` of ``month`` (YYYY-MM) under ``base``.

    >>> paths_url("https://data.commoncrawl.org/", "2024-05")
    'https://data.commoncrawl.org/crawl-data/CC-NEWS/2024/05/warc.paths.gz'
    """
    match = _MONTH.fullmatch(month)
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValueError(f"--month {month}: give a month as YYYY-MM, e.g. 2024-05")
    return f"{base.rstrip('/')}/crawl-data/CC-NEWS/{match[1]}/{match[2]}/warc.paths.gz"


def output_name(warc_path: str) -> str:
    """The JSON Lines file of one WARC: its file name, ``.jsonl`` for ``.warc.gz``.

    >>> output_name("crawl-data/CC-NEWS/2024/05/CC-NEWS-20240501001122-00001.warc.gz")
    'CC-NEWS-20240501001122-00001.jsonl'
    """
    name = warc_path.rstrip("/").rsplit("/", 1)[-1]
    for suffix in (".warc.gz", ".warc"):
        if name.endswith(suffix):
            return name[: -len(suffix)] + ".jsonl"
    return name + ".jsonl"


def _open(url: str, timeout: float, start: int = 0) -> Any:
    headers = {"User-Agent": USER_AGENT, **({"Range": f"bytes={start}-"} if start else {})}
    request = urllib.request.Request(url, headers=headers)
    try:
        return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - the base URL is http(s), checked
    except urllib.error.HTTPError as exc:
        exc.close()
        raise HttpFailed(url, exc.code, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise HttpFailed(url, 0, f"cannot connect ({exc.reason})") from None


def _resumes_at(reply: Any, start: int) -> bool:
    """The reply is the rest of the body from byte ``start`` (206 with a matching Content-Range)."""
    found = re.match(r"bytes (\d+)-", reply.headers.get("Content-Range") or "")
    return reply.status == 206 and found is not None and int(found[1]) == start


def _copy(url: str, target: IO[bytes], timeout: float) -> int:
    """Append the body of ``url`` to ``target`` chunk by chunk, asking only for the bytes it lacks
    (Range) when it holds part of it already; the size of ``target`` when done."""
    start = target.seek(0, os.SEEK_END)
    try:
        with _open(url, timeout, start) as reply:
            if start and not _resumes_at(reply, start):  # the server sends it all again
                target.seek(0)
                target.truncate()
            while chunk := reply.read(_CHUNK):
                target.write(chunk)
            if reply.length:  # http.client's read(n) returns b"" when the server closes early
                raise HTTPException(f"{reply.length} bytes short of Content-Length")
    except (TimeoutError, socket.timeout, ConnectionError, HTTPException) as exc:
        raise HttpFailed(url, 0, f"download cut at {target.tell()} bytes ({type(exc).__name__}: {exc})") from None
    return target.tell()


def download(url: str, target: IO[bytes], policy: Downloads) -> int:
    """``url`` into ``target`` (truncated first), retried with backoff on 5xx, timeouts and cuts;
    a retry after a cut asks for the missing bytes only, where the server allows it."""
    target.seek(0)
    target.truncate()
    for attempt in range(policy.retries + 1):
        try:
            return _copy(url, target, policy.timeout)
        except HttpFailed as failed:
            if failed.status == 416:  # our Range was refused: start from the first byte again
                target.seek(0)
                target.truncate()
            retryable = failed.status in (0, 416, 429) or failed.status >= 500
            if not retryable or attempt == policy.retries:
                raise
            wait = policy.backoff * 2 ** attempt
            logger.warning("%s; retry %d of %d in %.1f s", failed, attempt + 1, policy.retries, wait)
            policy.sleep(wait)
    raise AssertionError("unreachable: the last attempt returns or raises")


def warc_paths(url: str, policy: Downloads, scratch: Path) -> list[str]:
    """The WARC paths a ``warc.paths.gz`` lists. CCNewsError when it cannot be had."""
    try:
        with scratch.open("w+b") as file:
            download(url, file, policy)
            file.seek(0)
            text = gzip.decompress(file.read()).decode("utf-8")
    except HttpFailed as failed:
        hint = " (no such month in CC-NEWS? it starts 2016-08; check --month and --base-url)" \
            if failed.status in (403, 404) else ""
        raise CCNewsError(f"{failed}{hint}") from None
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        raise CCNewsError(f"{url}: not a gzipped list of WARC paths ({exc})") from None
    finally:
        scratch.unlink(missing_ok=True)
    return [line.strip() for line in text.splitlines() if line.strip()]


@dataclass(frozen=True, kw_only=True)
class Month:
    """One ``newscrawl ccnews`` run: where from, where to, which records."""

    base_url: str
    month: str
    output: Path
    filters: Filters = Filters()
    options: RecordOptions = RecordOptions()
    workers: int = 1


@contextmanager
def _published(final: Path) -> Iterator[Callable[[dict[str, Any]], None]]:
    """A writer of JSON lines to ``.<name>.part`` (truncated: a killed run's is redone), renamed
    to ``final`` once complete and on disk."""
    part = final.with_name(f".{final.name}.part")
    with part.open("w", encoding="utf-8") as out:
        def write(line: dict[str, Any]) -> None:
            out.write(json_line(line))

        yield write
        out.flush()
        os.fsync(out.fileno())
    os.replace(part, final)


def extract_one(run: Month, warc_path: str, policy: Downloads) -> Counter[str] | None:
    """Download, extract and publish one WARC; None when its output was already there."""
    final = run.output / output_name(warc_path)
    if final.exists():
        return None
    local = final.with_name(f".{final.name}.download.warc.gz")
    url = f"{run.base_url.rstrip('/')}/{warc_path.lstrip('/')}"
    try:
        with local.open("w+b") as file:
            size = download(url, file, policy)
        logger.info("%s: %d bytes", url, size)
        with _published(final) as write:
            summary = read_back([local], write, options=run.options, filters=run.filters,
                                workers=run.workers, progress=Progress(size))
            if summary.bad_files:  # an error page served as 200, say: not done, the next run retries
                raise HttpFailed(url, 200, "the file served is not a WARC")
    finally:
        local.unlink(missing_ok=True)
    print(f"{warc_path}: {summary.line(str(final))}", file=sys.stderr)
    return Counter(written=summary.written) + summary.skipped


@contextmanager
def _only_run(output: Path) -> Iterator[None]:
    """Hold ``output/.ccnews.lock``: two runs on one folder would write the same ``.part`` files."""
    with (output / ".ccnews.lock").open("a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CCNewsError(f"{output}: another newscrawl ccnews is writing there; wait for it to end") from None
        yield  # the lock goes with the file descriptor, also when the process is killed


def run_month(run: Month, policy: Downloads) -> int:
    """Every WARC of the month, one at a time; the exit status (1 when a WARC could not be had)."""
    run.output.mkdir(parents=True, exist_ok=True)
    with _only_run(run.output):
        return _run_month(run, policy)


def _run_month(run: Month, policy: Downloads) -> int:
    paths = warc_paths(paths_url(run.base_url, run.month), policy, run.output / ".warc.paths.gz.download")
    done = skipped = failed = 0
    totals: Counter[str] = Counter()
    for warc_path in paths:
        try:
            counts = extract_one(run, warc_path, policy)
        except HttpFailed as failure:
            print(f"newscrawl: {failure}: skipped, the next run tries it again", file=sys.stderr)
            failed += 1
            continue
        if counts is None:
            skipped += 1
        else:
            done += 1
            totals += counts
    print(f"ccnews {run.month}: {done} WARCs extracted, {skipped} already done, {failed} failed; "
          f"{totals['written']} records -> {run.output}", file=sys.stderr)
    return 1 if failed else 0
