"""Instructions a warm pass over article-body costs: newscrawl's record against ``trafilatura.extract()``.

    .venv/bin/python bench/bench_instructions.py [--tree DIR] [--side newscrawl|trafilatura|both]

CPU seconds on a shared 2-core machine drift by 20% within minutes, which hides a 3% change;
instruction counts do not drift. Each side runs under valgrind (cachegrind, no cache
simulation) twice, over the 88 pages once and twice; the difference is one warm pass, without
the imports and first-call costs. ``--tree`` measures another checkout of the package (an A/B of
a change: ``git archive HEAD newscrawl | tar -x -C /tmp/base``). Instructions are not time (our
Python-level code runs fewer of them per second than trafilatura's lxml-heavy work does), so
the CPU ratio stays the bar; this tells whether a change cut work at all. Needs valgrind
(``apt install valgrind``); a run takes 3-4 minutes.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "benchmarks" / "article-body"


def passes(side: str, count: int) -> None:
    """The work measured: ``count`` passes over the pages in this process."""
    import gzip  # noqa: PLC0415 - only in the measured child
    import json  # noqa: PLC0415

    from newscrawl.extract.encoding import decode_html  # noqa: PLC0415

    gold = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [((gold.get(p.name.split(".")[0]) or {}).get("url") or "https://x.example/a", gzip.decompress(p.read_bytes()))
             for p in sorted((PAGES / "html").glob("*.html.gz"))]
    if side == "trafilatura":
        import trafilatura  # noqa: PLC0415

        for _ in range(count):
            for _url, body in pages:
                trafilatura.extract(decode_html(body))
        return
    from newscrawl.extract.errors import ExtractionError  # noqa: PLC0415
    from newscrawl.extract.page import PageInput  # noqa: PLC0415
    from newscrawl.record import build_record  # noqa: PLC0415

    for _ in range(count):
        for url, body in pages:
            try:
                build_record(PageInput(url=url, html=decode_html(body)))
            except ExtractionError:
                pass


def instructions(side: str, count: int, tree: Path) -> int:
    """Instructions valgrind counts for a child doing ``count`` passes."""
    environment = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, str(Path(__file__).resolve()), "--passes", side, str(count)],
        capture_output=True, text=True, env=environment, cwd="/", check=True)
    found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
    if found is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> int:
    """Print one warm pass's instructions for each side asked, and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tree", type=Path, default=ROOT, help="folder holding the newscrawl package")
    parser.add_argument("--side", choices=("newscrawl", "trafilatura", "both"), default="both")
    parser.add_argument("--passes", nargs=2, metavar=("SIDE", "COUNT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.passes:
        passes(args.passes[0], int(args.passes[1]))
        return 0
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed: apt install valgrind")
    sides = ("newscrawl", "trafilatura") if args.side == "both" else (args.side,)
    warm = {}
    for side in sides:
        once, twice = instructions(side, 1, args.tree), instructions(side, 2, args.tree)
        warm[side] = twice - once
        print(f"{side:<12} one pass (with imports) {once / 1e9:6.2f} G instructions, warm pass {warm[side] / 1e9:6.2f} G")
    if len(warm) == 2:
        print(f"trafilatura / newscrawl, warm pass: {warm['trafilatura'] / warm['newscrawl']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
