"""The bare side of the crawl benchmark: fetch every URL of a list and do nothing with it.

    scrapy runspider bench/bare_spider.py -a urls=URLS.txt

Run outside the project (no project settings): only Scrapy's own defaults and what the bench
passes with ``-s``, so the ratio to the full crawl is the cost of everything we add.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy


class BareSpider(scrapy.Spider):
    """Request each URL of ``-a urls=FILE`` (one a line); parse nothing."""

    name = "bare"

    def __init__(self, urls: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls_file = Path(urls)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """One request a line of the URL file, read lazily."""
        with self.urls_file.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    yield scrapy.Request(line.strip(), callback=self.parse)

    def parse(self, response: Any) -> None:
        """Nothing: the page was fetched."""
