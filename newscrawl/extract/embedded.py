"""The story a page carries as data instead of markup: JSON-LD ``articleBody``, or a long text
field in the JSON a JavaScript application renders from (``__NEXT_DATA__``, ``application/json``).

Read only where the markup holds next to no text (a JavaScript shell): there the data is the
only copy of the story, and a page with it is no shell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement, fragment_fromstring
from w3lib.html import replace_entities

from ..normalize.text import collapse_space
from .structured import StructuredData, as_text

# The story is a text of this many words at least: below it, a teaser or a description.
MIN_STORY_WORDS = 80
_DATA_SCRIPTS = XPath('//script[@id="__NEXT_DATA__" or @id="__NUXT_DATA__" or contains(@type, "json")]')
# Keys under which applications keep a story's text.
_STORY_KEYS = frozenset({"articlebody", "body", "content", "text", "bodytext", "articletext", "html",
                         "contenthtml", "bodyhtml", "story", "fulltext"})
_MARKUP = re.compile(r"<\s*(p|br|div|h[2-6]|li)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…][\"”»)]?(\s|$)")
_MAX_SCRIPT_CHARS = 5_000_000


def _paragraphs(text: str) -> list[str]:
    """Paragraphs of a text field: its markup's blocks, or its lines."""
    if _MARKUP.search(text):
        try:
            root = fragment_fromstring(text, create_parent="div")
        except Exception:  # noqa: BLE001 - lxml raises several types on broken fragments
            return []
        for br in root.iter("br"):
            br.tail = "\n" + (br.tail or "")
        for block in root.iter("p", "div", "h2", "h3", "h4", "h5", "h6", "li", "blockquote"):
            block.tail = "\n" + (block.tail or "")
        text = root.text_content()  # entities decoded by the parser
    else:
        text = replace_entities(text)
    return [line for line in (collapse_space(p) for p in text.splitlines()) if line]


def _reads_as_story(paragraphs: list[str]) -> bool:
    words = sum(len(p.split()) for p in paragraphs)
    sentences = sum(len(_SENTENCE_END.findall(p)) for p in paragraphs)
    return words >= MIN_STORY_WORDS and sentences * 40 >= words  # prose: a sentence end every 40 words


def _strings(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    """(key, string) of every string in a JSON value, depth first, without recursion limits."""
    stack: list[tuple[str, Any]] = [(key, value)]
    while stack:
        name, item = stack.pop()
        if isinstance(item, str):
            yield name, item
        elif isinstance(item, dict):
            stack.extend((str(k), v) for k, v in item.items())
        elif isinstance(item, list):
            stack.extend((name, v) for v in item)


def embedded_story(doc: HtmlElement, data: StructuredData) -> list[str]:
    """The story's paragraphs from the page's data, or [] when it carries none.

    JSON-LD ``articleBody`` first (the publisher's own statement of the text); else the longest
    prose text under a story-like key of the page's application JSON.
    """
    if body := as_text(data.article_value("articleBody")):
        paragraphs = _paragraphs(body)
        if _reads_as_story(paragraphs):
            return paragraphs
    best: list[str] = []
    for script in _DATA_SCRIPTS(doc):
        raw = script.text or ""
        if "ld+json" in (script.get("type") or "") or len(raw) > _MAX_SCRIPT_CHARS:
            continue
        try:
            value = json.loads(raw)
        except (ValueError, RecursionError):  # broken, or nested deeper than the parser goes
            continue
        for name, text in _strings(value):
            if name.lower() not in _STORY_KEYS or len(text) <= 4 * MIN_STORY_WORDS:
                continue
            paragraphs = _paragraphs(text)
            if _reads_as_story(paragraphs) and sum(map(len, paragraphs)) > sum(map(len, best)):
                best = paragraphs
    return best
