"""Extraction and normalization are engine-free: importing them must not import Scrapy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["newscrawl.extract.page", "newscrawl.record", "newscrawl.cli",
                                    "newscrawl.normalize.article", "newscrawl.discover.sitemaps",
                                    "newscrawl.crawl_policy"])
def test_pure_modules_do_not_import_scrapy(module):
    code = f"import sys, {module}; print('scrapy' in sys.modules or 'twisted' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def loaded_by(package: str, prefix: str) -> list[str]:
    """Modules under ``prefix`` that importing every module of ``package`` loads (a fresh process)."""
    code = (f"import json, pkgutil, importlib, sys, {package} as p\n"
            f"for m in pkgutil.iter_modules(p.__path__): importlib.import_module(f'{package}.{{m.name}}')\n"
            f"print(json.dumps(sorted(name for name in sys.modules if name.startswith('{prefix}'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_normalization_does_not_import_extraction():
    """normalize/ works on records, whatever extracted them (a WARC, zyte's items, our extract/)."""
    assert loaded_by("newscrawl.normalize", "newscrawl.extract") == []


def test_pipelines_do_not_import_middlewares():
    """The archive pipeline opens the index and reads the fetch log through archive/, not a middleware."""
    assert loaded_by("newscrawl.pipelines", "newscrawl.middlewares") == []


def test_archive_decision_is_engine_free():
    code = "import sys, newscrawl.archive.decision, newscrawl.reextract; print('scrapy' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
