"""What to crawl: one site from ``-a url=...`` or many from a TOML/YAML file, validated at start."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from difflib import get_close_matches
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .normalize.dates import validate_timezone

SITE_KEYS = {"url", "feeds", "sitemaps", "allow", "timezone", "day_first", "domains", "name"}


class SiteConfigError(ValueError):
    """A sites file or argument that cannot be used; the message names the fix."""


@dataclass(frozen=True, kw_only=True)
class Site:
    """One news site to crawl."""

    url: str
    """Home page."""
    name: str = ""
    feeds: tuple[str, ...] = ()
    """Feed URLs to read in addition to those the home page announces."""
    sitemaps: tuple[str, ...] = ()
    """Sitemap URLs to read in addition to those robots.txt lists."""
    allow: tuple[str, ...] = ()
    """Path prefixes articles must start with ("/news/"); empty allows every path."""
    timezone: str | None = None
    """IANA zone for pages that state no offset."""
    day_first: bool | None = None
    domains: tuple[str, ...] = field(default=())
    """Domains that belong to the site; the home page's host by default."""

    @property
    def host(self) -> str:
        """The home page's host name."""
        return urlsplit(self.url).hostname or ""

    @property
    def key(self) -> str:
        """The home page's host and port, as written: what tells two sites of a crawl apart
        (two servers on one machine differ by their port only)."""
        return urlsplit(self.url).netloc.lower()

    def allowed_domains(self) -> tuple[str, ...]:
        """Domains the crawl may visit for this site."""
        return self.domains or (self.host,)

    def with_feeds(self, feeds: list[str]) -> Site:
        """This site with ``feeds`` added to its configured feeds (once each)."""
        return replace(self, feeds=tuple(dict.fromkeys([*self.feeds, *feeds])))

    def allows_path(self, url: str) -> bool:
        """True if ``url``'s path starts with one of the allowed prefixes (or none are set)."""
        return not self.allow or urlsplit(url).path.startswith(self.allow)


def _as_tuple(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SiteConfigError(f"{where}: '{key}' must be a string or a list of strings, got {value!r}")


def _host_of(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # a malformed port or IPv6 address
        return ""


def site_from_mapping(raw: dict[str, Any], where: str) -> Site:
    """A Site from one table of a sites file, checking every key and value."""
    unknown = set(raw) - SITE_KEYS
    if unknown:
        hints = [f"{key} (did you mean {close[0]}?)" if (close := get_close_matches(key, SITE_KEYS, 1))
                 else key for key in sorted(unknown)]
        raise SiteConfigError(
            f"{where}: unknown key(s) {', '.join(hints)}; allowed: {', '.join(sorted(SITE_KEYS))}"
        )
    url = raw.get("url")
    if not isinstance(url, str) or not _host_of(url) or urlsplit(url).scheme not in {"http", "https"}:
        raise SiteConfigError(f"{where}: 'url' must be an http(s) URL of the site's home page "
                              f"(https://www.example-news.com/), got {url!r}")
    day_first = raw.get("day_first")
    if day_first is not None and not isinstance(day_first, bool):
        raise SiteConfigError(f"{where}: 'day_first' must be true or false (unquoted), got {day_first!r}")
    timezone = raw.get("timezone")
    if timezone is not None:
        try:
            validate_timezone(str(timezone))
        except ValueError as exc:
            raise SiteConfigError(f"{where}: {exc}") from exc
    return Site(
        url=url, name=str(raw.get("name") or urlsplit(url).hostname),
        feeds=_as_tuple(raw.get("feeds"), "feeds", where),
        sitemaps=_as_tuple(raw.get("sitemaps"), "sitemaps", where),
        allow=_as_tuple(raw.get("allow"), "allow", where),
        timezone=timezone, day_first=day_first,
        domains=_as_tuple(raw.get("domains"), "domains", where),
    )


def _parsed(path: Path, text: str) -> Any:
    try:
        if path.suffix == ".toml":
            return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(f"{path}: not valid TOML: {exc}") from exc
    # imported here: ~30 ms of CPU at every crawl's start, which only a YAML sites file needs
    import yaml  # noqa: PLC0415

    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise SiteConfigError(f"{path}: not valid {path.suffix[1:].upper()}: {exc}") from exc


def load_sites_file(path: str | Path) -> list[Site]:
    """Sites from a TOML (``[[site]]`` tables) or YAML (``site:`` list) file."""
    path = Path(path)
    if not path.is_file():
        raise SiteConfigError(f"sites file {path} does not exist: pass -a sites=<path to .toml or .yaml>")
    raw = _parsed(path, path.read_text(encoding="utf-8"))
    entries = raw.get("site") if isinstance(raw, dict) else None
    if not isinstance(entries, list) or not entries:
        raise SiteConfigError(f"{path}: expected a list of sites under the key 'site' ([[site]] in TOML)")
    return [site_from_mapping(entry, f"{path} site #{n}") for n, entry in enumerate(entries, 1)]


class SiteIndex:
    """The sites of a crawl keyed by host and port (their home page's, ``Site.key``): the key
    requests carry in ``meta["site"]``, a plain string that scrapy-redis queues serialize as
    they are."""

    def __init__(self, sites: list[Site]) -> None:
        self._sites: dict[str, Site] = {}
        for site in sites:
            if (known := self._sites.get(site.key)) is not None:
                raise SiteConfigError(f"sites {known.url} and {site.url} have the same host {site.key}: "
                                      "list it once, with 'allow' naming every path prefix to crawl")
            self._sites[site.key] = site

    def __iter__(self) -> Iterator[Site]:
        return iter(self._sites.values())

    def __len__(self) -> int:
        return len(self._sites)

    def __getitem__(self, key: str | int) -> Site:
        if isinstance(key, int):
            # requests queued on disk (JOBDIR) by a release that keyed sites by their position
            # in the sites list: the same list gives the same site
            return list(self._sites.values())[key]
        return self._sites[key]

    def replace(self, site: Site) -> None:
        """Put ``site`` (an updated copy, with feeds) in place of the one of its key."""
        self._sites[site.key] = site

    def allowed_domains(self) -> list[str]:
        """Every domain the crawl may visit, sorted."""
        return sorted({domain for site in self for domain in site.allowed_domains()})

    def site_for(self, url: str) -> Site | None:
        """The site a URL belongs to (its host is one of the site's domains, or under one).

        >>> index = SiteIndex([site_from_mapping({"url": "https://news.example/"}, "test")])
        >>> index.site_for("https://www.news.example/a").host, index.site_for("https://other.example/")
        ('news.example', None)
        """
        host = _host_of(url)
        matching = [site for site in self._sites.values()
                    if any(host == d or host.endswith("." + d) for d in site.allowed_domains())]
        if len(matching) > 1:  # sites on one host, told apart by their port
            netloc = urlsplit(url).netloc.lower()
            return next((site for site in matching if site.key == netloc), matching[0])
        return matching[0] if matching else None
