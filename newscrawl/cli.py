"""``newscrawl`` console command: ``newscrawl crawl URL``, ``newscrawl extract INPUT -o OUT.jsonl``,
``newscrawl ccnews --month YYYY-MM``."""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any, TextIO

from .archive.warc_reader import is_warc_path
from .extract.encoding import decode_html, looks_binary
from .extract.errors import ExtractionError
from .extract.page import PageInput
from .items import record_dict
from .normalize.dates import DateOptions, validate_timezone
from .readback import run_extract as run_warc_extract
from .record import RecordOptions, build_record


_PAGE_SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm")


def _page_suffix(path: Path) -> str | None:
    """The saved-page suffix of ``path`` in any letter case (``A.HTML``, ``b.Htm.GZ``), or None."""
    name = path.name.lower()
    return next((suffix for suffix in _PAGE_SUFFIXES if name.endswith(suffix)), None)


def _page_id(path: Path) -> str:
    suffix = _page_suffix(path)
    return path.name[: -len(suffix)] if suffix else path.name


def _input_files(folder: Path) -> list[Path]:
    """Every saved page under ``folder``, subfolders included, in a stable order."""
    return sorted(p for p in folder.rglob("*") if _page_suffix(p) and p.is_file())


def _page_ids(folder: Path, files: list[Path]) -> list[str]:
    """One distinct id per file: its path under ``folder`` without the page suffix.

    When two files would share an id (``a.html`` beside ``a.html.gz``), each keeps its whole
    file name instead, so no line of the output can be mistaken for another's.
    """
    def stem(path: Path) -> str:
        relative = path.relative_to(folder)
        return (relative.parent / _page_id(path)).as_posix()

    stems = [stem(path) for path in files]
    counts = Counter(stems)
    return [path.relative_to(folder).as_posix() if counts[s] > 1 else s for path, s in zip(files, stems)]


def _load_urls(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict):
        raise ValueError(f"{path}: expected a JSON object mapping id to URL")
    urls = {}
    for key, value in raw.items():
        url = value.get("url") if isinstance(value, dict) else value
        if isinstance(url, str):
            urls[str(key)] = url
    return urls


def extract_file(path: Path, url: str | None, options: RecordOptions,
                 page_id: str | None = None) -> dict[str, Any]:
    """The JSON line for one file: ``id`` plus every record field, or ``error``."""
    page_id = page_id or _page_id(path)
    data = path.read_bytes()
    if path.name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            return {"id": page_id, "error": f"unreadable-gzip: {exc}"}
    if looks_binary(data):
        return {"id": page_id, "error": "not-html: binary content"}
    page = PageInput(
        url=url or path.resolve().as_uri(),
        html=decode_html(data),
        fetched_at=datetime.now(timezone.utc),
    )
    try:
        article = build_record(page, options)
    except ExtractionError as exc:
        return {"id": page_id, "error": str(exc)}
    # not ItemAdapter: itemadapter imports Scrapy, a startup cost paid per run
    return {"id": page_id, **record_dict(article)}


Job = tuple[Path, str | None, str]  # file, its URL if known, its id


def _extract_one(job: Job, options: RecordOptions) -> dict[str, Any]:
    return extract_file(job[0], job[1], options, job[2])


def _lines(jobs: list[Job], options: RecordOptions, workers: int) -> Iterator[dict[str, Any]]:
    """The JSON line of every file, in input order; several processes when ``workers`` > 1."""
    if workers <= 1:
        yield from (_extract_one(job, options) for job in jobs)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(partial(_extract_one, options=options), jobs, chunksize=4)


# Characters JSON leaves raw but str.splitlines() (and so many JSON Lines readers) splits on.
_LINE_BREAKERS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"}


def _json_line(record: dict[str, Any]) -> str:
    """One JSON Lines record that stays one line for any line splitter (the scorers use one)."""
    # Only JSON strings can hold these characters, and \uXXXX is valid there. Substring tests
    # first: str.translate with a table costs a dictionary lookup per character.
    line = json.dumps(record, ensure_ascii=False)
    for char, escaped in _LINE_BREAKERS.items():
        if char in line:
            line = line.replace(char, escaped)
    return line + "\n"


@contextmanager
def _output_stream(target: str) -> Iterator[TextIO]:
    """``target`` opened for writing; ``-`` is standard output.

    A file is written under a temporary name beside it and renamed into place only when every
    line is written: an interrupted run leaves the previous output whole, never a cut-off file.
    """
    if target == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    output = Path(target)
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, partial_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".part", dir=output.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial_name, output)
    except BaseException:
        Path(partial_name).unlink(missing_ok=True)
        raise


