"""Each record says where it came from: HTTP status, ETag, a hash of the bytes, the site's name,
the crawl's run id, and with WARC output on, the WARC file and record holding the capture."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

from warcio.archiveiterator import ArchiveIterator

from archive_helpers import crawl_env

from newscrawl.demo.server import DemoServer


def test_records_trace_to_their_warc_capture(tmp_path):
    warc = tmp_path / "crawl.warc.gz"
    with DemoServer() as site:
        (tmp_path / "sites.toml").write_text(f'[[site]]\nname = "Valley Gazette"\nurl = "{site.url}/"\n',
                                            encoding="utf-8")
        command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", "sites=sites.toml", "-O", "out.jsonl",
                   "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "NEWSCRAWL_RUN_ID=nightly-42",
                   "-s", "NEWSCRAWL_WARC_ENABLED=True", "-s", f"NEWSCRAWL_WARC_PATH={warc}"]
        done = subprocess.run(command, cwd=tmp_path, env=crawl_env(), capture_output=True, text=True, timeout=120,
                              check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    with warc.open("rb") as stream:
        captures = {r.rec_headers.get_header("WARC-Record-ID"): (r.rec_headers.get_header("WARC-Target-URI"),
                                                                   r.content_stream().read())
                    for r in ArchiveIterator(stream) if r.rec_type == "response"}
    assert records
    for record in records:
        meta = record["metadata"]
        assert meta["httpStatus"] == 200 and meta["runId"] == "nightly-42" and meta["siteName"] == "Valley Gazette"
        assert meta["warcFilename"] == "crawl.warc.gz"
        uri, payload = captures[meta["warcRecordId"]]
        assert uri == record["url"]
        assert meta["contentHash"] == "sha256:" + hashlib.sha256(payload).hexdigest()
    assert json.loads((tmp_path / "out.stats.json").read_text())["stats"]["newscrawl/run_id"] == "nightly-42"


def test_without_a_run_id_each_crawl_makes_its_own(tmp_path):
    runs = []
    with DemoServer() as site:
        for n in range(2):
            command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={site.url}/", "-O", f"{n}.jsonl",
                       "-s", "AUTOTHROTTLE_START_DELAY=0", "-s", "NEWSCRAWL_INDEX_ENABLED=False"]
            subprocess.run(command, cwd=tmp_path, env=crawl_env(), capture_output=True, timeout=120, check=True)
            lines = (tmp_path / f"{n}.jsonl").read_text(encoding="utf-8").splitlines()
            runs.append({json.loads(line)["metadata"]["runId"] for line in lines})
            assert {json.loads(line)["metadata"]["siteName"] for line in lines} == {"127.0.0.1"}
    assert all(len(ids) == 1 for ids in runs) and runs[0] != runs[1]
