"""The shipped JSON Schema is the one generated from the item class."""

from __future__ import annotations

import json

import jsonschema
import pytest

from newscrawl.schema import article_json_schema, shipped_schema


def test_shipped_schema_matches_the_item_class():
    assert shipped_schema() == article_json_schema(), "run: python -m newscrawl.schema"


def test_schema_rejects_a_record_with_an_unknown_field():
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"url": "https://x.test/a", "bogus": 1}, article_json_schema())
