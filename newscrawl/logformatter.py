"""Log dropped pages once, at INFO, as "Dropped: <reason>: <detail> at <url>" without the item."""

from __future__ import annotations

from typing import Any

from scrapy.logformatter import LogFormatter, LogFormatterResult


class NewsLogFormatter(LogFormatter):
    """Scrapy's formatter, but a drop logs its reason line instead of the whole page's HTML."""

    def dropped(self, item: Any, exception: BaseException, response: Any, spider: Any) -> LogFormatterResult:
        """One line with the drop reason (it carries the code and the URL)."""
        result = super().dropped(item, exception, response, spider)
        result["msg"] = "Dropped: %(exception)s"
        result["args"] = {"exception": exception}
        return result
