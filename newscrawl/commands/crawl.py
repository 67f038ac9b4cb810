"""``scrapy crawl``, checking the configuration first: a bad one stops with a short message."""

from __future__ import annotations

import argparse
import sys

from scrapy.commands.crawl import Command as ScrapyCrawlCommand

from ..checks import startup_problems

EXIT_CONFIG_ERROR = 2


class Command(ScrapyCrawlCommand):
    """Scrapy's crawl command; the news spider's arguments and our settings are checked at start."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """After Scrapy's options (-a, -s, -O), check them; print each problem on one line, exit 2.

        This runs before Scrapy starts its logging and engine, so the message is all you see.
        """
        super().process_options(args, opts)
        if args and args[0] == "news" and self.settings is not None:
            problems = startup_problems(self.settings, opts.spargs)
            for problem in problems:
                sys.stderr.write(f"newscrawl: configuration error: {problem}\n")
            if problems:
                sys.exit(EXIT_CONFIG_ERROR)
