"""Configuration checks run before a crawl starts: each problem names the setting and the fix."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Mapping
from difflib import get_close_matches
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from . import settings as project_settings
from .normalize.dates import validate_timezone
from .sites import SiteConfigError, load_sites_file, site_from_mapping

# Limits that must be whole numbers >= 0 (0 switches the limit off where docs/limits.md says so).
_COUNT_SETTINGS = ("DOWNLOAD_MAXSIZE", "DEPTH_LIMIT", "RETRY_TIMES", "REDIRECT_MAX_TIMES",
                   "NEWSCRAWL_MAX_PAGES_PER_SITE", "NEWSCRAWL_ROBOTSTXT_MAX_BYTES",
                   "NEWSCRAWL_MIN_BODY_CHARS", "NEWSCRAWL_MAX_LISTING_DEPTH")
_SECONDS_SETTINGS = ("DOWNLOAD_TIMEOUT", "NEWSCRAWL_RETRY_AFTER_MAX", "NEWSCRAWL_MAX_CRAWL_DELAY")


def site_problems(spider_args: Mapping[str, str]) -> list[str]:
    """What is wrong with the -a sites=... / -a url=... arguments."""
    try:
        if spider_args.get("sites"):
            load_sites_file(spider_args["sites"])
        elif spider_args.get("url"):
            site_from_mapping({"url": spider_args["url"]}, "-a url")
        else:
            return ["nothing to crawl: pass -a url=<home page URL> or -a sites=<sites.toml>"]
    except SiteConfigError as exc:
        return [str(exc)]
    return []


def setting_problems(settings: BaseSettings) -> list[str]:
    """Limits that are not numbers, and a default timezone that does not exist."""
    problems = []
    for name in (*_COUNT_SETTINGS, *_SECONDS_SETTINGS):
        value = settings.get(name)
        try:
            number = float(value)
        except (TypeError, ValueError):
            problems.append(f"{name}={value!r} is not a number: set -s {name}=<number >= 0>")
            continue
        if number < 0 or (name in _COUNT_SETTINGS and number != int(number)):
            kind = "a whole number" if name in _COUNT_SETTINGS else "a number of seconds"
            problems.append(f"{name}={value!r}: must be {kind} >= 0")
    if zone := settings.get("NEWSCRAWL_DEFAULT_TZ"):
        try:
            validate_timezone(str(zone))
        except ValueError as exc:
            problems.append(f"NEWSCRAWL_DEFAULT_TZ: {exc}")
    return problems


def _local_path(uri: str) -> Path | None:
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(parts.path)
    if len(parts.scheme) <= 1:  # no scheme, or a Windows drive letter
        return Path(uri)
    return None  # s3://, ftp://...: checked by the storage when it opens


def output_problems(feeds: Mapping[str, object]) -> list[str]:
    """Feed targets on the local disk that cannot be written."""
    problems = []
    for uri in feeds:
        path = _local_path(str(uri))
        if path is None:
            continue
        target = Path(str(path).replace("%(", "(")).expanduser().absolute()  # placeholders
        if target.is_dir():
            problems.append(f"output {uri} is a folder: pass -O <folder>/<file>.jsonl")
            continue
        folder = target.parent
        while not folder.exists():
            folder = folder.parent
        if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
            problems.append(f"output {uri} cannot be written ({folder} is not a writable folder): "
                            "pass -O <path in a folder you can write to>")
    return problems


def unknown_setting_problems(settings: BaseSettings) -> list[str]:
    """NEWSCRAWL_* names that newscrawl.settings does not define: a typo would be ignored silently."""
    known = {name for name in dir(project_settings) if name.startswith("NEWSCRAWL_")}
    problems = []
    for name in sorted(str(n) for n in settings if str(n).startswith("NEWSCRAWL_") and n not in known):
        close = get_close_matches(name, known, 1)
        hint = f"did you mean {close[0]}?" if close else "see newscrawl/settings.py for the settings"
        problems.append(f"unknown setting {name}: {hint}")
    return problems


def rendering_problems(settings: BaseSettings) -> list[str]:
    """NEWSCRAWL_RENDER_JAVASCRIPT without scrapy-playwright installed and wired in."""
    if not settings.getbool("NEWSCRAWL_RENDER_JAVASCRIPT"):
        return []
    if importlib.util.find_spec("scrapy_playwright") is None:
        return ["NEWSCRAWL_RENDER_JAVASCRIPT is on but scrapy-playwright is not installed: "
                "pip install scrapy-playwright && playwright install chromium, or turn the setting off"]
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    if not all("scrapy_playwright" in str(handlers.get(scheme, "")) for scheme in ("http", "https")):
        return ["NEWSCRAWL_RENDER_JAVASCRIPT is on but DOWNLOAD_HANDLERS does not route http and https "
                "to scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler: set both"]
    return []


def startup_problems(settings: BaseSettings, spider_args: Mapping[str, str]) -> list[str]:
    """Every configuration problem found before crawling, as one line each."""
    feeds = settings.getdict("FEEDS") or settings.getdict("NEWSCRAWL_FEED")
    return [*site_problems(spider_args), *unknown_setting_problems(settings), *setting_problems(settings),
            *output_problems(feeds), *rendering_problems(settings)]
