"""``newscrawl`` console command: ``newscrawl crawl URL`` and ``newscrawl extract INPUT_DIR -o OUT.jsonl``."""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import re
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timezone
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Any

from .archive.warc_reader import is_warc_path
from .extract.encoding import decode_html, looks_binary
from .extract.errors import ExtractionError
from .extract.page import PageInput
from .normalize.dates import DateOptions, validate_timezone
from .readback import run_extract as run_warc_extract
from .record import RecordOptions, build_record


def _page_id(path: Path) -> str:
    name = path.name
    for suffix in (".html.gz", ".htm.gz", ".html", ".htm"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _input_files(folder: Path) -> list[Path]:
    patterns = ("*.html", "*.htm", "*.html.gz", "*.htm.gz")
    return sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()})


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


def extract_file(path: Path, url: str | None, options: RecordOptions) -> dict[str, Any]:
    """The JSON line for one file: ``id`` plus every record field, or ``error``."""
    page_id = _page_id(path)
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    if looks_binary(data):
        return {"id": page_id, "error": "not-html: binary content"}
    page = PageInput(
        url=url or f"file://{path.resolve()}",
        html=decode_html(data),
        fetched_at=datetime.now(timezone.utc),
    )
    try:
        article = build_record(page, options)
    except ExtractionError as exc:
        return {"id": page_id, "error": str(exc)}
    # dataclasses.asdict, not ItemAdapter: itemadapter imports Scrapy, a startup cost paid per run
    return {"id": page_id, **dataclasses.asdict(article)}


def _extract_one(job: tuple[Path, str | None], options: RecordOptions) -> dict[str, Any]:
    return extract_file(job[0], job[1], options)


def _lines(jobs: list[tuple[Path, str | None]], options: RecordOptions,
           workers: int) -> Iterator[dict[str, Any]]:
    """The JSON line of every file, in input order; several processes when ``workers`` > 1."""
    if workers <= 1:
        yield from (extract_file(path, url, options) for path, url in jobs)
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


def _run_extract(args: argparse.Namespace) -> int:
    folder = Path(args.input_dir)
    files = _input_files(folder)
    urls = _load_urls(Path(args.urls) if args.urls else None)
    options = RecordOptions(dates=DateOptions(default_tz=args.timezone, day_first=args.day_first))
    show_progress = sys.stderr.isatty()
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    errors = 0
    jobs = [(path, urls.get(_page_id(path))) for path in files]
    with output.open("w", encoding="utf-8") as out:
        for done, line in enumerate(_lines(jobs, options, args.jobs), 1):
            errors += "error" in line
            out.write(_json_line(line))
            if show_progress:
                print(f"\r{done}/{len(files)} pages, {errors} errors", end="", file=sys.stderr)
    if show_progress:
        print(file=sys.stderr)
    print(f"{len(files)} pages -> {output} ({errors} without a record)", file=sys.stderr)
    return 0


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
    extract.add_argument("input_dir", help="folder of *.html / *.html.gz files, or a .warc / .warc.gz file "
                         "or a folder of them")
    extract.add_argument("--output", "-o", required=True, help="JSON Lines file to write")
    extract.add_argument("--urls", help="JSON object mapping id to a URL or to {\"url\": ...}")
    extract.add_argument("--timezone", help="IANA zone to assume for dates without an offset")
    extract.add_argument("--day-first", action="store_true", default=None,
                         help="read 02/11/2013 as 2 November")
    extract.add_argument("--jobs", "-j", type=int, default=1,
                         help="worker processes (faster on several cores; same total CPU)")
    warc = extract.add_argument_group("WARC input only")
    warc.add_argument("--domain", action="append", help="keep only this host and its subdomains (repeatable)")
    warc.add_argument("--since", metavar="YYYY-MM-DD", help="keep records published (else fetched) on or after")
    warc.add_argument("--until", metavar="YYYY-MM-DD", help="keep records published (else fetched) on or before")
    warc.add_argument("--lang", action="append", help="keep only this language code, e.g. de (repeatable)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``newscrawl`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "crawl":
        return _run_crawl(args)
    if args.jobs < 1:
        parser.error(f"--jobs {args.jobs}: give 1 or more worker processes")
    if Path(args.input_dir).exists() and is_warc_path(Path(args.input_dir)):
        try:
            return run_warc_extract(args, _json_line)
        except ValueError as exc:
            parser.error(str(exc))
    if not Path(args.input_dir).is_dir():
        parser.error(f"{args.input_dir} is not a folder")
    if args.urls and not Path(args.urls).is_file():
        parser.error(f"--urls {args.urls}: no such file")
    if args.jobs < 1:
        parser.error(f"--jobs {args.jobs}: give 1 or more worker processes")
    if args.timezone:
        try:
            validate_timezone(args.timezone)
        except ValueError as exc:
            parser.error(str(exc))
    try:
        return _run_extract(args)
    except ValueError as exc:
        parser.error(str(exc))
    return 2


if __name__ == "__main__":
    sys.exit(main())
