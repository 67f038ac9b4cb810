"""Credit strings -> people and agencies: "By JOHN DOE and JANE ROE, AP" -> John Doe, Jane Roe; AP."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from w3lib.html import replace_entities, replace_tags

from .agencies import DESK_WORDS, LABELS, LINK_WORDS, ROLE_WORDS, agency_name, is_organisation
from .byline_words import PREFIX, WEEKDAYS, is_stock_photo, strip_trailers

# An address, or the placeholder Cloudflare's e-mail protection prints in its place.
_EMAIL = re.compile(r"\S+(?:@|\[at\]|\(at\))\S+\.\w+|\[email[\s\u00a0]protected\]", re.IGNORECASE)
# Addresses, and file names a template prints as the page's author ("stunnel_rsync.html").
_URL = re.compile(r"https?://\S+|www\.\S+\.\w+\S*|\S+\.(?:s?html?|php|aspx?|jsp|cfm)\b", re.IGNORECASE)
_HANDLE = re.compile(r"(?<!\w)@\w+")
# Pieces of one byline line: "29. Juni 2017 · von Tobi", "unocero - Alberto", "A | B", "A / B".
SEGMENTS = re.compile(
    r"\s*(?:[|·•▪»«›‹\n]|\s[\u2013\u2014-]\s|\s/\s|\s[\u2013\u2014-]$"
    # "Jane Roe. Example Radio": a sentence stop after a word (not after an initial).
    r"|(?<=[a-zà-ÿ]{2})\.\s+(?=[A-ZÀ-Þ])"
    # Text of two elements run together: "Jane RoeQuelle: dpa".
    r"|(?<=[a-zäöüß])(?=(?:Quelle|Source|Fuente|Fotos?|Bild|Bilder)\s*:)"
    # ... and a date label glued to it: "IGN StaffUpdated: 18 Nov 2019".
    r"|(?<=[a-zäöüß])(?=(?:Updated|Posted|Published|Aktualisiert|Veröffentlicht|Publié|Publicado)\s*:))\s*"
)
# Credits for other work than writing: "Fotos: John Doe", "Edited by Sam Poe".
_OTHER_WORK = re.compile(
    r"\b(?:edited|editing|translated|translation|übersetzt|übersetzung|photos?|fotos?|bilder?|"
    r"illustrations?|illustrationen|grafik|grafiken|video|kamera|mitarbeit|herausgegeben|hrsg)"
    r"\b\.?\s*(?:by|von|:|$).*"
    # Contact details printed after the name.
    r"|\b(?:telefon|tel|phone|fax|kontakt|contact)\b.*",
    re.IGNORECASE,
)
# Names joined: "and" in the languages of the lexicon (byline_words) and the Nordic ones.
NAME_JOINERS = re.compile(r"\s*(?:,|;|\s(?:and|und|y|et|e|en|og|och|ja|&amp;|&|sowie|with|mit)\s|&)\s*", re.IGNORECASE)
_WEEKDAYS = (
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag"
    r"|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes"
    r"|miércoles|jueves|viernes|sábado|domingo"
)
_MONTHS = (
    r"jan|feb|mär|mar|apr|ma[iy]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|januar|februar|märz|juni|juli"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
_SHORT_WEEKDAYS = "|".join(sorted({w for days in WEEKDAYS.values() for w in days}, key=len, reverse=True))
# Where a date or time starts, the name has ended: "Jane Roe 1. Januar 2023", "John Walk January 10".
_DATE_START = re.compile(
    rf"(?:\b(?:am|on|at|le|el|um|den|vom|published|updated|posted|submitted|veröffentlicht|aktualisiert|stand)"
    rf"\s*:?\s*)?(?:\d{{1,2}}\.?\s*(?:{_MONTHS})[a-zäéû]*\.?|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}}"
    rf"|(?<![\w])(?:{_MONTHS})[a-zäé]*\.?\s+(?:\d{{1,2}}\b|(?:19|20)\d\d)|\b\d{{1,2}}:\d{{2}}"
    rf"|\b(?:19|20)\d{{2}}\b"
    rf"|(?:vor|il y a|hace|há)\s+\d+\s\w*|\b(?:ca\.\s*)?\d+\s*(?:hours?|minutes?|min|mins|days?|stunden?"
    rf"|minuten?|tagen?|words|wörter|read|hrs?|h|d|std\.?|heures?|horas?|ore|uur)\b(?:\s+ago\b)?"
    rf"|\b(?:{_WEEKDAYS})\b"
    # a short weekday opening a date: "Mon, 2019-01-21", "Fr., 3. Januar"
    rf"|\b(?:{_SHORT_WEEKDAYS})\.?,?\s+(?=\d))",
    re.IGNORECASE,
)
# A month or weekday left alone ("Nov"); "Jan", "Mar" and "May" are first names too.
_CALENDAR_WORD = re.compile(
    rf"^(?:(?:feb|apr|jun|jul|aug|sept?|oct|okt|nov|dec|dez)\.?|januar[y]?|februar[y]?|march|märz"
    rf"|april|june?|juli|july|august|september|october|oktober|november|december|dezember"
    rf"|{_WEEKDAYS})$",
    re.IGNORECASE,
)
# A date with its year and time: "September 21, 2020", "21.01.2009, 05:42", "13:10 Uhr".
_DATE = re.compile(
    rf"(?:{_DATE_START.pattern})(?:[\d.,:/ ]*(?:kl\.?|um)?[\d.,:/ ]*(?:uhr|a\.?m\.?|p\.?m\.?|h\b)?)?"
    r"(?:\s*\b(?:IST|GMT|UTC|CET|CEST|MEZ|MESZ|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|ET|CT|PT|AEST|AEDT)\b)?",
    re.IGNORECASE
)
_PREFIX = PREFIX
# "Jane Roe For The Mail On Sunday": the paper she wrote for is no credit of the page.
_AFFILIATION = re.compile(
    r"\s+(?i:for|für|pour|para)\s+(?:(?i:the|die|den|der|das|la|le|el|los|las)\s+[A-Z].*"
    # without an article, a name of one or two words: "Amitai Winehouse For Mailonline"
    r"|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?)$"
)
_FILED_FROM = re.compile(r"^(?:in|em|en|aus|from|à|desde|depuis)\s+[A-ZÀ-Þ]")
_INITIALS = re.compile(r"^(?:\w\.)+$")
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_ARABIC = re.compile("[\u0600-\u06ff]")
_PARTICLES = frozenset({"van", "der", "de", "den", "von", "da", "del", "la", "le", "di", "du", "zu", "dos"})


@dataclass(frozen=True)
class Credits:
    """People and agencies found in the credits."""

    people: list[tuple[str, str]] = field(default_factory=list)
    """(clean name, raw text) pairs."""
    agencies: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    """Credits naming the site itself: the organisation, filed under agencies, never people."""


def titlecase_name(name: str) -> str:
    """Title-case a name written in capitals, keeping Mc/Mac, O' and particles right.

    >>> titlecase_name("JOHN MCDONALD")
    'John McDonald'
    >>> titlecase_name("SEAN O'BRIEN")
    "Sean O'Brien"
    >>> titlecase_name("PIETER VAN DER BERG")
    'Pieter van der Berg'
    """
    letters = [c for c in name if c.isalpha()]
    # A lone word in capitals is an acronym ("IWB", "JIJI"), not a shouted name.
    if len(letters) < 2 or not name.isupper() or len(name.split()) == 1:
        return name
    words = []
    for index, word in enumerate(name.lower().split()):
        if word in _PARTICLES and index > 0:
            words.append(word)
            continue
        if _INITIALS.match(word):
            words.append(word.upper())
            continue
        word = "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
        word = re.sub(r"^(Mc|O'|O’)(\w)", lambda m: m.group(1) + m.group(2).upper(), word)
        words.append(word)
    return " ".join(words)


def strip_prefix(text: str) -> str:
    """Drop byline words and labels: "Posted by Jane" -> "Jane", "Autor: Jane" -> "Jane"."""
    for _ in range(2):
        stripped = _PREFIX.sub("", text, count=1).strip()
        if stripped == text:
            break
        text = stripped
    return text


def cut_dates(text: str) -> str:
    """Put a separator where a date or time sits: "Jane Roe 1. Januar 2023" -> "Jane Roe |".

    >>> cut_dates("Posted on September 21, 2020 by Jane Roe")
    'Posted | by Jane Roe'
    """
    return " ".join(_DATE.sub(" | ", text).split()).strip(" |")


def _strip_roles(part: str) -> str:
    """Drop job titles around a name: "Staff Writer Jane Roe" / "FOCUS-Experte Jane Roe"."""
    words = part.split()
    roles = 0
    while words and _is_role(words[-1]) and len(words) > 1:
        words.pop()
        roles += 1
    if roles and len(words) > 1 and agency_name(words[0]) and words[0][:1].isupper():
        # "AP Auto Writer", "AP Medical Writer": the agency's job title, the agency its credit.
        return words[0]
    # "Ben Silverman Games Editor": the desk before a job title goes with it.
    while roles and len(words) > 2 and words[-1].strip(",.").lower() in DESK_WORDS:
        words.pop()
    # "Jane Roe Alle Artikel Kontakt", but "Malay Mail" stays a name.
    while len(words) > 2 and words[-1].lower() in LINK_WORDS:
        words.pop()
    while words and _is_role(words[0]) and len(words) > 1:
        words.pop(0)
    return " ".join(words)


def _is_role(word: str) -> bool:
    word = word.strip(",.").lower()
    return word in ROLE_WORDS or ("-" in word and word.rsplit("-", 1)[-1] in ROLE_WORDS)


def _is_plausible(part: str) -> bool:
    """A credit we keep: letters, not a label, not a sentence."""
    if not any(c.isalpha() for c in part) or part.lower() in LABELS:
        return False
    if _CALENDAR_WORD.match(part):
        return False
    # Digits belong to handles ("delta201"), never to a name of several words ("4312 words").
    if " " in part and any(c.isdigit() for c in part):
        return False
    words = part.split()
    if len(words) > 7 or len(part) > 70 or part.endswith(("?", "!")):
        return False
    if _is_phrase(words) and not is_organisation(part):  # "bergportal GmbH" is a firm's name
        return False
    return not all(_is_role(w) for w in words)


def _is_phrase(words: list[str]) -> bool:
    """Words of a sentence, not a name: lower case first, capitals later ("ist der Mann" left of
    the site's name "selbst ist der Mann"); a name written all in lower case is a user's choice."""
    first = words[0]
    return (len(words) > 1 and first[:1].islower() and first not in _PARTICLES
            and any(w[:1].isupper() for w in words[1:]))


def clean_segment(segment: str) -> list[str]:
    """The credits of one segment of a byline, cleaned, in order."""
    segment = _AFFILIATION.sub("", strip_prefix(segment))
    found = []
    for part in NAME_JOINERS.split(segment):
        part = strip_prefix(part.strip(" :|-–—()[]\"'“”„"))
        part = strip_trailers(_strip_roles(part).strip(" ,:|/-–—"))
        part = _handle_as_name(part)
        # Keep the period of a final initial ("Joe S."), drop a sentence's.
        if part.endswith(".") and not re.search(r"(?:\b\w|Jr|Sr)\.$", part):
            part = part.rstrip(".")
        if part and _is_plausible(part):
            found.append(part)
    return found


_SLUG_NAME = re.compile(r"^[a-zà-ÿ]{2,}(?:[._][a-zà-ÿ]{2,}){1,2}$")
# Last labels of a domain: "jane.doe" may be a name, "example.com" is a site.
_TLDS = frozenset({"com", "net", "org", "de", "at", "ch", "uk", "fr", "es", "it", "nl", "be", "eu",
                   "info", "io", "co", "pl", "ru", "dk", "se", "no", "fi", "pt", "br", "us", "ca",
                   "au", "in", "jp", "cn", "biz", "tv", "me", "blog", "news", "online", "app"})


def _handle_as_name(part: str) -> str:
    """A user name made of a first and last name ("christian.stadtfeld") -> "Christian Stadtfeld"."""
    if not _SLUG_NAME.match(part) or re.split(r"[._]", part)[-1] in _TLDS:
        return part
    return " ".join(word.capitalize() for word in re.split(r"[._]", part))


def _drop_places(parts: list[str]) -> list[str]:
    """In "Jane Roe, London, John Doe" the lone capitalised word is the place the writer files from."""
    if len(parts) < 2 or not any(len(p.split()) > 1 or agency_name(p) for p in parts):
        return parts
    kept: list[str] = []
    seen_full_name = False
    for part in parts:
        # a word in capitals or in Arabic script, whose names have two words or more
        lone = len(part.split()) == 1 and (part[:1].isupper() and not part.isupper() or bool(_ARABIC.match(part)))
        after_agency = bool(kept) and agency_name(kept[-1]) is not None
        # "Reuters, Washington, Nov 20": the agency's dateline place.
        if lone and (seen_full_name or after_agency) and agency_name(part) is None:
            continue
        # "Jane Roe, em São Paulo" / "in London": where she filed from.
        if _FILED_FROM.match(part):
            continue
        seen_full_name = seen_full_name or len(part.split()) > 1
        kept.append(part)
    return kept


# What may stand beside a site's name in its own credit: an article, a region's initials.
_BESIDE_SITE = frozenset({"die", "der", "das", "the", "la", "le", "el", "il", "de", "het", "o", "a", "les", "los"})


def _drop_site_words(part: str, site_names: frozenset[str]) -> tuple[str, bool]:
    """"Adam Aaronson PhillyVoice" -> ("Adam Aaronson", False): the site's name glued to a person's.

    A credit left with only an article or initials beside the site's name ("Die FURCHE",
    "OÖ Volksblatt") is the site itself: (credit, True).
    """
    words = part.split()
    while words and name_key(words[-1]) in site_names:
        words.pop()
    while words and name_key(words[0]) in site_names:
        words.pop(0)
    if words != part.split() and all(w.lower() in _BESIDE_SITE or (w.isupper() and len(w) <= 3) for w in words):
        return part, True
    rest = " ".join(words)
    # "Die FURCHE" or "Houzz Deutschland" is the organisation itself: keep it whole.
    return (rest if len(words) > 1 and not is_organisation(rest) else part), False


def _keep_agency(match: re.Match[str]) -> str:
    """"(dpa)" stays a credit, "(Pressesprecher des Vereins)" is a role and goes."""
    inner = match.group(1)
    return f", {inner}" if agency_name(inner) else " "


def _without_dateline(segments: list[str]) -> list[str]:
    """"Jane Roe | Palma de Mallorca | 08/01/2014": between the writer and the date stands the
    place she filed from (a dateline), not a second writer."""
    kept: list[str] = []
    for index, segment in enumerate(segments):
        following = segments[index + 1] if index + 1 < len(segments) else ""
        # (a segment opened by "By" is the writer's, whatever stands before it: "yas! | By Jane Roe | date")
        if (index and following.strip() and not cut_dates(following) and any(clean_segment(k) for k in kept)
                and strip_prefix(segment.strip()) == segment.strip() and agency_name(segment.strip()) is None):
            continue
        kept.append(segment)
    return kept


def split_credit(raw: str, site_names: frozenset[str] = frozenset()) -> Credits:
    """Split one credit line into people and agencies; site names go (they are no credit)."""
    # Entities left escaped by the CMS ("Lindsey O&#039;Donnell") are the name's characters.
    text = _HANDLE.sub(" ", _URL.sub(" ", _EMAIL.sub(" ", replace_entities(replace_tags(raw, " ")))))
    parts: list[str] = []
    whole: list[str] = []  # segments that are the site's name as a whole ("Jobs & Hire")
    segments = SEGMENTS.split(cut_dates(" | ".join(_without_dateline(SEGMENTS.split(_PARENTHESES.sub(_keep_agency, text))))))
    for index, segment in enumerate(segments):
        segment = _OTHER_WORK.sub("", segment)
        if _is_kicker(segment, segments[index + 1 :]):
            continue
        if site_names and (named := strip_prefix(segment.strip(" :|-–—"))) and name_key(named) in site_names:
            whole.append(named)
            continue
        parts += clean_segment(segment)
    credits = Credits(sites=whole)
    organisations = []
    judged = [_drop_site_words(p, site_names) for p in parts]
    of_site = {text for text, is_site in judged if is_site}
    for part in _drop_places([text for text, _ in judged]):
        if is_stock_photo(part):
            continue  # a picture agency credits the photo, not the story
        if owned := _outlet_and_person(part):
            outlet, part = owned
            if name_key(outlet) in site_names:
                credits.sites.append(outlet)
            elif agency := agency_name(outlet):
                credits.agencies.append(agency)
        if part in of_site or name_key(part) in site_names:
            credits.sites.append(part)
        elif agency := agency_name(part):
            credits.agencies.append(agency)
        elif glued := _person_and_agency(part):
            credits.people.append((titlecase_name(glued[0]), raw))
            credits.agencies.append(glued[1])
        elif writer := _before_paper_name(part):
            credits.people.append((titlecase_name(writer), raw))
        elif is_organisation(part):
            organisations.append(part)
        else:
            credits.people.append((titlecase_name(part), raw))
    # "Jane Roe - Chrome Security team": beside a person, an organisation is an affiliation.
    if not credits.people:
        credits.agencies.extend(organisations)
    return _drop_initials(credits)


# Last words of newspaper names: "Sioux Falls Argus Leader", "Detroit Free Press".
_PAPER_WORDS = frozenset({
    "times", "post", "news", "herald", "tribune", "journal", "gazette", "leader", "courier", "chronicle",
    "register", "star", "press", "record", "observer", "examiner", "dispatch", "inquirer", "enquirer",
    "bulletin", "telegraph", "mirror", "express", "standard", "independent", "guardian", "globe", "sun",
    "sentinel", "statesman", "democrat", "republican", "daily", "today", "zeitung", "kurier", "anzeiger",
    "rundschau", "nachrichten", "tagblatt",
})
_MIN_NAME_AND_PAPER = 4


def _before_paper_name(part: str) -> str | None:
    """"Trevor J. Mitchell Sioux Falls Argus Leader" -> "Trevor J. Mitchell": a network's byline
    runs the writer's paper after the name. The name is two words, three with an initial or a
    particle in the middle."""
    words = part.split()
    if len(words) < _MIN_NAME_AND_PAPER or words[-1].lower() not in _PAPER_WORDS:
        return None
    size = 3 if _INITIALS.match(words[1]) or words[1].lower() in _PARTICLES else 2
    if len(words) - size < 2 or not all(w[:1].isupper() for w in words[:size] if w.lower() not in _PARTICLES):
        return None
    return " ".join(words[:size])


# Agencies whose one-word name is no ordinary word, so that it may end a person's credit.
_DISTINCT_AGENCIES = frozenset({"reuters", "dpa", "afp", "bloomberg", "xinhua", "kyodo", "tass", "yonhap",
                                "ritzau", "belga", "kathpress", "notimex", "efe", "ansa", "upi", "ap"})


def _person_and_agency(part: str) -> tuple[str, str] | None:
    """"Tom Davies Associated Press" -> ("Tom Davies", "Associated Press"): two elements' text run
    together, the writer's name and the agency's."""
    words = part.split()
    for size in (3, 2, 1):
        if len(words) - size < 2:
            continue
        tail = " ".join(words[-size:])
        person = " ".join(words[:-size])
        if (agency := agency_name(tail)) and (size > 1 or tail.lower() in _DISTINCT_AGENCIES) \
                and not is_organisation(person):
            return person, agency
    return None


# "CNN's Jason Carroll", "The Associated Press' Jane Doe": a possessive before a name is the
# writer's outlet; a person's own name never opens with one ("O'Neil" has no space after it).
_OUTLET_POSSESSIVE = re.compile(
    r"^(?:(?i:the)\s+)?(?P<outlet>(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*?)['’]s?\s+"
    r"(?P<person>[A-ZÀ-Þ][\w.'’-]*(?:\s+[\w.'’-]+){1,3})$"
)


def _outlet_and_person(part: str) -> tuple[str, str] | None:
    """("CNN", "Jason Carroll") from "CNN's Jason Carroll"; None for other credits."""
    match = _OUTLET_POSSESSIVE.match(part)
    if match is None:
        return None
    return match["outlet"], match["person"]


def _is_kicker(segment: str, after: list[str]) -> bool:
    """A one-word segment before one opened by a byline word: the section or place the line
    starts with ("Erhverv - 2. januar 2020 Af Ritzau"), not a second writer."""
    words = segment.split()
    if len(words) != 1 or strip_prefix(segment) != segment.strip():
        return False
    return any(strip_prefix(later) != later.strip() for later in after if later.strip())


def _drop_initials(credits: Credits) -> Credits:
    """"Tina Roe TR" -> Tina Roe: a credit that is only another credited person's initials."""
    initials = {"".join(w[0] for w in name.split()).lower() for name, _ in credits.people}
    kept = [p for p in credits.people if len(p[0]) > 3 or p[0].lower() not in initials]
    return Credits(kept, credits.agencies, credits.sites)


