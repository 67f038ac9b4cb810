"""The normalization steps of the record, shared by the pipelines and ``newscrawl extract``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from .date_raw import RawDate
from ..items import Article, Author, Dateline
from .bylines import name_key, normalize_credits, site_keys, titlecase_name
from .datelines import parse_contributors, parse_dateline
from .date_choice import choose_modified, choose_published
from .date_zones import country_zone
from .dates import DateOptions, language_day_first
from .text import detect_language, normalize_language_tag


def fetched_at_of(article: Article) -> datetime | None:
    """The download time recorded in the article's metadata."""
    if article.metadata is None:
        return None
    return datetime.fromisoformat(article.metadata.dateDownloaded.replace("Z", "+00:00"))


def normalize_dates(article: Article, options: DateOptions, published_raw: Sequence[RawDate],
                    modified_raw: Sequence[RawDate] = ()) -> list[str]:
    """Choose and normalize datePublished/dateModified among their raw candidates; returns stat events."""
    if options.fetched_at is None:
        options = replace(options, fetched_at=fetched_at_of(article))
    if not options.languages and article.inLanguage:
        # Month names are read in the page's language first, then in a shortlist of others.
        options = replace(options, languages=(re.split("[-_]", article.inLanguage)[0].lower(), "en"))
    if options.text_day_first is None:
        options = replace(options, text_day_first=language_day_first(article.inLanguage))
    if options.local_tz is None and (local := options.default_tz or country_zone(article.canonicalUrl or article.url)):
        options = replace(options, local_tz=local)
    published_raw, modified_raw = list(published_raw), list(modified_raw)
    published, events = choose_published(published_raw, options, modified_raw)
    modified, modified_events = choose_modified(modified_raw, options, published.parsed if published else None)
    events += modified_events
    # An unparsed first candidate stays in the raw field for audits.
    article.datePublished = published.date.iso if published else None
    article.datePublishedRaw = published.raw.text if published else _first_text(published_raw)
    article.datePublishedSource = published.raw.source if published else None
    article.datePublishedTimezoneAssumed = bool(published and published.date.timezone_assumed)
    article.dateModified = modified.date.iso if modified else None
    article.dateModifiedRaw = modified.raw.text if modified else _first_text(modified_raw)
    article.dateModifiedSource = modified.raw.source if modified else None
    events.append("published/parsed" if article.datePublished else "published/missing")
    if article.datePublishedTimezoneAssumed:
        events.append("published/timezone-assumed")
    if published:
        events.append(f"published/source/{published.raw.source}")
    return events


def _first_text(candidates: list[RawDate]) -> str | None:
    return candidates[0].text if candidates else None


def normalize_bylines(article: Article, credits_raw: Sequence[str], trailer: Sequence[str] = (),
                      site_owner: str | None = None) -> list[str]:
    """Split raw credits into people and agencies; find dateline and contributors.

    ``site_owner`` is the person a personal site is named after: the author of a page that
    credits nobody else (not even an agency)."""
    sites = site_keys([article.publisher], article.canonicalUrl or article.url)
    credits = normalize_credits(list(credits_raw), sites)
    article.authors = [Author(name=name, nameRaw=raw) for name, raw in credits.people]
    if not article.authors and not credits.agencies and site_owner:
        article.authors = [Author(name=titlecase_name(site_owner), nameRaw=site_owner)]
    # The site credited as its own author is an organisation credit, and only when alone.
    agencies = list(credits.agencies) or ([] if article.authors else list(credits.sites))
    if dateline := parse_dateline(article.articleBody):
        article.dateline = Dateline(place=dateline[0], agency=dateline[1])
        if dateline[1] and not article.authors and not agencies:
            agencies.append(dateline[1])
    notes = list(trailer) + article.articleBody.splitlines()[-6:]
    authors = {name_key(a.name) for a in article.authors}
    names = [n for n in parse_contributors(notes) if name_key(n) not in authors]
    article.contributors = [Author(name=n, nameRaw=n) for n in names]
    article.agencies = agencies
    return ["authors/found" if article.authors else "authors/missing"]


def normalize_language(article: Article) -> list[str]:
    """BCP 47 language from the markup, else detected from the body."""
    tag = normalize_language_tag(article.inLanguage)
    if tag is None:
        tag = detect_language(article.articleBody)
        article.inLanguage = tag
        return ["language/detected"] if tag else ["language/missing"]
    article.inLanguage = tag
    return ["language/markup"]
