"""The records' JSON Lines exporter writes what Scrapy's writes, byte for byte."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime, timezone

from scrapy.exporters import JsonLinesItemExporter

from newscrawl.exporters import JsonLinesExporter
from newscrawl.extract.page import PageInput
from newscrawl.fetch import traced
from newscrawl.items import Author, FetchedPage
from newscrawl.record import build_record

PAGE = """<html lang="en"><head><title>Council approves the budget</title>
<meta property="og:title" content="Council approves the budget">
<meta property="article:published_time" content="2024-05-01T09:30:00+02:00"></head><body><article>
<h1>Council approves the budget</h1><p class="byline">By Jane Roe and John Doe, Reuters</p>
""" + "".join(f"<p>The council approved the budget for the year in a long session, paragraph {i}, "
              "after residents spoke for and against the plan to repair the old bridge.</p>"
              for i in range(6)) + "</article></body></html>"


def lines(exporter_class: type, items: list) -> bytes:
    out = io.BytesIO()
    exporter = exporter_class(out, encoding="utf-8")
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    return out.getvalue()


def test_the_same_bytes_as_scrapys_exporter() -> None:
    url = "https://news.example/2024/05/01/council-budget"
    article = build_record(PageInput(url=url, html=PAGE, fetched_at=datetime(2024, 5, 1, 10, tzinfo=timezone.utc)))
    page = FetchedPage(url=url, final_url=url, status=200, headers={"etag": '"v1"'}, body=PAGE.encode(),
                       fetched_at="2024-05-01T10:00:00Z")
    assert article.metadata is not None and article.authors  # nested dataclasses to encode
    article.metadata = traced(article.metadata, page, "run-1")
    article.authors.append(Author(name="Zoë Ünal", nameRaw="Zoë Ünal"))  # non-ASCII, kept as UTF-8
    ours = lines(JsonLinesExporter, [article, article])
    assert ours == lines(JsonLinesItemExporter, [article, article])
    assert "Zoë".encode() in ours and b'"authors": [{' in ours


def test_a_field_serializer_and_an_unset_field_as_in_scrapys_exporter() -> None:
    @dataclass(kw_only=True)
    class Story:
        title: str = field(metadata={"serializer": str.upper})
        words: int = 0
        note: str

    story = Story(title="Budget", words=3, note="x")
    del story.note  # not populated (no class default either): Scrapy's exporter leaves it out
    items = [Story(title="Bridge", note="y"), story]
    assert lines(JsonLinesExporter, items) == lines(JsonLinesItemExporter, items)
    assert b'"title": "BRIDGE"' in lines(JsonLinesExporter, items)