def name_key(name: str) -> str:
    """A name reduced for comparison: "ZEIT Online" and "zeit-online" give the same key."""
    return "".join(filter(str.isalnum, name.casefold()))


def site_keys(names: Iterable[str | None], url: str | None) -> frozenset[str]:
    """Keys of the names a site goes by: the given names plus its domain and domain labels.

    >>> sorted(site_keys(["Die Zeit"], "https://www.zeit.de/x"))
    ['diezeit', 'dz', 'zeit', 'zeitde']
    """
    host = (urlsplit(url or "").hostname or "").removeprefix("www.")
    labels = host.split(".")
    every = [*names, host, ".".join(labels[-2:]), *(label for label in labels[:-1] if len(label) > 3)]
    keys = {key for key in map(name_key, (n for n in every if n)) if len(key) > 2}
    # "JF" for "Junge Freiheit": a site signs with its initials too.
    keys |= {_acronym(n) for n in names if n and len(n.split()) > 1}
    return frozenset(k for k in keys if len(k) > 1)


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isalnum()).casefold()


def _first_time(name: str, seen: set[str]) -> bool:
    key = name_key(name)
    if key in seen:
        return False
    seen.add(key)
    return True


def normalize_credits(raw_credits: list[str], site_names: frozenset[str] = frozenset()) -> Credits:
    """People, agencies and site-name credits from every raw credit, once each, in page order."""
    result = Credits()
    seen: set[str] = set()
    for raw in raw_credits:
        credits = split_credit(raw, site_names)
        result.people.extend(p for p in credits.people if _first_time(p[0], seen))
        result.agencies.extend(a for a in credits.agencies if _first_time(a, seen))
        result.sites.extend(s for s in credits.sites if _first_time(s, seen))
    return result
