"""What the log says at INFO: newscrawl's lines (records written, drops, progress, the summary),
while Scrapy's start-up dumps, its stats dump and its robots.txt traceback move to DEBUG, where
they stay available."""

from __future__ import annotations

import logging

# logger name -> message openings demoted to DEBUG: the multi-line dumps a crawl begins and ends with
_DUMPS = {
    "scrapy.utils.log": ("Versions:", "Using "),
    "scrapy.addons": ("Enabled addons",),
    "scrapy.middleware": ("Enabled ",),
    "scrapy.crawler": ("Overridden settings",),
    "scrapy.statscollectors": ("Dumping Scrapy stats",),
    # a traceback per unreachable site; our robots middleware says it in one WARNING line
    "scrapy.downloadermiddlewares.robotstxt": ("Error downloading",),
}


class _DumpsToDebug(logging.Filter):
    def __init__(self, openings: tuple[str, ...]) -> None:
        super().__init__()
        self.openings = openings

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG and isinstance(record.msg, str) and record.msg.startswith(self.openings):
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
            # a logger filter runs before the handlers' level test, which now sees DEBUG
        return True


def demote_scrapy_dumps() -> None:
    """Install the filters once per process (the crawl command and the report extension call it)."""
    for name, openings in _DUMPS.items():
        logger = logging.getLogger(name)
        if not any(isinstance(f, _DumpsToDebug) for f in logger.filters):
            logger.addFilter(_DumpsToDebug(openings))
