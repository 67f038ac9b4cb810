"""WARC files in, records out: what ``newscrawl extract FILE.warc.gz`` and ``newscrawl ccnews`` run.

Each HTML 200 response becomes one JSON line (``id`` is its ``WARC-Target-URI``), extracted and
normalized as in the crawl (``build_record``, then the crawl's validation), in the crawl's
process pool; every other record is counted under one reason and summed up at the end.
``decide`` is the hook for a per-record keep/skip decision: re-extraction against an archive
index (reextract.py) sets it.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from .archive.warc_reader import NotAWarc, WarcPage, WarcReader, warc_files
from .extract.encoding import decode_html
from .extract.errors import ExtractionError
from .extract.page import PageInput
from .items import record_dict
from .normalize.dates import DateOptions
from .pipelines.pool import ExtractionPool, WorkerCrashed
from .record import RecordOptions, build_record, rejection_reason

#: What a worker sends back: the JSON line of a record, or (reason code, detail).
Line = dict[str, Any] | tuple[str, str]


@dataclass(frozen=True)
class Filters:
    """Which records to keep: hosts (and their subdomains), a date range, languages."""

    domains: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    languages: tuple[str, ...] = ()

    def domain_ok(self, url: str) -> bool:
        """The URL's host is one of ``domains`` or below one."""
        host = (url.split("://", 1)[-1].split("/", 1)[0].split("@")[-1].split(":")[0]).lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def reason_to_skip(self, line: dict[str, Any]) -> str | None:
        """``outside-dates`` / ``other-language`` for an extracted record the filters refuse."""
        if self.since or self.until:
            # the publication date when the page gives one, else the capture date
            stamp = line.get("datePublished") or (line.get("metadata") or {}).get("dateDownloaded") or ""
            try:
                day = date.fromisoformat(stamp[:10])
            except ValueError:
                return "outside-dates"
            if (self.since and day < self.since) or (self.until and day > self.until):
                return "outside-dates"
        if self.languages:
            language = (line.get("inLanguage") or "").lower()
            if not any(language == code or language.startswith(code + "-") for code in self.languages):
                return "other-language"
        return None


def warc_line(page: WarcPage, options: RecordOptions, min_body_chars: int) -> Line:
    """The record of one response (in a worker process), or why there is none."""
    when = datetime.fromisoformat(page.fetched_at.replace("Z", "+00:00"))
    source = PageInput(url=page.url, html=decode_html(page.body, page.headers.get("content-type")),
                       headers=page.headers, fetched_at=when)
    try:
        article = build_record(source, options)
    except ExtractionError as exc:
        return (exc.code, exc.detail)
    if reason := rejection_reason(article, min_body_chars):
        return (reason, "")
    return {"id": page.url, **record_dict(article)}


@dataclass
class _Job:
    """Picklable call of ``warc_line`` for the pool."""

    options: RecordOptions
    min_body_chars: int

    def __call__(self, page: WarcPage) -> Line:
        return warc_line(page, self.options, self.min_body_chars)


def _crashed(page: WarcPage, error: WorkerCrashed) -> Line:
    return (WorkerCrashed.code, f"{error} on {page.url}")


def extracted_lines(pages: Iterable[WarcPage], options: RecordOptions, min_body_chars: int,
                    workers: int) -> Iterator[Line]:
    """The outcome of every page, in order; in the crawl's process pool when ``workers`` > 1."""
    job = _Job(options, min_body_chars)
    if workers <= 1:
        yield from (job(page) for page in pages)
        return
    pool = ExtractionPool(workers)
    try:
        yield from pool.imap(job, pages, on_crash=_crashed)
    finally:
        pool.close()


@dataclass
class Summary:
    """What a read-back run did: records written, everything else by reason, files refused."""

    written: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    bad_files: list[str] = field(default_factory=list)

    def line(self, output: str) -> str:
        """One line for the end of the run, biggest reasons first."""
        reasons = ", ".join(f"{count} {reason}" for reason, count in self.skipped.most_common())
        return f"{self.written} records -> {output}" + (f"; not written: {reasons}" if reasons else "")


