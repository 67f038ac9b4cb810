"""Crawl speed and memory on one machine: the full ``news`` crawl of a generated site.

    .venv/bin/python bench/bench_crawl.py --articles 5000 [--rounds 3]

Serves ``crawl_site.py`` (N articles from the benchmark pages, sitemaps, a feed, sections)
from its own process on 127.0.0.1, then alternates, ``--rounds`` times:
1. ``trafilatura.extract()`` alone over the same article pages in one process;
2. ``scrapy crawl news -a url=... -O out.jsonl``: discovery, fetch, extraction in the pool,
   normalization, archive index (a fresh one each round), JSONL export (AutoThrottle off, high
   concurrency, a JOBDIR for disk queues);
after each round the same crawl again with that round's archive index (a re-crawl with nothing
new: its wall time and CPU); it times trafilatura alone once more at the end, then a bare Scrapy
spider (``bare_spider.py``) fetching the same article URLs and doing nothing. Each round's ratio compares the crawl's
pages/s with the mean rate of the trafilatura runs just before and after it (this machine's
speed drifts by 20% and more within minutes); the bar is read on the median round.
It prints pages/s, CPU ms a page split into crawl (the Scrapy process) and extraction (pool
worker processes), and peak RSS summed over the process tree (psutil, sampled every 0.2 s).
"""

from __future__ import annotations

import argparse
import json
import statistics
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from crawl_site import Site, article_path, templates  # noqa: E402 - bench scripts are not a package

FAST = {"AUTOTHROTTLE_ENABLED": "False", "CONCURRENT_REQUESTS": "64",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "64", "DOWNLOAD_DELAY": "0", "LOG_LEVEL": "INFO"}


@dataclass
class Measured:
    """One process tree run to completion."""

    wall: float = 0.0
    cpu_main: float = 0.0
    cpu_children: float = 0.0
    peak_rss: int = 0
    last_cpu: dict[int, float] = field(default_factory=dict)


