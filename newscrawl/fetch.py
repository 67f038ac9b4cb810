"""A downloaded ``Response`` as the pipelines take it: for the news spider and for yours.

A spider of your own (in a project with ``ADDONS = {"newscrawl.NewsAddon": 500}``) yields
``fetched_page(response)`` from the callback of an article page; the pipelines extract,
normalize, validate, de-duplicate and archive it like a page the news spider found::

    def parse_story(self, response):
        yield fetched_page(response, hints={"title": response.meta.get("title")})
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from scrapy.http import Response

from .items import FetchedPage, Metadata


# Set on the request by the WARC writer as the response is recorded: (file name, record id).
WARC_RECORD_META = "newscrawl_warc_record"


def fetched_page(response: Response, *, hints: dict[str, Any] | None = None, discovered_via: str = "link",
                 site_timezone: str | None = None, site_day_first: bool | None = None,
                 site_name: str | None = None) -> FetchedPage:
    """The page as plain data (no ``Response`` crosses into the extraction processes).

    ``hints`` are what led to the page (``published``, ``title``, ``lastmod`` from a sitemap or
    feed); ``site_timezone`` the IANA zone assumed when the page states no offset, ``site_day_first``
the day order of numeric dates (None: judged from the page's language); ``site_name``
    names the site in the record (default: the host).
    """
    warc_file, warc_record_id = response.meta.get(WARC_RECORD_META, (None, None)) if response.request else (None, None)
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
        site_day_first=site_day_first,
        site_name=site_name or urlsplit(response.url).hostname,
        warc_file=warc_file,
        warc_record_id=warc_record_id,
    )


def traced(metadata: Metadata, page: FetchedPage, run_id: str | None) -> Metadata:
    """The record's metadata with what an archive needs to trace it to its capture.

    >>> page = FetchedPage(url="u", final_url="u", status=200, headers={"etag": '"x1"'}, body=b"<p>hi</p>",
    ...                    fetched_at="2024-05-01T07:30:00Z", site_name="Valley News")
    >>> m = traced(Metadata(dateDownloaded="2024-05-01T07:30:00Z"), page, "run-1")
    >>> m.httpStatus, m.etag, m.contentHash[:15], m.siteName, m.runId, m.warcRecordId
    (200, '"x1"', 'sha256:0a473528', 'Valley News', 'run-1', None)
    """
    return replace(metadata, httpStatus=page.status, etag=page.headers.get("etag"),
                   contentHash="sha256:" + hashlib.sha256(page.body).hexdigest(), siteName=page.site_name,
                   runId=run_id, warcFilename=page.warc_file, warcRecordId=page.warc_record_id)
