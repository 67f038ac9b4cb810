"""Where the CPU of one record goes: per-stage time of ``build_record`` over a folder of pages.

    .venv/bin/python bench/breakdown.py ../shared/benchmarks/article-body/html [--urls GOLD.json]

Runs in-process, twice over the pages: the first pass includes one-off costs (lazy model and
locale loading), the second shows the steady per-page cost. Stages are found by name in
``newscrawl.extract.page`` and ``newscrawl.record``, so the script follows their imports.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timezone
from functools import wraps
from pathlib import Path
from typing import Any

from newscrawl import record
from newscrawl.extract import metadata, page
from newscrawl.extract.encoding import decode_html
from newscrawl.extract.errors import ExtractionError

STAGES = (  # (module, attribute-name pattern, stage label)
    (page, r"parse_html$", "parse HTML"),
    (page, r"parse_structured_data$", "JSON-LD"),
    (page, r"judge_page_type$|is_javascript_shell$", "page classification"),
    (page, r"extract_(date|published|modified)", "dates: extract"),
    (metadata, r"^extract_", "metadata (headline, description, image...)"),
    (page, r"extract_credits", "bylines: extract"),
    (page, r"extract_body$", "body"),
    (record, r"normalize_dates$", "dates: normalize"),
    (record, r"normalize_bylines$", "bylines: normalize"),
    (record, r"normalize_language$", "language"),
)
SPENT: dict[str, float] = defaultdict(float)


def _timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start
    return wrapper


def instrument() -> None:
    """Wrap every stage function found in the modules' namespaces."""
    for module, pattern, label in STAGES:
        for name, value in list(vars(module).items()):
            if callable(value) and re.search(pattern, name) and not isinstance(value, type):
                setattr(module, name, _timed(label, value))


def load_pages(folder: Path, urls: dict[str, str]) -> list[page.PageInput]:
    """Decode every page once, outside the timed passes."""
    pages = []
    for path in sorted(folder.glob("*.htm*")):
        data = path.read_bytes()
        data = gzip.decompress(data) if path.name.endswith(".gz") else data
        page_id = re.sub(r"\.html?(\.gz)?$", "", path.name)
        pages.append(page.PageInput(url=urls.get(page_id, f"file://{path}"), html=decode_html(data),
                                    fetched_at=datetime.now(timezone.utc)))
    return pages


def one_pass(pages: list[page.PageInput]) -> tuple[float, dict[str, float]]:
    """CPU seconds of a pass over every page, and the per-stage share of it."""
    SPENT.clear()
    start = time.process_time()
    for item in pages:
        try:
            record.build_record(item)
        except ExtractionError:
            pass  # not an article: its cost still counts
    return time.process_time() - start, dict(SPENT)


def trafilatura_pass(pages: list[page.PageInput]) -> float:
    """CPU seconds of ``trafilatura.extract()`` with default options over the same pages."""
    import trafilatura  # already imported by the body extractor: no extra startup here

    start = time.process_time()
    for item in pages:
        trafilatura.extract(item.html)
    return time.process_time() - start


def main() -> int:
    """Print the per-stage table for a cold and a warm pass."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--urls", type=Path)
    args = parser.parse_args()
    raw = json.loads(args.urls.read_text()) if args.urls else {}
    urls = {k: v["url"] if isinstance(v, dict) else v for k, v in raw.items()}
    pages = load_pages(args.folder, urls)
    instrument()
    passes = [one_pass(pages), one_pass(pages)]
    reference = [trafilatura_pass(pages), trafilatura_pass(pages)]
    print(f"{len(pages)} pages; ms per page (first pass includes one-off loading)")
    print("| stage | first pass | second pass |")
    print("|---|---|---|")
    labels = [label for _, _, label in STAGES]
    for label in [*labels, "rest (items, glue)"]:
        cells = []
        for total, spent in passes:
            value = spent.get(label, total - sum(spent.values()) if label.startswith("rest") else 0)
            cells.append(f"{1000 * value / len(pages):.1f}")
        print(f"| {label} | " + " | ".join(cells) + " |")
    print("| **whole record** | " + " | ".join(f"{1000 * t / len(pages):.1f}" for t, _ in passes) + " |")
    print("| trafilatura.extract() default, same pages | "
          + " | ".join(f"{1000 * t / len(pages):.1f}" for t in reference) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
