"""JSON Schema of the exported record, generated from the ``Article`` item class.

The package ships it as ``newscrawl/article.schema.json`` (in the wheel too), so a consumer can
validate records without our code: ``shipped_schema()`` reads it back.

    python -m newscrawl.schema            # regenerate the shipped file from the item class
    python -m newscrawl.schema --print    # write the schema to stdout instead
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

from itemadapter import ItemAdapter

from .items import Article

SCHEMA_FILE = "article.schema.json"


def article_json_schema() -> dict[str, Any]:
    """The JSON Schema every exported record satisfies."""
    schema = ItemAdapter.get_json_schema(Article)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "newscrawl Article",
            **schema}


def shipped_schema() -> dict[str, Any]:
    """The schema file installed with the package."""
    text = resources.files("newscrawl").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def render(schema: dict[str, Any]) -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m newscrawl.schema", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--print", action="store_true", help="write the schema to stdout")
    args = parser.parse_args(argv)
    text = render(article_json_schema())
    if args.print:
        sys.stdout.write(text)
        return 0
    target = Path(__file__).resolve().with_name(SCHEMA_FILE)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
