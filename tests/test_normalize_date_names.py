"""The month-name fast path agrees with dateparser and leaves it everything it cannot fully read."""

from __future__ import annotations

from datetime import datetime

import pytest

from newscrawl.normalize.date_names import parse_month_name_date


@pytest.mark.parametrize(("text", "languages", "expected"), [
    ("Nov 2, 2013, 11:16 AM", ("en",), (datetime(2013, 11, 2, 11, 16), True)),
    ("2. November 2013", ("de", "en"), (datetime(2013, 11, 2), False)),
    ("19. Oktober 2019, 19:08 Uhr", ("de", "en"), (datetime(2019, 10, 19, 19, 8), True)),
    ("04 de mayo de 2022 - 00:00", ("es", "en"), (datetime(2022, 5, 4, 0, 0), True)),
    ("Saturday, November 2nd, 2013 at 4:02 pm", ("en",), (datetime(2013, 11, 2, 16, 2), True)),
    ("31. März 2003", ("de",), (datetime(2003, 3, 31), False)),
])
def test_common_written_dates(text, languages, expected):
    assert parse_month_name_date(text, languages) == expected


@pytest.mark.parametrize("text", [
    "November 20, 2019 13:42 find out more",  # words after the time
    "Nov 2, 13",                     # two-digit year
    "30. Februar 2020",              # no such day
    "Blursday, Nov 2, 2013",         # not a weekday
])
def test_anything_else_is_left_to_dateparser(text):
    assert parse_month_name_date(text, ("en", "de")) is None


def test_a_capitalised_word_that_is_no_zone_leaves_the_time_naive():
    # dateparser gives up on the whole text; the date and clock before the word stand
    assert parse_month_name_date("November 20, 2019 13:42 FIND", ("en",)) == (datetime(2019, 11, 20, 13, 42), True)


def test_zone_names_get_the_offset_dateparser_gives_them():
    value, has_time = parse_month_name_date("Nov 19, 2019, 10:31 pm CST", ("en",))
    assert value.replace(tzinfo=None) == datetime(2019, 11, 19, 22, 31) and has_time
    assert value.utcoffset().total_seconds() == -6 * 3600
    value, _ = parse_month_name_date("19 Nov 2019 07:09 GMT", ("en",))
    assert value.utcoffset().total_seconds() == 0


def test_month_names_come_from_the_page_language():
    assert parse_month_name_date("2 octubre 2019", ("en",)) is None
    assert parse_month_name_date("2 octubre 2019", ("es",)) == (datetime(2019, 10, 2), False)


def test_a_date_the_markup_breaks_over_lines_is_read_as_one_line():
    # "<span>Nov 18, 2019</span> at <span>9:24 pm ET</span>": the text keeps the page's line
    # breaks; dateparser reads it (at a cold start of ~0.3 s CPU a process), so must this path
    value, has_time = parse_month_name_date("Nov 18, 2019\n      at\n\n    9:24 pm ET", ("en",))
    assert (value.replace(tzinfo=None), has_time) == (datetime(2019, 11, 18, 21, 24), True)
    assert value.utcoffset().total_seconds() == -5 * 3600
