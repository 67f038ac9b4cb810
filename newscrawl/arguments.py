"""The news spider's arguments (``-a NAME=VALUE``): which exist, and the sites they name."""

from __future__ import annotations

from collections.abc import Mapping
from difflib import get_close_matches

from .sites import Site, SiteConfigError, load_sites_file, site_from_mapping

# Every -a argument of the news spider; the README lists the same.
SPIDER_ARGUMENTS = {
    "url": "<home page URL of the one site to crawl>",
    "sites": "<TOML or YAML file listing the sites to crawl>",
}
_KNOWN = " or ".join(f"-a {name}={doc}" for name, doc in SPIDER_ARGUMENTS.items())


def argument_problems(spider_args: Mapping[str, object]) -> list[str]:
    """Unknown -a names (with a did-you-mean), and url and sites given together."""
    problems = []
    # Names starting with "_" are the runner's (scrapyd passes -a _job=...).
    for name in sorted(n for n in spider_args if n not in SPIDER_ARGUMENTS and not n.startswith("_")):
        close = get_close_matches(name, SPIDER_ARGUMENTS, 1, 0.5)
        if name in ("timezone", "day_first", "feeds", "sitemaps", "allow", "domains"):
            hint = f"'{name}' is a key of a site in a sites file (-a sites=sites.toml), not an argument"
        else:
            hint = f"did you mean -a {close[0]}=...?" if close else "pass -a url=... or -a sites=..."
        problems.append(f"argument -a {name}={spider_args[name]}: unknown argument; {hint} "
                        f"(the news spider takes {_KNOWN})")
    if spider_args.get("url") and spider_args.get("sites"):
        problems.append(f"argument -a url={spider_args['url']}: given beside -a sites=...; pass one of them "
                        "(add the site to the sites file to crawl both)")
    return problems


def sites_to_crawl(url: str | None, sites: str | None, others: Mapping[str, object]) -> list[Site]:
    """The sites the arguments name (none: not a crawl); SiteConfigError naming the fix for bad ones."""
    if problems := argument_problems({"url": url, "sites": sites, **others}):
        raise SiteConfigError(problems[0])
    if sites:
        return load_sites_file(sites)
    if url:
        return [site_from_mapping({"url": url}, "-a url")]
    # `scrapy parse --spider news URL` builds the spider without arguments and calls parse():
    # only a crawl needs a site, and the spider's start() says so.
    return []