def _run_extract(args: argparse.Namespace) -> int:
    folder = Path(args.input_dir)
    files = _input_files(folder)
    urls = _load_urls(Path(args.urls) if args.urls else None)
    # A saved page does not say when it was captured: "3 hours ago" on it has no day.
    options = RecordOptions(dates=DateOptions(default_tz=args.timezone, day_first=args.day_first,
                                              relative_dates=False))
    show_progress = sys.stderr.isatty()
    errors = 0
    ids = _page_ids(folder, files)
    jobs = [(path, urls.get(page_id, urls.get(_page_id(path))), page_id) for path, page_id in zip(files, ids)]
    with _output_stream(args.output) as out:
        for done, line in enumerate(_lines(jobs, options, args.jobs), 1):
            errors += "error" in line
            out.write(_json_line(line))
            if show_progress:
                print(f"\r{done}/{len(files)} pages, {errors} errors", end="", file=sys.stderr)
    if show_progress:
        print(file=sys.stderr)
    where = "standard output" if args.output == "-" else args.output
    print(f"{len(files)} pages -> {where} ({errors} without a record)", file=sys.stderr)
    return 0


def _run_warc(args: argparse.Namespace) -> int:
    """WARC input; with ``--index`` the index learns the versions once the output is in place."""
    from .archive.index import IndexBusy  # noqa: PLC0415
    from .reextract import IndexSink  # noqa: PLC0415

    where = "standard output" if args.output == "-" else args.output
    try:
        sink = IndexSink.open(args.index) if args.index else None
    except IndexBusy as exc:
        raise ValueError(f"--index {args.index}: {exc}") from None
    try:
        with _output_stream(args.output) as out:
            def write(line: dict[str, Any]) -> None:
                out.write(_json_line(line))

            status = run_warc_extract(args, write, where, decide=sink)
        if sink is not None:
            sink.commit()
    finally:
        if sink is not None:
            sink.close()
    return status


def _run_crawl(args: argparse.Namespace) -> int:
    """``scrapy crawl news`` with newscrawl's settings, from whatever folder it is run in."""
    from scrapy.cmdline import execute  # noqa: PLC0415 - Scrapy's start-up is paid by crawls only

    argv = ["scrapy", "crawl", "news", "-a", f"url={args.url}" if args.url else f"sites={args.sites}"]
    for option, uris in (("-o", args.output), ("-O", args.overwrite_output)):
        for uri in uris or []:
            argv += [option, uri]
    for setting in args.set or []:
        argv += ["-s", setting]
    if args.loglevel:
        argv += ["-L", args.loglevel]
    # Named, so the settings do not depend on a scrapy.cfg in the current folder (or a project's).
    os.environ["SCRAPY_SETTINGS_MODULE"] = "newscrawl.settings"
    try:
        execute(argv)
    except SystemExit as done:  # Scrapy's commands end with sys.exit(status)
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


def version() -> str:
    """The installed package's version (pyproject.toml's when run from a checkout)."""
    try:
        return metadata.version("newscrawl")
    except metadata.PackageNotFoundError:
        pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
        match = re.search(r'^version = "([^"]+)"', pyproject.read_text(encoding="utf-8"), re.MULTILINE)
        return match[1] if match else "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newscrawl`` command."""
    parser = argparse.ArgumentParser(prog="newscrawl", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newscrawl {version()}")
    commands = parser.add_subparsers(dest="command", required=True)
    crawl = commands.add_parser("crawl", help="crawl a news site (scrapy crawl news, from any folder)")
    site = crawl.add_mutually_exclusive_group(required=True)
    site.add_argument("url", nargs="?", help="home page URL of the site to crawl")
    site.add_argument("--sites", help="TOML or YAML file listing the sites to crawl")
    crawl.add_argument("-o", "--output", action="append", metavar="FILE",
                       help="append records to FILE (default: NEWSCRAWL_FEED, under output/)")
    crawl.add_argument("-O", "--overwrite-output", action="append", metavar="FILE",
                       help="write records to FILE, replacing it")
    crawl.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="a Scrapy or NEWSCRAWL_* setting")
    crawl.add_argument("-L", "--loglevel", help="log level (default: INFO)")
    extract = commands.add_parser("extract", help="extract records from a folder of saved pages")
    extract.add_argument("input_dir", help="folder of *.html / *.htm / *.html.gz files (subfolders too), "
                         "or a .warc / .warc.gz file or a folder of them")
    extract.add_argument("--output", "-o", required=True,
                         help="JSON Lines file to write, replaced only once complete; - for standard output")
    extract.add_argument("--urls", help="JSON object mapping id to a URL or to {\"url\": ...}")
    extract.add_argument("--timezone", help="IANA zone to assume for dates without an offset")
    extract.add_argument("--day-first", action="store_true", default=None,
                         help="read 02/11/2013 as 2 November")
    extract.add_argument("--jobs", "-j", type=int, default=None,
                         help="worker processes (default: one per core, as the crawl's extraction pool)")
    warc = extract.add_argument_group("WARC input only")
    warc.add_argument("--domain", action="append", help="keep only this host and its subdomains (repeatable)")
    warc.add_argument("--since", metavar="YYYY-MM-DD", help="keep records published (else fetched) on or after")
    warc.add_argument("--until", metavar="YYYY-MM-DD", help="keep records published (else fetched) on or before")
    warc.add_argument("--lang", action="append", help="keep only this language code, e.g. de (repeatable)")
    warc.add_argument("--index", metavar="INDEX.sqlite",
                      help="archive index: write only new and changed records, as new versions (re-extraction)")
    _ccnews_parser(commands)
    return parser


