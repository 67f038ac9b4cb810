"""The page this project started from: an AP wire story on a local Phoenix news site."""

from __future__ import annotations

import pytest

from newscrawl.normalize.dates import DateOptions
from newscrawl.record import RecordOptions, build_record

SITE_OPTIONS = RecordOptions(dates=DateOptions(default_tz="America/Phoenix"))


@pytest.fixture
def record(load_case):
    return build_record(load_case("seed-ktar").input, SITE_OPTIONS)


def test_headline_and_date(record):
    assert record.headline == "Japan, Russia agree to expand defense ties"
    assert record.datePublished == "2013-11-02T11:16:00-07:00"


def test_dateline_contributors_and_agency(record):
    assert record.dateline is not None
    assert (record.dateline.place, record.dateline.agency) == ("TOKYO", "AP")
    assert [c.name for c in record.contributors] == ["Emily Wang"]
    assert record.authors == []
    assert "Associated Press" in record.agencies


def test_body_runs_from_the_first_paragraph_to_the_last(record):
    body = record.articleBody
    assert body.startswith("TOKYO (AP) – Japan and Russia held their first high-level defense")
    assert body.endswith("further growth is expected this year.")


@pytest.mark.parametrize("boilerplate", [
    "contributed to this report", "Copyright 2013", "All rights reserved", "Sponsored",
    "26 days ago", "Climate change has made heat waves", "Fiesta Bowl", "KTAR launches online holiday auction",
])
def test_body_holds_no_related_sponsored_or_copyright_text(record, boilerplate):
    assert boilerplate not in record.articleBody
