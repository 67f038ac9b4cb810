"""Language tags and small text helpers."""

from __future__ import annotations

import re

import py3langid

_TAG = re.compile(r"^[a-zA-Z]{2,3}([-_][a-zA-Z0-9]{2,8})*$")


def normalize_language_tag(raw: str | None) -> str | None:
    """BCP 47 form of a markup language value.

    >>> normalize_language_tag("en_US")
    'en-US'
    >>> normalize_language_tag("DE")
    'de'
    """
    if not raw:
        return None
    tag = raw.strip().split(",")[0].strip()
    if not _TAG.match(tag):
        return None
    parts = tag.replace("_", "-").split("-")
    head = parts[0].lower()
    tail = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p.lower() for p in parts[1:]]
    return "-".join([head, *tail])


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the body's language, or None for too little text."""
    if len(text) < 40:
        return None
    code, _ = py3langid.classify(text[:3000])
    return str(code)
