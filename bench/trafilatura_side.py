"""Reference side of the speed bench: ``trafilatura.extract()`` with default options per page.

Run as its own process so it pays its imports, as ``newscrawl extract`` does. It lists, reads
and decodes the files as the CLI does (same ``decode_html``) and writes ``{"id", "articleBody"}``
JSON lines, so the body scorer can grade it too.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import trafilatura

from newscrawl.extract.encoding import decode_html, looks_binary

SUFFIXES = (".html.gz", ".htm.gz", ".html", ".htm")


def page_files(folder: Path) -> list[Path]:
    """The files ``newscrawl extract`` reads, in its order."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIXES))


def main(folder: str, output: str) -> int:
    """Extract every page of ``folder`` with trafilatura's defaults into ``output``."""
    with open(output, "w", encoding="utf-8") as out:
        for path in page_files(Path(folder)):
            data = path.read_bytes()
            if path.name.endswith(".gz"):
                data = gzip.decompress(data)
            text = None if looks_binary(data) else trafilatura.extract(decode_html(data))
            page_id = next(path.name[: -len(s)] for s in SUFFIXES if path.name.endswith(s))
            out.write(json.dumps({"id": page_id, "articleBody": text or ""}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
