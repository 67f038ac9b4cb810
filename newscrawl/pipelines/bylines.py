"""Raw credits -> people and agencies, plus dateline and contributors."""

from __future__ import annotations

from ..normalize.article import normalize_bylines
from .base import ArticleStepPipeline


class NormalizeBylinesPipeline(ArticleStepPipeline):
    """Normalize the credits of every Article (stats: newscrawl/bylines/*)."""

    step = staticmethod(normalize_bylines)
    stats_prefix = "newscrawl/bylines"
