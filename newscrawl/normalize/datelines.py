"""A story's opening dateline ("TOKYO (AP) –") and its closing credits ("... contributed")."""

from __future__ import annotations

import re

from .agencies import agency_name
from .bylines import normalize_credits

# "TOKYO (AP) –", "LONDON, May 3 (Reuters) -", "Hamburg (dpa/lno) –", "BERLIN (dpa). ".
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][\w.'’\-]*(?:[ /][\w.'’\-]+){0,3}?)"
    r"(?:,\s*(?:[A-Z][a-zé]{2,8}\.?\s*\d{1,2}|\d{1,2}\.?\s*[A-Z][a-zä]{2,8}\.?))?\s*"
    r"\((?P<agency>[^()\n]{1,30})\)\s*(?:[\u2013\u2014\-:.]|&#8211;)+\s*"
)
# "LONDON — ", "WASHINGTON, May 3 -": an agency-less dateline in capitals.
_PLACE_ONLY = re.compile(
    r"^(?P<place>[A-ZÀ-Þ]{2,}(?:[ \-][A-ZÀ-Þ]{2,}){0,3})(?:,\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2})?"
    r"\s+[\u2013\u2014\-]\s+"
)
_CONTRIBUTED = re.compile(
    r"(?:^|\.\s+)(?:(?P<agency>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}) )?(?:staff )?"
    r"(?:writers?|reporters?|correspondents?|journalists?)?\s*(?P<names>[A-Z][^.;]*?(?:\b[A-Z]\.[^.;]*?)?)"
    r"\s+(?:contributed|also contributed)(?: reporting)?(?: to)? (?:this|the) (?:report|story|article)",
)
# "Reporting by Jane Roe in Paris; Editing by John Doe", at the start of a line or a clause.
_CREDIT_LINE = re.compile(
    r"(?:^|;\s*|\.\s+)(?:additional )?(?:reporting|writing|editing|compiled|written|edited|research"
    r"|mitarbeit|recherche)(?:\s+by|\s*:)\s+(?P<names>[^;]+)",
    re.IGNORECASE,
)
# "Jane Roe in Paris and John Doe": where a reporter filed from is no name.
_PLACE_TAIL = re.compile(r"\s+in\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*")


def parse_dateline(body: str) -> tuple[str, str | None] | None:
    """(place, agency) from the story's opening, or None.

    >>> parse_dateline("TOKYO (AP) – Japan's prime minister said ...")
    ('TOKYO', 'AP')
    >>> parse_dateline("LONDON, May 3 (Reuters) - Shares fell ...")
    ('LONDON', 'Reuters')
    """
    # A photo caption or a standfirst may come before the story's first paragraph.
    for line in body.lstrip().splitlines()[:3]:
        head = line.strip()[:160]
        if match := _DATELINE.match(head):
            agency = match.group("agency").strip()
            if agency_name(agency) or agency_name(agency.split("/")[0]):
                return match.group("place").strip().rstrip(","), agency
        elif match := _PLACE_ONLY.match(head):
            return match.group("place"), None
    return None


def _names(text: str) -> list[str]:
    text = _PLACE_TAIL.sub("", text.strip().rstrip("."))
    return [name for name, _ in normalize_credits([text]).people if _is_full_name(name)]


def _is_full_name(name: str) -> bool:
    """Two to five capitalised words without digits: a closing note names people in full."""
    words = name.split()
    return 1 < len(words) <= 5 and not any(c.isdigit() for c in name) and all(
        w[:1].isupper() or w in {"van", "von", "der", "de", "da", "di", "del", "la", "le"} for w in words
    )


def parse_contributors(lines: list[str]) -> list[str]:
    """People credited in end-of-story lines, once each, in order.

    >>> parse_contributors(["Associated Press writer Emily Wang contributed to this report."])
    ['Emily Wang']
    >>> parse_contributors(["Reporting by Jane Roe in Paris; Editing by John Doe"])
    ['Jane Roe', 'John Doe']
    """
    found: list[str] = []
    for line in lines:
        # Closing notes are short; only a long line's end can hold one.
        line = line.strip()[-400:]
        names: list[str] = []
        # the pattern's one literal word, looked for first: most lines hold none (a tenth of the search)
        if "contributed" in line and (match := _CONTRIBUTED.search(line)):
            names = _names(match.group("names"))
        elif len(line) < 300:
            for credit in _CREDIT_LINE.finditer(line):
                names += _names(credit.group("names"))
        found += [n for n in names if n not in found]
    return found
