"""One page -> one normalized record: extraction, then the normalization steps in their order.

The crawl (its extraction worker processes), ``newscrawl extract``, ``scrapy parse`` and the
web-poet page objects all call ``build_record``: the steps and their order are written here only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .items import Article
from .normalize.dates import DateOptions

if TYPE_CHECKING:
    from .extract.page import PageInput
    from .normalize.raw import RawRecord


@dataclass(frozen=True, kw_only=True)
class RecordOptions:
    """Per-site knobs of normalization."""

    dates: DateOptions = DateOptions()


def site_options(site_timezone: str | None, site_day_first: bool | None, *, default_tz: str | None = None,
                 min_year: int = 1995) -> RecordOptions:
    """A site's zone and day order (from the sites file), else the crawl's defaults."""
    return RecordOptions(dates=DateOptions(default_tz=site_timezone or default_tz, day_first=site_day_first,
                                           min_year=min_year))


@dataclass(kw_only=True)
class BuiltRecord:
    """A record and what its normalization counted (stat keys, one per event)."""

    article: Article
    events: list[str] = field(default_factory=list)


def normalize_record(raw: RawRecord, options: RecordOptions = RecordOptions()) -> BuiltRecord:
    """The record of an extracted page, every field normalized, with the stat keys of what happened."""
    # Imported here: the normalization code (its byline lexicons, ~60 ms of CPU) runs in the
    # extraction workers, which import it before their first page (pool.PRELOAD), not in the
    # crawl process, which only needs this module's options and validation rule.
    from .normalize.article import normalize_bylines, normalize_dates, normalize_language  # noqa: PLC0415

    article = raw.article
    # Language first: the date step reads month names in the page's language.
    events = [f"newscrawl/{event}" for event in normalize_language(article)]
    events += [f"newscrawl/dates/{event}"
               for event in normalize_dates(article, options.dates, raw.published, raw.modified)]
    events += [f"newscrawl/bylines/{event}" for event in normalize_bylines(article, raw.credits, raw.trailer, raw.site_owner)]
    return BuiltRecord(article=article, events=events)


def built_record(page: PageInput, options: RecordOptions = RecordOptions()) -> BuiltRecord:
    """Extract and normalize one page, keeping the events. Raises ExtractionError subclasses."""
    # Imported here: the crawl process imports this module (site options, the validation rule)
    # but builds records in worker processes, so it need not import the extraction code.
    from .extract.page import ArticlePage  # noqa: PLC0415

    return normalize_record(ArticlePage(page).to_article(), options)


def build_record(page: PageInput, options: RecordOptions = RecordOptions()) -> Article:
    """Extract and normalize one page. Raises ExtractionError subclasses for non-articles."""
    return built_record(page, options).article


def rejection_reason(article: Article, min_body_chars: int) -> str | None:
    """Reason code an article is unusable, or None when it is fine."""
    if not article.headline:
        return "no-headline"
    if len(article.articleBody) < min_body_chars:
        return "short-body"
    return None
