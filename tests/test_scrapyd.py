"""A real scrapyd on 127.0.0.1: deploy the project with scrapyd-deploy, schedule `news`, read its output."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from archive_helpers import ROOT, crawl_env, read_jsonl

from newscrawl.demo.server import DemoServer

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _api(base: str, endpoint: str, data: dict[str, str] | list[tuple[str, str]] | None = None) -> dict:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    with urllib.request.urlopen(f"{base}/{endpoint}", data=body, timeout=10) as reply:
        return json.loads(reply.read())


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.3)
    raise AssertionError(f"timed out waiting for {what}")


def _up(base: str) -> bool:
    try:
        return _api(base, "daemonstatus.json")["status"] == "ok"
    except OSError:
        return False


@pytest.fixture
def scrapyd(tmp_path):
    """scrapyd on a free loopback port, in its own folder; stopped afterwards."""
    port, home = _free_port(), tmp_path / "scrapyd"
    home.mkdir()
    (home / "scrapyd.conf").write_text(
        f"[scrapyd]\nbind_address = 127.0.0.1\nhttp_port = {port}\neggs_dir = eggs\nlogs_dir = logs\n"
        "items_dir =\ndbs_dir = dbs\nmax_proc = 1\npoll_interval = 0.5\n", encoding="utf-8")
    log = (home / "scrapyd.log").open("w")
    process = subprocess.Popen([str(BIN / "scrapyd")], cwd=home, env=crawl_env(), stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(lambda: _up(base), 30, "scrapyd to answer")
        yield base, home
    finally:
        process.terminate()
        process.wait(timeout=20)


def _checkout_copy(target: Path) -> Path:
    """The repository as a user has it (pyproject.toml, setup.py, scrapy.cfg and all), minus
    what a build or a run leaves behind; scrapyd-deploy builds in the folder it runs in."""
    leftovers = shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", "dist",
                                       "output", ".pytest_cache", ".hypothesis", ".mypy_cache")
    shutil.copytree(ROOT, target, ignore=leftovers)
    return target


def _deploy(base: str, tmp_path: Path) -> None:
    """The documented command, `scrapyd-deploy`, run in a copy of the checkout with a target added."""
    project = _checkout_copy(tmp_path / "project")
    with (project / "scrapy.cfg").open("a", encoding="utf-8") as config:
        config.write(f"\n[deploy:test]\nurl = {base}/\nproject = newscrawl\n")
    done = subprocess.run([str(BIN / "scrapyd-deploy"), "test"], cwd=project, env=crawl_env(),
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and json.loads(done.stdout)["status"] == "ok", done.stderr[-2000:]


def test_deploy_schedule_and_read_the_output(scrapyd, tmp_path):
    base, home = scrapyd
    _deploy(base, tmp_path)
    assert "news" in _api(base, "listspiders.json?project=newscrawl")["spiders"]
    with DemoServer() as site:
        job = _api(base, "schedule.json", [("project", "newscrawl"), ("spider", "news"), ("url", site.url + "/"),
                                           ("setting", "AUTOTHROTTLE_START_DELAY=0")])["jobid"]
        finished = lambda: any(j["id"] == job for j in _api(base, "listjobs.json?project=newscrawl")["finished"])
        _wait(finished, 120, "the scheduled crawl to finish")
    [output] = (home / "output/news").glob("news-*.jsonl")
    records = read_jsonl(output)
    assert {r["canonicalUrl"] for r in records} == {site.url + s.path for s in site.site.stories}
    assert {r["changeType"] for r in records} == {"new"}
    assert (home / "output/index.sqlite").exists()  # the job's folder is scrapyd's: runs are incremental
