"""``scrapy parse``, without the per-run output file: it prints the records it parses.

Our settings give every crawl a default feed (NEWSCRAWL_FEED); `scrapy parse` exports nothing
to it, so it would leave an empty ``output/news/news-<time>.jsonl`` behind each time.
"""

from __future__ import annotations

import argparse

from scrapy.commands.parse import Command as ScrapyParseCommand


class Command(ScrapyParseCommand):
    """Scrapy's parse command with no default feed (``-o`` still writes one)."""

    def process_options(self, args: list[str], opts: argparse.Namespace) -> None:
        """Scrapy's options, then NEWSCRAWL_FEED off unless given with -s (set here: a command's
        own defaults rank below the project's settings)."""
        super().process_options(args, opts)
        given = {arg.split("=", 1)[0] for arg in opts.set or []}
        if self.settings is not None and "NEWSCRAWL_FEED" not in given:
            self.settings.set("NEWSCRAWL_FEED", {}, priority="cmdline")
