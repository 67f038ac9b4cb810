"""Quality and CPU cost of ``newscrawl extract`` on a benchmark, next to ``trafilatura.extract()``.

    .venv/bin/python bench/bench_extract.py body            # or dates, authors
    .venv/bin/python bench/bench_extract.py --input DIR --gold GOLD.json --scorer SCORER.py

Both sides run as subprocesses over the same files (each pays its own startup); CPU is
user + system time of the child processes (``RUSAGE_CHILDREN``), so a process pool counts in full.
Our package is byte-compiled first, as pip does for an installed package and did for trafilatura
(an editable checkout under ``PYTHONDONTWRITEBYTECODE`` would recompile it on every run).
The sides take turns ``--repeat`` times (default 3) and each side's median CPU is reported: on a
shared 2-core machine one run of either side varies by 10-20%.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE.parent.parent / "shared" / "benchmarks"
KNOWN = {  # name -> (input folder, gold file, scorer, headline metrics in the scorer's --json)
    "body": ("article-body/html", "article-body/ground-truth.json", "score_body.py",
             ("f1", "precision", "recall")),
    "dates": ("pub-date/pages", "pub-date/gold.json", "score_dates.py",
              ("accuracy", "precision", "recall")),
    "authors": ("authors/pages", "authors/gold.json", "score_authors.py",
                ("exact", "name_precision", "name_recall")),
}


@dataclass(frozen=True)
class Run:
    """One side's timed subprocesses: its name, output file and CPU seconds of each run."""

    name: str
    output: Path
    cpus: tuple[float, ...]

    @property
    def cpu(self) -> float:
        """The median run's CPU seconds."""
        return statistics.median(self.cpus)


def children_cpu() -> float:
    """User + system seconds of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(name: str, command: list[str]) -> float:
    """Run ``command`` to completion; the CPU seconds it used."""
    before = children_cpu()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"{name} failed ({done.returncode}):\n{done.stderr}")
    return children_cpu() - before


def taking_turns(sides: list[tuple[str, list[str], Path]], repeat: int) -> list[Run]:
    """Every side run ``repeat`` times, alternating, so a slow spell of the machine hits both."""
    cpus: list[list[float]] = [[] for _ in sides]
    for _ in range(repeat):
        for spent, (name, command, _output) in zip(cpus, sides):
            spent.append(timed(name, command))
    return [Run(name, output, tuple(spent)) for spent, (name, _, output) in zip(cpus, sides)]


def newscrawl_command(folder: Path, gold: Path, output: Path, jobs: int) -> list[str]:
    """The ``newscrawl extract`` call a user would type."""
    script = Path(sys.executable).with_name("newscrawl")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "newscrawl.cli"]
    extra = ["--jobs", str(jobs)]  # the CPU compared is one process's, as trafilatura's
    return [*base, "extract", str(folder), "--urls", str(gold), "--output", str(output), *extra]


def score(scorer: Path, gold: Path, pred: Path) -> dict[str, float]:
    """The scorer's ``--json`` summary (the overall group where it reports several)."""
    done = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred),
                           "--json"], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    summary: dict[str, float] = result.get("all", result)
    return summary


def count_lines(path: Path) -> int:
    """Pages written to a JSON Lines file."""
    with path.open(encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())


def print_table(runs: list[Run], scores: list[dict[str, float] | None],
                metrics: tuple[str, ...]) -> None:
    """One row per side: headline metrics, pages, CPU, pages per CPU-second and ratio."""
    head = [*metrics, "pages", "CPU s (median)", "pages/CPU-s", "ratio"]
    print("| side | " + " | ".join(head) + " |")
    print("|---" * (len(head) + 1) + "|")
    reference = count_lines(runs[-1].output) / runs[-1].cpu
    for run, found in zip(runs, scores):
        pages = count_lines(run.output)
        rate = pages / run.cpu
        values = [f"{found[m]:.3f}" if found and m in found else "-" for m in metrics]
        print(f"| {run.name} | " + " | ".join(
            [*values, str(pages), f"{run.cpu:.2f}", f"{rate:.1f}", f"{rate / reference:.2f}"]) + " |")
    ratios = [theirs / ours for ours, theirs in zip(runs[0].cpus, runs[-1].cpus)]
    print(f"ratio by turn: {', '.join(f'{r:.2f}' for r in ratios)}; CPU s by turn: "
          + "; ".join(f"{run.name.split()[0]} {', '.join(f'{c:.2f}' for c in run.cpus)}" for run in runs))


def parse_args() -> argparse.Namespace:
    """Command line: a known benchmark name, or a folder, gold file and scorer."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("benchmark", nargs="?", choices=sorted(KNOWN), help="shared benchmark")
    parser.add_argument("--input", type=Path, help="folder of pages (instead of a benchmark name)")
    parser.add_argument("--gold", type=Path, help="gold JSON, also passed as --urls")
    parser.add_argument("--scorer", type=Path, help="scorer script taking --gold --pred --json")
    parser.add_argument("--metrics", default="", help="comma-separated scorer keys to show")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes for newscrawl")
    parser.add_argument("--repeat", type=int, default=3, help="turns each side runs (median kept)")
    parser.add_argument("--keep", type=Path, help="folder to keep both JSON Lines outputs in")
    args = parser.parse_args()
    default_metrics: tuple[str, ...] = ("f1",)
    if args.benchmark:
        folder, gold, scorer, metrics = KNOWN[args.benchmark]
        args.input, args.gold = BENCHMARKS / folder, BENCHMARKS / gold
        args.scorer, default_metrics = BENCHMARKS / scorer, metrics
    elif not (args.input and args.gold and args.scorer):
        parser.error("give a benchmark name, or --input, --gold and --scorer")
    args.metrics = tuple(filter(None, args.metrics.split(","))) or default_metrics
    return args


def main() -> int:
    """Run both sides, score them, print the table."""
    args = parse_args()
    compileall.compile_dir(HERE.parent / "newscrawl", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        ours, theirs = out / "newscrawl.jsonl", out / "trafilatura.jsonl"
        runs = taking_turns([
            ("newscrawl extract (every field)",
             newscrawl_command(args.input, args.gold, ours, args.jobs), ours),
            ("trafilatura.extract() default",
             [sys.executable, str(HERE / "trafilatura_side.py"), str(args.input), str(theirs)], theirs),
        ], max(1, args.repeat))
        # trafilatura only gives a body: grade it on the body benchmark alone
        body_only = args.scorer.name == "score_body.py"
        scores = [score(args.scorer, args.gold, ours),
                  score(args.scorer, args.gold, theirs) if body_only else None]
        print(f"{args.input} ({args.scorer.name})")
        print_table(runs, scores, args.metrics)
    return 0


if __name__ == "__main__":
    sys.exit(main())
