"""A downloaded ``Response`` as the pipelines take it: for the news spider and for yours.

A spider of your own (in a project with ``ADDONS = {"newscrawl.NewsAddon": 500}``) yields
``fetched_page(response)`` from the callback of an article page; the pipelines extract,
normalize, validate, de-duplicate and archive it like a page the news spider found::

    def parse_story(self, response):
        yield fetched_page(response, hints={"title": response.meta.get("title")})
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from scrapy.http import Response

from .items import FetchedPage


def fetched_page(response: Response, *, hints: dict[str, Any] | None = None, discovered_via: str = "link",
                 site_timezone: str | None = None) -> FetchedPage:
    """The page as plain data (no ``Response`` crosses into the extraction processes).

    ``hints`` are what led to the page (``published``, ``title``, ``lastmod`` from a sitemap or
    feed); ``site_timezone`` the IANA zone assumed when the page states no offset.
    """
    return FetchedPage(
        url=response.request.url if response.request else response.url,
        final_url=response.url,
        status=response.status,
        headers={k.decode("latin-1").lower(): v[0].decode("latin-1") for k, v in response.headers.items() if v},
        body=response.body,
        fetched_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        discovered_via=discovered_via,
        hints=dict(hints or {}),
        site_timezone=site_timezone,
    )
