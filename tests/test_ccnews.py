"""``newscrawl ccnews``: a real HTTP server on 127.0.0.1 with CC-NEWS's path layout, WARCs written here."""

from __future__ import annotations

import gzip
import json
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.warcwriter import WARCWriter

from test_warc_extract import ROOT, article, response

MONTH_DIR = "crawl-data/CC-NEWS/2024/05"
WARCS = [f"CC-NEWS-2024050{n}000000-0000{n}.warc.gz" for n in range(1, 4)]


def story_urls(n: int) -> list[str]:
    return [f"https://news{n}.example/2024/05/story-{k}" for k in range(3)]


class Handler(SimpleHTTPRequestHandler):
    """Static files, plus scripted trouble: ``fail`` maps a path to statuses served before the file,
    ``delay`` to seconds slept before serving it (once each), ``cut`` to how many times its body stops half way;
    ``Range: bytes=N-`` is answered with 206. Requests are logged in ``seen`` (path) and ``ranges``."""

    fail: dict[str, list[int]] = {}
    delay: dict[str, list[float]] = {}
    cut: dict[str, int] = {}
    seen: list[str] = []
    ranges: list[str | None] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        type(self).seen.append(self.path)
        type(self).ranges.append(self.headers.get("Range"))
        if statuses := self.fail.get(self.path):
            self.send_error(statuses.pop(0))
            return
        if pauses := self.delay.get(self.path):
            time.sleep(pauses.pop(0))
        if self.cut.get(self.path) or self.headers.get("Range"):
            self.send_part(Path(self.translate_path(self.path)).read_bytes())
            return
        super().do_GET()

    def send_part(self, data: bytes) -> None:
        start = int(self.headers.get("Range", "bytes=0-")[len("bytes="):].rstrip("-") or 0)
        self.send_response(206 if start else 200)
        self.send_header("Content-Length", str(len(data) - start))
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.end_headers()
        if self.cut.get(self.path):
            self.cut[self.path] -= 1
            self.wfile.write(data[start:start + (len(data) - start) // 2])  # then the connection closes
            self.close_connection = True
            return
        self.wfile.write(data[start:])

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def cc_server(tmp_path: Path) -> Iterator[tuple[str, type[Handler]]]:
    """CC-NEWS for 2024-05: three WARCs of three stories each, and their warc.paths.gz."""
    root = tmp_path / "www"
    month = root / MONTH_DIR
    month.mkdir(parents=True)
    for n, name in enumerate(WARCS, 1):
        with (month / name).open("wb") as out:
            writer = WARCWriter(out, gzip=True)
            for url in story_urls(n):
                response(writer, url, article(f"Story {url.rsplit('-', 1)[1]} of site {n}"))
    (month / "warc.paths.gz").write_bytes(gzip.compress("".join(f"{MONTH_DIR}/{w}\n" for w in WARCS).encode()))
    handler = type("ScriptedHandler", (Handler,), {"fail": {}, "delay": {}, "cut": {}, "seen": [], "ranges": []})
    with ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(root))) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield f"http://127.0.0.1:{server.server_port}", handler
        server.shutdown()


def ccnews_command(base: str, output: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "newscrawl.cli", "ccnews", "--month", "2024-05", "--base-url", base,
            "--output", str(output), "-s", "NEWSCRAWL_CCNEWS_BACKOFF=0.05", "-s", "NEWSCRAWL_CCNEWS_TIMEOUT=10",
            *args]


ENV = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_PROXY": "*"}


