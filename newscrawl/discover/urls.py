"""URL rules: canonical form for de-duplication, and what an article URL looks like."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# Query parameters that track the visitor or the campaign and never select content.
TRACKING_PARAMS = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|yclid|igshid|_ga|_gl|"
    r"ocid|cmpid|icid|ito|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|sr_share|"
    r"share|smid|s_cid|at_medium|at_campaign|xtor|trk|ref|ref_src|referrer|"
    r"sessionid|session_id|sid|phpsessid|jsessionid|cfid|cftoken)$",
    re.IGNORECASE,
)
_SESSION_IN_PATH = re.compile(r";(jsessionid|phpsessid|sid)=[^/?#]*", re.IGNORECASE)

# Path segments of pages that are never articles: listings of a tag or an author, search,
# accounts, media players, feeds, and calendar-style archives.
NON_ARTICLE_SEGMENTS = frozenset(
    {
        "tag", "tags", "topic", "topics", "author", "authors", "autor", "profile", "search",
        "suche", "login", "signin", "sign-in", "logout", "register", "signup", "subscribe",
        "account", "newsletter", "newsletters", "video", "videos", "watch", "podcast",
        "podcasts", "gallery", "galleries", "photos", "feed", "rss", "calendar", "events",
        "archive", "archives", "cdn-cgi", "wp-admin", "wp-login.php", "print",
        "share", "comments", "contact", "about", "privacy", "terms", "impressum", "shop",
    }
)
_DATE_IN_PATH = re.compile(r"/(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-](0?[1-9]|[12]\d|3[01]))?(/|$)")
_COMPACT_DATE = re.compile(r"(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])")
_LONG_ID = re.compile(r"\d{6,}")
_SLUG_WORD_SPLIT = re.compile(r"[-_]+")
_FILE_EXTENSIONS = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|pdf|zip|gz|mp3|mp4|mov|avi|css|js|json|xml|rss|atom|txt|"
    r"docx?|xlsx?|pptx?|woff2?|ttf)$",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def canonical_request_url(url: str) -> str:
    """URL in the form we request and de-duplicate on: no tracking parameters, no fragment.

    >>> canonical_request_url("https://ex.com/a/story?utm_source=x&id=7&fbclid=1#top")
    'https://ex.com/a/story?id=7'
    """
    # cached: one URL is canonicalized by the spider, the dedupe and the archive stages in turn
    parts = urlsplit(_SESSION_IN_PATH.sub("", url.strip()))
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not TRACKING_PARAMS.match(k)]
    cleaned = urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(query), ""))
    return canonicalize_url(cleaned, keep_fragments=False)


def _segments(url: str) -> list[str]:
    return [s for s in urlsplit(url).path.lower().split("/") if s]


def is_excluded_url(url: str) -> bool:
    """True for pages a crawler should not even fetch: tags, authors, search, media, files."""
    path = urlsplit(url).path
    if _FILE_EXTENSIONS.search(path):
        return True
    return any(segment in NON_ARTICLE_SEGMENTS for segment in _segments(url))


def is_calendar_url(url: str) -> bool:
    """True for date archive listings such as /2024/05/ or /2024/05/17/ (a classic crawler trap)."""
    segments = _segments(url)
    return bool(segments) and all(s.isdigit() and len(s) <= 4 for s in segments) and len(segments) <= 3


def is_article_url(url: str) -> bool:
    """True for URLs shaped like a story: a date or a long id in the path, or a long slug.

    >>> is_article_url("https://ex.com/news/2013/11/02/japan-russia-agree")
    True
    >>> is_article_url("https://ex.com/world/")
    False
    >>> is_article_url("https://ex.com/tag/japan-russia-defense-ties-news")
    False
    """
    if is_excluded_url(url) or is_calendar_url(url):
        return False
    parts = urlsplit(url)
    path = parts.path.rstrip("/")
    segments = _segments(url)
    if not segments:
        return False
    last = re.sub(r"\.(html?|php|aspx?|shtml)$", "", segments[-1])
    if _DATE_IN_PATH.search(path + "/") or _COMPACT_DATE.search(path):
        return len(last) > 4 and not last.isdigit() or _LONG_ID.search(last) is not None
    if _LONG_ID.search(path):
        return True
    return len([w for w in _SLUG_WORD_SPLIT.split(last) if w]) >= 4


def pagination_number(url: str) -> int | None:
    """The page number of a listing URL (/page/3, ?page=3, ?p=3), or None."""
    parts = urlsplit(url)
    match = re.search(r"/page/(\d+)", parts.path)
    if match:
        return int(match.group(1))
    for key, value in parse_qsl(parts.query):
        if key.lower() in {"page", "p", "pg", "seite"} and value.isdigit():
            return int(value)
    return None
