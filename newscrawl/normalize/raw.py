"""What extraction hands to normalization: the record's settled fields and every raw candidate.

Extraction (``extract/``) fills it and knows nothing of how candidates are chosen; normalization
(``normalize/``) reads it and knows nothing of HTML. Nothing here travels packed in strings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..items import Article
from .date_raw import RawDate


@dataclass(kw_only=True)
class RawRecord:
    """One extracted page before normalization.

    ``article`` holds what extraction settles itself (URL, headline, body, image, section ...);
    its dates, authors, contributors and agencies are left for normalization to fill from the
    candidates beside it.
    """

    article: Article
    published: list[RawDate] = field(default_factory=list)
    """Publication date candidates as found, best source first."""
    modified: list[RawDate] = field(default_factory=list)
    """Modification date candidates as found."""
    credits: list[str] = field(default_factory=list)
    """Credit strings as written (bylines, structured authors), before people and agencies are told apart."""
    trailer: list[str] = field(default_factory=list)
    """End-of-story note lines (contributor notes are read from them)."""
    site_owner: str | None = None
    """The person a personal site is named after ("Dr. Alexander Klier" on alexander-klier.net)."""