def ccnews(base: str, output: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(ccnews_command(base, output, *args), capture_output=True, text=True, cwd=ROOT, env=ENV,
                          timeout=180, check=False)


def ids(output: Path) -> Counter[str]:
    """Every record id of the finished outputs, with how often it appears."""
    return Counter(json.loads(line)["id"] for f in sorted(output.glob("*.jsonl"))
                   for line in f.read_text(encoding="utf-8").splitlines())


ALL = Counter(url for n in range(1, 4) for url in story_urls(n))


def test_a_month_gives_one_jsonl_per_warc(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    out = tmp_path / "out"
    run = ccnews(base, out, "--domain", "news2.example")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir() if p.name != ".ccnews.lock") == sorted(
        w.replace(".warc.gz", ".jsonl") for w in WARCS)
    assert ids(out) == Counter(story_urls(2))
    assert "3 WARCs extracted" in run.stderr and "other-domain" in run.stderr


def test_rerun_skips_finished_warcs_and_redoes_a_partial_one(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    out = tmp_path / "out"
    assert ccnews(base, out).returncode == 0
    finished = out / WARCS[0].replace(".warc.gz", ".jsonl")
    kept = finished.read_text()
    last = out / WARCS[2].replace(".warc.gz", ".jsonl")
    last.unlink()
    (out / f".{last.name}.part").write_text('{"id": "https://news3.example/half-written"}\n')
    handler.seen.clear()
    run = ccnews(base, out)
    assert run.returncode == 0, run.stderr
    assert handler.seen == [f"/{MONTH_DIR}/warc.paths.gz", f"/{MONTH_DIR}/{WARCS[2]}"]
    assert finished.read_text() == kept
    assert ids(out) == ALL
    assert not list(out.glob(".*.part")) + list(out.glob(".*.download*"))  # nothing half-done left behind


def test_killed_run_then_rerun_loses_and_duplicates_nothing(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    handler.delay[f"/{MONTH_DIR}/{WARCS[1]}"] = [30.0]  # the second WARC hangs: the kill lands there
    out = tmp_path / "out"
    first = out / WARCS[0].replace(".warc.gz", ".jsonl")
    process = subprocess.Popen(ccnews_command(base, out), cwd=ROOT, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not first.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.exists(), "the first WARC's output never appeared"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert sorted(p.name for p in out.glob("*.jsonl")) == [first.name]
    handler.delay.clear()
    handler.seen.clear()
    run = ccnews(base, out)
    assert run.returncode == 0, run.stderr
    assert ids(out) == ALL  # every record, exactly once
    assert f"/{MONTH_DIR}/{WARCS[0]}" not in handler.seen  # finished before the kill: not redone


def test_503_then_200_is_retried(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    handler.fail[f"/{MONTH_DIR}/warc.paths.gz"] = [503]
    handler.fail[f"/{MONTH_DIR}/{WARCS[1]}"] = [503, 502]
    out = tmp_path / "out"
    run = ccnews(base, out)
    assert run.returncode == 0, run.stderr
    assert ids(out) == ALL
    assert Counter(handler.seen)[f"/{MONTH_DIR}/{WARCS[1]}"] == 3
    assert "retry 1 of 5" in run.stderr


def test_a_timeout_is_retried(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    handler.delay[f"/{MONTH_DIR}/{WARCS[0]}"] = [3.0]  # the first answer comes after the timeout
    out = tmp_path / "out"
    run = ccnews(base, out, "-s", "NEWSCRAWL_CCNEWS_TIMEOUT=1")
    assert run.returncode == 0, run.stderr
    assert ids(out) == ALL
    assert Counter(handler.seen)[f"/{MONTH_DIR}/{WARCS[0]}"] == 2 and "retry 1 of 5" in run.stderr


def test_a_cut_download_resumes_where_it_stopped(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    path = f"/{MONTH_DIR}/{WARCS[1]}"
    handler.cut[path] = 2  # half, then half of the rest, then the rest
    out = tmp_path / "out"
    run = ccnews(base, out)
    assert run.returncode == 0, run.stderr
    assert ids(out) == ALL
    asked = [r for p, r in zip(handler.seen, handler.ranges) if p == path]
    size = (tmp_path / "www" / MONTH_DIR / WARCS[1]).stat().st_size
    assert asked == [None, f"bytes={size // 2}-", f"bytes={size // 2 + (size - size // 2) // 2}-"]


def test_404_of_the_paths_file_is_one_line_and_non_zero(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    handler.fail[f"/{MONTH_DIR}/warc.paths.gz"] = [404]
    run = ccnews(base, tmp_path / "out")
    assert run.returncode != 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "404" in lines[0] and "warc.paths.gz" in lines[0]
    assert handler.seen == [f"/{MONTH_DIR}/warc.paths.gz"]  # 404 is not retried


def test_403_and_a_missing_warc(cc_server, tmp_path: Path) -> None:
    base, handler = cc_server
    handler.fail[f"/{MONTH_DIR}/warc.paths.gz"] = [403]
    run = ccnews(base, tmp_path / "out")
    assert run.returncode != 0 and "403" in run.stderr and "Traceback" not in run.stderr
    handler.fail[f"/{MONTH_DIR}/{WARCS[0]}"] = [404]
    run = ccnews(base, tmp_path / "out")
    assert run.returncode == 1 and "404" in run.stderr
    assert ids(tmp_path / "out") == ALL - Counter(story_urls(1))


def test_a_second_run_on_the_same_folder_is_refused(cc_server, tmp_path: Path) -> None:
    import fcntl  # noqa: PLC0415

    base, handler = cc_server
    out = tmp_path / "out"
    out.mkdir()
    with (out / ".ccnews.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # as a run in progress holds it
        run = ccnews(base, out)
    assert run.returncode == 3 and "another newscrawl ccnews" in run.stderr and handler.seen == []
