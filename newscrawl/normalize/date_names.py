"""Fast path for the commonest written dates: "19. Oktober 2019, 19:08 Uhr", "Nov 2, 2013, 11:16 AM".

dateparser reads these right but spends ~5 ms a call checking which of its locales applies;
a news page shows such a date on most pages. Month and weekday names come from dateparser's
own locale data, so every language it knows is covered; anything this pattern does not fully
account for (time zone names, words, two-digit years) returns None and goes to dateparser.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

from dateparser.languages.loader import default_loader
from dateparser.timezone_parser import StaticTzInfo
from dateparser.timezones import timezone_info_list

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NAME = r"[^\W\d_]{3,}\.?"
# Optional weekday, then day-month-year ("2. November 2013", "04 de mayo de 2022") or
# month-day-year ("Nov. 2, 2013"); what follows must be a clock time or nothing.
_DAY_FIRST = re.compile(
    rf"^(?:(?P<wd>{_NAME}),?\s+)?(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?(?:\s*|-)(?:de\s+|of\s+)?(?P<m>{_NAME})"
    rf"(?:,?\s*|-)(?:del?\s+)?(?P<y>\d{{4}})(?P<rest>.*)$",
    re.IGNORECASE,
)
_MONTH_FIRST = re.compile(
    rf"^(?:(?P<wd>{_NAME}),?\s+)?(?P<m>{_NAME})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
    rf"(?P<rest>.*)$",
    re.IGNORECASE,
)
_CLOCK = re.compile(
    r"^\s*(?:[,|\-–—/]|um|at|à|a las|alle|om|kl\.?)?\s*(?:(?P<H>\d{1,2})[:.h](?P<M>\d{2})"
    r"(?::(?P<S>\d{2}))?\s*(?P<ap>[ap]\.?\s?m\.?)?\s*(?:uhr|h)?)?\s*[,.]?\s*$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _zones() -> dict[str, StaticTzInfo]:
    """Zone abbreviations and their offsets from dateparser's table, first entry winning as in
    dateparser (building its full zone regex costs ~70 ms; a name lookup needs only the table)."""
    zones: dict[str, StaticTzInfo] = {}
    for family in timezone_info_list:
        for name, offset in family["timezones"]:
            if name.isalpha() and name.isupper():
                zones.setdefault(name, StaticTzInfo(name, timedelta(seconds=offset)))
    return zones


@lru_cache(maxsize=64)
def _names(language: str) -> tuple[dict[str, int], frozenset[str]]:
    """Month names -> number, and weekday names, of one dateparser locale (lower case)."""
    try:
        info = default_loader.get_locale(language).info
    except (ValueError, KeyError):  # a language dateparser does not know
        return {}, frozenset()
    months = {name.lower().rstrip("."): number
              for number, key in enumerate(_MONTHS, 1) for name in [key, *info.get(key, [])]}
    weekdays = frozenset(n.lower().rstrip(".") for key in _WEEKDAYS for n in [key, *info.get(key, [])])
    return months, weekdays


_NO_CLOCK = (0, 0, 0)
# A zone abbreviation closing the text: "10:31 pm CST", "07:09 GMT".
_ZONE_NAME = re.compile(r"\b(?!AM\b|PM\b)[A-Z]{2,5}\s*$")


def _clock(rest: str) -> tuple[int, int, int] | None:
    """(hour, minute, second) of a trailing clock time, _NO_CLOCK without one, None if not a clock."""
    match = _CLOCK.match(rest)
    if match is None:
        return None
    if match.group("H") is None:
        return _NO_CLOCK
    hour, minute, second = int(match.group("H")), int(match.group("M")), int(match.group("S") or 0)
    if ampm := match.group("ap"):
        if hour > 12:
            return None
        hour = hour % 12 + (12 if ampm.lower().startswith("p") else 0)
    return hour, minute, second


def parse_month_name_date(text: str, languages: tuple[str, ...]) -> tuple[datetime, bool] | None:
    """(value, has_time) for a day, month name and year, or None to let dateparser decide.

    A trailing zone name ("EST", "GMT") is read with dateparser's own zone table, so the
    offset is the one dateparser would give; an unknown one leaves the value naive.
    """
    # one line: markup often breaks a shown date over lines ("Nov 18, 2019\n at\n 9:24 pm ET")
    text, zone = " ".join(text.split()), None
    if found := _ZONE_NAME.search(text):
        # A word in capitals that is no zone dateparser knows ("ES", a cut "EST"; "FIND"):
        # dateparser gives up on the whole text, but the date and clock before it stand,
        # read as wall time with no offset.
        zone = _zones().get(found.group())
        text = text[: found.start()].strip()
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        match = pattern.match(text)
        if match is None:
            continue
        clock = _clock(match.group("rest"))
        if clock is None:
            return None
        for language in languages:
            months, weekdays = _names(language)
            month = months.get(match.group("m").lower().rstrip("."))
            weekday = match.group("wd")
            if month is None or (weekday and weekday.lower().rstrip(".") not in weekdays):
                continue
            try:
                value = datetime(int(match.group("y")), month, int(match.group("d")), *clock,
                                 tzinfo=zone)
            except ValueError:
                return None
            return value, clock is not _NO_CLOCK
    return None


def shaped_without_month(text: str, languages: tuple[str, ...]) -> bool:
    """True for "19 Regulation, 2020": a day, a word and a year, the word no month name of any of
    ``languages``. dateparser reads month names from the same locale tables, so it would find
    no date there either; asking it costs its cold start (~0.1 s) for nothing."""
    text = _ZONE_NAME.sub("", " ".join(text.split())).strip()
    for pattern in (_DAY_FIRST, _MONTH_FIRST):
        if (match := pattern.match(text)) and _clock(match.group("rest")) is not None:
            word = match.group("m").lower().rstrip(".")
            return all(word not in _names(language)[0] for language in languages)
    return False

