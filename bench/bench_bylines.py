"""CPU time of byline extraction + normalization per page (the tree and JSON-LD parsed beforehand).

    .venv/bin/python bench/bench_bylines.py ../shared/benchmarks/authors/pages

Parsing is excluded because ArticlePage does it once for every extractor; what is measured is
what the byline step adds: extract_credits_raw over the shared tree, then normalize_bylines.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from newscrawl.extract.bylines import extract_credits_raw
from newscrawl.extract.encoding import decode_html
from newscrawl.extract.errors import ExtractionError
from newscrawl.extract.page import parse_html
from newscrawl.extract.structured import parse_structured_data
from newscrawl.items import Article
from newscrawl.normalize.article import normalize_bylines


def main() -> None:
    """Print ms of CPU per page, best of --repeat runs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    pages = []
    for path in sorted(args.folder.glob("*.htm*")):
        try:
            doc = parse_html(decode_html(path.read_bytes()))
        except ExtractionError:
            continue
        pages.append((doc, parse_structured_data(doc), f"https://www.example.com/{path.stem}"))
    runs = []
    for _ in range(args.repeat):
        start = time.process_time()
        for doc, data, url in pages:
            raw = extract_credits_raw(doc, data, url)
            normalize_bylines(Article(url=url), raw)
        runs.append((time.process_time() - start) / max(len(pages), 1) * 1000)
    print(f"{len(pages)} pages: {min(runs):.2f} ms/page CPU (best of {args.repeat}: "
          f"{', '.join(f'{r:.2f}' for r in runs)})")


if __name__ == "__main__":
    main()
