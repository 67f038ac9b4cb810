"""Every NEWSCRAWL_* setting, once: name, kind, default, allowed values and what it does.

``newscrawl/settings.py`` takes its NEWSCRAWL_* defaults from ``SETTINGS``; the start-up checks
(``checks.py``) validate each value given with ``-s`` or a settings module against its kind,
and turn the human forms (``1d``, ``"5"``, ``"None"``) into the values the components read.
``python -m newscrawl.settings_table`` prints the Markdown table of docs/settings.md.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_DURATION = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*([smhdw]?)\s*", re.IGNORECASE)
_TRUE, _FALSE = ("true", "1"), ("false", "0")  # what Scrapy's getbool accepts, case aside


class BadValue(ValueError):
    """A setting value that cannot be used: ``problem`` and ``fix`` become one line."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(f"{problem}; {fix}")
        self.problem, self.fix = problem, fix


@dataclass(frozen=True)
class Setting:
    """One NEWSCRAWL_* setting.

    ``kind`` is one of: bool, count (a whole number >= ``minimum``), seconds (a duration),
    fraction (0 to 1), choice (one of ``choices``), timezone, path, text, url, list, feeds, class.
    """

    name: str
    kind: str
    default: Any
    doc: str
    optional: bool = False  # None (or "None", "") is allowed and means what ``doc`` says
    minimum: float = 0
    choices: tuple[Any, ...] = ()

    def parse(self, value: Any) -> Any:
        """``value`` as the components read it; BadValue when it is not of this kind."""
        if self.optional and (value is None or (isinstance(value, str) and value.strip() in ("", "None"))):
            return None
        parser = getattr(self, f"_parse_{self.kind}")
        return parser(value)

    def allowed(self) -> str:
        """The values allowed, for the docs and the fix of an error."""
        text = {
            "bool": "True or False",
            "count": f"a whole number >= {self.minimum:g}",
            "seconds": "seconds (30) or a duration: 30s, 15m, 6h, 1d, 2w"
                       + ("; negative: never" if self.minimum < 0 else ""),
            "fraction": "a number from 0 to 1",
            "choice": " or ".join(repr(c) if isinstance(c, str) else str(c) for c in self.choices),
            "timezone": "an IANA zone name (Europe/Berlin)",
            "path": "a file path",
            "text": "text",
            "url": "a redis://, rediss:// or unix:// URL",
            "list": "a list of strings (comma-separated with -s)",
            "feeds": "a FEEDS-style dict of URI to options",
            "class": "an importable dotted class path",
        }[self.kind]
        return f"{text}, or None" if self.optional else text

    def _bad(self, value: Any, problem: str) -> BadValue:
        return BadValue(problem, f"set -s {self.name}=<{self.allowed()}>")

    def _parse_bool(self, value: Any) -> bool:
        if isinstance(value, bool):
            return value
        if str(value).strip().lower() in _TRUE + _FALSE:
            return str(value).strip().lower() in _TRUE
        raise self._bad(value, "not a boolean")

    def _parse_count(self, value: Any) -> int:
        if isinstance(value, bool) or not re.fullmatch(r"\s*-?\d+\s*", str(value)):
            raise self._bad(value, "not a whole number")
        number = int(value)
        if number < self.minimum:
            raise self._bad(value, f"must be >= {self.minimum:g}")
        return number

    def _parse_seconds(self, value: Any) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = float(value)
        elif isinstance(value, str) and (match := _DURATION.fullmatch(value)):
            seconds = float(match[1]) * _UNITS[(match[2] or "s").lower()]
        else:
            raise self._bad(value, "not a duration")
        if seconds < self.minimum:
            raise self._bad(value, f"must be >= {self.minimum:g} seconds")
        return seconds

    def _parse_fraction(self, value: Any) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise self._bad(value, "not a number") from None
        if not 0 <= number <= 1:
            raise self._bad(value, "must be between 0 and 1")
        return number

    def _parse_choice(self, value: Any) -> Any:
        spelled = str(value).strip().lower()
        for choice in self.choices:
            if value is choice or spelled == str(choice).lower() or (
                    isinstance(choice, bool) and spelled in (_TRUE if choice else _FALSE)):
                return choice
        raise self._bad(value, "not one of the choices")

    def _parse_timezone(self, value: Any) -> str:
        # Imported here: newscrawl.settings imports this module, and dateparser is slow to load.
        from .normalize.dates import validate_timezone  # noqa: PLC0415

        try:
            validate_timezone(str(value))
        except ValueError as exc:
            raise BadValue(str(exc), f"set -s {self.name}=<an IANA zone name such as Europe/Berlin>") from None
        return str(value)

    def _parse_text(self, value: Any) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self._bad(value, "must be non-empty text")
        return value

    _parse_path = _parse_text

    def _parse_url(self, value: Any) -> str:
        if not str(value).startswith(("redis://", "rediss://", "unix://")):
            raise BadValue("not a Redis URL", f"set -s {self.name}=redis://127.0.0.1:6379/0 (or rediss://, unix://)")
        return str(value)

    def _parse_list(self, value: Any) -> list[str]:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return list(value)
        raise self._bad(value, "not a list of strings")

    def _parse_feeds(self, value: Any) -> Any:
        if isinstance(value, dict) or (isinstance(value, str) and value.lstrip().startswith("{")):
            return value  # Scrapy's getdict reads a JSON string
        raise self._bad(value, "not a dict of feed URI to options")

    def _parse_class(self, value: Any) -> str:
        from scrapy.utils.misc import load_object  # noqa: PLC0415 - only when checked

        try:
            load_object(str(value))
        except (ImportError, NameError, ValueError) as exc:
            raise BadValue(f"cannot be imported ({exc})", f"set -s {self.name}=<module.ClassName>") from None
        return str(value)


