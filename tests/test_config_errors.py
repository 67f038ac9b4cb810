"""A bad configuration stops `scrapy crawl news` at start: one short line naming problem and fix."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def crawl(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`scrapy crawl news ...` in ``folder``, as a user would run it."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "scrapy", "crawl", "news", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def sites_file(folder: Path, body: str) -> str:
    path = folder / "sites.toml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def assert_stops_with(result: subprocess.CompletedProcess[str], *phrases: str) -> None:
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 3, lines  # short: no banner, no traceback
    assert all(line.startswith("newscrawl: configuration error: ") for line in lines)
    for phrase in phrases:
        assert phrase in result.stderr


def test_unknown_sites_file_key(tmp_path):
    path = sites_file(tmp_path, '[[site]]\nurl = "https://news.example/"\nfeedz = ["/rss"]\n')
    result = crawl(tmp_path, "-a", f"sites={path}", "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "unknown key(s) feedz", "did you mean feeds?", "site #1")


def test_timezone_that_does_not_exist(tmp_path):
    path = sites_file(tmp_path, '[[site]]\nurl = "https://news.example/"\ntimezone = "Europe/Atlantis"\n')
    result = crawl(tmp_path, "-a", f"sites={path}", "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "'Europe/Atlantis'", "IANA name")


def test_default_timezone_setting_that_does_not_exist(tmp_path):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", "NEWSCRAWL_DEFAULT_TZ=Mars/Olympus",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "NEWSCRAWL_DEFAULT_TZ", "'Mars/Olympus'")


@pytest.mark.parametrize("target", ["blocker/out.jsonl", "folder.jsonl"])
def test_unwritable_output_path(tmp_path, target):
    (tmp_path / "blocker").write_text("a file, not a folder")  # root can write anywhere else
    (tmp_path / "folder.jsonl").mkdir()  # a folder where the file should go
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-O", str(tmp_path / target))
    assert_stops_with(result, "-O <")
    assert not list(tmp_path.glob("*.part"))


def test_limit_that_is_not_a_number(tmp_path):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", "NEWSCRAWL_MAX_PAGES_PER_SITE=lots",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "NEWSCRAWL_MAX_PAGES_PER_SITE='lots'")


def test_nothing_to_crawl(tmp_path):
    assert_stops_with(crawl(tmp_path, "-O", str(tmp_path / "out.jsonl")), "-a url=")


def test_rendering_without_scrapy_playwright(tmp_path):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", "NEWSCRAWL_RENDER_JAVASCRIPT=True",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "scrapy-playwright")


def test_misspelt_setting(tmp_path):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", "NEWSCRAWL_MAX_PAGE_PER_SITE=3",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "unknown setting NEWSCRAWL_MAX_PAGE_PER_SITE", "NEWSCRAWL_MAX_PAGES_PER_SITE")
