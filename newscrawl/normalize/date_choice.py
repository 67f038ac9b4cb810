"""Pick one date among a page's candidates: the most trusted plausible one, read in local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from ..extract.date_raw import RawDate
from .dates import DateOptions, NormalizedDate, ParsedDate, format_date, implausible, parse_candidate

# Real UTC offsets lie between -12:00 and +14:00, in steps of 15 minutes.
_MIN_OFFSET, _MAX_OFFSET = timedelta(hours=-12), timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
_MIN_NEWS_OFFSET = timedelta(hours=-10)
_SAME_MOMENT = timedelta(minutes=2)


@dataclass(frozen=True)
class Candidate:
    """A raw candidate with its parsed value."""

    raw: RawDate
    parsed: ParsedDate


@dataclass(frozen=True)
class Choice:
    """The chosen date and the candidate text it was read from."""

    raw: RawDate
    date: NormalizedDate
    parsed: ParsedDate


def _is_utc(parsed: ParsedDate) -> bool:
    offset = parsed.value.utcoffset()
    return parsed.has_time and offset is not None and not offset


def _plausible_offset(delta: timedelta) -> bool:
    return _MIN_OFFSET <= delta <= _MAX_OFFSET and delta and not delta % _OFFSET_STEP


def _local_days(moment: datetime) -> set[date]:
    """Every calendar day ``moment`` can fall on in an inhabited news market (UTC-10 to UTC+14)."""
    return {(moment + _MIN_NEWS_OFFSET).date(), (moment + _MAX_OFFSET).date(), moment.date()}


def _in_local_time(primary: Candidate, others: list[Candidate]) -> Candidate:
    """A UTC timestamp read in the zone the page shows it in elsewhere, if it does.

    CMSs export the UTC instant in JSON-LD while the page (and the reader) shows the local
    wall time; the calendar day can differ. Another candidate showing the same moment in
    wall time gives the offset; a bare local day (URL, visible date) gives the day.
    """
    moment = primary.parsed.value
    for other in others:
        value = other.parsed.value
        if not other.parsed.has_time:
            continue
        if value.tzinfo is None and _plausible_offset(delta := value - moment.replace(tzinfo=None)):
            local = moment.astimezone(timezone(delta))
            return Candidate(primary.raw, ParsedDate(local, True))
        offset = value.utcoffset()
        if offset and abs(value - moment) <= _SAME_MOMENT:
            return other
    for other in others:
        if not other.parsed.has_time and other.parsed.day != moment.date():
            if other.parsed.day in _local_days(moment) and other.raw.source in ("url", "visible", "time-tag"):
                return other
    return primary


def _with_time(primary: Candidate, others: list[Candidate]) -> Candidate:
    """A bare day made precise by another candidate giving the time on that same day."""
    for other in others:
        if other.parsed.has_time and other.parsed.day == primary.parsed.day:
            return other
    return primary


def parse_candidates(raws: list[RawDate], options: DateOptions) -> tuple[list[Candidate], list[str]]:
    """The candidates that parse and are plausible, and an event for each rejected one."""
    kept: list[Candidate] = []
    events: list[str] = []
    for raw in raws:
        parsed = parse_candidate(raw.text, options)
        if parsed is None:
            continue
        if reason := implausible(parsed, options):
            events.append(f"rejected/{reason}")
            continue
        kept.append(Candidate(raw, parsed))
    return kept, events


def choose_published(raws: list[RawDate], options: DateOptions) -> tuple[Choice | None, list[str]]:
    """The publication date (first plausible candidate, read in the page's local time), and events."""
    kept, events = parse_candidates(raws, options)
    if not kept:
        return None, events
    primary, others = kept[0], kept[1:]
    if _is_utc(primary.parsed):
        primary = _in_local_time(primary, others)
    elif not primary.parsed.has_time:
        primary = _with_time(primary, others)
    return Choice(primary.raw, format_date(primary.parsed, options), primary.parsed), events


def choose_modified(
    raws: list[RawDate], options: DateOptions, published: ParsedDate | None
) -> tuple[Choice | None, list[str]]:
    """The last-modified date (first plausible candidate not before the publication), and events."""
    kept, events = parse_candidates(raws, options)
    for candidate in kept:
        if published is not None and _precedes(candidate.parsed, published):
            # A correction cannot precede the story: such a value is a CMS artefact.
            events.append("rejected/modified-before-published")
            continue
        return Choice(candidate.raw, format_date(candidate.parsed, options), candidate.parsed), events
    return None, events


def _precedes(modified: ParsedDate, published: ParsedDate) -> bool:
    a, b = modified.value, published.value
    if (a.tzinfo is None) != (b.tzinfo is None) or not (modified.has_time and published.has_time):
        return modified.day < published.day
    return a < b
