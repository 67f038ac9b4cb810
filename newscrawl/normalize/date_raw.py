"""A raw date candidate, and date spotting in short visible texts."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A month name in any language; time-zone abbreviations ("14 CEST 2019") are not months.
_MONTH_WORD = r"(?!(?:UTC|GMT|CES?T|EES?T|WES?T|[ECMP][SD]T|BST|IST|JST|MSK|AES?T|AEDT)\b)[^\W\d_]{3,12}\.?"
_YEAR = r"(?:19|20)\d{2}"
# Month names of the Levant the word pattern misses: two words ("كانون الثاني", January;
# "تشرين الأول", October) or two letters ("آب", August).
_LEVANT_MONTH = ("(?:(?:\u0643\u0627\u0646\u0648\u0646|\u062a\u0634\u0631\u064a\u0646)\\s+"
                 "(?:\u0627\u0644\u062b\u0627\u0646\u064a|\u0627\u0644\u0623\u0648\u0644)|\u0622\u0628)")
_CLOCK = (
    r"(?:,?\s*(?:at|um|à|a las|alle|o|-|\|)?\s*(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d)?"
    r"(?:\s*(?:[ap]\.?\s?m\.?|\u0645\u0633\u0627\u0621\u064b?|\u0635\u0628\u0627\u062d\u064b?\u0627?))?(?:\s*(?:Uhr|h))?(?:\s*(?-i:[A-Z]{2,4})\b)?)?"
)
# Locate the date inside a longer line ("Posted by Jane on Nov 2, 2013, 11:16 AM | 3 comments");
# dateparser then parses only the located text, which keeps it fast and unconfused.
_LOCATORS = (
    # "24 نيسان / أبريل 2020": Arab media of the Levant name the month twice, local and Latin-derived.
    # "5th of January 2020", "03-Feb-2021", "3 de febrero del 2021" too.
    re.compile(rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\.?(?:\s*|-)(?:de\s+|of\s+)?(?:{_LEVANT_MONTH}|{_MONTH_WORD})"
               rf"(?:\s*/\s*{_MONTH_WORD})?(?:,?\s*|-)(?:del?\s+)?{_YEAR}{_CLOCK}", re.I),
    re.compile(rf"\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}{_CLOCK}", re.I),
    re.compile(rf"(?<!\d){_YEAR}-\d{{1,2}}-\d{{1,2}}{_CLOCK}"),
    # Year first with dots or slashes, as East Asian sites write it: 2020.07.03 10:00, 2020/07/03.
    re.compile(rf"(?<![\d.]){_YEAR}([./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?![\d]){_CLOCK}"),
    # Digits only where no other digit touches them: text runs together across <br> tags.
    re.compile(rf"(?<![\d.])\d{{1,2}}[./]\d{{1,2}}[./](?:{_YEAR}|\d{{2}})(?!\d){_CLOCK}"),
    re.compile(rf"(?<!\d)\d{{1,2}}\.\s\d{{1,2}}\.\s{_YEAR}(?!\d){_CLOCK}"),
    # Year first with a month name, as Hungarian writes it: "2021. február 3. 10:15".
    re.compile(rf"(?<!\d){_YEAR}\.\s+{_MONTH_WORD}\s+\d{{1,2}}\.(?!\d){_CLOCK}", re.I),
    # Vietnamese: "3 tháng 2 năm 2021" (day, "month" 2, "year" 2021).
    re.compile(rf"(?<!\d)\d{{1,2}}\s+th\u00e1ng\s+\d{{1,2}}\s+n\u0103m\s+{_YEAR}{_CLOCK}", re.I),
    # Chinese, Japanese and Korean: 2020年7月3日, 2020년 7월 3일.
    re.compile(rf"(?<!\d){_YEAR}\s*[\u5e74\ub144]\s*\d{{1,2}}\s*[\u6708\uc6d4]\s*\d{{1,2}}\s*[\u65e5\uc77c]"),
    re.compile(r"\b(?:\d{1,3}|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?)\s+ago\b", re.I),
    re.compile(r"\bvor\s+\d{1,3}\s+(?:Minuten|Stunden|Tagen|Wochen)\b"),
)


@dataclass(frozen=True)
class RawDate:
    """A date string exactly as found, and the source it came from."""

    text: str
    source: str


def locate_dates(text: str) -> list[tuple[int, int, str]]:
    """Every date-looking part of a short visible text as (start, end, text), in reading order.

    >>> locate_dates("Published 2 May 2024, updated 3 May 2024")
    [(10, 20, '2 May 2024'), (30, 40, '3 May 2024')]
    """
    matches = sorted(
        (m for p in _LOCATORS for m in p.finditer(text)), key=lambda m: (m.start(), -len(m.group(0)))
    )
    found: list[tuple[int, int, str]] = []
    for match in matches:
        if found and match.start() < found[-1][1]:
            continue  # the same date read by another pattern, or part of it
        if located := match.group(0).strip(" ,|-"):
            start = match.start() + match.group(0).index(located)
            found.append((start, start + len(located), located))
    return found


def locate_date(text: str) -> str | None:
    """The first date-looking part of a short visible text, or None.

    >>> locate_date("By Jane Roe | Published Nov 2, 2013, 11:16 AM | 3 comments")
    'Nov 2, 2013, 11:16 AM'
    >>> locate_date("Veröffentlicht am 2. November 2013")
    '2. November 2013'
    >>> locate_date("Von Jane Roe 4. 2. 2022. Die Spiele am 4. und 5. März 2022")
    '4. 2. 2022'
    """
    matches = [m for m in (p.search(text) for p in _LOCATORS) if m]
    if not matches:
        return None
    # The earliest match: the story's own date comes before dates quoted in its text.
    first = min(matches, key=lambda m: (m.start(), -len(m.group(0))))
    return first.group(0).strip(" ,|-")
