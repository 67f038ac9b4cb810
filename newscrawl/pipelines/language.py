"""The record's language as a BCP 47 tag: from markup, else detected from the body."""

from __future__ import annotations

from ..normalize.article import normalize_language
from .base import ArticleStepPipeline


class NormalizeLanguagePipeline(ArticleStepPipeline):
    """Normalize inLanguage of every Article (stats: newscrawl/language/*)."""

    step = staticmethod(normalize_language)
    stats_prefix = "newscrawl"
