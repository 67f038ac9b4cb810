"""The log at the default level: a line per record written and per page dropped, a progress line,
the summary naming time and output; Scrapy's dumps only at DEBUG; one line for a dead site."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from archive_helpers import crawl_env

from newscrawl.demo.server import DemoServer


def _crawl(folder, url, *args):
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={url}/", "-O", "out.jsonl",
               "-s", "AUTOTHROTTLE_START_DELAY=0", *args]
    return subprocess.run(command, cwd=folder, env=crawl_env(), capture_output=True, text=True, timeout=120,
                          check=False)


def test_default_log_has_one_line_per_record_and_the_summary_last(tmp_path):
    with DemoServer() as site:
        done = _crawl(tmp_path, site.url)
    assert done.returncode == 0, done.stderr[-2000:]
    log = done.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert records
    for record in records:
        assert f"INFO: Wrote {record['canonicalUrl']}: {record['headline']}\n" in log
    assert "Article(" not in log and "articleBody" not in log  # never the record itself
    for dump in ("Overridden settings", "Enabled extensions", "Enabled item pipelines", "Dumping Scrapy stats",
                 "Versions:", "DEBUG:"):
        assert dump not in log, dump
    assert re.search(r"INFO: progress: \d+ pages fetched \(\d+/min\), \d+ records written, \d+ dropped, "
                     r"\d+ requests queued", log)
    assert log.index("Stored jsonl feed") < log.index("crawl summary")
    summary = log[log.index("crawl summary"):]
    assert re.search(r"\nelapsed: \d+s\n", summary)
    assert f"articles written: {len(records)} to out.jsonl" in summary
    assert "Dropped: duplicate-url: already written in this crawl at " in log or "duplicate-url" not in summary


def test_debug_level_still_has_scrapys_dumps(tmp_path):
    with DemoServer() as site:
        done = _crawl(tmp_path, site.url, "-L", "DEBUG")
    assert "Overridden settings" in done.stderr and "Dumping Scrapy stats" in done.stderr


def test_an_unreachable_site_is_one_warning_line_without_traceback(tmp_path):
    done = _crawl(tmp_path, "http://127.0.0.1:9")
    assert done.returncode == 3
    assert "Traceback" not in done.stderr
    problems = [line for line in done.stderr.splitlines() if " WARNING: " in line or " ERROR: " in line]
    assert len(problems) == 1 and "robots.txt of 127.0.0.1:9 could not be fetched" in problems[0]
