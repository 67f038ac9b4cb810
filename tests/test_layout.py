"""Extraction and normalization are engine-free: importing them must not import Scrapy."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["newscrawl.extract.page", "newscrawl.record", "newscrawl.cli",
                                    "newscrawl.normalize.article", "newscrawl.discover.sitemaps"])
def test_pure_modules_do_not_import_scrapy(module):
    code = f"import sys, {module}; print('scrapy' in sys.modules or 'twisted' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_normalization_does_not_import_extraction():
    """normalize/ works on records, whatever extracted them (a WARC, zyte's items, our extract/)."""
    code = ("import pkgutil, importlib, sys, newscrawl.normalize as n\n"
            "for m in pkgutil.iter_modules(n.__path__): importlib.import_module(f'newscrawl.normalize.{m.name}')\n"
            "print(sorted(name for name in sys.modules if name.startswith('newscrawl.extract')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
