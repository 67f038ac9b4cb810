"""Render the cleaned blocks of trafilatura's XML as plain text and as safe, minimal HTML.

The HTML is built from scratch out of a closed set of tags (p, h2-h6, ul/ol/li, blockquote,
figure/img/figcaption, table rows, a, br) with only href/src/alt attributes and http(s) URLs,
so nothing from the page (scripts, styles, on* handlers, iframes, javascript: URLs) gets through.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from urllib.parse import urljoin, urlsplit

from lxml.etree import _Element

from ..normalize.text import collapse_space

_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_SAFE_SCHEMES = frozenset({"http", "https"})
_SEPARATORS = str.maketrans({"\u2028": " ", "\u2029": " ", "\x85": " "})
_BLOCKS = frozenset({"p", "head", "list", "quote", "table", "graphic", "figure"})
_NESTED_BLOCKS = frozenset({"item", "row", "p", "quote", "head", "list"})


def _inline_text(element: _Element, parts: list[str]) -> None:
    """Text of an element and its descendants; line breaks become newlines, images vanish."""
    if element.tag == "lb":
        parts.append("\n")
    elif element.tag != "graphic":
        parts.append(element.text or "")
        for child in element:
            if child.tag in _NESTED_BLOCKS:
                # a block's edge is a word boundary ("Title<p>Summary"), in a list item or a cell too
                parts.append(" ")
            _inline_text(child, parts)
            if child.tag in _NESTED_BLOCKS:
                parts.append("\n")
            elif child.tag == "cell":
                parts.append(" ")
    if element.tail:
        parts.append(element.tail)


_INVISIBLE_MARKS = ("\ufeff", "\u2060")
_SOFT_HYPHEN = "\xad"


def block_lines(block: _Element) -> list[str]:
    """The text lines of one block, whitespace tidied."""
    parts: list[str] = []
    tail, block.tail = block.tail, None  # the block's tail is outside it
    _inline_text(block, parts)
    block.tail = tail
    # A soft hyphen (&shy;) only says where a browser may break a word: hyphenating CMS plugins
    # put one in every long word, and left in the text each such word matches no search.
    text = "".join(parts).replace(_SOFT_HYPHEN, "")
    # a byte-order mark or word joiner pasted into the text is invisible: a line of only that is none
    for invisible in _INVISIBLE_MARKS:
        if invisible in text:
            text = text.replace(invisible, "")
    lines = (collapse_space(line) for line in text.split("\n"))
    return [line for line in lines if line]


def render_text(blocks: Iterable[_Element]) -> str:
    """Plain text: one line per paragraph, heading, list item or table row."""
    return "\n".join(line for block in blocks for line in block_lines(block))


def safe_url(value: str | None, base: str | None) -> str | None:
    """An absolute http(s) URL, or None for anything else (javascript:, data:, mailto:...).

    >>> safe_url("/a?b=1", "https://example.com/x/")
    'https://example.com/a?b=1'
    >>> safe_url("javascript:alert(1)", "https://example.com/") is None
    True
    """
    if not value:
        return None
    # browsers ignore control characters and spaces inside a scheme ("java\tscript:")
    cleaned = re.sub(r"[\x00-\x20]+", "", value.strip())
    absolute = urljoin(base or "", cleaned)
    return absolute if urlsplit(absolute).scheme.lower() in _SAFE_SCHEMES else None


def _escape_text(text: str | None) -> str:
    """Escaped text with Unicode line and paragraph separators read as the spaces they render as."""
    if not text:
        return ""
    # str.translate looks up every character in the table: on text beyond ASCII, twenty times
    # the cost of three searches for characters that hardly any text holds
    if "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = text.translate(_SEPARATORS)
    return escape(text, quote=False)


def _attr(name: str, value: str) -> str:
    return f' {name}="{escape(value, quote=True)}"'


def _children_html(element: _Element, base: str | None) -> str:
    parts = [_escape_text(element.text)]
    for child in element:
        parts.append(_element_html(child, base))
        parts.append(_escape_text(child.tail))
    return "".join(parts)


def _figure_html(element: _Element, base: str | None) -> str:
    src = safe_url(element.get("src"), base)
    if src is None:
        return ""
    alt = element.get("alt") or ""
    caption = element.get("title") or ""
    img = f"<img{_attr('src', src)}{_attr('alt', alt)}>"
    return f"<figure>{img}<figcaption>{_escape_text(caption)}</figcaption></figure>" \
        if caption else f"<figure>{img}</figure>"


def _element_html(element: _Element, base: str | None) -> str:
    """One element of trafilatura's XML as whitelisted HTML (unknown tags keep only their text)."""
    tag, inner = element.tag, None
    if tag == "lb":
        return "<br>"
    if tag == "graphic":
        parent = element.getparent()
        if parent is None or parent.tag == "body":
            return _figure_html(element, base)
        src = safe_url(element.get("src"), base)  # inside a paragraph: no block-level figure
        return f"<img{_attr('src', src)}{_attr('alt', element.get('alt') or '')}>" if src else ""
    inner = _children_html(element, base)
    if tag == "ref":
        href = safe_url(element.get("target"), base)
        return f"<a{_attr('href', href)}>{inner}</a>" if href else inner
    simple = {"p": "p", "quote": "blockquote", "item": "li", "table": "table", "row": "tr",
              "cell": "td", "figure": "figure", "figcaption": "figcaption"}
    if tag == "head":
        level = element.get("rend") or "h2"
        name = level if level in _HEADINGS else "h2"
        return f"<{name}>{inner}</{name}>"
    if tag == "list":
        name = "ol" if element.get("rend") == "ol" else "ul"
        return f"<{name}>{inner}</{name}>"
    if tag in simple:
        return f"<{simple[tag]}>{inner}</{simple[tag]}>"
    return inner


def render_html(blocks: Iterable[_Element], base_url: str | None = None) -> str:
    """Minimal HTML of the blocks, safe to display; links and images made absolute."""
    out = []
    for block in blocks:
        rendered = _element_html(block, base_url)
        if block.tag not in _BLOCKS:
            rendered = f"<p>{rendered}</p>"  # loose inline content still gets a block
        if rendered:
            out.append(rendered)
    return "\n".join(out)
