"""JSON-LD: parse every block once, flatten ``@graph`` and lists, find the article node."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
        "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting",
        "liveblogposting", "scholarlyarticle", "techarticle", "report", "socialmediaposting",
        "posting", "webpage", "itempage", "medicalwebpage", "creativework",
    }
)
# Types ranked by how surely they describe the page's own story (lower is better): a
# WebPage node is a fallback, a NewsArticle is the story itself.
_TYPE_RANK = {"webpage": 3, "itempage": 3, "medicalwebpage": 3, "creativework": 4}
_JSON_LD_XPATH = XPath('//script[contains(translate(@type, "LDJSON", "ldjson"), "ld+json")]')
_TRAILING_COMMA = re.compile(r",\s*([\]}])")


@dataclass
class StructuredData:
    """All JSON-LD nodes of a page, an ``@id`` index, and the best article node."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    article: dict[str, Any] | None = None

    def resolve(self, value: Any) -> Any:
        """Follow an ``{"@id": ...}`` reference to its node, if the page defines it."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.by_id.get(str(value["@id"]), value)
        return value

    def article_value(self, key: str) -> Any:
        """A property of the article node (reference resolved), or None."""
        if self.article is None:
            return None
        return self.resolve(self.article.get(key))


def node_types(node: dict[str, Any]) -> set[str]:
    """Lower-cased ``@type`` names of a node, without schema.org prefixes."""
    raw = node.get("@type", [])
    types = raw if isinstance(raw, list) else [raw]
    return {str(t).rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for t in types}


def _loads_lenient(text: str) -> Any:
    text = text.strip().removeprefix("<![CDATA[").removesuffix("]]>").strip().rstrip(";")
    try:
        return json.loads(text)
    except ValueError:
        pass
    try:
        # Hand-written JSON-LD often has trailing commas or raw newlines inside strings.
        return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)
    except ValueError:
        return None


def _walk(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(value, list):
        for entry in value:
            yield from _walk(entry, depth + 1)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "itemListElement", "hasPart"):
            if key in value:
                yield from _walk(value[key], depth + 1)


def _article_rank(node: dict[str, Any]) -> int | None:
    types = node_types(node) & ARTICLE_TYPES
    if not types:
        return None
    rank = min(_TYPE_RANK.get(t, 0) for t in types)
    has_content = any(k in node for k in ("headline", "datePublished", "articleBody", "author"))
    return rank if has_content else rank + 5


def parse_structured_data(doc: HtmlElement) -> StructuredData:
    """Every JSON-LD node of the document, indexed, with the most article-like node picked."""
    data = StructuredData()
    best_rank: int | None = None
    for script in _JSON_LD_XPATH(doc):
        parsed = _loads_lenient(script.text_content() or "")
        for node in _walk(parsed):
            data.nodes.append(node)
            if isinstance(node.get("@id"), str):
                data.by_id.setdefault(node["@id"], node)
            rank = _article_rank(node)
            if rank is not None and (best_rank is None or rank < best_rank):
                best_rank, data.article = rank, node
    return data


def as_text(value: Any) -> str | None:
    """A JSON-LD value as one string: strings as-is, ``{"name"}``/``{"@value"}`` objects unwrapped."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url")
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None
