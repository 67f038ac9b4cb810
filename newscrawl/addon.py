"""newscrawl inside your own Scrapy project: ``ADDONS = {"newscrawl.NewsAddon": 500}``.

The add-on brings in what ``newscrawl.settings`` holds (pipelines, middlewares, extensions,
feed storage, every NEWSCRAWL_* default and the politeness settings) without replacing what the
project sets itself: values go in at the ``addon`` priority, below the project's settings, and
components are added to the project's dictionaries only where the project has not placed the
same component. ``NEWSCRAWL_ADDON_ENABLED = False`` turns it off (``NotConfigured``).

The ``news`` spider is found through ``SPIDER_MODULES`` (Scrapy loads spiders before add-ons),
so a project that wants it lists ``"newscrawl.spiders"`` there; a project's own spiders hand
pages to the pipelines with ``newscrawl.fetched_page(response)``.
"""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object

from . import settings as defaults

# The project's identity and loading: never ours to set in someone else's project.
_PROJECT_OWN = frozenset({"BOT_NAME", "SPIDER_MODULES", "NEWSPIDER_MODULE", "COMMANDS_MODULE", "ADDONS"})
# Dictionaries of components, merged entry by entry.
_COMPONENT_DICTS = frozenset({"ITEM_PIPELINES", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS"})


def our_settings() -> dict[str, Any]:
    """Every setting newscrawl.settings defines, minus the project's own identity."""
    return {name: getattr(defaults, name) for name in dir(defaults)
            if name.isupper() and name not in _PROJECT_OWN}


class NewsAddon:
    """Scrapy add-on (``update_settings``) turning on newscrawl's components and defaults."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """NotConfigured when NEWSCRAWL_ADDON_ENABLED is false."""
        if not crawler.settings.getbool("NEWSCRAWL_ADDON_ENABLED", True):
            raise NotConfigured("NEWSCRAWL_ADDON_ENABLED is False")
        return cls()

    def update_settings(self, settings: BaseSettings) -> None:
        """Add our components and defaults below whatever the project set."""
        for name, value in our_settings().items():
            if name in _COMPONENT_DICTS:
                for component, order in value.items():
                    settings.setdefault_in_component_priority_dict(name, load_object(component), order)
            elif name == "FEED_STORAGES":  # scheme -> storage: the project's own schemes stay
                storages = settings.getdict(name)
                settings.set(name, {**value, **storages}, priority=settings.getpriority(name) or 0)
            else:
                settings.set(name, value, priority="addon")
        # The Redis switch is an add-on of its own; it does nothing without NEWSCRAWL_REDIS_URL.
        if settings.get("NEWSCRAWL_REDIS_URL"):
            from .distributed.addon import RedisAddon  # noqa: PLC0415 - imports Redis only when on
            RedisAddon().update_settings(settings)
