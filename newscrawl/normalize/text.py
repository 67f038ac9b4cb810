"""Language tags and small text helpers."""

from __future__ import annotations

import math
import re

import pycld2

# CLD2 still answers with a few withdrawn ISO 639 codes; BCP 47 uses their successors.
_CLD2_TO_BCP47 = {"iw": "he", "jw": "jv", "in": "id", "mo": "ro"}
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
    """ISO 639-1 code of the body's language, or None when too little text or no verdict.

    >>> detect_language("Der Gemeinderat hat am Montag den Haushalt für das kommende Jahr beschlossen.")
    'de'
    """
    if len(text) < 40:
        return None
    # CLD2 (Chromium's detector) needs no model loading, unlike py3langid's 0.4 s per process.
    try:
        reliable, _, details = pycld2.detect(text[:3000].encode("utf-8", "ignore").decode("utf-8"))
    except pycld2.error:
        return None
    code = str(details[0][1]) if details else "un"
    if not reliable or code in {"un", "xxx"}:
        return None
    return _CLD2_TO_BCP47.get(code, code)


def squash_space(text: str) -> str:
    """``text`` without any white space: texts compared whatever their line breaks and spacing.

    ``str.split`` knows the same white space as the regular expression ``\\s`` (every character
    ``str.isspace`` accepts) at a fifth of its cost, and extraction calls this on every block.

    >>> squash_space(" the\\xa0city\\n auditor ")
    'thecityauditor'
    """
    return "".join(text.split())


def collapse_space(text: str) -> str:
    """Runs of white space made one space, none at either end.

    >>> collapse_space("  Japan,\\n Russia  ")
    'Japan, Russia'
    """
    return " ".join(text.split())


# Scripts written without spaces between words: a paragraph of Chinese, Japanese or Thai is one
# whitespace token, so a length guard in words would take a whole story paragraph for a
# one-word label. Such a run counts for the words its length makes: a Chinese or Japanese word
# is two to three characters long, a Thai, Lao, Khmer or Myanmar one about four (vowel signs
# and tone marks are characters of their own).
UNSPACED_SCRIPTS = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_UNSPACED_RUN = re.compile(f"[{UNSPACED_SCRIPTS}]+")
_SOUTHEAST_ASIAN = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_CHARS_PER_CJK_WORD, _CHARS_PER_SOUTHEAST_ASIAN_WORD = 2.5, 4


def unspaced_words(text: str) -> tuple[str, int]:
    """``text`` without its runs of unspaced script, and the words those runs count for."""
    runs = _UNSPACED_RUN.findall(text)
    if not runs:
        return text, 0
    count = 0.0
    for run in runs:
        southeast = len(_SOUTHEAST_ASIAN.findall(run))
        count += (len(run) - southeast) / _CHARS_PER_CJK_WORD + southeast / _CHARS_PER_SOUTHEAST_ASIAN_WORD
    return _UNSPACED_RUN.sub(" ", text), math.ceil(count)


def word_count(text: str) -> int:
    """Words of a text, runs of an unspaced script counted by their length.

    >>> word_count("Read more: the story")
    4
    >>> word_count("東京で地震があった。 Reuters")
    5
    """
    if text.isascii():
        return len(text.split())
    spaced, unspaced = unspaced_words(text)
    return len(spaced.split()) + unspaced
