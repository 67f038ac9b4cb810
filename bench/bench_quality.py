"""Every quality figure of every shared benchmark, newscrawl and trafilatura side by side.

    .venv/bin/python bench/bench_quality.py                 # all four corpora
    .venv/bin/python bench/bench_quality.py --only body,snippets --keep /tmp/q

One command, one table: a change to extraction is kept only when it helps some corpus and
hurts none, so every corpus is scored in the same run. The trafilatura side is
``trafilatura.bare_extraction()`` with its metadata (body, date, author) over the same decoded
pages, run in its own process; htmldate is trafilatura's date finder, so its date column is
htmldate's figure too. Quality only: speed is ``bench_extract.py``'s job.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
BENCHMARKS = HERE.parent.parent / "shared" / "benchmarks"
CORPORA = {  # name -> (pages folder, gold, scorer, [(label, key in the scorer's --json)])
    "body": ("article-body/html", "article-body/ground-truth.json", "score_body.py",
             [("F1", "f1"), ("P", "precision"), ("R", "recall")]),
    "snippets": ("snippets/pages", "snippets/gold.json", "score_snippets.py",
                 [("F1", "f1"), ("P", "precision"), ("R", "recall")]),
    "dates": ("pub-date/pages", "pub-date/gold.json", "score_dates.py",
              [("day accuracy", "accuracy"), ("P", "precision"), ("R", "recall")]),
    "authors": ("authors/pages", "authors/gold.json", "score_authors.py",
                [("exact set", "exact"), ("name P", "name_precision"), ("name R", "name_recall")]),
}
TRAFILATURA_SIDE = '''
import json, sys
from pathlib import Path
import trafilatura
from newscrawl.cli import _input_files, _page_id
from newscrawl.extract.encoding import decode_html, looks_binary
import gzip
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for path in _input_files(Path(sys.argv[1])):
        data = path.read_bytes()
        if path.name.endswith(".gz"):
            data = gzip.decompress(data)
        doc = None if looks_binary(data) else trafilatura.bare_extraction(
            decode_html(data), with_metadata=True, as_dict=True)
        doc = doc if isinstance(doc, dict) else (doc.as_dict() if doc is not None else {})
        author = doc.get("author") or ""
        out.write(json.dumps({"id": _page_id(path), "articleBody": doc.get("text") or "",
                              "datePublished": doc.get("date"),
                              "authors": [a.strip() for a in author.split(";") if a.strip()]}) + "\\n")
'''


def run(command: list[str]) -> float:
    """Run ``command`` quietly to completion; its wall seconds."""
    started = time.monotonic()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode:
        sys.exit(f"{command[:3]} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return time.monotonic() - started


def score(scorer: Path, gold: Path, pred: Path) -> dict[str, Any]:
    """The scorer's ``--json`` summary; the overall group where it reports several."""
    done = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred),
                           "--json"], check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    summary: dict[str, Any] = result.get("all", result)
    if "name_precision" not in summary and "names_pred" in summary:
        hit, pred_n, gold_n = summary["names_hit"], summary["names_pred"], summary["names_gold"]
        summary["name_precision"] = hit / pred_n if pred_n else 0.0
        summary["name_recall"] = hit / gold_n if gold_n else 0.0
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--only", default=",".join(CORPORA), help="comma-separated corpora")
    parser.add_argument("--jobs", type=int, default=2, help="newscrawl extract worker processes")
    parser.add_argument("--keep", type=Path, help="folder to keep every JSON Lines output in")
    parser.add_argument("--no-trafilatura", action="store_true", help="newscrawl side only")
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n]
    unknown = sorted(set(names) - set(CORPORA))
    if unknown:
        parser.error(f"unknown corpus {unknown[0]!r}; choose from {', '.join(CORPORA)}")
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        print("| corpus | metric | newscrawl | trafilatura |")
        print("|---|---|---|---|")
        for name in names:
            folder, gold, scorer, metrics = CORPORA[name]
            pages, gold_path, scorer_path = BENCHMARKS / folder, BENCHMARKS / gold, BENCHMARKS / scorer
            ours = out / f"{name}.newscrawl.jsonl"
            run([sys.executable, "-m", "newscrawl.cli", "extract", str(pages), "--urls",
                 str(gold_path), "--output", str(ours), "--jobs", str(args.jobs)])
            found = [score(scorer_path, gold_path, ours)]
            if not args.no_trafilatura:
                theirs = out / f"{name}.trafilatura.jsonl"
                run([sys.executable, "-c", TRAFILATURA_SIDE, str(pages), str(theirs)])
                found.append(score(scorer_path, gold_path, theirs))
            for label, key in metrics:
                cells = [f"{s[key]:.3f}" if key in s else "-" for s in found]
                print(f"| {name} ({found[0].get('pages', found[0].get('n_docs', '?'))}) | {label} | " + " | ".join(cells)
                      + (" | - |" if args.no_trafilatura else " |"), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
