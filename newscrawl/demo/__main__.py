"""``make demo``: serve the demo site on loopback, crawl it with ``scrapy crawl news``, report."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from .server import DemoServer


def main() -> int:
    """Run the demo crawl; print where the records went and how many there are."""
    # The folder it is run in, as for `scrapy crawl`: the checkout for `make demo`, anywhere
    # for an installed package (which has no scrapy.cfg: the settings module is named instead).
    here = Path.cwd()
    out_dir = here / "output" / "demo"
    out_dir.mkdir(parents=True, exist_ok=True)
    # the name form of every newscrawl output: <name>-<UTC start as Scrapy's %(time)s>.jsonl
    started = datetime.now(timezone.utc).replace(microsecond=0).isoformat().replace(":", "-")
    target = out_dir / f"demo-{started}.jsonl"
    # The demo site gets a new port each run, so its URLs are new to any archive index: a
    # fresh index of its own keeps the demo from filling the user's output/index.sqlite.
    index = out_dir / "index.sqlite"
    for leftover in out_dir.glob("index.sqlite*"):
        leftover.unlink()
    with DemoServer() as server:
        print(f"demo site serving at {server.url}")
        command = [sys.executable, "-m", "scrapy", "crawl", "news", "-a", f"url={server.url}/",
                   "-O", str(target), "-s", "LOG_LEVEL=INFO", "-s", "AUTOTHROTTLE_START_DELAY=0",
                   "-s", f"NEWSCRAWL_INDEX_PATH={index}"]
        env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
        done = subprocess.run(command, cwd=here, env=env, check=False)
    if done.returncode != 0 or not target.exists():
        print(f"crawl failed (exit {done.returncode})", file=sys.stderr)
        return 1
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines() if line]
    print(f"\n{len(records)} articles written to {target.relative_to(here)}")
    for record in records:
        print(f"  {record.get('datePublished') or '-':25} {record.get('headline')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
