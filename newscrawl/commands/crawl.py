"""``scrapy crawl``, checking the configuration first: a bad one stops with a short message.

Exit status (docs/settings.md): 0 the crawl ran; 1 it could not start (Scrapy's own); 2 a
configuration error (one line each, nothing crawled or written); 3 no site could be reached;
4 an output feed could not be written.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from scrapy import signals
from scrapy.commands.crawl import Command as ScrapyCrawlCommand
from scrapy.exceptions import UsageError
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from ..checks import EXIT_CONFIG_ERROR, normalize_settings, startup_problems
from ..feedstorage import gzip_feed_names
from ..extensions.report import REPORT_FAILED
from ..logs import demote_scrapy_dumps

EXIT_NO_SITE_REACHED = 3
EXIT_OUTPUT_FAILED = 4
_OUTCOMES = {
    EXIT_NO_SITE_REACHED: "no site could be reached: every request failed before an answer; check the URLs "
                          "and the network (the log names each failure)",
    EXIT_OUTPUT_FAILED: "an output feed or the crawl report could not be written (the log says which)",
}


def outcome_exit_code(stats: dict[str, Any], distributed: bool) -> int:
    """The exit status of a crawl that ran, from its stats."""
    if stats.get(REPORT_FAILED) or any(key.startswith("feedexport/failed_count/") and value
                                       for key, value in stats.items()):
        return EXIT_OUTPUT_FAILED
    # A worker joining a shared frontier that is already done fetches nothing, and that is fine.
    if not distributed and not stats.get("downloader/response_count"):
        return EXIT_NO_SITE_REACHED
    return 0


def _format_before_gz(uri: str) -> str:
    """``out.jsonl.gz`` -> ``out.jsonl.gz:jsonl``: Scrapy reads the format from the last suffix,
    and ``gz`` is a compression, not a format; our feed storage gzips a ``.gz`` name on rename.

    >>> _format_before_gz("out.jsonl.gz"), _format_before_gz("out.jsonl"), _format_before_gz("a.gz")
    ('out.jsonl.gz:jsonl', 'out.jsonl', 'a.gz')
    """
    name = uri.rsplit("/", 1)[-1]
    parts = name.split(".")
    if len(parts) >= 3 and parts[-1].lower() == "gz" and ":" not in name:
        return f"{uri}:{parts[-2].lower()}"
    return uri


#: Scrapy components that a setting turns off, by component setting: Scrapy imports every
#: component it lists, even one set to None, before the component learns it is off. The
#: remote control's import pulls in aiohttp, the cookies middleware's tldextract and requests.
_SWITCHED = {"EXTENSIONS": {"scrapy.extensions.remote_control.RemoteControl": "REMOTE_CONTROL_ENABLED",
                            "scrapy.extensions.telnet.TelnetConsole": "TELNETCONSOLE_ENABLED"},
             "DOWNLOADER_MIDDLEWARES": {"scrapy.downloadermiddlewares.cookies.CookiesMiddleware": "COOKIES_ENABLED"}}


def skip_components_turned_off(settings: BaseSettings) -> None:
    """Take Scrapy's components whose setting is off out of the ``*_BASE`` dictionaries, so they
    are not even imported (0.2 s of CPU at every crawl start); on, or named in the project's own
    dictionary, they load as usual."""
    for components, switches in _SWITCHED.items():
        named = settings.getdict(components)
        off = {name for name, switch in switches.items() if not settings.getbool(switch) and name not in named}
        base = settings.getdict(f"{components}_BASE")
        if off & base.keys():
            settings.set(f"{components}_BASE", {name: order for name, order in base.items() if name not in off},
                         priority=settings.getpriority(f"{components}_BASE") or "default")


def _start_extraction_workers_early(settings: BaseSettings) -> None:
    """Start the extraction pool's fork server now, when the crawl will use one: its imports of
    the extraction code then run on another core while Scrapy loads its spiders and components,
    and the pool's workers fork from it ready at the first page (pipelines/pool.py)."""
    from ..pipelines.extract import ExtractPipeline, pool_workers  # noqa: PLC0415 - after the checks
    from ..pipelines.pool import start_fork_server  # noqa: PLC0415

    pipelines = settings.getwithbase("ITEM_PIPELINES")
    enabled = any(load_object(name) is ExtractPipeline for name, order in pipelines.items() if order is not None)
    try:
        if enabled and pool_workers(settings) > 0:
            start_fork_server()
    except ValueError:  # a bad worker count: the pipeline says so when it is built
        return


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command; the news spider's arguments and our settings are checked at start."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """After Scrapy's options (-a, -s, -O), check them; print each problem on one line, exit 2.

        This runs before Scrapy starts its logging and engine, so the message is all you see.
        """
        demote_scrapy_dumps()  # before Scrapy's process starts logging its start-up dumps
        opts.output = [_format_before_gz(uri) for uri in opts.output or []] or None
        opts.overwrite_output = [_format_before_gz(uri) for uri in opts.overwrite_output or []] or None
        super().process_options(args, opts)
        if args and args[0] == "news" and self.settings is not None:
            problems = startup_problems(self.settings, opts.spargs)
            for problem in problems:
                sys.stderr.write(f"newscrawl: {problem}\n")
            if problems:
                sys.exit(EXIT_CONFIG_ERROR)
            normalize_settings(self.settings)
            _start_extraction_workers_early(self.settings)
        if self.settings is not None:
            skip_components_turned_off(self.settings)
        if (self.settings is not None and self.settings.getbool("NEWSCRAWL_FEED_GZIP")
                and (opts.output or opts.overwrite_output)):
            self.settings.set("FEEDS", gzip_feed_names(self.settings.getdict("FEEDS")), priority="cmdline")

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy's run, then an exit status that says whether anything was reached and written."""
        if len(args) != 1 or args[0] != "news":
            super().run(args, opts)
            return
        if self.crawler_process is None:
            raise UsageError("no crawler process")
        crawler = self._create_crawler(args[0])
        final: dict[str, Any] = {}

        def keep_stats() -> None:  # the stats as the run ends (shared ones may be cleared after)
            if crawler.stats is not None:
                final.update(crawler.stats.get_stats())

        crawler.signals.connect(keep_stats, signal=signals.engine_stopped)
        self.crawler_process.crawl(crawler, **opts.spargs)
        self.crawler_process.start()
        if self.crawler_process.bootstrap_failed:
            self.exitcode = 1
        else:
            self.exitcode = outcome_exit_code(final, bool(crawler.settings.get("NEWSCRAWL_REDIS_URL")))
            if self.exitcode in _OUTCOMES:
                sys.stderr.write(f"newscrawl: {_OUTCOMES[self.exitcode]} (exit status {self.exitcode})\n")
