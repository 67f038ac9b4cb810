"""One page -> one normalized record: the same steps the item pipelines run, in their order."""

from __future__ import annotations

from dataclasses import dataclass

from .extract.page import ArticlePage, PageInput
from .items import Article
from .normalize.article import normalize_bylines, normalize_dates, normalize_language
from .normalize.dates import DateOptions


@dataclass(frozen=True, kw_only=True)
class RecordOptions:
    """Per-site knobs of normalization."""

    dates: DateOptions = DateOptions()


def build_record(page: PageInput, options: RecordOptions = RecordOptions()) -> Article:
    """Extract and normalize one page. Raises ExtractionError subclasses for non-articles."""
    article = ArticlePage(page).to_article()
    # Language first: the date step reads month names in the page's language.
    normalize_language(article)
    normalize_dates(article, options.dates)
    normalize_bylines(article)
    return article
