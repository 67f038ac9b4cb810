"""A bad configuration stops `scrapy crawl news` at start: one short line naming problem and fix."""

from __future__ import annotations

import fcntl
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from newscrawl.demo.server import DemoServer

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
    assert all(line.startswith("newscrawl: ") for line in lines)
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
    assert_stops_with(result, "setting NEWSCRAWL_DEFAULT_TZ=Mars/Olympus:", "'Mars/Olympus'")


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
    assert_stops_with(result, "setting NEWSCRAWL_MAX_PAGES_PER_SITE=lots: not a whole number")


def test_nothing_to_crawl(tmp_path):
    assert_stops_with(crawl(tmp_path, "-O", str(tmp_path / "out.jsonl")), "-a url=")


def test_rendering_without_scrapy_playwright(tmp_path):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", "NEWSCRAWL_RENDER_JAVASCRIPT=True",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "scrapy-playwright")


def test_misspelt_setting(tmp_path):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", "NEWSCRAWL_MAX_PAGE_PER_SITE=3",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_stops_with(result, "setting NEWSCRAWL_MAX_PAGE_PER_SITE=3: unknown setting",
                      "did you mean NEWSCRAWL_MAX_PAGES_PER_SITE?")


def assert_one_line(result: subprocess.CompletedProcess[str], start: str, *phrases: str) -> None:
    """Exit 2, no traceback, and exactly one stderr line, starting ``newscrawl: <start>``."""
    assert_stops_with(result, *phrases)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"newscrawl: {start}"), lines


@pytest.mark.parametrize(("setting", "phrases"), [
    ("NEWSCRAWL_RECHECK_AGE=1x", ("not a duration", "30s, 15m, 6h, 1d, 2w")),
    ("NEWSCRAWL_FEED_GZIP=maybe", ("not a boolean", "True or False")),
    ("NEWSCRAWL_EXTRACT_WORKERS=-2", ("must be >= 0", "or None")),
    ("NEWSCRAWL_MAX_PAGINATION=-1", ("must be >= 0",)),
    ("NEWSCRAWL_MAX_PAGINATION=abc", ("not a whole number",)),
    ("NEWSCRAWL_FOLLOW_ARTICLE_LINKS=sometimes", ("True or False or 'auto'",)),
])
def test_bad_setting_value_is_one_line_naming_setting_and_fix(tmp_path, setting, phrases):
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", setting, "-O", str(tmp_path / "out.jsonl"))
    assert_one_line(result, f"setting {setting}: ", *phrases, f"set -s {setting.split('=')[0]}=<")
    assert list(tmp_path.iterdir()) == []  # nothing written: no output, no index


@pytest.mark.parametrize(("arguments", "start", "phrases"), [
    (["-a", "url=https://news.example/", "-a", "timezone=Europe/Berlin"], "argument -a timezone=Europe/Berlin: ",
     ("unknown argument", "sites file", "-a url=<", "-a sites=<")),
    (["-a", "urls=https://news.example/"], "argument -a urls=", ("did you mean -a url=", "-a sites=<")),
    (["-a", "url=https://news.example/", "-a", "sites=sites.toml"], "argument -a url=", ("beside -a sites",)),
])
def test_bad_spider_argument_lists_the_known_ones(tmp_path, arguments, start, phrases):
    result = crawl(tmp_path, *arguments, "-O", str(tmp_path / "out.jsonl"))
    assert_one_line(result, start, *phrases)


@pytest.mark.parametrize(("setting", "value"), [
    ("NEWSCRAWL_INDEX_PATH", "blocker/index.sqlite"), ("JOBDIR", "blocker/job"),
    ("LOG_FILE", "blocker/crawl.log"), ("NEWSCRAWL_STATS_FILE", "folder.json"),
])
def test_unwritable_paths(tmp_path, setting, value):
    (tmp_path / "blocker").write_text("a file, not a folder")  # root can write anywhere else
    (tmp_path / "folder.json").mkdir()
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", f"{setting}={value}",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_one_line(result, f"setting {setting}={value}: ", f"set -s {setting}=<")


def test_busy_index_is_refused_at_start(tmp_path):
    lock_path = tmp_path / "output" / "index.sqlite.lock"
    lock_path.parent.mkdir()
    with lock_path.open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        lock.write("crawl 'news' (pid 4242)\n")
        lock.flush()
        result = crawl(tmp_path, "-a", "url=https://news.example/", "-O", str(tmp_path / "out.jsonl"))
    assert_one_line(result, "setting NEWSCRAWL_INDEX_PATH=", "in use by crawl 'news' (pid 4242)",
                    "NEWSCRAWL_INDEX_LOCK_WAIT")


def test_unreachable_redis(tmp_path):
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = crawl(tmp_path, "-a", "url=https://news.example/", "-s", f"NEWSCRAWL_REDIS_URL=redis://127.0.0.1:{port}/0",
                   "-O", str(tmp_path / "out.jsonl"))
    assert_one_line(result, f"setting NEWSCRAWL_REDIS_URL=redis://127.0.0.1:{port}/0: ", "Redis does not answer")


def test_no_site_reached_exits_3(tmp_path):
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    result = crawl(tmp_path, "-a", f"url=http://127.0.0.1:{port}/", "-s", "RETRY_TIMES=0",
                   "-O", str(tmp_path / "out.jsonl"))
    assert result.returncode == 3, result.stderr[-2000:]
    assert result.stderr.rstrip().splitlines()[-1].startswith("newscrawl: no site could be reached")


def test_version():
    done = subprocess.run([sys.executable, "-m", "newscrawl.cli", "--version"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 0 and done.stdout.startswith("newscrawl ") and done.stdout.split()[1][0].isdigit()


def test_a_report_that_cannot_be_written_exits_4_and_keeps_the_output(tmp_path):
    (tmp_path / "out.stats.json" / "in-the-way").mkdir(parents=True)  # a folder where the report goes
    with DemoServer() as site:
        result = crawl(tmp_path, "-a", f"url={site.url}/", "-O", str(tmp_path / "out.jsonl"),
                       "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", f"NEWSCRAWL_INDEX_PATH={tmp_path / 'index.sqlite'}")
    assert result.returncode == 4, result.stderr[-2000:]
    assert "crawl report could not be written to" in result.stderr and "Traceback" not in result.stderr
    assert result.stderr.rstrip().splitlines()[-1].startswith("newscrawl: an output feed or the crawl report")
    assert len((tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()) >= 10
