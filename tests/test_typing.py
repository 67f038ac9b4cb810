"""Extraction and normalization type-check under mypy --strict (the style guide's rule)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_pure_packages_pass_mypy_strict():
    command = [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports",
               "--no-error-summary", "newscrawl/extract", "newscrawl/normalize"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-4000:]
