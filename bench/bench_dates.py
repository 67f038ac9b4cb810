"""CPU time of date extraction + normalization per page (the tree and JSON-LD parsed beforehand).

    .venv/bin/python bench/bench_dates.py ../shared/benchmarks/pub-date/pages \
        --urls ../shared/benchmarks/pub-date/gold.json

Parsing is excluded because ArticlePage does it once for every extractor; what is measured is
what the date step adds: extract_date_candidates over the shared tree (htmldate included when
it runs), then normalize_dates (dateparser included). The first run is a cold process, as
`newscrawl extract` is: dateparser builds its tables for each language on first use.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from datetime import datetime, timezone
from pathlib import Path

from newscrawl.extract.dates import extract_date_candidates
from newscrawl.extract.encoding import decode_html
from newscrawl.extract.errors import ExtractionError
from newscrawl.extract.metadata import extract_language
from newscrawl.extract.page import parse_html
from newscrawl.extract.structured import parse_structured_data
from newscrawl.items import Article, Metadata
from newscrawl.normalize.article import normalize_dates
from newscrawl.normalize.dates import DateOptions


def _urls(path: Path | None) -> dict[str, str]:
    if path is None:
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k: v["url"] if isinstance(v, dict) else v for k, v in raw.items()}


def _one_pass(pages: list[tuple[str, object, object, str | None]], downloaded: str) -> list[float]:
    costs = []
    for url, doc, data, language in pages:
        start = time.process_time()
        found = extract_date_candidates(doc, data, {}, url)  # type: ignore[arg-type]
        article = Article(url=url, inLanguage=language, metadata=Metadata(dateDownloaded=downloaded))
        normalize_dates(article, DateOptions(), found.published, found.modified)
        costs.append(time.process_time() - start)
    return costs


def main() -> None:
    """Print ms of CPU per page: the cold first run, then the best warm run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--urls", type=Path, help="gold.json: the page URLs (URL dates count)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    urls = _urls(args.urls)
    pages = []
    for path in sorted(args.folder.glob("*.htm*")):
        try:
            doc = parse_html(decode_html(path.read_bytes()))
        except ExtractionError:
            continue
        data = parse_structured_data(doc)
        page_id = path.name.rsplit(".htm", 1)[0]
        pages.append((urls.get(page_id, ""), doc, data, extract_language(doc, data)))
    downloaded = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    runs = [_one_pass(pages, downloaded) for _ in range(args.repeat)]
    cold, warm = runs[0], min(runs[1:] or runs, key=sum)
    print(f"{len(pages)} pages: cold {statistics.mean(cold) * 1000:.2f} ms/page CPU "
          f"(median {statistics.median(cold) * 1000:.2f}, max {max(cold) * 1000:.0f}), "
          f"warm {statistics.mean(warm) * 1000:.2f} ms/page")


if __name__ == "__main__":
    main()