SETTINGS: tuple[Setting, ...] = (
    # --- extraction and normalization
    Setting("NEWSCRAWL_MIN_BODY_CHARS", "count", 200, "shorter bodies are dropped with reason `short-body`"),
    Setting("NEWSCRAWL_DEFAULT_TZ", "timezone", None, "IANA zone assumed when a page states no offset and "
            "its site has no `timezone`; None keeps such dates naive", optional=True),
    Setting("NEWSCRAWL_MIN_YEAR", "count", 1995, "earlier publication dates are rejected as implausible"),
    Setting("NEWSCRAWL_EXTRACT_WORKERS", "count", None, "extraction worker processes (off the reactor "
            "thread); None = one per core, 0 = in the reactor thread", optional=True),
    # --- discovery
    Setting("NEWSCRAWL_MAX_LISTING_DEPTH", "count", 2, "link hops through section pages from the home page"),
    Setting("NEWSCRAWL_MAX_PAGINATION", "count", 5, "pages of one listing followed (`?page=N`, `/page/N/`, "
            "rel=next, \"Older stories\", month archives); its page 2 is not one more level of listing depth"),
    Setting("NEWSCRAWL_LINK_404_BUDGET", "count", 30, "pages not found (404/410) after which a link source "
            "of a site (the story links inside its articles) is stopped, when it failed more than it "
            "found; counted as `link-source-exhausted`; 0 = no budget"),
    Setting("NEWSCRAWL_FEED_PATHS", "list", ["/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml"],
            "paths tried when the home page announces no feed (404s there are expected and cheap)"),
    Setting("NEWSCRAWL_SITEMAP_PATHS", "list", ["/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml"],
            "paths tried when robots.txt lists no sitemap"),
    Setting("NEWSCRAWL_FOLLOW_ARTICLE_LINKS", "choice", "auto", "queue story links found on article pages; "
            "\"auto\" only for sites whose sitemaps and feeds list no article (link extraction is the "
            "crawl's costliest step)", choices=(True, False, "auto")),
    Setting("NEWSCRAWL_MAX_DEFERRED_LINKS", "count", 100_000, "links found while sitemaps and feeds are "
            "read wait for the link phase; at most this many"),
    # --- output and reports
    Setting("NEWSCRAWL_FEED", "feeds", {"output/%(name)s/%(name)s-%(time)s.jsonl": {
        "format": "jsonlines", "encoding": "utf8", "item_classes": ["newscrawl.items.Article"]}},
        "the feed written when -o/-O and FEEDS name none: one file per run"),
    Setting("NEWSCRAWL_STATS_FILE", "path", None, "JSON file to write the crawl's stats and drop reasons "
            "to; None: next to the local output file", optional=True),
    Setting("NEWSCRAWL_FEED_GZIP", "bool", False, "gzip local feed files when they are renamed complete "
            "(`.gz` added)"),
    Setting("NEWSCRAWL_WARC_ENABLED", "bool", False, "write the raw responses as WARC (warcio) next to the output"),
    Setting("NEWSCRAWL_WARC_PATH", "path", "output/%(name)s/%(name)s-%(time)s.warc.gz",
            "where the WARC goes; %(name)s is the spider, %(time)s the UTC start"),
    # --- newscrawl ccnews: Common Crawl News over HTTP
    Setting("NEWSCRAWL_CCNEWS_BASE_URL", "text", "https://data.commoncrawl.org",
            "where `newscrawl ccnews` reads crawl-data/CC-NEWS/YYYY/MM/warc.paths.gz and the WARCs it lists"),
    Setting("NEWSCRAWL_CCNEWS_RETRIES", "count", 5, "retries of a download after a 5xx, a timeout or a cut connection"),
    Setting("NEWSCRAWL_CCNEWS_BACKOFF", "seconds", 2, "wait before the first retry, doubled for each next one"),
    Setting("NEWSCRAWL_CCNEWS_TIMEOUT", "seconds", 60, "seconds without a byte from the server before it counts as a timeout"),
    # --- limits of the hostile web (docs/limits.md)
    Setting("NEWSCRAWL_MAX_PAGES_PER_SITE", "count", 10000, "article URLs requested per site and crawl; 0 = no cap"),
    Setting("NEWSCRAWL_RETRY_AFTER_MAX", "seconds", 120, "a longer Retry-After drops the page (`rate-limited`)"),
    Setting("NEWSCRAWL_MAX_CRAWL_DELAY", "seconds", 30, "a larger robots.txt Crawl-delay is lowered to this"),
    Setting("NEWSCRAWL_ROBOTSTXT_MAX_BYTES", "count", 500 * 1024, "robots.txt is parsed up to here "
            "(RFC 9309 2.5)"),
    Setting("NEWSCRAWL_RENDER_JAVASCRIPT", "bool", False, "render article pages with scrapy-playwright "
            "(needs it installed and DOWNLOAD_HANDLERS for http/https pointing at its handler); off, "
            "JavaScript-only shells are dropped as `no-content`"),
    # --- memory and CPU
    Setting("NEWSCRAWL_GC_FREEZE", "bool", True, "exempt the objects that exist once the engine has "
            "started from garbage collection (gc.freeze)"),
    Setting("NEWSCRAWL_GC_THRESHOLD", "count", 50_000, "collect the young generation every this many "
            "allocations; None: Python's 700", optional=True, minimum=1),
    # --- many workers, one frontier (docs/distributed.md)
    Setting("NEWSCRAWL_REDIS_URL", "url", None, "set, the add-on switches scheduler, dupefilter and stats "
            "to Redis (scrapy-redis); None: Redis is never imported", optional=True),
    Setting("NEWSCRAWL_REDIS_KEY", "text", "newscrawl:news", "prefix of the run's Redis keys: one prefix per crawl job"),
    Setting("NEWSCRAWL_REDIS_INDEX_KEY", "text", None, "prefix of the shared archive index in Redis; "
            "None: `<NEWSCRAWL_REDIS_KEY>:index`", optional=True),
    Setting("NEWSCRAWL_REDIS_LEASE", "seconds", 60, "how long a dead worker's in-flight request waits "
            "before it is re-queued"),
    Setting("NEWSCRAWL_REDIS_MAX_REQUEUES", "count", 3, "a request re-queued more often is dropped (it kills workers)"),
    Setting("NEWSCRAWL_REDIS_IDLE_CLOSE", "seconds", 30, "empty shared frontier after which a worker leaves"),
    Setting("NEWSCRAWL_DOMAIN_DELAY", "seconds", 0.5, "between two requests to a domain, over all workers"),
    # --- archive: incremental, update-aware crawls (docs/scheduling.md)
    Setting("NEWSCRAWL_CRAWL_STATE_CLASS", "class", "newscrawl.crawl_state.LocalCrawlState", "where the "
            "spider keeps site-wide facts (articles listed by sitemaps and feeds, frontier busy); the Redis "
            "add-on sets newscrawl.distributed.state.RedisCrawlState"),
    Setting("NEWSCRAWL_RUN_ID", "text", None, "the id every record of this crawl carries in metadata.runId; "
            "None: a new random one per crawl (also in the stats)", optional=True),
    Setting("NEWSCRAWL_ADDON_ENABLED", "bool", True, "in a project using `newscrawl.NewsAddon`: False leaves "
            "the project's settings as they are"),
    Setting("NEWSCRAWL_INDEX_ENABLED", "bool", True, "remember every article, so a second crawl is incremental"),
    Setting("NEWSCRAWL_INDEX_PATH", "path", "output/index.sqlite", "the archive index (SQLite, WAL), "
            "relative to the current folder"),
    Setting("NEWSCRAWL_INDEX_CLASS", "class", "newscrawl.archive.sqlite.SqliteIndex", "the ArchiveIndex "
            "class, built on NEWSCRAWL_INDEX_PATH"),
    Setting("NEWSCRAWL_INDEX_LOCK_WAIT", "seconds", 0, "how long to wait for another crawl holding the "
            "index; 0 = refuse at once"),
    Setting("NEWSCRAWL_INDEX_COMMIT_EVERY", "count", 20, "records per index commit (each after an fsync "
            "of the output)", minimum=1),
    Setting("NEWSCRAWL_RECHECK_AGE", "seconds", 86400, "known articles are re-fetched (conditionally) "
            "after this; negative: never", minimum=-float("inf")),
    Setting("NEWSCRAWL_EMIT_UNCHANGED", "bool", False, "emit unchanged re-fetches too, with changeType `unchanged`"),
    Setting("NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD", "fraction", 0.8, "estimated Jaccard similarity of "
            "body 4-grams from which a record gets `duplicateOf`"),
)