class Progress:
    """records, pages/s, bytes read of total, ETA on one terminal line; silent elsewhere."""

    def __init__(self, total_bytes: int, stream: IO[str] = sys.stderr) -> None:
        self.total, self.stream = total_bytes, stream
        self.enabled = stream.isatty()
        self.started = self._last = time.monotonic()

    def update(self, records: int, pages: int, bytes_read: int, *, final: bool = False) -> None:
        """Redraw at most a few times a second."""
        now = time.monotonic()
        if not self.enabled or (not final and now - self._last < 0.25):
            return
        self._last = now
        elapsed = max(now - self.started, 1e-6)
        eta = (self.total - bytes_read) * elapsed / bytes_read if bytes_read else 0
        print(f"\r{records} records, {pages / elapsed:.1f} pages/s, {bytes_read >> 20}/{self.total >> 20} MB, "
              f"ETA {int(eta) // 60}:{int(eta) % 60:02d}  ", end="\n" if final else "", file=self.stream)


#: Called with each record about to be written; returns the reason to skip it instead, or None.
Sink = Callable[[dict[str, Any]], str | None]


def read_back(inputs: Iterable[Path], write: Callable[[dict[str, Any]], None], *, options: RecordOptions,
              filters: Filters = Filters(), min_body_chars: int = 200, workers: int = 1,
              decide: Sink | None = None, progress: Progress | None = None) -> Summary:
    """Extract every WARC file of ``inputs`` and ``write`` each record; count the rest."""
    files = [f for path in inputs for f in warc_files(path)]
    reader = WarcReader(domain_ok=filters.domain_ok if filters.domains else None)
    summary = Summary()

    def pages() -> Iterator[WarcPage]:
        for path in files:
            try:
                yield from reader.pages(path)
            except NotAWarc as exc:
                print(f"newscrawl: {exc}", file=sys.stderr)
                summary.bad_files.append(str(path))
                summary.skipped["not-a-warc"] += 1
            except OSError as exc:
                print(f"newscrawl: {path}: cannot read ({exc.strerror or exc})", file=sys.stderr)
                summary.bad_files.append(str(path))
                summary.skipped["unreadable-file"] += 1

    done = 0
    for line in extracted_lines(pages(), options, min_body_chars, workers):
        done += 1
        if isinstance(line, tuple):
            reason: str | None = line[0]
        elif (reason := filters.reason_to_skip(line)) is None and decide is not None:
            reason = decide(line)
        if reason is not None:
            summary.skipped[reason] += 1
        elif isinstance(line, dict):
            write(line)
            summary.written += 1
        if progress:
            progress.update(done, reader.stats.pages, reader.bytes_read())
    summary.skipped.update(reader.stats.skipped)
    if progress:
        progress.update(done, reader.stats.pages, reader.bytes_read(), final=True)
    return summary


def _day(text: str | None, flag: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{flag} {text}: give a date as YYYY-MM-DD") from None


def run_extract(args: Any, write: Callable[[dict[str, Any]], None], where: str, decide: Sink | None = None) -> int:
    """``newscrawl extract FILE.warc.gz|FOLDER``, each line given to ``write``: exit 2 when no input was a WARC."""
    inputs = [Path(args.input_dir)]
    filters = Filters(domains=tuple(d.lower().lstrip(".") for d in (args.domain or ())),
                      since=_day(args.since, "--since"), until=_day(args.until, "--until"),
                      languages=tuple(code.lower() for code in (args.lang or ())))
    options = RecordOptions(dates=DateOptions(default_tz=args.timezone, day_first=args.day_first))
    files = [f for path in inputs for f in warc_files(path)]
    summary = read_back(inputs, write, options=options, filters=filters, workers=args.jobs, decide=decide,
                        progress=Progress(sum(f.stat().st_size for f in files)))
    print(summary.line(where), file=sys.stderr)
    return 2 if files and len(summary.bad_files) == len(files) else 0
