"""The zone a site's readers live in, from its country-code domain: where a UTC instant is shown.

CMSs export the publication instant in UTC ("2020-08-25T00:23:33Z") while the publisher and its
readers date the story by their own calendar (24 August in Ottawa). When the page states no
local time anywhere, the country of its domain is the best evidence of that calendar. Countries
spanning several zones get the zone most of their press writes in (the capital's, or the
largest city's). Generic domains (.com, .org, .news) say nothing about a country.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

_COUNTRY_ZONES = {
    "ad": "Europe/Andorra", "ae": "Asia/Dubai", "ar": "America/Argentina/Buenos_Aires", "at": "Europe/Vienna",
    "au": "Australia/Sydney", "ba": "Europe/Sarajevo", "bd": "Asia/Dhaka", "be": "Europe/Brussels",
    "bg": "Europe/Sofia", "bo": "America/La_Paz", "br": "America/Sao_Paulo", "by": "Europe/Minsk",
    "ca": "America/Toronto", "ch": "Europe/Zurich", "cl": "America/Santiago", "cn": "Asia/Shanghai",
    "co": "America/Bogota", "cr": "America/Costa_Rica", "cu": "America/Havana", "cy": "Asia/Nicosia",
    "cz": "Europe/Prague", "de": "Europe/Berlin", "dk": "Europe/Copenhagen", "do": "America/Santo_Domingo",
    "dz": "Africa/Algiers", "ec": "America/Guayaquil", "ee": "Europe/Tallinn", "eg": "Africa/Cairo",
    "es": "Europe/Madrid", "fi": "Europe/Helsinki", "fr": "Europe/Paris", "gh": "Africa/Accra",
    "gr": "Europe/Athens", "gt": "America/Guatemala", "hk": "Asia/Hong_Kong", "hn": "America/Tegucigalpa",
    "hr": "Europe/Zagreb", "hu": "Europe/Budapest", "id": "Asia/Jakarta", "ie": "Europe/Dublin",
    "il": "Asia/Jerusalem", "in": "Asia/Kolkata", "iq": "Asia/Baghdad", "ir": "Asia/Tehran",
    "is": "Atlantic/Reykjavik", "it": "Europe/Rome", "jm": "America/Jamaica", "jo": "Asia/Amman",
    "jp": "Asia/Tokyo", "ke": "Africa/Nairobi", "kr": "Asia/Seoul", "kw": "Asia/Kuwait", "kz": "Asia/Almaty",
    "lb": "Asia/Beirut", "li": "Europe/Vaduz", "lk": "Asia/Colombo", "lt": "Europe/Vilnius",
    "lu": "Europe/Luxembourg", "lv": "Europe/Riga", "ma": "Africa/Casablanca", "md": "Europe/Chisinau",
    "mk": "Europe/Skopje", "mt": "Europe/Malta", "mx": "America/Mexico_City", "my": "Asia/Kuala_Lumpur",
    "ng": "Africa/Lagos", "ni": "America/Managua", "nl": "Europe/Amsterdam", "no": "Europe/Oslo",
    "np": "Asia/Kathmandu", "nz": "Pacific/Auckland", "pa": "America/Panama", "pe": "America/Lima",
    "ph": "Asia/Manila", "pk": "Asia/Karachi", "pl": "Europe/Warsaw", "pr": "America/Puerto_Rico",
    "pt": "Europe/Lisbon", "py": "America/Asuncion", "qa": "Asia/Qatar", "ro": "Europe/Bucharest",
    "rs": "Europe/Belgrade", "ru": "Europe/Moscow", "sa": "Asia/Riyadh", "se": "Europe/Stockholm",
    "sg": "Asia/Singapore", "si": "Europe/Ljubljana", "sk": "Europe/Bratislava", "sv": "America/El_Salvador",
    "sy": "Asia/Damascus", "th": "Asia/Bangkok", "tn": "Africa/Tunis", "tr": "Europe/Istanbul",
    "tw": "Asia/Taipei", "tz": "Africa/Dar_es_Salaam", "ua": "Europe/Kyiv", "ug": "Africa/Kampala",
    "uk": "Europe/London", "uy": "America/Montevideo", "ve": "America/Caracas", "vn": "Asia/Ho_Chi_Minh",
    "za": "Africa/Johannesburg", "zw": "Africa/Harare",
}


def country_zone(url: str | None) -> str | None:
    """The IANA zone of the country whose domain ``url`` is on, or None for a generic domain.

    >>> country_zone("https://ici.radio-canada.ca/nouvelle/1728875"), country_zone("https://abcnews.go.com/x")
    ('America/Toronto', None)
    """
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return _COUNTRY_ZONES.get(host.rsplit(".", 1)[-1])


@lru_cache(maxsize=32)
def zone(name: str) -> ZoneInfo:
    """The ZoneInfo of ``name``, built once per process."""
    return ZoneInfo(name)
