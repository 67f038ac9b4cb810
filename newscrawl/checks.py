"""Configuration checks run before a crawl starts: each problem is one line naming the fix.

Settings are checked against the table of ``settings_table.py``; the lines read
``setting NAME=VALUE: <problem>; <fix>``, arguments ``argument -a NAME=VALUE: ...``.
"""

from __future__ import annotations

import fcntl
import importlib.util
import os
import tempfile
from collections.abc import Mapping
from difflib import get_close_matches
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.settings import BaseSettings

from . import settings as project_settings
from .arguments import argument_problems
from .extensions.jobdir import MARKER as JOBDIR_MARKER
from .settings_table import BY_NAME, SETTINGS, BadValue
from .sites import SiteConfigError, load_sites_file, site_from_mapping

EXIT_CONFIG_ERROR = 2

# Scrapy's own limits that newscrawl relies on (docs/limits.md): numbers >= 0; True: whole numbers.
_SCRAPY_NUMBERS = {"DOWNLOAD_MAXSIZE": True, "DEPTH_LIMIT": True, "RETRY_TIMES": True,
                   "REDIRECT_MAX_TIMES": True, "DOWNLOAD_TIMEOUT": False}


def _shown(value: Any) -> str:
    return value if isinstance(value, str) else repr(value)


def site_problems(spider_args: Mapping[str, str]) -> list[str]:
    """What is wrong with the -a arguments: unknown names, url beside sites, the sites themselves."""
    if problems := argument_problems(spider_args):
        return problems
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


def _scrapy_number_problem(settings: BaseSettings, name: str, whole: bool) -> str | None:
    value = settings.get(name)
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0 or (whole and number != int(number)):
        kind = "a whole number" if whole else "a number of seconds"
        return f"setting {name}={_shown(value)}: not {kind} >= 0; set -s {name}=<{kind} >= 0>"
    return None


def setting_problems(settings: BaseSettings) -> list[str]:
    """Every NEWSCRAWL_* value that is not of its kind in the table, and Scrapy's limits we rely on."""
    problems = []
    for setting in SETTINGS:
        if setting.name not in settings:
            continue  # a settings module of its own without ours: the components' fallbacks apply
        value = settings.get(setting.name)
        try:
            setting.parse(value)
        except BadValue as exc:
            problems.append(f"setting {setting.name}={_shown(value)}: {exc}")
    for name, whole in _SCRAPY_NUMBERS.items():
        if name in settings and (problem := _scrapy_number_problem(settings, name, whole)):
            problems.append(problem)
    return problems


def normalize_settings(settings: BaseSettings) -> None:
    """Replace each NEWSCRAWL_* value by the one its kind reads (``1d`` -> 86400.0, ``"None"`` -> None).

    Components read them with getint/getfloat/getbool, which know no durations. Raises
    ValueError with the one-line message for the first bad value.
    """
    if settings.frozen:
        return
    for name in [str(n) for n in settings if str(n) in BY_NAME]:
        value = settings.get(name)
        try:
            parsed = BY_NAME[name].parse(value)
        except BadValue as exc:
            raise ValueError(f"setting {name}={_shown(value)}: {exc}") from None
        if parsed is not value and parsed != value:
            settings.set(name, parsed, priority=settings.getpriority(name) or "project")


def _local_path(uri: str) -> Path | None:
    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(parts.path)
    if len(parts.scheme) <= 1:  # no scheme, or a Windows drive letter
        return Path(uri)
    return None  # s3://, ftp://...: checked by the storage when it opens


