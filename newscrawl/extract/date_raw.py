"""A raw date candidate, and how candidates travel in the Article's raw fields."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RawDate:
    """A date string exactly as found, and the source it came from."""

    text: str
    source: str


def join_candidates(candidates: list[RawDate]) -> tuple[str | None, str | None]:
    """Candidates packed into the raw and source fields: one per line, line for line."""
    if not candidates:
        return None, None
    return "\n".join(c.text for c in candidates), "\n".join(c.source for c in candidates)


def split_candidates(raw: str | None, source: str | None) -> list[RawDate]:
    """The inverse of ``join_candidates``; a single raw string gives one candidate."""
    if not raw:
        return []
    texts = raw.split("\n")
    sources = (source or "").split("\n")
    sources += [sources[-1]] * (len(texts) - len(sources))
    return [RawDate(t, s) for t, s in zip(texts, sources) if t.strip()]