def _ccnews_parser(commands: Any) -> None:
    ccnews = commands.add_parser("ccnews", help="extract a month of Common Crawl News, one JSONL per WARC")
    ccnews.add_argument("--month", required=True, metavar="YYYY-MM", help="the CC-NEWS month, e.g. 2024-05")
    ccnews.add_argument("--domain", action="append", help="keep only this host and its subdomains (repeatable)")
    ccnews.add_argument("--output", "-o", metavar="DIR", help="folder of the JSONL files (default output/ccnews/YYYY-MM)")
    ccnews.add_argument("--jobs", "-j", type=int, default=None,
                        help="extraction worker processes (default: one per core; downloads: one at a time)")
    ccnews.add_argument("--base-url", help="default NEWSCRAWL_CCNEWS_BASE_URL (https://data.commoncrawl.org)")
    ccnews.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                        help="a NEWSCRAWL_CCNEWS_* setting (retries, backoff, timeout)")


def _ccnews_settings(assignments: list[str]) -> dict[str, Any]:
    """The NEWSCRAWL_CCNEWS_* settings: defaults, then ``-s NAME=VALUE``. ValueError names a bad one."""
    from .settings_table import BY_NAME  # noqa: PLC0415

    values = {name: setting.default for name, setting in BY_NAME.items() if name.startswith("NEWSCRAWL_CCNEWS_")}
    for assignment in assignments:
        name, _, value = assignment.partition("=")
        if name not in values:
            raise ValueError(f"-s {assignment}: ccnews takes only {', '.join(values)}")
        values[name] = BY_NAME[name].parse(value)
    return values


def _run_ccnews(args: argparse.Namespace) -> int:
    from . import ccnews  # noqa: PLC0415 - ccnews imports this module's JSON line writer
    from .readback import Filters  # noqa: PLC0415

    settings = _ccnews_settings(args.set or [])
    base = args.base_url or settings["NEWSCRAWL_CCNEWS_BASE_URL"]
    if not base.startswith(("http://", "https://")):
        raise ValueError(f"--base-url {base}: give an http:// or https:// URL")
    ccnews.paths_url(base, args.month)  # checks --month before anything is downloaded
    run = ccnews.Month(base_url=base, month=args.month,
                       output=Path(args.output or f"output/ccnews/{args.month}"), workers=args.jobs,
                       filters=Filters(domains=tuple(d.lower().lstrip(".") for d in (args.domain or ()))))
    policy = ccnews.Downloads(retries=settings["NEWSCRAWL_CCNEWS_RETRIES"],
                              backoff=settings["NEWSCRAWL_CCNEWS_BACKOFF"],
                              timeout=settings["NEWSCRAWL_CCNEWS_TIMEOUT"])
    try:
        return ccnews.run_month(run, policy)
    except ccnews.CCNewsError as exc:
        print(f"newscrawl: {exc}", file=sys.stderr)
        return 3


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newscrawl`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "crawl":
        return _run_crawl(args)
    if args.jobs is None:
        from .pipelines.pool import default_workers  # noqa: PLC0415 - the crawl's default, one place

        args.jobs = default_workers()
    if args.jobs < 1:
        parser.error(f"--jobs {args.jobs}: give 1 or more worker processes")
    if args.command == "ccnews":
        try:
            return _run_ccnews(args)
        except ValueError as exc:
            parser.error(str(exc))
    if args.urls and not Path(args.urls).is_file():
        parser.error(f"--urls {args.urls}: no such file")
    if args.timezone:
        try:
            validate_timezone(args.timezone)
        except ValueError as exc:
            parser.error(str(exc))
    source = Path(args.input_dir)
    try:
        if source.exists() and is_warc_path(source):
            return _run_warc(args)
        if args.index:
            parser.error(f"--index {args.index}: works with WARC input only")
        if not source.is_dir():
            parser.error(f"{args.input_dir} is not a folder")
        return _run_extract(args)
    except ValueError as exc:
        parser.error(str(exc))
    return 2


if __name__ == "__main__":
    sys.exit(main())
