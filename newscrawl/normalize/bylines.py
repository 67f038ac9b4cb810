"""Credit strings -> people and agencies; datelines and end-of-story contributor lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

KNOWN_AGENCIES = {
    "ap": "AP", "associated press": "Associated Press", "the associated press": "Associated Press",
    "reuters": "Reuters", "afp": "AFP", "agence france-presse": "AFP", "dpa": "dpa", "upi": "UPI",
    "bloomberg": "Bloomberg", "efe": "EFE", "agencia efe": "Agencia EFE", "ansa": "ANSA",
    "kyodo": "Kyodo", "xinhua": "Xinhua", "apa": "APA", "sda": "SDA", "kna": "KNA", "epd": "epd",
    "redaktion": "Redaktion", "staff": "Staff", "cnn": "CNN", "bbc": "BBC", "pa": "PA",
}
_BY_PREFIX = re.compile(r"^\s*(by|von|par|por|door|di|av)\s+", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|\bund\b|&|\s/\s)\s*", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+")
_ROLE = re.compile(
    r"\b(staff writer|senior editor|editor|reporter|correspondent|contributor|columnist)\b", re.IGNORECASE
)
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ .'\-]{1,40}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2})?\s*"
    r"\((?P<agency>[A-Za-z/ ]{1,20})\)\s*[\u2013\u2014\-]+\s*"
)
_CONTRIBUTED = re.compile(
    r"^(?:(?P<agency>[A-Z][\w.]*(?: [A-Z][\w.]*)*) )?(?:writers?|reporters?|correspondents?)\s+"
    r"(?P<names>.+?)\s+contributed(?: to)? (?:this|the) report",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Credits:
    """People and agencies found in the credits."""

    people: list[tuple[str, str]]
    """(clean name, raw text) pairs."""
    agencies: list[str]


def titlecase_name(name: str) -> str:
    """Title-case a name written in capitals, keeping Mc/Mac, O' and particles right.

    >>> titlecase_name("JOHN MCDONALD")
    'John McDonald'
    >>> titlecase_name("SEAN O'BRIEN")
    "Sean O'Brien"
    >>> titlecase_name("VAN DER BERG")
    'van der Berg'
    """
    if not name.isupper():
        return name
    words = []
    for word in name.lower().split():
        if word in {"van", "der", "de", "den", "von", "da", "del", "la", "le", "di", "du"}:
            words.append(word)
            continue
        word = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        word = re.sub(r"^(Mc)(\w)", lambda m: m.group(1) + m.group(2).upper(), word)
        word = re.sub(r"^(O')(\w)", lambda m: m.group(1) + m.group(2).upper(), word)
        words.append(word)
    if words and words[0] in {"van", "der", "de", "von", "da", "del", "la", "le", "di", "du"}:
        return " ".join(words)
    return " ".join(words)


def agency_name(text: str) -> str | None:
    """The agency a credit names, or None: "Associated Press" -> "Associated Press"."""
    key = text.strip().strip(".").lower()
    if key in KNOWN_AGENCIES:
        return KNOWN_AGENCIES[key]
    head = re.split(r"[/ ]", key, maxsplit=1)[0]
    if "/" in key and head in KNOWN_AGENCIES:
        return text.strip()
    return None


def split_credit(raw: str) -> Credits:
    """Split one credit line into people and agencies."""
    text = _EMAIL.sub(" ", raw)
    text = _BY_PREFIX.sub("", text)
    text = _ROLE.sub(" ", text)
    people: list[tuple[str, str]] = []
    agencies: list[str] = []
    for part in _SPLIT.split(text):
        part = part.strip(" .|-\u2013\u2014:")
        if not part:
            continue
        if agency := agency_name(part):
            agencies.append(agency)
        elif len(part.split()) <= 5 and not part.lower().startswith("email"):
            people.append((titlecase_name(part), raw))
    return Credits(people, agencies)


def normalize_credits(raw_credits: list[str]) -> Credits:
    """People and agencies from every raw credit, once each, in page order."""
    people: list[tuple[str, str]] = []
    agencies: list[str] = []
    for raw in raw_credits:
        credits = split_credit(raw)
        people += [p for p in credits.people if p[0].lower() not in {q[0].lower() for q in people}]
        agencies += [a for a in credits.agencies if a not in agencies]
    return Credits(people, agencies)


def parse_dateline(body: str) -> tuple[str, str | None] | None:
    """(place, agency) from an opening like "TOKYO (AP) –", or None."""
    match = _DATELINE.match(body)
    if not match:
        return None
    return match.group("place").strip().rstrip(","), match.group("agency").strip()


def parse_contributors(body: str) -> list[str]:
    """Names credited in "X writer A and B contributed to this report." lines."""
    names: list[str] = []
    for line in body.splitlines()[-8:]:
        if match := _CONTRIBUTED.search(line.strip()):
            for name in _SPLIT.split(match.group("names")):
                if name.strip() and name.strip() not in names:
                    names.append(name.strip())
    return names
