"""How often the page-type judgement calls a benchmark page (every one an article) an article.

    .venv/bin/python bench/bench_page_type.py            # the four corpora
    .venv/bin/python bench/bench_page_type.py --misses   # and each page judged a non-article

Every page of ``article-body`` must be judged an article, and at least 99% of ``snippets`` and
``authors`` (issue 13). Only the judgement runs: decoding, parsing, JSON-LD, ``judge_page_type``.
Also runs the non-article fixtures of tests/fixtures/page_types and prints how many are refused
with the expected code.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from newscrawl.extract.classify import judge_page_type  # noqa: E402
from newscrawl.extract.encoding import decode_html  # noqa: E402
from newscrawl.extract.errors import NotHtml  # noqa: E402
from newscrawl.extract.page import parse_html  # noqa: E402
from newscrawl.extract.structured import parse_structured_data  # noqa: E402

BENCHMARKS = HERE.parent.parent / "shared" / "benchmarks"
CORPORA = {"article-body": ("article-body/html", "article-body/ground-truth.json"),
           "snippets": ("snippets/pages", "snippets/gold.json"),
           "authors": ("authors/pages", "authors/gold.json"),
           "pub-date": ("pub-date/pages", "pub-date/gold.json")}
FIXTURES = HERE.parent / "tests" / "fixtures" / "page_types"


def _urls(gold: Path) -> dict[str, str]:
    data = json.loads(gold.read_text(encoding="utf-8"))
    return {key: value["url"] if isinstance(value, dict) else value for key, value in data.items()
            if isinstance(value, (str, dict))}


def judge_file(path: Path, url: str) -> str:
    """"article" or the reason code the page is refused with."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    try:
        doc = parse_html(decode_html(data, None))
    except NotHtml:
        return "not-html"
    verdict = judge_page_type(doc, parse_structured_data(doc), url)
    return verdict.code if verdict else "article"


def main() -> None:
    """Print the article rate of every corpus and of the fixtures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="list the pages judged non-articles")
    args = parser.parse_args()
    for name, (folder, gold) in CORPORA.items():
        urls = _urls(BENCHMARKS / gold)
        outcomes: Counter[str] = Counter()
        for path in sorted((BENCHMARKS / folder).glob("*.htm*")):
            page_id = path.name.split(".htm")[0]
            outcome = judge_file(path, urls.get(page_id, f"https://example.com/{page_id}"))
            outcomes[outcome] += 1
            if args.misses and outcome != "article":
                print(f"  {name}: {path.name}: {outcome}")
        total = sum(outcomes.values())
        others = ", ".join(f"{code} {n}" for code, n in outcomes.most_common() if code != "article")
        print(f"{name:<13} {outcomes['article']}/{total} judged articles ({outcomes['article'] / total:.1%})"
              + (f"; {others}" if others else ""))
    if FIXTURES.is_dir():
        expected = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
        right = sum(judge_file(FIXTURES / name, case["url"]) == case["code"] for name, case in expected.items())
        print(f"{'fixtures':<13} {right}/{len(expected)} judged as expected")


if __name__ == "__main__":
    main()
