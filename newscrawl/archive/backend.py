"""Which archive index a crawl uses, from its settings: the crawl's components all open it here.

Scrapy-free: ``settings`` is anything with Scrapy's ``get``/``getbool`` (a ``Settings``), so the
downloader middleware, the pipeline and the command line open the same backend the same way.
"""

from __future__ import annotations

import importlib
from typing import Any

from .index import ArchiveIndex

DEFAULT_INDEX_CLASS = "newscrawl.archive.sqlite.SqliteIndex"


def index_path(settings: Any) -> str | None:
    """NEWSCRAWL_INDEX_PATH, checked; None when NEWSCRAWL_INDEX_ENABLED is off (every crawl is full)."""
    if not settings.getbool("NEWSCRAWL_INDEX_ENABLED", True):
        return None
    path = settings.get("NEWSCRAWL_INDEX_PATH")
    if not path:
        raise ValueError("NEWSCRAWL_INDEX_PATH is empty: set it to a writable .sqlite file, or set "
                         "NEWSCRAWL_INDEX_ENABLED = False to crawl without an archive index")
    return str(path)


def _load(dotted: str) -> Any:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def open_index(settings: Any) -> ArchiveIndex | None:
    """A connection to the index, or None when it is off: shared in Redis when the crawl is
    distributed (NEWSCRAWL_REDIS_URL), else NEWSCRAWL_INDEX_CLASS built on NEWSCRAWL_INDEX_PATH."""
    path = index_path(settings)
    if path is None:
        return None
    if settings.get("NEWSCRAWL_REDIS_URL"):
        # Imported only here: without the setting, nothing of Redis is loaded.
        from ..distributed.index import open_index as open_shared_index  # noqa: PLC0415

        shared: ArchiveIndex = open_shared_index(settings, path)
        return shared
    index: ArchiveIndex = _load(settings.get("NEWSCRAWL_INDEX_CLASS") or DEFAULT_INDEX_CLASS)(path)
    return index
