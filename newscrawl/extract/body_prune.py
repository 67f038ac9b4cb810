"""Our own pruning of the page before trafilatura sees it: cheap, structural, site-independent."""

from __future__ import annotations

from lxml.html import HtmlElement


def prune_page(doc: HtmlElement) -> None:
    """Remove what a reader never sees as part of the story (mutates ``doc``)."""
