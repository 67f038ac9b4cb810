"""Speed of ``newscrawl extract`` on a WARC, beside a plain loop of warcio + ``trafilatura.extract()``.

    .venv/bin/python bench/bench_warc.py [--records 5000] [--jobs 1] [--keep DIR]

Builds a WARC (gzip, one member per record, as crawlers and CC-NEWS write them) of ``--records``
HTTP 200 response records from the article-body benchmark pages, repeated under distinct URLs,
then times each side as its own process (both pay their imports): CPU is user + system of the
child and of every process under it (its own read as it exits, its pool workers' sampled), wall
is the child's elapsed time. The reference loop decodes each payload as the crawl does
(``decode_html``), like bench/trafilatura_side.py.
The sides take turns ``--repeat`` times and each side's median run is reported: on a shared
machine one run of either side varies by 10-20%, and the speed drifts within minutes.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_crawl import run_measured  # noqa: E402 - bench scripts are not a package
PAGES = ROOT.parent / "shared" / "benchmarks" / "article-body" / "html"


def build_warc(target: Path, records: int) -> int:
    """``records`` responses cycling through the benchmark pages; the file's size."""
    from warcio.statusandheaders import StatusAndHeaders  # noqa: PLC0415
    from warcio.warcwriter import WARCWriter  # noqa: PLC0415

    pages = [(p.name.split(".")[0], gzip.decompress(p.read_bytes())) for p in sorted(PAGES.glob("*.html.gz"))]
    with target.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(records):
            page_id, body = pages[n % len(pages)]
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                f"https://bench.example/{n // len(pages)}/{page_id}", "response",
                payload=io.BytesIO(body), http_headers=http))
    return target.stat().st_size


def reference_loop(warc: str, output: str) -> int:
    """The plain loop: every HTML 200 response through ``trafilatura.extract()``, one JSON line each."""
    import trafilatura  # noqa: PLC0415
    from warcio.archiveiterator import ArchiveIterator  # noqa: PLC0415

    from newscrawl.extract.encoding import decode_html  # noqa: PLC0415

    with open(warc, "rb") as stream, open(output, "w", encoding="utf-8") as out:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers.get_statuscode() != "200":
                continue
            content_type = record.http_headers.get_header("Content-Type")
            text = trafilatura.extract(decode_html(record.content_stream().read(), content_type))
            out.write(json.dumps({"id": record.rec_headers.get_header("WARC-Target-URI"),
                                  "articleBody": text or ""}) + "\n")
    return 0


def timed(command: list[str], log: Path) -> tuple[float, float]:
    """(CPU seconds of the child and every process under it, wall seconds).

    With ``--jobs`` > 1 the pool's workers are forked by the fork server, which nobody waits
    for, so ``RUSAGE_CHILDREN`` would leave their CPU out: bench_crawl's sampler of the process
    tree reads it (up to 0.2 s short a worker).
    """
    measured = run_measured(command, ROOT, dict(os.environ), log)
    return measured.cpu_main + measured.cpu_children, measured.wall


def median_run(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The run of median CPU (with its own wall time)."""
    middle = statistics.median_low([cpu for cpu, _ in runs])
    return next(run for run in runs if run[0] == middle)


def lines(path: Path) -> int:
    return sum(1 for _ in path.open(encoding="utf-8"))


def main() -> int:
    """Build the WARC, time both sides, print records/s and the CPU ratio."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=1, help="newscrawl extract --jobs (the loop is one process)")
    parser.add_argument("--repeat", type=int, default=3, help="turns each side runs (median kept)")
    parser.add_argument("--keep", type=Path, help="folder for the WARC and both outputs (default: a temporary one)")
    parser.add_argument("--reference-loop", nargs=2, metavar=("WARC", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.reference_loop:
        return reference_loop(*args.reference_loop)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench_warc."))
    folder.mkdir(parents=True, exist_ok=True)
    warc = folder / "bench.warc.gz"
    size = build_warc(warc, args.records)
    print(f"{warc}: {args.records} response records, {size / 2**20:.1f} MiB")
    ours_out, loop_out = folder / "newscrawl.jsonl", folder / "trafilatura.jsonl"
    ours_command = [sys.executable, "-m", "newscrawl.cli", "extract", str(warc), "-o", str(ours_out),
                    "--jobs", str(args.jobs)]
    loop_command = [sys.executable, str(Path(__file__).resolve()), "--reference-loop", str(warc), str(loop_out)]
    turns: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for _ in range(max(1, args.repeat)):  # alternating, so a slow spell of the machine hits both
        turns.append((timed(ours_command, folder / "newscrawl.log"), timed(loop_command, folder / "loop.log")))
    ours = median_run([t[0] for t in turns])
    loop = median_run([t[1] for t in turns])
    print(f"{'side':<28}{'records out':>12}{'CPU s':>9}{'wall s':>9}{'rec/CPU-s':>11}{'rec/s wall':>11}")
    for name, (cpu, wall), out in ((f"newscrawl extract -j{args.jobs}", ours, ours_out),
                                   ("warcio + trafilatura.extract", loop, loop_out)):
        print(f"{name:<28}{lines(out):>12}{cpu:>9.1f}{wall:>9.1f}{args.records / cpu:>11.1f}"
              f"{args.records / wall:>11.1f}")
    print("CPU s by turn: newscrawl " + ", ".join(f"{o[0]:.1f}" for o, _ in turns)
          + "; loop " + ", ".join(f"{loop_run[0]:.1f}" for _, loop_run in turns)
          + "; ratio by turn " + ", ".join(f"{loop_run[0] / o[0]:.2f}" for o, loop_run in turns))
    print(f"CPU ratio (records per CPU-second, newscrawl / loop), median runs: {loop[0] / ours[0]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
