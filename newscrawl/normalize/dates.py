"""Date strings -> ISO 8601 keeping the page's own offset; never invent a zone silently."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser
from dateparser import DateDataParser
from dateparser.data import language_order

from .date_raw import locate_date
from .date_names import parse_month_name_date, shaped_without_month

# ISO 8601 as CMSs write it, loosely: basic or extended, one-digit parts ("2022-1-26",
# "23:15:0Z"), fractions, "+0000" offsets; year-first with slashes or dots ("2020/10/04 15:05"), a
# bar or comma before the time, "00h23". Groups are rebuilt into what fromisoformat reads.
_ISO_LOOSE = re.compile(
    r"^(\d{4})([-/.]?)(\d{1,2})\2(\d{1,2})(?:(?:[T ]\s*|\s*[|,]\s*)(\d{1,2})[:h-]?(\d{2})(?:[:-]?(\d{1,2}))?"
    r"(?:[.,]\d+)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?(?:\s*\(?[A-Z]{2,5}\)?)?$",
    re.I,
)
# Numeric day-month-year or month-day-year, with an optional clock time.
_NUMERIC = re.compile(
    r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:,?\s*(?:-|\||um|at|à|a las|alle|om|kl\.?)?\s*(\d{1,2})[:.h](\d{2})(?::(\d{2}))?"
    r"\s*([ap]\.?m\.?)?)?(?:\s*Uhr)?$",
    re.I,
)
_CJK = re.compile(r"^(\d{4})\s*[\u5e74\ub144]\s*(\d{1,2})\s*[\u6708\uc6d4]\s*(\d{1,2})\s*[\u65e5\uc77c]$")
_CTIME = re.compile(r"^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) +(\d{1,2}) (\d{1,2}:\d{2}(?::\d{2})?)(?: ([A-Z]{2,5}))? (\d{4})$")
_RFC2822 = re.compile(r"^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}")
# Words of relative dates in the languages we see most ("3 hours ago", "vor 3 Stunden", "hace").
_RELATIVE = re.compile(r"\b(?:ago|vor|hace|il y a|fa|yesterday|today|gestern|heute)\b", re.I)
# "4. 2. 2022" is how German and Czech pages space a numeric date.
_SPACED_DOTS = re.compile(r"(?<=\b\d)\.\s(?=\d)|(?<=\b\d\d)\.\s(?=\d)")
# "3 hours ago", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas": the commonest relative
# forms, read without dateparser (its first relative parse costs ~0.1 s of CPU). Months and
# years vary in length, and other languages and wordings are many: those go to dateparser.
_AGO = re.compile(
    r"\b(?:(?P<n>\d{1,4}|an?|one)\s+(?P<en>sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week)s?\s+ago"
    r"|vor\s+(?P<de_n>\d{1,4}|einer?)\s+(?P<de>Sekunde|Minute|Stunde|Tag|Woche)(?:n|en)?"
    r"|il y a\s+(?P<fr_n>\d{1,4}|une?)\s+(?P<fr>seconde|minute|heure|jour|semaine)s?"
    r"|hace\s+(?P<es_n>\d{1,4}|una?)\s+(?P<es>segundo|minuto|hora|d[ií]a|semana)s?)\b",
    re.I)
_AGO_GROUPS = (("n", "en"), ("de_n", "de"), ("fr_n", "fr"), ("es_n", "es"))
_AGO_UNITS = {"sec": "seconds", "sek": "seconds", "seg": "seconds", "min": "minutes",
              "hr": "hours", "hou": "hours", "stu": "hours", "heu": "hours", "hor": "hours",
              "day": "days", "tag": "days", "jou": "days", "día": "days", "dia": "days",
              "wee": "weeks", "woc": "weeks", "sem": "weeks"}
# Arabic names the months three ways: Egyptian and Gulf media write the Latin-derived names
# dateparser knows (أبريل); the Levant the Syriac ones (نيسان, كانون الثاني); the Maghreb the
# French-derived ones (أفريل, جوان). The other two are read as the first.
_ARABIC_MONTHS = {
    "\u0643\u0627\u0646\u0648\u0646 \u0627\u0644\u062b\u0627\u0646\u064a": "\u064a\u0646\u0627\u064a\u0631",
    "\u0634\u0628\u0627\u0637": "\u0641\u0628\u0631\u0627\u064a\u0631", "\u0622\u0630\u0627\u0631": "\u0645\u0627\u0631\u0633",
    "\u0646\u064a\u0633\u0627\u0646": "\u0623\u0628\u0631\u064a\u0644", "\u0623\u064a\u0627\u0631": "\u0645\u0627\u064a\u0648",
    "\u062d\u0632\u064a\u0631\u0627\u0646": "\u064a\u0648\u0646\u064a\u0648", "\u062a\u0645\u0648\u0632": "\u064a\u0648\u0644\u064a\u0648",
    "\u0622\u0628": "\u0623\u063a\u0633\u0637\u0633", "\u0623\u064a\u0644\u0648\u0644": "\u0633\u0628\u062a\u0645\u0628\u0631",
    "\u062a\u0634\u0631\u064a\u0646 \u0627\u0644\u0623\u0648\u0644": "\u0623\u0643\u062a\u0648\u0628\u0631",
    "\u062a\u0634\u0631\u064a\u0646 \u0627\u0644\u062b\u0627\u0646\u064a": "\u0646\u0648\u0641\u0645\u0628\u0631",
    "\u0643\u0627\u0646\u0648\u0646 \u0627\u0644\u0623\u0648\u0644": "\u062f\u064a\u0633\u0645\u0628\u0631",
    "\u062c\u0627\u0646\u0641\u064a": "\u064a\u0646\u0627\u064a\u0631", "\u0641\u064a\u0641\u0631\u064a": "\u0641\u0628\u0631\u0627\u064a\u0631",
    "\u0623\u0641\u0631\u064a\u0644": "\u0623\u0628\u0631\u064a\u0644", "\u0645\u0627\u064a": "\u0645\u0627\u064a\u0648",
    "\u062c\u0648\u0627\u0646": "\u064a\u0648\u0646\u064a\u0648", "\u062c\u0648\u064a\u0644\u064a\u0629": "\u064a\u0648\u0644\u064a\u0648",
    "\u0623\u0648\u062a": "\u0623\u063a\u0633\u0637\u0633",
}
_ARABIC_MONTH = re.compile(
    "(?<![\u0600-\u06ff])(" + "|".join(sorted(map(re.escape, _ARABIC_MONTHS), key=len, reverse=True)).replace("\\ ", "\\s+")
    + ")(?![\u0600-\u06ff])")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
# "24 نيسان / أبريل 2020": one month under two names; either may be the one a locale knows.
_TWO_MONTH_NAMES = re.compile(r"([^\W\d_]{3,12})\s*/\s*([^\W\d_]{3,12})(?=,?\s*(?:19|20)\d{2})")
# A clock time; a text with no other digit has no day in it ("9:24 pm ET").
_CLOCK_TIME = re.compile(r"\d{1,2}[:.h]\d{2}(?::\d{2})?")
_CLOCK_UNITS = re.compile(r"min|hour|hr|stund|heure|hora|\bore\b|uur", re.I)
_WORD = re.compile(r"[^\W\d_]{3,}")
_HAS_CLOCK = re.compile(r"\d{1,2}[:h]\d{2}|(?<![\d.])\d{1,2}\.\d{2}(?![\d.])|\bago\b|\bvor\b", re.I)
# Relative texts ("3 hours ago") take their own path (_parse_relative); for the rest, dateparser's
# freshness parser only costs time: it builds its relative-date patterns per call (~0.1 s cold).
_DATEPARSER_BASE = {"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": ["day", "month", "year"],
                    "PARSERS": ["timestamp", "absolute-time"]}
_MAX_DATEPARSER_TEXT = 80
# English-speaking places that write the month first; the rest of the English world does not.
_MONTH_FIRST_REGIONS = frozenset({"us", "ph", "ca", "fm", "mh", "pw", "um", "as", "gu", "mp", "pr", "vi"})
_FOREIGN_LETTERS = re.compile(r"[^\W\d_a-zA-Z]")
_FALLBACK_LANGUAGES = (
    "en", "de", "fr", "es", "it", "pt", "nl", "ro", "sv", "da", "nb", "pl", "cs", "tr", "ru", "ar",
)


@dataclass(frozen=True, kw_only=True)
class DateOptions:
    """How to read dates for one site."""

    default_tz: str | None = None
    """IANA zone to assume when the text states no offset; None keeps the value naive."""
    day_first: bool | None = None
    """True for 02/11/2013 = 2 November; None: "/" means month first (US), "." day first."""
    min_year: int = 1995
    fetched_at: datetime | None = None
    """Aware time of the download: relative dates count from it, later dates are rejected."""
    relative_dates: bool = True
    """Whether "3 hours ago" can be read: not for a saved page whose capture time is unknown
    (its ``fetched_at`` is the time of extraction, not of the capture)."""
    languages: tuple[str, ...] = ()
    """Languages of month names to try first (the page's own); empty tries a shortlist."""
    text_day_first: bool | None = None
    """Day order of dates in the page's visible text when ``day_first`` is unset: from the
    page's language (02/11/2013 is 2 November in French and British English)."""
    local_tz: str | None = None
    """IANA zone a UTC publication instant is shown in when the page states no local time
    (the site's zone, else its country's: ``date_zones.country_zone``); None leaves it in UTC."""


@dataclass(frozen=True)
class NormalizedDate:
    """An ISO 8601 value and whether its zone was assumed rather than stated."""

    iso: str
    timezone_assumed: bool = False
    rejected: str | None = None


@dataclass(frozen=True)
class ParsedDate:
    """A parsed candidate: the value, and whether the text gave a time of day."""

    value: datetime
    has_time: bool

    @property
    def day(self) -> date:
        """The calendar day as written (no zone conversion)."""
        return self.value.date()


def language_day_first(tag: str | None) -> bool | None:
    """Whether a page in language ``tag`` writes numeric dates day first; None if unsure.

    >>> language_day_first("de-DE"), language_day_first("en-GB"), language_day_first("en-US")
    (True, True, False)
    """
    if not tag:
        return None
    parts = re.split("[-_]", tag.lower())
    language, region = parts[0], (parts[1] if len(parts) > 1 else "")
    if language != "en":
        return True
    if region in _MONTH_FIRST_REGIONS:
        return False
    return True if region else None


def validate_timezone(name: str) -> ZoneInfo:
    """The zone named ``name``; ValueError naming the fix when it does not exist."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown timezone {name!r}: use an IANA name such as 'America/Phoenix' or 'Europe/Berlin'"
        ) from exc


def _parse_iso(text: str) -> ParsedDate | None:
    match = _ISO_LOOSE.match(text)
    if match is None:
        return None
    year, _, month, day, hour, minute, second, zone = match.groups()
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        iso += f"T{int(hour):02d}:{minute}:{int(second or 0):02d}"
        if zone:
            iso += "+00:00" if zone.upper() in ("Z", "UTC", "GMT") else zone.ljust(5, "0")
    try:
        value = datetime.fromisoformat(iso)
    except ValueError:
        return None
    # Midnight with no offset is how many CMSs write a bare day.
    has_time = hour is not None and (zone is not None or value.time() != datetime.min.time())
    return ParsedDate(value, has_time)


def _parse_numeric(text: str, day_first: bool | None) -> ParsedDate | None:
    match = _NUMERIC.match(text)
    if match is None:
        return None
    first, sep, second, year, hour, minute, sec, ampm = match.groups()
    a, b = int(first), int(second)
    if day_first is None:
        # The US writes 11/01/2023 for November 1; dotted dates are day first everywhere.
        day_first = a > 12 or (sep != "/" and b <= 12)
    day, month = (a, b) if day_first else (b, a)
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    clock = int(hour or 0)
    if ampm:
        clock = clock % 12 + (12 if ampm[0].lower() == "p" else 0)
    try:
        value = datetime(full_year, month, day, clock, int(minute or 0), int(sec or 0))
    except ValueError:
        return None
    return ParsedDate(value, hour is not None)


@lru_cache(maxsize=64)
def _known_languages(languages: tuple[str, ...]) -> list[str] | None:
    supported = _supported_languages()
    known = [code for code in dict.fromkeys(languages) if code in supported]
    return known or None


@lru_cache(maxsize=1)
def _supported_languages() -> frozenset[str]:
    # dateparser's list of locale codes: the same names as its locale map, without loading it
    return frozenset(language_order)


@lru_cache(maxsize=64)
def _date_parser(languages: tuple[str, ...], date_order: str | None) -> DateDataParser:
    # A DateDataParser is costly to build (its locale tables): keep one per configuration.
    settings: dict[str, object] = dict(_DATEPARSER_BASE)
    if date_order:
        settings["DATE_ORDER"] = date_order
    return DateDataParser(languages=_known_languages(languages), settings=settings)


def _run_dateparser(text: str, options: DateOptions, languages: tuple[str, ...]) -> datetime | None:
    date_order = None if options.day_first is None else ("DMY" if options.day_first else "MDY")
    value: datetime | None = _date_parser(languages, date_order).get_date_data(text).date_obj
    return value


def _parse_relative(text: str, options: DateOptions) -> ParsedDate | None:
    """ "3 hours ago", "vor 2 Tagen": counted back from the fetch time, an exact instant."""
    if options.fetched_at is None or not options.relative_dates:
        return None
    zone: tzinfo = validate_timezone(options.default_tz) if options.default_tz else timezone.utc
    base = options.fetched_at.astimezone(zone)
    if ago := _AGO.search(text):
        count, word = next((ago.group(n), ago.group(u)) for n, u in _AGO_GROUPS if ago.group(u))
        amount = int(count) if count.isdigit() else 1  # "an hour", "vor einer Stunde"
        unit = _AGO_UNITS[word.lower()[:3]]
        value = (base - timedelta(**{unit: amount})).replace(second=0, microsecond=0)
        return ParsedDate(value, unit in ("seconds", "minutes", "hours"))
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base.replace(tzinfo=None)}
    try:
        languages = _known_languages(options.languages or _FALLBACK_LANGUAGES)
        value = dateparser.parse(text, languages=languages, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
    if value is None:
        return None
    # Shown in the site's zone when one is configured, else in UTC: the instant is exact
    # to the minute at best ("3 hours ago"), so seconds are dropped.
    value = value.replace(second=0, microsecond=0, tzinfo=zone)
    return ParsedDate(value, bool(_CLOCK_UNITS.search(text)))


def _parse_free_text(text: str, options: DateOptions) -> ParsedDate | None:
    text = text[:_MAX_DATEPARSER_TEXT]
    if _RELATIVE.search(text):
        return _parse_relative(text, options)
    if not any(char.isdigit() for char in _CLOCK_TIME.sub("", text)):
        return None  # a time of day alone: no day to publish on
    # Guessing among 200 languages is dateparser's slow part (each one a cold start): the
    # page's own language first, then a shortlist of the languages news is mostly written in.
    languages = options.languages or _FALLBACK_LANGUAGES
    if fast := parse_month_name_date(text, languages):
        return ParsedDate(*fast)
    if languages != _FALLBACK_LANGUAGES and (fast := parse_month_name_date(text, _FALLBACK_LANGUAGES)):
        # "25 de septiembre de 2020" on a page labelled English: a month name is a month name
        return ParsedDate(*fast)
    if shaped_without_month(text, (*languages, *_FALLBACK_LANGUAGES)):
        return None
    try:
        value = _run_dateparser(text, options, languages)
        if value is None and languages != _FALLBACK_LANGUAGES and _FOREIGN_LETTERS.search(text):
            # Pages mislabel their language, or quote a date in another one. Only a text with
            # letters outside ASCII is worth it: loading the shortlist costs ~0.2 s of CPU, and
            # an ASCII text the page language failed on is mostly a date with junk around it.
            value = _run_dateparser(text, options, _FALLBACK_LANGUAGES)
    except (ValueError, OverflowError, TypeError):
        return None
    if value is None:
        return None
    return ParsedDate(value, bool(_HAS_CLOCK.search(text)))


def parse_candidate(text: str, options: DateOptions) -> ParsedDate | None:
    """Parse one raw date: ISO and RFC 2822 directly, numeric forms by the site's day order,
    anything else (month names in any language, "3 hours ago") with dateparser."""
    text = text.strip()
    if not text or not (any(ch.isdigit() for ch in text) or _AGO.search(text)):
        return None
    text = _SPACED_DOTS.sub(".", text)
    if _ARABIC_LETTER.search(text):
        text = _ARABIC_MONTH.sub(lambda m: _ARABIC_MONTHS[" ".join(m.group(1).split())], text)
    if parsed := _parse_iso(text):
        return parsed
    if parsed := _parse_numeric(text, options.day_first):
        return parsed
    if match := _CJK.match(text):
        try:
            year, month, day = (int(part) for part in match.groups())
            return ParsedDate(datetime(year, month, day), False)
        except ValueError:
            return None
    if ctime := _CTIME.match(text):
        # "Tue Jul 30 09:35:14 CEST 2019", as Unix date(1) writes it: the year moved last
        weekday, month_name, day_text, clock, zone, year_text = ctime.groups()
        reordered = f"{weekday} {month_name} {day_text}, {year_text} {clock} {zone or ''}"
        if fast := parse_month_name_date(reordered, ("en",)):
            return ParsedDate(*fast)
    if _RFC2822.match(text):
        try:
            return ParsedDate(parsedate_to_datetime(text), True)
        except (TypeError, ValueError):
            pass
    # "Published November 8, 2023", "26.10.2023 26.10": parse only the date among the words.
    located = locate_date(text)
    if located and located != text and (parsed := parse_candidate(located, options)):
        return parsed
    if pair := _TWO_MONTH_NAMES.search(text):
        for name in (pair[2], pair[1]):
            if parsed := _parse_free_text(f"{text[: pair.start()]}{name}{text[pair.end() :]}", options):
                return parsed
        return None
    return _parse_free_text(text, options)


def parse_date(text: str, options: DateOptions) -> datetime | None:
    """A datetime for ``text`` (aware if the text states an offset), or None."""
    parsed = parse_candidate(text, options)
    return parsed.value if parsed else None


def implausible(parsed: ParsedDate, options: DateOptions) -> str | None:
    """Why a parsed date cannot be a publication date ("date-too-old", "date-in-future"), or None."""
    if parsed.value.year < options.min_year:
        return "date-too-old"
    if options.fetched_at is not None:
        value, fetched = parsed.value, options.fetched_at
        reference = value if value.tzinfo else value.replace(tzinfo=timezone.utc)
        fetched = fetched if fetched.tzinfo else fetched.replace(tzinfo=timezone.utc)
        # A day of slack: a naive local date may be ahead of the UTC fetch time.
        if reference > fetched + timedelta(days=1):
            return "date-in-future"
    return None


def format_date(parsed: ParsedDate, options: DateOptions) -> NormalizedDate:
    """ISO 8601: the stated offset; else the site's zone (flagged as assumed); else naive."""
    value = parsed.value
    if not parsed.has_time:
        return NormalizedDate(value.date().isoformat())
    if value.tzinfo is None and options.default_tz:
        value = value.replace(tzinfo=validate_timezone(options.default_tz))
        return NormalizedDate(value.isoformat(), timezone_assumed=True)
    return NormalizedDate(value.isoformat())


def to_iso8601(text: str | None, options: DateOptions) -> NormalizedDate | None:
    """Normalize one raw date string; ``rejected`` says why an implausible value was refused."""
    if not text:
        return None
    parsed = parse_candidate(text, options)
    if parsed is None:
        return None
    normalized = format_date(parsed, options)
    if reason := implausible(parsed, options):
        return NormalizedDate(normalized.iso, normalized.timezone_assumed, rejected=reason)
    return normalized
