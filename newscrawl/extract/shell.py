"""Pages that are only a JavaScript application shell: nothing to extract without a browser."""

from __future__ import annotations

from lxml.html import HtmlElement

# Below this many visible characters, with scripts present, the text comes from JavaScript.
SHELL_MAX_VISIBLE_CHARS = 150
_INVISIBLE = ("script", "style", "noscript", "template")
RENDERING_HINT = ("the page is a JavaScript shell: render it with scrapy-playwright "
                  "(see NEWSCRAWL_RENDER_JAVASCRIPT in docs/limits.md)")


def _chars(text: str | None) -> int:
    return len("".join(text.split())) if text else 0


def is_javascript_shell(doc: HtmlElement) -> bool:
    """True when the document has scripts but (almost) no text of its own.

    >>> import lxml.html
    >>> is_javascript_shell(lxml.html.fromstring('<html><body><div id="root"></div>'
    ...                                         '<script src="/app.js"></script></body></html>'))
    True
    """
    scripts = doc.xpath("//script")
    if not scripts:
        return False
    hidden = sum(_chars(el.text_content()) for el in doc.iter(*_INVISIBLE))
    visible = 0
    for text in doc.itertext():
        visible += _chars(text)
        if visible - hidden > SHELL_MAX_VISIBLE_CHARS * 50:
            return False  # plenty of text: stop counting early on big pages
    return visible - hidden <= SHELL_MAX_VISIBLE_CHARS
