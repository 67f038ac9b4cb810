"""Sites files: every key checked, errors that name the fix."""

from __future__ import annotations

import pytest

from newscrawl.arguments import sites_to_crawl
from newscrawl.sites import SiteConfigError, SiteIndex, load_sites_file, site_from_mapping


def test_toml_sites_file(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text('[[site]]\nurl = "https://a.example/"\ntimezone = "America/Phoenix"\n'
                    'feeds = ["https://a.example/rss"]\nallow = ["/news/"]\n\n'
                    '[[site]]\nurl = "https://b.example/"\nday_first = true\n', encoding="utf-8")
    first, second = load_sites_file(path)
    assert first.timezone == "America/Phoenix" and first.feeds == ("https://a.example/rss",)
    assert first.allows_path("https://a.example/news/x") and not first.allows_path("https://a.example/blog/x")
    assert second.day_first is True and second.allowed_domains() == ("b.example",)


def test_yaml_sites_file(tmp_path):
    path = tmp_path / "sites.yaml"
    path.write_text("site:\n  - url: https://a.example/\n    sitemaps: https://a.example/news.xml\n", encoding="utf-8")
    (site,) = load_sites_file(path)
    assert site.sitemaps == ("https://a.example/news.xml",)


@pytest.mark.parametrize(("raw", "message"), [
    ({"url": "https://a.example/", "timezon": "UTC"}, "unknown key(s) timezon"),
    ({"url": "https://a.example/", "timezone": "Mars/Olympus"}, "unknown timezone 'Mars/Olympus'"),
    ({"url": "a.example"}, "'url' must be an http(s) URL"),
    ({"url": "https://a.example/", "feeds": 3}, "'feeds' must be a string or a list"),
    ({"url": "http://"}, "'url' must be an http(s) URL"),
    ({"url": "https://[oops/"}, "'url' must be an http(s) URL"),
    ({"url": "https://a.example/", "day_first": "no"}, "'day_first' must be true or false"),
])
def test_bad_site_entries_name_the_problem(raw, message):
    with pytest.raises(SiteConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        site_from_mapping(raw, "sites.toml site #1")


def test_missing_file_says_how_to_pass_one(tmp_path):
    with pytest.raises(SiteConfigError, match="does not exist"):
        load_sites_file(tmp_path / "nope.toml")


def test_day_first_no_in_a_toml_file_is_refused(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text('[[site]]\nurl = "https://a.example/"\nday_first = "no"\n', encoding="utf-8")
    with pytest.raises(SiteConfigError, match="site #1: 'day_first' must be true or false"):
        load_sites_file(path)


@pytest.mark.parametrize(("args", "message"), [
    ({"url": "https://a.example/", "timezone": "UTC"}, "'timezone' is a key of a site in a sites file"),
    ({"urls": "https://a.example/"}, r"did you mean -a url="),
    ({"url": "https://a.example/", "sites": "sites.toml"}, "beside -a sites"),
])
def test_spider_arguments_are_checked(args, message):
    url, sites = args.pop("url", None), args.pop("sites", None)
    with pytest.raises(SiteConfigError, match=message):
        sites_to_crawl(url, sites, args)


def test_runner_arguments_pass():
    (site,) = sites_to_crawl("https://a.example/", None, {"_job": "abc123"})  # scrapyd's
    assert site.host == "a.example"


def test_two_servers_on_one_host_are_two_sites_told_apart_by_port():
    one = site_from_mapping({"url": "http://127.0.0.1:8001/"}, "test")
    two = site_from_mapping({"url": "http://127.0.0.1:8002/"}, "test")
    index = SiteIndex([one, two])
    assert index[two.key] is two
    assert index.site_for("http://127.0.0.1:8002/story.html") is two
    assert index.site_for("http://127.0.0.1:8001/story.html") is one


def test_one_home_page_listed_twice_is_refused():
    with pytest.raises(SiteConfigError, match="list it once"):
        SiteIndex([site_from_mapping({"url": "https://news.example/"}, "test"),
                   site_from_mapping({"url": "https://news.example/local/"}, "test")])


def test_a_request_queued_by_an_older_release_finds_its_site_by_position():
    # JOBDIR queues written before sites were keyed by host hold the site's index instead
    one = site_from_mapping({"url": "https://a.example/"}, "test")
    two = site_from_mapping({"url": "https://b.example/"}, "test")
    assert SiteIndex([one, two])[1] is two
