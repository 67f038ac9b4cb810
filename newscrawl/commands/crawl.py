"""``scrapy crawl``, checking the configuration first: a bad one stops with a short message."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from ..checks import startup_problems
from ..feedstorage import gzip_feed_names

EXIT_CONFIG_ERROR = 2


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


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command; the news spider's arguments and our settings are checked at start."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """After Scrapy's options (-a, -s, -O), check them; print each problem on one line, exit 2.

        This runs before Scrapy starts its logging and engine, so the message is all you see.
        """
        opts.output = [_format_before_gz(uri) for uri in opts.output or []] or None
        opts.overwrite_output = [_format_before_gz(uri) for uri in opts.overwrite_output or []] or None
        super().process_options(args, opts)
        if (self.settings is not None and self.settings.getbool("NEWSCRAWL_FEED_GZIP")
                and (opts.output or opts.overwrite_output)):
            self.settings.set("FEEDS", gzip_feed_names(self.settings.getdict("FEEDS")), priority="cmdline")
        if args and args[0] == "news" and self.settings is not None:
            problems = startup_problems(self.settings, opts.spargs)
            for problem in problems:
                sys.stderr.write(f"newscrawl: configuration error: {problem}\n")
            if problems:
                sys.exit(EXIT_CONFIG_ERROR)
