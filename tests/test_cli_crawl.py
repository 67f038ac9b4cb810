"""`newscrawl crawl URL` works from any folder: no scrapy.cfg, no project, the same records."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from archive_helpers import crawl_env

from newscrawl.demo.server import DemoServer


def _newscrawl(folder, *args):
    env = {name: value for name, value in crawl_env().items() if name != "SCRAPY_SETTINGS_MODULE"}
    return subprocess.run([sys.executable, "-m", "newscrawl.cli", *args], cwd=folder, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


def test_crawl_from_an_empty_folder_writes_every_story(tmp_path):
    with DemoServer() as site:
        done = _newscrawl(tmp_path, "crawl", f"{site.url}/", "-O", "articles.jsonl",
                          "-s", "AUTOTHROTTLE_START_DELAY=0")
        stories = {site.url + story.path for story in site.site.stories}
    assert done.returncode == 0, done.stderr[-3000:]
    records = [json.loads(line) for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["canonicalUrl"] for r in records} == stories
    assert (tmp_path / "output" / "index.sqlite").exists()  # the index lives where the crawl ran


def test_sites_file_and_a_bad_setting_exit_two_with_one_line(tmp_path):
    (tmp_path / "sites.toml").write_text('[[site]]\nurl = "http://127.0.0.1:9/"\n', encoding="utf-8")
    done = _newscrawl(tmp_path, "crawl", "--sites", "sites.toml", "-s", "NEWSCRAWL_RECHECK_AGE=soon")
    assert done.returncode == 2
    assert done.stderr.strip().startswith("newscrawl: setting NEWSCRAWL_RECHECK_AGE=soon")
    assert len(done.stderr.strip().splitlines()) == 1
    missing = _newscrawl(tmp_path, "crawl")
    assert missing.returncode == 2 and "url" in missing.stderr


def test_components_turned_off_are_not_even_loaded() -> None:
    from scrapy.settings import Settings

    from newscrawl.commands.crawl import skip_components_turned_off

    settings = Settings({"REMOTE_CONTROL_ENABLED": False, "TELNETCONSOLE_ENABLED": True, "COOKIES_ENABLED": False,
                         "EXTENSIONS": {"newscrawl.extensions.progress.ProgressLog": 0}}, priority="project")
    skip_components_turned_off(settings)
    extensions = settings.getwithbase("EXTENSIONS")
    assert "scrapy.extensions.remote_control.RemoteControl" not in extensions  # so never imported
    assert extensions["scrapy.extensions.telnet.TelnetConsole"] == 0  # on: Scrapy's own order
    assert extensions["newscrawl.extensions.progress.ProgressLog"] == 0  # the project's stay
    middlewares = settings.getwithbase("DOWNLOADER_MIDDLEWARES")
    assert "scrapy.downloadermiddlewares.cookies.CookiesMiddleware" not in middlewares
    assert "scrapy.downloadermiddlewares.useragent.UserAgentMiddleware" in middlewares


def test_a_crawl_with_the_remote_control_off_never_imports_it(tmp_path: Path) -> None:
    code = ("import sys; from scrapy.cmdline import execute\n"
            "try:\n    execute(['scrapy', 'crawl', 'news', '-a', 'url=http://127.0.0.1:9/', '-s', 'LOG_LEVEL=ERROR',"
            " '-s', 'NEWSCRAWL_INDEX_ENABLED=False', '-s', 'NEWSCRAWL_EXTRACT_WORKERS=0'])\n"
            "except SystemExit:\n    pass\n"
            "print('aiohttp' in sys.modules, 'scrapy.extensions.remote_control' in sys.modules, 'tldextract' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          env={**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"})
    assert done.stdout.split()[-3:] == ["False", "False", "False"], done.stderr[-2000:]
