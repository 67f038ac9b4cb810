"""Every example written in a docstring of the package runs and holds.

Modules are found by their source holding a ``>>>`` prompt, so a new module's examples are run
without anyone listing it here, and a module whose examples doctest cannot see (a prompt in a
string doctest does not collect) fails instead of passing with zero examples.
"""

from __future__ import annotations

import doctest
import importlib
from pathlib import Path

import pytest

import newscrawl

PACKAGE = Path(newscrawl.__file__).resolve().parent


def modules_with_examples() -> list[str]:
    """Dotted names of the package's modules whose source shows a doctest prompt."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if ">>> " in path.read_text(encoding="utf-8"):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def test_the_package_has_examples():
    assert len(modules_with_examples()) >= 19


@pytest.mark.parametrize("name", modules_with_examples())
def test_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0, f"{name} shows >>> examples that doctest does not collect"
    assert result.failed == 0
