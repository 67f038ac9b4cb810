"""Word lists of the byline normalizer: news agencies, organisation markers, roles, labels."""

from __future__ import annotations

import re

# Lower-cased credit -> the form we record. Agencies and newsroom collectives, never people.
KNOWN_AGENCIES = {
    "ap": "AP", "associated press": "Associated Press", "the associated press": "Associated Press",
    "reuters": "Reuters", "thomson reuters": "Reuters", "afp": "AFP",
    "agence france-presse": "AFP", "agence france presse": "AFP", "dpa": "dpa",
    "deutsche presse-agentur": "dpa", "upi": "UPI", "bloomberg": "Bloomberg",
    "bloomberg news": "Bloomberg News", "efe": "EFE", "agencia efe": "Agencia EFE",
    "europa press": "Europa Press", "ansa": "ANSA", "kyodo": "Kyodo", "kyodo news": "Kyodo News",
    "jiji": "JIJI", "jiji press": "Jiji Press", "xinhua": "Xinhua", "apa": "APA", "sda": "SDA",
    "kna": "KNA", "epd": "epd", "kathpress": "kathpress", "idea": "idea", "sid": "SID",
    "ddp": "ddp", "dts": "dts", "afp/dpa": "AFP/dpa", "ots": "OTS", "anp": "ANP",
    "belga": "Belga", "tass": "TASS", "pa": "PA", "pa media": "PA Media", "ani": "ANI",
    "pti": "PTI", "ians": "IANS", "yonhap": "Yonhap", "notimex": "Notimex", "télam": "Télam",
    "telam": "Télam", "ips": "IPS", "ritzau": "Ritzau", "ntb": "NTB", "tt": "TT", "stt": "STT", "cnn": "CNN", "bbc": "BBC", "nzz": "NZZ", "red": "red",
    "redaktion": "Redaktion", "die redaktion": "Redaktion", "online-redaktion": "Online-Redaktion",
    "redacción": "Redacción", "la redacción": "Redacción", "rédaction": "Rédaction",
    "la rédaction": "Rédaction", "redazione": "Redazione", "staff": "Staff", "agenturen": "Agenturen",
    "agencies": "Agencies", "news agencies": "Agencies", "wire services": "Wire services",
    "news services": "News services",
}
# Words that make a credit an organisation rather than a person.
ORGANISATION_WORDS = frozenset(
    {
        "gmbh", "kg", "e.v", "e.v.", "ev", "inc", "inc.", "ltd", "ltd.", "llc", "plc",
        "corp", "verlag", "redaktion", "redaktionsteam", "team", "presse",
        "pressestelle", "pressedienst", "stiftung", "verband", "verein", "bund", "ministerium",
        "institut", "universität", "university", "foundation", "association", "newsroom",
        "desk", "staff", "editorial", "redacción", "rédaction", "redazione", "agentur",
        "agenturen", "agency", "news", "online", "zeitung", "magazin", "magazine", "media",
        "medien", "blog", "services", "service", "group", "gruppe", "club", "fernsehen", "radio",
        "tv", "diario", "journal", "times", "herald", "tribune", "gazette", "nachrichten",
        "rundschau", "anzeiger", "kurier", "verlag", "press", "partei", "party", "sekretariat",
        "secretariat", "office", "büro", "council", "international", "today", "redaccion", "redação",
        "redacao",
    }
)
# Legal forms that close a company's name ("Nordex SE", "Grupo Prisa S.A.").
_LEGAL_FORMS = frozenset({"ag", "se", "sa", "s.a", "s.a.", "spa", "s.p.a.", "bv", "b.v.", "nv", "n.v.", "oy", "ab", "as", "a/s"})
# Job titles printed next to a name ("By JANE ROE, Staff Writer"); a part made only of them goes.
ROLE_WORDS = frozenset(
    {
        "staff", "senior", "chief", "deputy", "managing", "executive", "contributing", "special",
        "associate", "assistant", "political", "business", "sports", "national", "foreign",
        "investigative", "freelance", "guest", "writer", "writers", "reporter", "reporters",
        "editor", "editors", "correspondent", "correspondents", "contributor", "columnist",
        "journalist", "photographer", "producer", "analyst", "in-chief", "editor-in-chief",
        "redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "korrespondent",
        "korrespondentin", "autor", "autorin", "gastautor", "gastautorin", "volontär",
        "volontärin", "reporterin", "journalistin", "fotograf", "fotografin", "experte",
        "expertin", "kolumnist", "kolumnistin", "redactor", "redactora", "periodista",
        "corresponsal", "journaliste", "rédacteur", "rédactrice", "correspondant", "the", "of",
        "and", "for", "desk", "at", "large", "author", "authors",
    }
)
# A newsroom desk printed before a job title: "Games Editor", "Tech Reporter", "Wissenschaftsredakteur".
DESK_WORDS = frozenset(
    {
        "games", "gaming", "tech", "technology", "science", "health", "music", "film", "movies", "culture",
        "arts", "art", "fashion", "travel", "food", "sport", "sports", "politics", "political", "business",
        "economics", "economy", "finance", "financial", "markets", "energy", "climate", "environment",
        "environmental", "education", "entertainment", "lifestyle", "books", "opinion", "news", "digital",
        "video", "audio", "photo", "social", "media", "data", "world", "europe", "legal", "crime",
        "courts", "transport", "property", "motoring", "wine", "tv", "television", "features", "city",
        "metro", "local", "regional", "weather", "religion", "defence", "defense", "security",
        "diplomatic", "white", "house", "washington", "global", "consumer", "personal", "community",
    }
)
# Credits that are form labels, link texts or placeholders, never a person.
LABELS = frozenset(
    {
        "name", "datum", "date", "publisher", "herausgeber", "editor", "edition", "no", "n/a", "na", "keine angabe", "email", "e-mail", "mail",
        "email the author", "no author",
        "author", "authors", "autor", "autorin", "autoren", "by", "von", "posted", "share",
        "teilen", "follow", "folgen", "more", "mehr", "weiter", "weitere artikel", "alle autoren",
        "profile", "profil", "twitter", "facebook", "instagram", "linkedin", "comments",
        "kommentare", "anonymous", "anonym", "guest", "gast", "read more", "view all posts",
        "all posts", "about the author", "über den autor", "über die autorin", "none", "null",
        "admin", "administrator", "webmaster", "user", "text", "foto", "fotos", "bild", "photo",
        "publiziert am", "veröffentlicht am", "geschrieben am", "erstellt am", "posted on",
        "published on", "published", "posted", "submitted", "submitted on", "updated", "aktualisiert", "am", "on",
        "veröffentlicht", "publiziert", "aktualisiert am", "minutes", "read", "lesezeit",
        "reading time", "min read", "uhr", "unknown author", "redaktionell", "werbung", "anzeige",
        "sponsored", "advertisement",
        # the same buttons and placeholders in fr, es, it, pt, nl
        "suivre", "partager", "seguir", "compartir", "segui", "seguire", "condividi", "compartilhar",
        "partilhar", "volgen", "delen", "cortesía", "cortesia", "courtesy", "anónimo", "anonimo",
        "created", "last modified", "modified", "erstellt", "geändert",
    }
)
# Link texts printed after the name in author boxes: "Jane Roe Alle Artikel Kontakt".
LINK_WORDS = frozenset(
    {
        "alle", "artikel", "beiträge", "kontakt", "mehr", "folgen", "profil", "more", "articles",
        "posts", "follow", "contact", "email", "e-mail", "mail", "twitter", "facebook", "instagram",
        "linkedin", "website", "homepage", "x", "rss", "feed",
    }
)
# German compounds: "Außenministerium", "Landesverband", "Bürgerstiftung".
_ORGANISATION_ENDINGS = (
    "ministerium", "verband", "verein", "stiftung", "gesellschaft", "zeitung", "institut",
    "partei", "redaktion", "agentur", "sekretariat", "verlag", "behörde", "kammer", "team",
)
_AGENCY_CODE = re.compile(r"^[a-zäöü]{2,6}(?:/[a-zäöü]{2,6}){1,3}$", re.IGNORECASE)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?$", re.IGNORECASE)