def _unwritable(path: Path, folder_wanted: bool = False) -> str | None:
    """Why ``path`` (a file, or a folder to create) cannot be written; None if it can.

    Tried for real (root passes every os.access test, even on a read-only mount), leaving nothing behind.
    """
    target = path.expanduser().absolute()
    if target.exists() and target.is_dir() != folder_wanted:
        return "is a folder" if target.is_dir() else "is a file, not a folder"
    if target.is_file():
        try:
            with target.open("ab"):
                return None
        except OSError as exc:
            return f"cannot be written ({exc.strerror})"
    folder = target if target.is_dir() else target.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        return f"cannot be created ({folder} is a file, not a folder)"
    try:
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".newscrawl-check-")
    except OSError as exc:
        return f"cannot be created ({folder} is not a writable folder: {exc.strerror})"
    os.close(fd)
    os.unlink(probe)
    return None


def output_problems(feeds: Mapping[str, object]) -> list[str]:
    """Feed targets on the local disk that cannot be written."""
    problems = []
    for uri in feeds:
        path = _local_path(str(uri))
        if path is None:
            continue
        target = Path(str(path).replace("%(", "(")).expanduser().absolute()  # placeholders
        reason = _unwritable(target)
        if reason == "is a folder":
            problems.append(f"output {uri} is a folder: pass -O <folder>/<file>.jsonl")
        elif reason:
            problems.append(f"output {uri} {reason}: pass -O <path in a folder you can write to>")
    return problems


def path_problems(settings: BaseSettings) -> list[str]:
    """The index, WARC, JOBDIR, log and stats paths that cannot be written."""
    paths: list[tuple[str, Any, bool]] = []  # (setting, value, is a folder)
    index_on = _parsed(settings, "NEWSCRAWL_INDEX_ENABLED", True) and not settings.get("NEWSCRAWL_REDIS_URL")
    if index_on:
        paths.append(("NEWSCRAWL_INDEX_PATH", settings.get("NEWSCRAWL_INDEX_PATH"), False))
    if _parsed(settings, "NEWSCRAWL_WARC_ENABLED", False):
        paths.append(("NEWSCRAWL_WARC_PATH", settings.get("NEWSCRAWL_WARC_PATH"), False))
    paths += [("NEWSCRAWL_STATS_FILE", settings.get("NEWSCRAWL_STATS_FILE"), False),
              ("LOG_FILE", settings.get("LOG_FILE"), False), ("JOBDIR", settings.get("JOBDIR"), True)]
    problems = []
    for name, value, folder in paths:
        if not isinstance(value, str) or not value.strip() or value.strip() == "None":
            continue
        try:
            path = Path(value % {"name": "news", "time": "now"}) if name == "NEWSCRAWL_WARC_PATH" else Path(value)
        except (KeyError, TypeError, ValueError):
            problems.append(f"setting {name}={value}: unknown %-placeholder; use only %(name)s and %(time)s")
            continue
        if reason := _unwritable(path, folder):
            what = "a folder you can write to" if folder else "a file in a folder you can write to"
            problems.append(f"setting {name}={value}: {path} {reason}; set -s {name}=<{what}>")
    return problems or lock_problems(settings, index_on)


def _parsed(settings: BaseSettings, name: str, fallback: Any) -> Any:
    try:
        return BY_NAME[name].parse(settings.get(name, fallback))
    except BadValue:
        return fallback  # reported by setting_problems


def _lock_holder(lock: Path) -> str | None:
    """Who holds the flock on ``lock`` (its first line), or None when nobody does."""
    try:
        fd = os.open(lock, os.O_RDONLY)
    except OSError:
        return None  # no lock file: no crawl has it
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
    finally:
        os.close(fd)  # closing drops the shared lock taken to test
    return None


