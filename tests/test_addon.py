"""newscrawl in a user's own project: `scrapy startproject`, the add-on, the news spider and a
spider of the user's own; and the same from an installed wheel rather than this checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from archive_helpers import ROOT, crawl_command, crawl_env, read_jsonl

from newscrawl.demo.server import DemoServer

SCRAPY = [sys.executable, "-m", "scrapy"]
USER_SPIDER = '''
import scrapy
from newscrawl import fetched_page


class MineSpider(scrapy.Spider):
    """A user's spider: it knows its site's story URLs; newscrawl does the rest."""

    name = "mine"

    def __init__(self, url, paths, **kwargs):
        super().__init__(**kwargs)
        self.start_urls = [url.rstrip("/") + p for p in paths.split(",")]

    def parse(self, response):
        yield fetched_page(response, site_timezone="America/Phoenix")
'''
USER_PIPELINE = '''
class CountingPipeline:
    """The project's own pipeline: the add-on must not replace it."""

    def process_item(self, item):
        item.setdefault("seenByUser", True) if isinstance(item, dict) else None
        return item
'''


def _project(tmp_path: Path, env: dict[str, str]) -> Path:
    done = subprocess.run([*SCRAPY, "startproject", "myproj"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    project = tmp_path / "myproj"
    package = project / "myproj"
    (package / "spiders" / "mine.py").write_text(USER_SPIDER, encoding="utf-8")
    (package / "userpipelines.py").write_text(USER_PIPELINE, encoding="utf-8")
    with (package / "settings.py").open("a", encoding="utf-8") as settings:
        settings.write('\nADDONS = {"newscrawl.NewsAddon": 500}\n'
                       'SPIDER_MODULES = ["myproj.spiders", "newscrawl.spiders"]\n'
                       'ITEM_PIPELINES = {"myproj.userpipelines.CountingPipeline": 50}\n'
                       'NEWSCRAWL_MIN_BODY_CHARS = 150\n')
    return project


def _user_env(extra_path: str | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    if extra_path:
        env["PYTHONPATH"] = extra_path
    return env


def _settings_seen(project: Path, env: dict[str, str], *names: str) -> dict[str, str]:
    values = {}
    for name in names:
        done = subprocess.run([*SCRAPY, "settings", "--get", name], cwd=project, env=env, capture_output=True,
                              text=True, timeout=60, check=False)
        values[name] = done.stdout.strip()
    return values


def _run(project: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SCRAPY, *args], cwd=project, env=env, capture_output=True, text=True,
                          timeout=180, check=False)


def _checkout_records(site: DemoServer, folder: Path) -> list[dict]:
    folder.mkdir()
    done = subprocess.run(crawl_command(site.url, "-O", "here.jsonl"), cwd=folder, env=crawl_env(),
                          capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return read_jsonl(folder / "here.jsonl")


def _same(records: list[dict], reference: list[dict]) -> None:
    fields = ("canonicalUrl", "headline", "articleBody", "datePublished", "authors", "agencies")
    key = lambda r: r["canonicalUrl"]  # noqa: E731
    assert [{f: r.get(f) for f in fields} for r in sorted(records, key=key)] == \
        [{f: r.get(f) for f in fields} for r in sorted(reference, key=key)]


def test_the_addon_in_a_startproject_project(tmp_path):
    env = _user_env(str(ROOT))
    project = _project(tmp_path, env)
    # The project's own values stay; ours fill in the rest.
    seen = _settings_seen(project, env, "NEWSCRAWL_MIN_BODY_CHARS", "BOT_NAME", "ITEM_PIPELINES")
    assert seen["NEWSCRAWL_MIN_BODY_CHARS"] == "150" and seen["BOT_NAME"] == "myproj"
    with DemoServer() as site:
        news = _run(project, env, "crawl", "news", "-a", f"url={site.url}/", "-O", "news.jsonl",
                    "-s", "LOG_LEVEL=DEBUG")  # the enabled components are listed at DEBUG
        stories = site.site.stories
        mine = _run(project, env, "crawl", "mine", "-a", f"url={site.url}", "-a",
                    "paths=" + ",".join(s.path for s in stories[:3]), "-O", "mine.jsonl",
                    "-s", "NEWSCRAWL_INDEX_ENABLED=False")
        reference = _checkout_records(site, tmp_path / "checkout")
    assert news.returncode == 0, news.stderr[-3000:]
    assert "CountingPipeline" in news.stderr and "newscrawl.pipelines.extract.ExtractPipeline" in news.stderr
    assert "not JSON serializable" not in news.stderr
    _same(read_jsonl(project / "news.jsonl"), reference)
    assert mine.returncode == 0, mine.stderr[-3000:]
    written = read_jsonl(project / "mine.jsonl")
    assert sorted(r["headline"] for r in written) == sorted(s.headline for s in stories[:3])
    assert all(r["datePublished"] for r in written)


def test_the_addon_can_be_switched_off(tmp_path):
    env = _user_env(str(ROOT))
    project = _project(tmp_path, env)
    done = _run(project, env, "crawl", "mine", "-a", "url=http://127.0.0.1:9", "-a", "paths=/x",
                "-s", "NEWSCRAWL_ADDON_ENABLED=False", "-s", "LOG_LEVEL=DEBUG")
    assert "Enabled item pipelines" in done.stderr and "ExtractPipeline" not in done.stderr


@pytest.fixture(scope="module")
def wheel_install(tmp_path_factory) -> Path:
    """The package built as a wheel and installed (no dependencies: this venv has them) into a
    folder of its own, so the code under test is the wheel's, not this checkout."""
    folder = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                            "-w", str(folder / "dist"), str(ROOT)], capture_output=True, text=True,
                           timeout=300, check=False)
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = (folder / "dist").glob("newscrawl-*.whl")
    target = folder / "site"
    installed = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target),
                                str(wheel)], capture_output=True, text=True, timeout=300, check=False)
    assert installed.returncode == 0, installed.stderr[-2000:]
    return target


def test_an_installed_wheel_has_the_schema_runs_the_demo_and_the_addon(wheel_install, tmp_path):
    env = _user_env(str(wheel_install))
    where = subprocess.run([sys.executable, "-c", "import newscrawl, newscrawl.schema as s; "
                            "print(newscrawl.__file__); print(len(s.shipped_schema()['properties']))"],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60, check=False)
    assert where.returncode == 0, where.stderr[-2000:]
    path, properties = where.stdout.split()
    assert path.startswith(str(wheel_install)) and int(properties) > 20
    demo = subprocess.run([sys.executable, "-m", "newscrawl.demo"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=180, check=False)
    assert demo.returncode == 0, demo.stderr[-2000:]
    [output] = (tmp_path / "output" / "demo").glob("demo-*.jsonl")
    assert len(read_jsonl(output)) >= 10
    project = _project(tmp_path, env)
    with DemoServer() as site:
        news = _run(project, env, "crawl", "news", "-a", f"url={site.url}/", "-O", "news.jsonl",
                    "-s", "LOG_LEVEL=DEBUG")  # the enabled components are listed at DEBUG
        count = len(site.site.stories)
    assert news.returncode == 0, news.stderr[-3000:]
    assert len(read_jsonl(project / "news.jsonl")) == count
    assert json.loads((project / "news.jsonl").read_text().splitlines()[0])["url"].startswith("http://127.0.0.1")