def agency_name(text: str) -> str | None:
    """The agency a credit names, or None.

    >>> agency_name("The Associated Press")
    'Associated Press'
    >>> agency_name("dpa/lno")
    'dpa/lno'
    >>> agency_name("Jane Roe") is None
    True
    """
    key = text.strip().strip(".").lower()
    if key in KNOWN_AGENCIES:
        return KNOWN_AGENCIES[key]
    # Agency codes joined by slashes: "dpa/lno", "APA/AP", "AFP/Reuters".
    if "/" in key and " " not in key:
        heads = key.split("/")
        if heads[0] in KNOWN_AGENCIES or _AGENCY_CODE.match(key):
            return text.strip()
    return None


def is_organisation(text: str) -> bool:
    """True for credits that name an organisation: "Nordex SE", "przepisy.pl", "ACLU Team"."""
    if _DOMAIN.match(text.strip()):
        return True
    # A lone word in capitals is an acronym: "DITIB", "KUT", "VZS".
    if " " not in text.strip() and text.isupper() and sum(c.isalpha() for c in text) > 1:
        return True
    order = [w.strip(",()").lower() for w in text.split()]
    words = set(order)
    if any(w.endswith(_ORGANISATION_ENDINGS) for w in words):
        return True
    # a company's legal form closes its name; inside a name "S.A." is a writer's initials
    if order and order[-1] in _LEGAL_FORMS:
        return True
    return bool(words & ORGANISATION_WORDS) or "/" in text
