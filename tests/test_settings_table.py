"""The table of NEWSCRAWL_* settings: the one place defaults are stated, and what each kind accepts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scrapy.crawler import Crawler
from scrapy.settings import Settings

from newscrawl import settings as project_settings
from newscrawl.checks import normalize_settings, setting_problems, startup_problems
from newscrawl.settings_table import BY_NAME, SETTINGS, BadValue, markdown_table
from newscrawl.spiders.news import NewsSpider

ROOT = Path(__file__).resolve().parents[1]


def crawl_settings(**values: object) -> Settings:
    settings = Settings()
    settings.setmodule(project_settings, priority="project")
    settings.update(values, priority="cmdline")
    return settings


@pytest.mark.parametrize(("given", "seconds"), [
    ("30s", 30), ("15m", 900), ("6h", 21600), ("1d", 86400), ("2w", 1209600), ("90", 90), (45, 45),
    ("1.5h", 5400), (" 2D ", 172800), ("-1", -1),
])
def test_durations(given, seconds):
    assert BY_NAME["NEWSCRAWL_RECHECK_AGE"].parse(given) == seconds


@pytest.mark.parametrize("given", ["1x", "", "d", "1 day", "soon", True])
def test_garbage_durations_are_refused(given):
    with pytest.raises(BadValue, match="not a duration"):
        BY_NAME["NEWSCRAWL_RECHECK_AGE"].parse(given)


def test_negative_seconds_only_where_they_mean_something():
    with pytest.raises(BadValue, match=">= 0"):
        BY_NAME["NEWSCRAWL_RETRY_AFTER_MAX"].parse("-1")


@pytest.mark.parametrize(("name", "given", "parsed"), [
    ("NEWSCRAWL_FEED_GZIP", "true", True), ("NEWSCRAWL_FEED_GZIP", "0", False),
    ("NEWSCRAWL_EXTRACT_WORKERS", "None", None), ("NEWSCRAWL_EXTRACT_WORKERS", "3", 3),
    ("NEWSCRAWL_FOLLOW_ARTICLE_LINKS", "AUTO", "auto"), ("NEWSCRAWL_FOLLOW_ARTICLE_LINKS", "false", False),
    ("NEWSCRAWL_FEED_PATHS", "/a, /b", ["/a", "/b"]), ("NEWSCRAWL_NEAR_DUPLICATE_THRESHOLD", "0.5", 0.5),
])
def test_human_forms_become_the_values_components_read(name, given, parsed):
    assert BY_NAME[name].parse(given) == parsed


@pytest.mark.parametrize(("name", "given"), [
    ("NEWSCRAWL_FEED_GZIP", "maybe"), ("NEWSCRAWL_EXTRACT_WORKERS", "-2"), ("NEWSCRAWL_MAX_PAGINATION", "1.5"),
    ("NEWSCRAWL_FOLLOW_ARTICLE_LINKS", "sometimes"), ("NEWSCRAWL_INDEX_COMMIT_EVERY", "0"),
    ("NEWSCRAWL_REDIS_URL", "http://redis"), ("NEWSCRAWL_DEFAULT_TZ", "Mars/Olympus"),
])
def test_bad_values_give_one_line_with_the_setting(name, given):
    (line,) = setting_problems(crawl_settings(**{name: given}))
    assert line.startswith(f"setting {name}={given}: ") and "; " in line and "\n" not in line


def test_every_default_is_valid_and_the_defaults_pass_the_checks():
    for setting in SETTINGS:
        setting.parse(setting.default)
    assert setting_problems(crawl_settings()) == []
    assert startup_problems(crawl_settings(), {"url": "https://news.example/"}) == []


def test_the_settings_module_states_no_default_of_its_own():
    names = {name for name in dir(project_settings) if name.startswith("NEWSCRAWL_")}
    assert names == set(BY_NAME)  # a new setting goes into the table, with its kind and doc
    assert all(getattr(project_settings, s.name) == s.default for s in SETTINGS)


def test_fallbacks_in_the_code_do_not_contradict_the_table():
    """Components read with a fallback (settings.getint("X", 20)); it must be the table's default."""
    read = re.compile(r'settings\.get(?:int|float|bool)?\(\s*"(NEWSCRAWL_[A-Z_]+)",\s*([^)]+)\)')
    for path in (ROOT / "newscrawl").rglob("*.py"):
        for name, fallback in read.findall(path.read_text(encoding="utf-8")):
            assert eval(fallback, {}) == BY_NAME[name].default, f"{path}: {name} falls back to {fallback}"  # noqa: S307


def test_normalized_at_start_keeping_the_priority():
    settings = crawl_settings(NEWSCRAWL_RECHECK_AGE="1d", NEWSCRAWL_EXTRACT_WORKERS="None")
    normalize_settings(settings)
    assert settings.getfloat("NEWSCRAWL_RECHECK_AGE") == 86400
    assert settings.get("NEWSCRAWL_EXTRACT_WORKERS") is None
    assert settings.getpriority("NEWSCRAWL_RECHECK_AGE") == settings.getpriority("NEWSCRAWL_EXTRACT_WORKERS") == 40


def test_any_runner_gets_normalized_values():
    """scrapyd and CrawlerProcess do not run our crawl command: the spider's update_settings does it."""
    crawler = Crawler(NewsSpider, crawl_settings(NEWSCRAWL_RECHECK_AGE="6h", NEWSCRAWL_REDIS_LEASE="2m"))
    assert crawler.settings.getfloat("NEWSCRAWL_RECHECK_AGE") == 21600
    assert crawler.settings.getfloat("NEWSCRAWL_REDIS_LEASE") == 120


def test_docs_list_the_table():
    docs = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert "\n".join(markdown_table()) in docs, "run python -m newscrawl.settings_table and paste into docs/settings.md"
