"""Raw responses as a WARC file (warcio), for archives that keep the original bytes. Off by default.

Records come from the ``response_downloaded`` signal, sent before the downloader middlewares
decompress or retry, so the payload is the bytes the server sent (HTTP chunking undone).
The file is written as ``<name>.part`` and renamed when the crawl closes, like the feeds.
"""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ..fetch import WARC_RECORD_META

logger = logging.getLogger(__name__)
_HOP_BY_HOP = {"transfer-encoding", "connection", "keep-alive"}  # describe the connection, not the bytes


def http_headers(response: Response) -> StatusAndHeaders:
    """The response's status line and headers as warcio wants them."""
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = ""
    headers = [(name.decode("latin-1"), value.decode("latin-1"))
               for name, values in response.headers.items() for value in values
               if name.decode("latin-1").lower() not in _HOP_BY_HOP]
    return StatusAndHeaders(f"{response.status} {reason}".strip(), headers, protocol="HTTP/1.1")


class WarcWriter:
    """Append one WARC response record per download to NEWSCRAWL_WARC_PATH."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.part = path.with_name(path.name + ".part")
        path.parent.mkdir(parents=True, exist_ok=True)
        self.file = self.part.open("wb")
        self.writer = WARCWriter(self.file, gzip=path.suffix == ".gz")
        self.writer.write_record(self.writer.create_warcinfo_record(
            path.name, {"software": "newscrawl", "format": "WARC File Format 1.1"}))
        self.records = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Only when NEWSCRAWL_WARC_ENABLED; the path template takes %(name)s and %(time)s."""
        if not crawler.settings.getbool("NEWSCRAWL_WARC_ENABLED"):
            raise NotConfigured  # off by default; a message would make Scrapy warn on every crawl
        template = crawler.settings.get("NEWSCRAWL_WARC_PATH")
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace(":", "-")
        try:
            path = Path(template % {"name": crawler.spidercls.name, "time": now})
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"NEWSCRAWL_WARC_PATH={template!r}: use only %(name)s and %(time)s ({exc})") from exc
        writer = cls(path)
        crawler.signals.connect(writer.response_downloaded, signal=signals.response_downloaded)
        crawler.signals.connect(writer.spider_closed, signal=signals.spider_closed)
        return writer

    def response_downloaded(self, response: Response, request: Request, **kwargs: Any) -> None:
        """Write the response as received."""
        record = self.writer.create_warc_record(
            response.url, "response", payload=BytesIO(response.body), http_headers=http_headers(response))
        self.writer.write_record(record)
        self.records += 1
        # The record says where its capture is (metadata.warcFilename / warcRecordId).
        request.meta[WARC_RECORD_META] = (self.path.name, record.rec_headers.get_header("WARC-Record-ID"))

    def spider_closed(self, spider: Any, reason: str) -> None:
        """Flush, then publish the file under its final name."""
        self.file.flush()
        os.fsync(self.file.fileno())
        self.file.close()
        self.part.replace(self.path)
        logger.info("WARC: %d responses in %s", self.records, self.path)
