"""Pick one date among a page's candidates: the most trusted plausible one, read in local time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from itertools import takewhile

from .date_raw import RawDate
from .date_zones import zone
from .dates import DateOptions, NormalizedDate, ParsedDate, format_date, implausible, parse_candidate

# Real UTC offsets lie between -12:00 and +14:00, in steps of 15 minutes.
_MIN_OFFSET, _MAX_OFFSET = timedelta(hours=-12), timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
_MIN_NEWS_OFFSET = timedelta(hours=-10)
_SAME_MOMENT = timedelta(minutes=2)
# Sources that show what the reader sees, and sources that are not structured data.
_CONFIRMING = ("visible", "url")
_UNSTRUCTURED = ("visible", "url", "htmldate")
# Day and month both written as numbers, either of them first: "10/05/2022", "05.10.22".
_NUMERIC_DAY_MONTH = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](?:\d{4}|\d{2})\b")


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
    return bool(delta) and _MIN_OFFSET <= delta <= _MAX_OFFSET and not delta % _OFFSET_STEP


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


def _in_day_order_of_page(primary: Candidate, others: list[Candidate], options: DateOptions) -> Candidate:
    """A numeric date either day order reads ("10/05/2022") in the order that puts it on the
    day another of the page's timestamps gives ("2022/05/10 17:36" as its last change)."""
    numeric = _NUMERIC_DAY_MONTH.search(primary.raw.text) if primary.raw.source != "url" else None
    if numeric is None:
        return primary
    day_first = primary.parsed.value.day == int(numeric[1])
    flipped = parse_candidate(primary.raw.text, replace(options, day_first=not day_first, text_day_first=not day_first))
    if flipped is None or flipped.day == primary.parsed.day:
        return primary
    days = {other.parsed.day for other in others}
    if flipped.day in days and primary.parsed.day not in days:
        return Candidate(primary.raw, flipped)
    return primary


def _with_time(primary: Candidate, others: list[Candidate]) -> Candidate:
    """A bare day made precise by another candidate giving the time on that same day."""
    for other in others:
        if other.parsed.has_time and other.parsed.day == primary.parsed.day:
            return other
    return primary


def _parse_all(raws: list[RawDate], options: DateOptions, events: list[str]) -> Iterator[Candidate]:
    """Candidates that parse and are plausible; of the visible ones (dateparser's slow work)
    only the first, unless no other candidate parses."""
    found_visible = found_any = False
    text_options = options
    if options.day_first is None and options.text_day_first is not None:
        # Markup dates follow machine conventions; the page's text follows its language.
        text_options = replace(options, day_first=options.text_day_first)
    for raw in raws:
        if raw.source == "visible" and found_visible and found_any:
            continue
        parsed = parse_candidate(raw.text, text_options if raw.source == "visible" else options)
        if parsed is None:
            continue
        if reason := implausible(parsed, options):
            events.append(f"rejected/{reason}")
            continue
        found_any = True
        found_visible = found_visible or raw.source == "visible"
        yield Candidate(raw, parsed)


def _confirmed(primary: Candidate, published: list[Candidate], modified: list[Candidate],
               shown_updates: frozenset[str] = frozenset()) -> Candidate:
    """The structured value whose day the page shows, when the most trusted one is not it.

    The date a reader sees near the headline (or the date in the URL) is what a wrong
    structured value disagrees with: a CMS creation time, the first draft of an updated
    evergreen article. When another structured value (published or modified) falls on the
    day the page shows, that one is the page's date.
    """
    confirmers = [c for c in _first_of_each(published, _CONFIRMING) if c is not primary]
    # The structured tier and generic meta tags count; the first <time> after them does not:
    # it is often the very element the visible date was read from.
    structured = list(takewhile(lambda c: c.raw.source not in _UNSTRUCTURED, published))
    structured += [c for c in published[len(structured) :] if c.raw.source == "meta"]
    if any(c.parsed.day == primary.parsed.day for c in confirmers):
        # The URL's day (or the shown one) agrees with the structured value: a second shown
        # date is the last update's, not a correction of it.
        return primary
    for confirmer in confirmers:
        for other in structured:
            if other.parsed.day == confirmer.parsed.day:
                return other
        for other in modified:
            if other.parsed.day == confirmer.parsed.day:
                # The page shows its last update as its date: the reader's date, our value.
                return Candidate(confirmer.raw, other.parsed)
        if confirmer.raw.source == "visible" and confirmer.raw.text in shown_updates:
            # The only date the page shows is labelled as its last update ("Updated May 6,
            # 2019"): the reader's date, as above, though no structured value records it.
            return confirmer
        # Two of the page's own statements (the date shown, a <time> tag, the URL) agreeing
        # outvote one structured value: a template's stale or mistyped meta tag.
        seconds = [c for c in published if c is not confirmer and c is not primary
                   and c.raw.source in ("time-tag", *_CONFIRMING) and c.raw.source != confirmer.raw.source]
        for second in seconds:
            if second.parsed.day == confirmer.parsed.day and primary.raw.source not in ("json-ld", "microdata"):
                return second if second.parsed.has_time and not confirmer.parsed.has_time else confirmer
    return primary


def _first_of_each(candidates: list[Candidate], sources: tuple[str, ...]) -> list[Candidate]:
    firsts: dict[str, Candidate] = {}
    for candidate in candidates:
        if candidate.raw.source in sources:
            firsts.setdefault(candidate.raw.source, candidate)
    return [firsts[s] for s in sources if s in firsts]


def choose_published(
    raws: list[RawDate], options: DateOptions, modified: list[RawDate] | None = None
) -> tuple[Choice | None, list[str]]:
    """The publication date among candidates in order of trust, and the stat events.

    The first plausible candidate, read in the page's local time, unless the date the page
    shows confirms another structured value (see ``_confirmed``); ``modified`` candidates
    count for that confirmation only.
    """
    events: list[str] = []
    kept = list(_parse_all(raws, options, events))
    if not kept:
        return None, events
    primary, others = kept[0], kept[1:]
    # Structured modification values only: a visible "Updated ..." date cannot confirm itself.
    later = list(_parse_all([m for m in modified or [] if m.source not in _UNSTRUCTURED], options, []))
    primary = _in_day_order_of_page(primary, others + later, options)
    if _is_utc(primary.parsed):
        local = _in_local_time(primary, others)
        if local is primary and options.local_tz:
            # Nothing on the page shows its local time: the site's calendar is its zone's.
            local = Candidate(primary.raw, ParsedDate(primary.parsed.value.astimezone(zone(options.local_tz)), True))
        primary = local
    elif not primary.parsed.has_time:
        primary = _with_time(primary, others)
    shown_updates = frozenset(m.text for m in modified or [] if m.source == "visible")
    chosen = _confirmed(primary, kept, later, shown_updates)
    if chosen is not primary:
        events.append("published/confirmed-by-page")
    return Choice(chosen.raw, format_date(chosen.parsed, options), chosen.parsed), events


def choose_modified(
    raws: list[RawDate], options: DateOptions, published: ParsedDate | None
) -> tuple[Choice | None, list[str]]:
    """The last-modified date (first plausible candidate not before the publication), and events."""
    events: list[str] = []
    for candidate in _parse_all(raws, options, events):
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