BY_NAME = {setting.name: setting for setting in SETTINGS}


def defaults() -> dict[str, Any]:
    """NAME -> default of every setting (copies: a crawl may edit its lists and dicts)."""
    return {setting.name: copy.deepcopy(setting.default) for setting in SETTINGS}


def setting_value(settings: Any, name: str) -> Any:
    """``name``'s value in a crawl's settings as its kind reads it; its default here when unset."""
    setting = BY_NAME[name]
    return setting.parse(settings[name] if name in settings else copy.deepcopy(setting.default))


def _cell(setting: Setting) -> str:
    default = setting.default
    if isinstance(default, dict):
        return "`" + ", ".join(default) + "`"
    if isinstance(default, list):
        return "`" + ", ".join(default) + "`"
    return f"`{default!r}`" if isinstance(default, str) else f"`{default}`"


def markdown_table() -> Iterator[str]:
    """The rows of docs/settings.md, generated from ``SETTINGS``."""
    yield "| setting | default | allowed | what it does |"
    yield "| --- | --- | --- | --- |"
    for setting in SETTINGS:
        yield f"| `{setting.name}` | {_cell(setting)} | {setting.allowed()} | {setting.doc} |"


if __name__ == "__main__":
    sys.stdout.write("\n".join(markdown_table()) + "\n")
