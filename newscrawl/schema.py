"""JSON Schema of the exported record, generated from the ``Article`` item class.

``python -m newscrawl.schema > schema/article.schema.json`` refreshes the shipped copy.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter

from .items import Article

SHIPPED_SCHEMA = Path(__file__).resolve().parents[1] / "schema" / "article.schema.json"


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema every exported record satisfies."""
    schema = ItemAdapter.get_json_schema(Article)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "newscrawl Article",
            **schema}


if __name__ == "__main__":
    print(json.dumps(article_json_schema(), indent=2, ensure_ascii=False))
