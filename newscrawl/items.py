"""Typed items: ``FetchedPage`` travels from spider to pipelines, ``Article`` is exported.

Field names follow the Article schema of zyte-common-items so records interchange with the
Scrapy ecosystem; our extensions are listed after the standard fields.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass
from functools import cache
from typing import Any


@dataclass(kw_only=True)
class FetchedPage:
    """A downloaded page as plain data: never exported, never a ``Response``."""

    url: str
    """The URL as requested (canonical form)."""
    final_url: str
    """The URL after redirects."""
    status: int
    headers: dict[str, str]
    """Response headers, names lower-cased, first value only."""
    body: bytes
    """The document as downloaded (transfer-decoded). It is decoded to text where it is
    extracted: in a worker process, not in the reactor's thread."""
    fetched_at: str
    """UTC ISO 8601 timestamp of the download."""
    discovered_via: str = "link"
    """sitemap, news-sitemap, feed or link."""
    hints: dict[str, Any] = field(default_factory=dict)
    """What led us here: news sitemap publication date and title, feed entry date, lastmod."""
    site_timezone: str | None = None
    """IANA zone configured for this site, used only when the page states no offset."""
    site_day_first: bool | None = None
    """The site's day order from the sites file (True: 02/11/2013 is 2 November)."""
    site_name: str | None = None
    """The site's name in the sites file, else its host."""
    warc_file: str | None = None
    """The WARC file holding the raw response, when WARC output is on."""
    warc_record_id: str | None = None
    """Its WARC-Record-ID there: ``<urn:uuid:…>``."""


@dataclass(kw_only=True)
class Author:
    """A person credited as author."""

    name: str
    """The person's name, cleaned: "John Doe"."""
    nameRaw: str
    """The credit as the page wrote it: "By JOHN DOE, Staff Writer"."""


@dataclass(kw_only=True)
class Breadcrumb:
    """One step of the page's breadcrumb trail."""

    name: str
    url: str | None = None


@dataclass(kw_only=True)
class Image:
    """An image, by absolute URL."""

    url: str


@dataclass(kw_only=True)
class Dateline:
    """The opening of a story that says where it was filed and by which agency."""

    place: str | None = None
    """"TOKYO", "LONDON"."""
    agency: str | None = None
    """"AP", "Reuters", or None."""


@dataclass(kw_only=True)
class Metadata:
    """Facts about the crawl rather than the article."""

    dateDownloaded: str
    """UTC ISO 8601 time the page was fetched, e.g. 2024-05-01T07:30:00Z."""
    httpStatus: int | None = None
    """Status of the response the record came from (after redirects)."""
    etag: str | None = None
    """The response's ETag header, as sent."""
    contentHash: str | None = None
    """``sha256:<hex>`` of the response body as downloaded: the same capture has the same hash."""
    siteName: str | None = None
    """The site's name in the sites file, else its host."""
    runId: str | None = None
    """The crawl that wrote the record (NEWSCRAWL_RUN_ID, else one made at start); also in the stats."""
    warcFilename: str | None = None
    """The WARC file holding the raw response, when WARC output is on."""
    warcRecordId: str | None = None
    """The response record's WARC-Record-ID in that file."""


@dataclass(kw_only=True)
class Article:
    """One news article, normalized."""

    url: str
    """The URL the page was fetched from (after redirects)."""
    canonicalUrl: str | None = None
    """The page's own canonical URL (link rel=canonical, og:url, JSON-LD url)."""
    headline: str | None = None
    description: str | None = None
    """The page's summary (meta description / og:description / JSON-LD description)."""
    articleBody: str = ""
    """Paragraphs joined by "\\n", boilerplate removed, text as published."""
    articleBodyHtml: str | None = None
    """The same content as minimal, safe HTML: no scripts, styles, handlers or iframes."""
    authors: list[Author] = field(default_factory=list)
    """People only, in page order, once each."""
    datePublished: str | None = None
    """ISO 8601 with the page's own offset, e.g. 2024-05-01T09:30:00+02:00; naive if unknown."""
    datePublishedRaw: str | None = None
    """The text datePublished was parsed from."""
    dateModified: str | None = None
    """ISO 8601 like datePublished; never earlier than it."""
    dateModifiedRaw: str | None = None
    """The text dateModified was parsed from."""
    inLanguage: str | None = None
    """BCP 47 language tag: "en", "de-AT"."""
    mainImage: Image | None = None
    breadcrumbs: list[Breadcrumb] = field(default_factory=list)
    # --- newscrawl extensions ---
    agencies: list[str] = field(default_factory=list)
    """News agencies and organisations credited in the byline: "Associated Press", "dpa/lno"."""
    contributors: list[Author] = field(default_factory=list)
    """People credited at the end of the story ("... contributed to this report")."""
    dateline: Dateline | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    publisher: str | None = None
    """The publishing organisation's name."""
    wordCount: int = 0
    """Words in articleBody."""
    datePublishedSource: str | None = None
    """Where datePublished came from: json-ld, meta, time-tag, news-sitemap, feed, visible,
    url, htmldate or text (the first date in the page text, the last resort)."""
    datePublishedTimezoneAssumed: bool = False
    """True when the page gave no offset and the site's configured zone was applied."""
    dateModifiedSource: str | None = None
    discoveredVia: str | None = None
    """How the crawl found the page: sitemap, news-sitemap, feed or link."""
    version: int | None = None
    """1 for the first record of this article in the archive, then 2, 3 ... for each update."""
    changeType: str | None = None
    """"new" or "updated" (or "unchanged" when the crawl is told to emit everything)."""
    duplicateOf: str | None = None
    """URL of an earlier article whose body is a near-duplicate (syndicated wire copy)."""
    metadata: Metadata | None = None


@cache
def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a dataclass, in declaration order, read once per class."""
    return tuple(f.name for f in fields(cls))


def record_dict(record: Any) -> Any:
    """A record as plain JSON-ready values: what ``dataclasses.asdict`` gives, without its copies.

    ``asdict`` deep-copies every value it meets (each string of each list goes through
    ``copy.deepcopy``), which cost about as much as the JSON encoding of the line; a record is
    converted once, just before it is written, so its values need no copy.
    """
    if isinstance(record, list | tuple):
        return type(record)(record_dict(v) for v in record)
    if isinstance(record, dict):
        return {k: record_dict(v) for k, v in record.items()}
    if not is_dataclass(record) or isinstance(record, type):
        return record
    return {name: record_dict(getattr(record, name)) for name in field_names(type(record))}
