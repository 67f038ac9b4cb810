"""Sitemap and feed dates as change signals: parse them, and decide whether a URL needs a re-fetch."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Mapping

from .index import Entry

# Hints that say "this URL changed at ...": sitemap lastmod, the news sitemap's publication
# date (a republished story gets a new one) and a feed entry's updated date. A feed's
# published date says nothing about later edits, so it is not one of them.
CHANGE_HINTS = ("lastmod", "news_publication_date", "feed_updated")


def parse_hint_date(text: str | None) -> int | None:
    """UTC epoch seconds of an ISO 8601 (W3C) or RFC 822 date; naive dates are taken as UTC.

    >>> parse_hint_date("2024-05-28T08:00:00-07:00")
    1716908400
    >>> parse_hint_date("Tue, 28 May 2024 15:00:00 GMT")
    1716908400
    >>> parse_hint_date("yesterday") is None
    True
    """
    if not text:
        return None
    text = text.strip()
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return int(parsed.timestamp())


def newest_hint(hints: Mapping[str, Any]) -> int | None:
    """The newest change date among a request's hints."""
    dates = [d for name in CHANGE_HINTS if (d := parse_hint_date(hints.get(name))) is not None]
    return max(dates) if dates else None


@dataclass(frozen=True, kw_only=True)
class Decision:
    """Whether to fetch a known URL, and why (the why becomes a stats key)."""

    fetch: bool
    reason: str


def refetch_decision(entry: Entry, hints: Mapping[str, Any], now: int, recheck_age: float) -> Decision:
    """Fetch a known article again only if a hint says it changed or it is due for a re-check.

    A hint counts as a change when it is newer than the newest hint seen at the last fetch
    (the site's own clock against itself), or, when none was seen, newer than the last fetch.
    """
    hint = newest_hint(hints)
    if hint is not None and hint > (entry.hint_date if entry.hint_date is not None else entry.last_fetched):
        return Decision(fetch=True, reason="hint-changed")
    if recheck_age >= 0 and now - entry.last_fetched >= recheck_age:
        return Decision(fetch=True, reason="recheck-due")
    return Decision(fetch=False, reason="fresh")
