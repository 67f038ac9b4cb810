"""Date classes of unseen pages, each on a small page written for it: a stale meta tag outvoted
by the page, a live blog's entry times, a relative date with no capture time."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

from newscrawl.extract.page import PageInput
from newscrawl.normalize.dates import DateOptions
from newscrawl.record import RecordOptions, build_record

PROSE = "<p>" + "The council met on the budget and voted after a long debate in the chamber. " * 6 + "</p>"
FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def dates(head: str, body: str, ld: Any = None, options: RecordOptions = RecordOptions(),
          url: str = "https://news.example.org/story") -> tuple[str | None, str | None]:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    html = (f"<html><head>{head}{script}</head><body><article><h1>Council votes on the budget</h1>"
            f"{body}{PROSE}{PROSE}</article></body></html>")
    article = build_record(PageInput(url=url, html=html, fetched_at=FETCHED), options)
    return article.datePublished, article.dateModified


def test_the_shown_date_and_a_time_tag_outvote_one_stale_meta_tag() -> None:
    head = '<meta property="article:published_time" content="2024-01-26T14:32:06+02:00">'
    body = '<p class="date">21.01.2024 - 13:30</p><time datetime="2024-01-21">21 Jan</time>'
    assert dates(head, body)[0][:10] == "2024-01-21"  # type: ignore[index]


def test_one_shown_date_alone_does_not_outvote_the_meta_tag() -> None:
    head = '<meta property="article:published_time" content="2024-01-26T14:32:06+02:00">'
    assert dates(head, '<p class="date">21.01.2024 - 13:30</p>')[0][:10] == "2024-01-26"  # type: ignore[index]


def test_a_live_blog_is_dated_by_its_start_not_by_its_newest_entry() -> None:
    ld = {"@type": "LiveBlogPosting", "headline": "Live: the budget vote", "datePublished": "2024-05-18T08:00:00+02:00",
          "dateModified": "2024-05-20T14:05:00+02:00"}
    body = '<div class="ticker"><p>Updated 14:05 May 20, 2024</p><p>13:40 May 20, 2024</p></div>'
    published, modified = dates("", body, ld)
    assert published == "2024-05-18T08:00:00+02:00" and modified == "2024-05-20T14:05:00+02:00"


def test_a_relative_date_needs_the_capture_time() -> None:
    body = '<p class="date">vor 5 Stunden</p>'
    assert dates("", body)[0] == "2024-06-01T07:00:00+00:00"  # counted back from the fetch
    unknown = RecordOptions(dates=replace(DateOptions(), relative_dates=False))
    assert dates("", body, options=unknown)[0] is None  # a saved page: no day to count from
