"""Garbage collection in a crawl: startup objects frozen, the young generation collected in
batches, in the crawl process (an extension) and in the extraction workers."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from newscrawl.pipelines.pool import ExtractionPool

PROBE = """
import gc, json, sys
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler
from newscrawl.extensions.gcfreeze import FreezeStartupObjects
settings = json.loads(sys.argv[1])
before = gc.get_threshold()[0]
try:
    extension = FreezeStartupObjects.from_crawler(get_crawler(settings_dict=settings))
except NotConfigured:
    print(json.dumps({"enabled": False}))
else:
    extension.engine_started()
    print(json.dumps({"enabled": True, "frozen": gc.get_freeze_count(), "before": before,
                      "after": gc.get_threshold()[0]}))
"""


def probe(settings: dict[str, object]) -> dict[str, object]:
    """What the extension did in a fresh process built with ``settings``."""
    done = subprocess.run([sys.executable, "-c", PROBE, json.dumps(settings)], capture_output=True,
                          text=True, check=True)
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_startup_objects_are_frozen_and_the_threshold_raised() -> None:
    result = probe({"NEWSCRAWL_GC_THRESHOLD": 50_000})
    assert result["enabled"] and result["frozen"] > 10_000  # Scrapy's modules alone hold more
    assert (result["before"], result["after"]) == (gc.get_threshold()[0], 50_000)


def test_no_threshold_keeps_pythons() -> None:
    result = probe({"NEWSCRAWL_GC_THRESHOLD": None})
    assert result["frozen"] > 10_000 and result["after"] == result["before"]


def test_the_setting_turns_it_off() -> None:
    assert probe({"NEWSCRAWL_GC_FREEZE": False}) == {"enabled": False}


def test_extraction_workers_freeze_their_imports() -> None:
    pool = ExtractionPool(1)
    try:
        frozen = pool._pool().submit(gc.get_freeze_count).result(timeout=60)
    finally:
        pool.close()
    assert frozen > 10_000  # lxml, trafilatura and the extraction code, imported before any page
