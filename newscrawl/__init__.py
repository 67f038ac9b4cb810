"""newscrawl: crawl news sites with Scrapy into clean, normalized article records.

For your own Scrapy project: ``ADDONS = {"newscrawl.NewsAddon": 500}`` and, in your spiders,
``yield newscrawl.fetched_page(response)`` for article pages.
"""

from __future__ import annotations

from typing import Any

__all__ = ["NewsAddon", "fetched_page"]


def __getattr__(name: str) -> Any:
    # Lazy: extraction worker processes import this package and need no Scrapy machinery.
    if name == "NewsAddon":
        from .addon import NewsAddon
        return NewsAddon
    if name == "fetched_page":
        from .fetch import fetched_page
        return fetched_page
    raise AttributeError(f"module 'newscrawl' has no attribute {name!r}")