def lock_problems(settings: BaseSettings, index_on: bool) -> list[str]:
    """An archive index or JOBDIR another running crawl holds (when this one would not wait)."""
    problems = []
    index = Path(str(settings.get("NEWSCRAWL_INDEX_PATH")))
    if (index_on and _parsed(settings, "NEWSCRAWL_INDEX_LOCK_WAIT", 0) <= 0
            and settings.get("NEWSCRAWL_INDEX_CLASS") == BY_NAME["NEWSCRAWL_INDEX_CLASS"].default
            and (holder := _lock_holder(index.with_name(index.name + ".lock")))):
        problems.append(f"setting NEWSCRAWL_INDEX_PATH={index}: the archive index is in use by {holder}; run "
                        "the crawls one after another, give this one its own -s NEWSCRAWL_INDEX_PATH=..., "
                        "or wait with -s NEWSCRAWL_INDEX_LOCK_WAIT=<seconds>")
    if (jobdir := settings.get("JOBDIR")) and _lock_holder(Path(jobdir) / JOBDIR_MARKER):
        problems.append(f"setting JOBDIR={jobdir}: in use by a running crawl; give each crawl its own "
                        "-s JOBDIR=... (or none)")
    return problems


def redis_problems(settings: BaseSettings) -> list[str]:
    """NEWSCRAWL_REDIS_URL set to a server that does not answer (checked only when the add-on is on)."""
    url = settings.get("NEWSCRAWL_REDIS_URL")
    try:
        if not url or BY_NAME["NEWSCRAWL_REDIS_URL"].parse(url) is None:
            return []
    except BadValue:
        return []  # reported by setting_problems
    import redis  # noqa: PLC0415 - only for distributed crawls

    try:
        redis.Redis.from_url(url, socket_connect_timeout=3, socket_timeout=3).ping()
    except (redis.RedisError, OSError, ValueError) as exc:
        return [f"setting NEWSCRAWL_REDIS_URL={url}: Redis does not answer ({str(exc).rstrip('.')}); "
                "start Redis there, or point the setting at a running server"]
    return []


def unknown_setting_problems(settings: BaseSettings) -> list[str]:
    """NEWSCRAWL_* names the table does not list: a typo would be ignored silently."""
    known = set(BY_NAME) | {name for name in dir(project_settings) if name.startswith("NEWSCRAWL_")}
    problems = []
    for name in sorted(str(n) for n in settings if str(n).startswith("NEWSCRAWL_") and n not in known):
        close = get_close_matches(name, known, 1)
        hint = f"did you mean {close[0]}?" if close else "docs/settings.md lists the settings"
        problems.append(f"setting {name}={_shown(settings.get(name))}: unknown setting; {hint}")
    return problems


def rendering_problems(settings: BaseSettings) -> list[str]:
    """NEWSCRAWL_RENDER_JAVASCRIPT without scrapy-playwright installed and wired in."""
    if not _parsed(settings, "NEWSCRAWL_RENDER_JAVASCRIPT", False):
        return []
    if importlib.util.find_spec("scrapy_playwright") is None:
        return ["setting NEWSCRAWL_RENDER_JAVASCRIPT=True: scrapy-playwright is not installed; "
                "pip install scrapy-playwright && playwright install chromium, or turn the setting off"]
    handlers = settings.getdict("DOWNLOAD_HANDLERS")
    if not all("scrapy_playwright" in str(handlers.get(scheme, "")) for scheme in ("http", "https")):
        return ["setting NEWSCRAWL_RENDER_JAVASCRIPT=True: DOWNLOAD_HANDLERS does not route http and https "
                "to scrapy-playwright; set both to scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"]
    return []


def startup_problems(settings: BaseSettings, spider_args: Mapping[str, str]) -> list[str]:
    """Every configuration problem found before crawling, as one line each.

    The slow checks (the disk, the index lock, Redis) run only once the values themselves are sound.
    """
    problems = [*site_problems(spider_args), *unknown_setting_problems(settings), *setting_problems(settings)]
    try:
        feeds = settings.getdict("FEEDS") or settings.getdict("NEWSCRAWL_FEED")
    except ValueError:
        feeds = {}  # a FEEDS that is no dict: Scrapy says so itself
    problems += [*output_problems(feeds), *rendering_problems(settings)]
    if not problems:
        problems = [*path_problems(settings), *redis_problems(settings)]
    return problems
