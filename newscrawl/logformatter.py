"""One line per page at INFO: "Wrote <url>: <headline>" for a record written, "Dropped: <reason>:
<detail> at <url>" for a page dropped; never the record or the page's HTML."""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult


class NewsLogFormatter(LogFormatter):
    """Scrapy's formatter, with one line per record written and per page dropped."""

    def scraped(self, item: Any, response: Any, spider: Any) -> LogFormatterResult:
        """The URL and the headline of a record that went to the output."""
        result = super().scraped(item, response, spider)
        headline = getattr(item, "headline", None)
        if headline is not None or hasattr(item, "articleBody"):
            result["level"] = logging.INFO
            result["msg"] = "Wrote %(url)s: %(headline)s"
            result["args"] = {"url": getattr(item, "canonicalUrl", None) or getattr(item, "url", ""),
                              "headline": headline}
        return result

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        """One line with the drop reason (it carries the code and the URL)."""
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped: %(exception)s"
        result["args"] = {"exception": exception}
        return result
