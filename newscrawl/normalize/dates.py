"""Date strings -> ISO 8601 keeping the page's own offset; never invent a zone silently."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser

_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
_DATEPARSER_BASE = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DATES_FROM": "past"}


@dataclass(frozen=True, kw_only=True)
class DateOptions:
    """How to read dates for one site."""

    default_tz: str | None = None
    """IANA zone to assume when the text states no offset; None keeps the value naive."""
    day_first: bool | None = None
    """True for 02/11/2013 = 2 November; None lets the parser decide."""
    min_year: int = 1995
    fetched_at: datetime | None = None
    """Aware time of the download: relative dates count from it, later dates are rejected."""


@dataclass(frozen=True)
class NormalizedDate:
    """An ISO 8601 value and whether its zone was assumed rather than stated."""

    iso: str
    timezone_assumed: bool = False
    rejected: str | None = None


def validate_timezone(name: str) -> ZoneInfo:
    """The zone named ``name``; ValueError naming the fix when it does not exist."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"unknown timezone {name!r}: use an IANA name such as 'America/Phoenix' or 'Europe/Berlin'"
        ) from exc


def parse_date(text: str, options: DateOptions) -> datetime | None:
    """A datetime for ``text`` (aware if the text states an offset), or None."""
    text = text.strip()
    if not text:
        return None
    if _ISO_LIKE.match(text):
        try:
            return datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
        except ValueError:
            pass
    settings = dict(_DATEPARSER_BASE)
    if options.day_first is not None:
        settings["DATE_ORDER"] = "DMY" if options.day_first else "MDY"
    if options.fetched_at is not None:
        settings["RELATIVE_BASE"] = options.fetched_at.replace(tzinfo=None)
    try:
        return dateparser.parse(text[:200], settings=settings)
    except (ValueError, OverflowError):
        return None


def _has_time(text: str) -> bool:
    return bool(re.search(r"\d{1,2}:\d{2}", text)) or "ago" in text.lower()


def to_iso8601(text: str | None, options: DateOptions) -> NormalizedDate | None:
    """Normalize one raw date string; ``rejected`` says why an implausible value was refused."""
    if not text:
        return None
    parsed = parse_date(text, options)
    if parsed is None:
        return None
    assumed = False
    if parsed.tzinfo is None and options.default_tz and _has_time(text):
        parsed = parsed.replace(tzinfo=validate_timezone(options.default_tz))
        assumed = True
    if parsed.year < options.min_year:
        return NormalizedDate(parsed.isoformat(), assumed, rejected="date-too-old")
    if options.fetched_at is not None:
        reference = parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        # A day of slack: a naive local date may be ahead of the UTC fetch time.
        if reference > options.fetched_at + timedelta(days=1):
            return NormalizedDate(parsed.isoformat(), assumed, rejected="date-in-future")
    if _has_time(text) or parsed.tzinfo is not None:
        return NormalizedDate(parsed.isoformat(), assumed)
    return NormalizedDate(parsed.date().isoformat(), False)