def _sample(root: psutil.Process, measured: Measured, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.NoSuchProcess:
            return
        rss = 0
        for proc in tree:
            try:
                rss += proc.memory_info().rss
                if proc.pid != root.pid:
                    times = proc.cpu_times()
                    measured.last_cpu[proc.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                continue
        measured.peak_rss = max(measured.peak_rss, rss)
        stop.wait(0.2)


def run_measured(command: list[str], cwd: Path, env: dict[str, str], log: Path) -> Measured:
    """Run ``command``; CPU of the main process and of its children, peak RSS of the tree."""
    measured, stop = Measured(), threading.Event()
    start = time.perf_counter()
    with log.open("w") as err:
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        sampler = threading.Thread(target=_sample, args=(psutil.Process(proc.pid), measured, stop))
        sampler.start()
        # Wait for the exit without reaping, to read the process's own CPU as it ended: the
        # pool's workers are not all its children (forked by the fork server, which nobody
        # waits for), so wait4's total of the children it reaped would not split.
        os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
        measured.wall = time.perf_counter() - start
        own = psutil.Process(proc.pid).cpu_times()
        _, status, _usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{command[:4]} failed ({proc.returncode}):\n{log.read_text()[-3000:]}")
    measured.cpu_main = own.user + own.system
    measured.cpu_children = sum(measured.last_cpu.values())  # sampled: up to 0.2 s short each
    return measured


def settings_args(settings: dict[str, str]) -> list[str]:
    """``-s NAME=VALUE`` for each setting."""
    return [arg for name, value in settings.items() for arg in ("-s", f"{name}={value}")]


def full_crawl(base: str, articles: int, work: Path, workers: int | None,
               name: str = "crawl") -> tuple[Measured, dict, int]:
    """The real crawl as a user runs it; its measurements, stats and records written.

    The archive index is ``work/index.sqlite``: fresh for a round's first crawl, the same one
    for its re-crawl (``name`` keeps their job folder, stats, log and output apart).
    """
    settings = {**FAST, "JOBDIR": str(work / f"{name}-job"),
                "NEWSCRAWL_STATS_FILE": str(work / f"{name}-stats.json"),
                "NEWSCRAWL_MAX_PAGES_PER_SITE": str(2 * articles),  # the one site is all N articles
                "NEWSCRAWL_INDEX_PATH": str(work / "index.sqlite")}
    if workers is not None:
        settings["NEWSCRAWL_EXTRACT_WORKERS"] = str(workers)
    out = work / f"{name}.jsonl"
    command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={base}/", "-O", str(out),
               *settings_args(settings)]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings", "PYTHONPATH": str(ROOT)}
    measured = run_measured(command, ROOT, env, work / f"{name}.log")
    stats = json.loads((work / f"{name}-stats.json").read_text())["stats"]
    with out.open(encoding="utf-8") as lines:
        records = sum(1 for line in lines if line.strip())
    return measured, stats, records


def bare_crawl(base: str, articles: int, work: Path) -> Measured:
    """The bare spider over the same article URLs, outside the project (Scrapy's defaults)."""
    urls = work / "urls.txt"
    urls.write_text("".join(f"{base}{article_path(i)}\n" for i in range(articles)))
    bare = work / "bare"
    bare.mkdir()
    command = [sys.executable, "-m", "scrapy", "runspider", str(HERE / "bare_spider.py"),
               "-a", f"urls={urls}", *settings_args(FAST)]
    env = {k: v for k, v in os.environ.items() if k not in ("SCRAPY_SETTINGS_MODULE", "PYTHONPATH")}
    return run_measured(command, bare, env, work / "bare.log")


def trafilatura_alone(articles: int) -> dict[str, float]:
    """``trafilatura.extract()`` over the same article pages, in this one (child) process."""
    import trafilatura

    site = Site(articles, templates())
    pages = [site.article(i, "http://127.0.0.1").decode("utf-8") for i in range(articles)]
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    for html in pages:
        trafilatura.extract(html)
    return {"wall": time.perf_counter() - start_wall, "cpu": time.process_time() - start_cpu}


def trafilatura_run(articles: int) -> dict[str, float]:
    """``trafilatura_alone`` in a fresh process of its own."""
    done = subprocess.run([sys.executable, __file__, "--articles", str(articles), "--trafilatura-only"],
                          check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout)
    return result


def serve(articles: int, work: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Start the site server process; its base URL."""
    port_file = work / "port"
    server = subprocess.Popen([sys.executable, str(HERE / "crawl_site.py"), "--articles",
                               str(articles), "--port-file", str(port_file)])
    for _ in range(200):
        if port_file.exists() and port_file.read_text():
            return server, f"http://127.0.0.1:{port_file.read_text()}"
        time.sleep(0.05)
    server.kill()
    raise SystemExit("the site server did not start")


def row(name: str, pages: int, m: Measured) -> str:
    """One table row."""
    return (f"| {name} | {pages} | {m.wall:.1f} | {pages / m.wall:.1f} | {1000 * m.cpu_main / pages:.1f} "
            f"| {1000 * m.cpu_children / pages:.1f} | {m.peak_rss / 2**20:.0f} |")


def report(articles: int, crawls: list[tuple[Measured, dict, int]], bare: Measured,
           alone_runs: list[dict[str, float]], load: tuple[float, ...]) -> None:
    """Print one table row per run and the ratio of each round; the bar is read on the median."""
    # Pages = successful downloads (articles and discovery pages); the 404s of broken relative
    # links in the benchmark pages are fetched and counted in the CPU but not as pages.
    print(f"N = {articles} articles; load average before the run {load[0]:.2f}; {psutil.cpu_count()} cores")
    print("| run | pages | wall s | pages/s | CPU ms/page main | CPU ms/page pool | peak RSS MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    ratios = []
    for number, (full, stats, _records) in enumerate(crawls, 1):
        before, after = alone_runs[number - 1], alone_runs[number]
        if number == 1:
            print(_alone_row("trafilatura.extract() alone, one process, before round 1", articles, before))
        pages = int(stats.get("downloader/response_status_count/200", 0))
        print(row(f"round {number}: full crawl (news spider, pipeline, JSONL)", pages, full))
        print(_alone_row(f"trafilatura.extract() alone, one process, after round {number}", articles, after))
        rate = (articles / before["wall"] + articles / after["wall"]) / 2
        ratios.append((pages / full.wall) / rate)
    print(row("bare Scrapy spider, same article URLs", articles, bare))
    print("full crawl / trafilatura alone, by round: " + ", ".join(f"{r:.2f}x" for r in ratios)
          + f"; median {statistics.median(ratios):.2f}x (bar: >= {1.5 if articles >= 5000 else 1.0}x)")
    pages, full = int(crawls[-1][1].get("downloader/response_status_count/200", 0)), crawls[-1][0]
    print(f"full / bare (last round) = {(pages / full.wall) / (articles / bare.wall):.2f}x; "
          f"peak RSS over the rounds {max(c[0].peak_rss for c in crawls) / 2**20:.0f} MB; "
          f"records written {', '.join(str(c[2]) for c in crawls)}")


def _alone_row(name: str, articles: int, alone: dict[str, float]) -> str:
    return (f"| {name} | {articles} | {alone['wall']:.1f} | {articles / alone['wall']:.1f} "
            f"| {1000 * alone['cpu'] / articles:.1f} | - | - |")


def main(argv: list[str] | None = None) -> int:
    """Run the sides, alternating crawl and trafilatura rounds, and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=3, help="crawls, each between two trafilatura runs")
    parser.add_argument("--workers", type=int, default=None, help="NEWSCRAWL_EXTRACT_WORKERS")
    parser.add_argument("--concurrency", type=int, default=64, help="CONCURRENT_REQUESTS(_PER_DOMAIN)")
    parser.add_argument("--trafilatura-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.trafilatura_only:
        print(json.dumps(trafilatura_alone(args.articles)))
        return 0
    FAST["CONCURRENT_REQUESTS"] = FAST["CONCURRENT_REQUESTS_PER_DOMAIN"] = str(args.concurrency)
    print(f"settings: {FAST}")
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
        work = Path(tmp)
        alone_runs = [trafilatura_run(args.articles)]
        crawls, recrawls = [], []
        server, base = serve(args.articles, work)
        try:
            for number in range(1, args.rounds + 1):
                round_dir = work / f"round-{number}"
                round_dir.mkdir()
                crawls.append(full_crawl(base, args.articles, round_dir, args.workers))
                alone_runs.append(trafilatura_run(args.articles))
                # the same site again, with the round's archive index: nothing new to write
                recrawls.append(full_crawl(base, args.articles, round_dir, args.workers, "recrawl"))
            served = psutil.Process(server.pid).cpu_times()
            bare = bare_crawl(base, args.articles, work)
        finally:
            server.kill()
            server.wait()
        report(args.articles, crawls, bare, alone_runs, load)
        for number, (again, again_stats, again_records) in enumerate(recrawls, 1):
            print(f"re-crawl with nothing new after round {number} (same index): {again.wall:.2f} s wall, "
                  f"CPU main {again.cpu_main:.2f} s, pool {again.cpu_children:.2f} s, "
                  f"{int(again_stats.get('downloader/response_count', 0))} responses, "
                  f"records written {again_records} (bar: under 2 s)")
        stats = crawls[-1][1]
        drops = {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("newscrawl/dropped/")}
        print(f"drops (last round): {drops}")
        print(f"site server CPU over the crawls: {served.user + served.system:.1f} s (its own process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
