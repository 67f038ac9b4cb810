"""Raw dates -> ISO 8601 with the page's offset: forms, zones, plausibility, choice among candidates."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from newscrawl.normalize.date_raw import RawDate
from newscrawl.normalize.raw import RawRecord
from newscrawl.extract.page import PageInput
from newscrawl.items import Article, Metadata
from newscrawl.normalize.article import normalize_dates
from newscrawl.normalize.date_choice import choose_published
from newscrawl.normalize.dates import DateOptions, to_iso8601
from newscrawl.record import RecordOptions, build_record

FETCHED = datetime(2024, 5, 1, 12, 0, tzinfo=timezone.utc)
PHOENIX = DateOptions(default_tz="America/Phoenix", fetched_at=FETCHED)
NO_ZONE = DateOptions(fetched_at=FETCHED)
CASES = Path(__file__).parent / "cases"


def _iso(text: str, options: DateOptions = NO_ZONE) -> str | None:
    found = to_iso8601(text, options)
    return found.iso if found and not found.rejected else None


@pytest.mark.parametrize(("text", "options", "expected"), [
    ("Nov 2, 2013, 11:16 AM", PHOENIX, "2013-11-02T11:16:00-07:00"),
    ("Nov 2, 2013, 11:16 AM", NO_ZONE, "2013-11-02T11:16:00"),
    ("2. November 2013", NO_ZONE, "2013-11-02"),
    ("17 de febrero de 2020", DateOptions(fetched_at=FETCHED, languages=("es", "en")), "2020-02-17"),
    ("02/11/2013", DateOptions(day_first=True, fetched_at=FETCHED), "2013-11-02"),
    ("02/11/2013", DateOptions(day_first=False, fetched_at=FETCHED), "2013-02-11"),
    ("11/01/2023 12:43:42", NO_ZONE, "2023-11-01T12:43:42"),
    ("02.11.2013, 11:16 Uhr", NO_ZONE, "2013-11-02T11:16:00"),
    ("4. 2. 2022", NO_ZONE, "2022-02-04"),
    ("Updated 3 hours ago", NO_ZONE, "2024-05-01T09:00:00+00:00"),
    ("Updated 3 hours ago", PHOENIX, "2024-05-01T02:00:00-07:00"),
    ("vor 2 Tagen", NO_ZONE, "2024-04-29"),
    ("2020年07月03日", NO_ZONE, "2020-07-03"),
    ("Sat 2 Nov 2013 11.16 GMT", NO_ZONE, "2013-11-02T11:16:00+00:00"),
    ("2 ноября 2013, 11:16", DateOptions(fetched_at=FETCHED, languages=("ru", "en")), "2013-11-02T11:16:00"),
    ("Publié le 2 novembre 2013 à 11h16", NO_ZONE, "2013-11-02T11:16:00"),
    ("Published November 8, 2023", NO_ZONE, "2023-11-08"),
    ("an hour ago", NO_ZONE, "2024-05-01T11:00:00+00:00"),
    ("45 minutes ago", PHOENIX, "2024-05-01T04:15:00-07:00"),
    ("2 weeks ago", NO_ZONE, "2024-04-17"),
    ("vor einer Stunde", NO_ZONE, "2024-05-01T11:00:00+00:00"),
    ("il y a 3 heures", NO_ZONE, "2024-05-01T09:00:00+00:00"),
    ("hace 2 días", NO_ZONE, "2024-04-29"),
    ("vor 3 Monaten", NO_ZONE, "2024-02-01"),  # months differ in length: dateparser counts them
    ("14.09.2020 à 11h46", NO_ZONE, "2020-09-14T11:46:00"),
    ("03/05/2022 a las 22h03", DateOptions(day_first=True, fetched_at=FETCHED), "2022-05-03T22:03:00"),
    # a word in capitals that is no zone: the date and clock stand, with no offset
    ("November 20, 2019 13:42 FIND", NO_ZONE, "2019-11-20T13:42:00"),
    ("Nov 2, 2013, 11:16 AM ES", PHOENIX, "2013-11-02T11:16:00-07:00"),
])
def test_visible_forms(text, options, expected):
    assert _iso(text, options) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("2013-11-02T11:16:00-07:00", "2013-11-02T11:16:00-07:00"),
    ("2020-05-16T14:51:53Z", "2020-05-16T14:51:53+00:00"),
    ("20200516T14:51:53Z", "2020-05-16T14:51:53+00:00"),
    ("2022-1-26T14:32:06+02:00", "2022-01-26T14:32:06+02:00"),
    ("2020-12-05T23:15:0Z", "2020-12-05T23:15:00+00:00"),
    ("2022-01-27T12:45:36.270+01", "2022-01-27T12:45:36+01:00"),
    ("2020-09-26T12:07:40+02:00CET", "2020-09-26T12:07:40+02:00"),
    ("Sat, 19 Oct 2019 00:04:00 +0200", "2019-10-19T00:04:00+02:00"),
    ("2013-11-02", "2013-11-02"),
    ("2013-11-02T00:00:00", "2013-11-02"),
    ("2020/10/04 15:05:21", "2020-10-04T15:05:21-07:00"),
    ("2020-08-25|00h23", "2020-08-25T00:23:00-07:00"),
    ("2020-04-01  10:29", "2020-04-01T10:29:00-07:00"),
    ("Tue Jul 30 09:35:14 CEST 2019", "2019-07-30T09:35:14+02:00"),
])
def test_machine_forms_keep_the_stated_offset(text, expected):
    assert _iso(text, PHOENIX) == expected


@pytest.mark.parametrize("text", ["9:24 pm ET", "Updated 11:05", "at 10.30 h", "19 Regulation, 2020"])
def test_no_day_to_read_gives_no_date(text):
    assert to_iso8601(text, NO_ZONE) is None


def test_zone_is_assumed_only_without_an_offset_and_said_so():
    assumed = to_iso8601("2013-11-02 11:16", PHOENIX)
    stated = to_iso8601("2013-11-02T11:16:00-07:00", PHOENIX)
    assert assumed is not None and (assumed.iso, assumed.timezone_assumed) == ("2013-11-02T11:16:00-07:00", True)
    assert stated is not None and stated.timezone_assumed is False


def test_without_a_configured_zone_the_value_stays_naive():
    assert _iso("2013-11-02 11:16") == "2013-11-02T11:16:00"


@pytest.mark.parametrize(("text", "options", "reason"), [
    ("2024-06-01T10:00:00Z", NO_ZONE, "date-in-future"),
    ("1994-12-31", NO_ZONE, "date-too-old"),
])
def test_implausible_values_are_rejected(text, options, reason):
    found = to_iso8601(text, options)
    assert found is not None and found.rejected == reason


def test_min_year_is_configurable():
    found = to_iso8601("1990-03-01", DateOptions(min_year=1980, fetched_at=FETCHED))
    assert found is not None and (found.iso, found.rejected) == ("1990-03-01", None)


def _article(published: list[RawDate], modified: Sequence[RawDate] = ()) -> RawRecord:
    article = Article(url="https://example.com/a", metadata=Metadata(dateDownloaded="2024-05-01T12:00:00Z"))
    return RawRecord(article=article, published=published, modified=list(modified))


def _normalize(raw: RawRecord, options: DateOptions) -> list[str]:
    return normalize_dates(raw.article, options, raw.published, raw.modified)


def test_implausible_first_candidate_falls_back_to_the_next_and_is_counted():
    raw = _article([RawDate("2031-01-01T00:00:00Z", "json-ld"), RawDate("2024-04-30", "meta")])
    events = _normalize(raw, DateOptions())
    assert (raw.article.datePublished, raw.article.datePublishedRaw, raw.article.datePublishedSource) == (
        "2024-04-30", "2024-04-30", "meta",
    )
    assert "rejected/date-in-future" in events and "published/parsed" in events


def test_modified_never_precedes_published():
    raw = _article([RawDate("2024-04-30T10:00:00+02:00", "json-ld")],
                       [RawDate("2024-04-29T10:00:00+02:00", "json-ld")])
    events = _normalize(raw, DateOptions())
    assert raw.article.dateModified is None and "rejected/modified-before-published" in events


def test_modified_keeps_its_offset_and_source():
    raw = _article([RawDate("2024-04-30T10:00:00+02:00", "json-ld")],
                       [RawDate("2024-04-30T15:00:00+02:00", "meta")])
    _normalize(raw, DateOptions())
    assert (raw.article.dateModified, raw.article.dateModifiedSource) == ("2024-04-30T15:00:00+02:00", "meta")


def test_utc_timestamp_is_read_in_the_local_time_the_page_shows():
    # JSON-LD has the UTC instant; the page shows 6:09 p.m. local: the day differs.
    choice, _ = choose_published([
        RawDate("2023-11-09T01:09:55Z", "json-ld"), RawDate("2023-11-08 18:09:55", "time-tag"),
    ], NO_ZONE)
    assert choice is not None and choice.date.iso == "2023-11-08T18:09:55-07:00"


def test_utc_timestamp_takes_the_local_day_from_the_url():
    choice, _ = choose_published([
        RawDate("2020-02-18T02:18:11Z", "json-ld"), RawDate("2020-02-17", "url"),
    ], NO_ZONE)
    assert choice is not None and (choice.date.iso, choice.raw.source) == ("2020-02-17", "url")


def test_a_url_day_too_far_from_the_utc_instant_is_ignored():
    choice, _ = choose_published([
        RawDate("2020-07-09T10:04:04Z", "json-ld"), RawDate("2020-07-08", "url"),
    ], NO_ZONE)
    assert choice is not None and choice.date.iso == "2020-07-09T10:04:04+00:00"


def test_bare_day_gets_the_time_the_page_shows_that_day():
    choice, _ = choose_published([
        RawDate("2013-11-02", "json-ld"), RawDate("Nov 2, 2013, 11:16 AM", "visible"),
    ], PHOENIX)
    assert choice is not None and choice.date.iso == "2013-11-02T11:16:00-07:00"


def test_visible_date_of_an_updated_article_picks_the_modified_value():
    # The page shows "Updated 12 January 2022": structured data still says the first draft.
    raw = _article(
        [RawDate("2021-11-29T14:13:37+00:00", "json-ld"), RawDate("12. Januar 2022", "visible")],
        [RawDate("2022-01-12T14:27:30+00:00", "json-ld")],
    )
    events = _normalize(raw, DateOptions())
    assert (raw.article.datePublished, raw.article.datePublishedSource) == ("2022-01-12T14:27:30+00:00", "visible")
    assert "published/confirmed-by-page" in events


def test_a_visible_date_nothing_structured_agrees_with_is_not_followed():
    choice, _ = choose_published([
        RawDate("2023-10-31T08:47:16+01:00", "json-ld"), RawDate("21.10.2019", "visible"),
    ], NO_ZONE)
    assert choice is not None and choice.date.iso == "2023-10-31T08:47:16+01:00"


def test_stats_events_are_strings():
    events = _normalize(_article([RawDate("2013-11-02", "json-ld")]), DateOptions())
    assert events == ["published/parsed", "published/source/json-ld"]
    assert _normalize(_article([]), DateOptions()) == ["published/missing"]


def test_seed_page_visible_date_in_the_site_zone():
    folder = CASES / "date-phoenix-visible"
    page = PageInput(url=json.loads((folder / "input.json").read_text())["url"],
                     html=(folder / "page.html").read_text(encoding="utf-8"), fetched_at=FETCHED)
    expected = json.loads((folder / "expected.json").read_text())
    record = build_record(page, RecordOptions(dates=DateOptions(default_tz="America/Phoenix")))
    assert {key: getattr(record, key) for key in expected} == expected
    naive = build_record(page)
    assert (naive.datePublished, naive.datePublishedTimezoneAssumed) == ("2013-11-02T11:16:00", False)


@pytest.mark.parametrize("text", [
    "", "\x00", "9" * 50, "2020-13-45T99:99:99Z", "31/02/2020", "0000-00-00", "2020年13月40日",
    "vor 99999999 Tagen", "99999 years ago", "Sat, 99 Foo 2020 00:00:00 +9999", "Tue Jul 30 09:35:14 CEST",
])
def test_hostile_text_never_raises(text):
    for options in (NO_ZONE, PHOENIX, DateOptions(day_first=True, fetched_at=datetime(2024, 5, 1))):
        to_iso8601(text, options)
        choose_published([RawDate(text, "json-ld"), RawDate(text, "visible")], options)


@pytest.mark.parametrize(("language", "source", "expected"), [
    ("fr-FR", "visible", "2013-11-02"),
    ("en-GB", "visible", "2013-11-02"),
    ("en-US", "visible", "2013-02-11"),
    ("fr-FR", "meta", "2013-02-11"),
])
def test_slashed_visible_dates_follow_the_page_language(language, source, expected):
    raw = _article([RawDate("02/11/2013", source)])
    raw.article.inLanguage = language
    _normalize(raw, DateOptions())
    assert raw.article.datePublished == expected


def test_site_day_order_wins_over_the_page_language():
    raw = _article([RawDate("02/11/2013", "visible")])
    raw.article.inLanguage = "fr"
    _normalize(raw, DateOptions(day_first=False))
    assert raw.article.datePublished == "2013-02-11"
