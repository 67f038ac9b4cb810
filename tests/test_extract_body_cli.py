"""``newscrawl extract`` as the benchmarks drive it: one line per page, whatever the text holds."""

from __future__ import annotations

import json
from pathlib import Path

from newscrawl.cli import _json_line, main
from test_extract_body_boilerplate import STORY, page, paragraphs


def test_each_record_stays_one_line_and_jobs_give_the_same_records(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    # U+2028 / U+0085 are legal raw in JSON strings, but str.splitlines() breaks lines on them
    (pages / "a.html").write_text(page(*paragraphs(STORY[0] + "\u2028", *STORY[1:]))
                                  .replace("<title>", "<title>Line\u2028sep\x85 "), encoding="utf-8")
    (pages / "b.html").write_text(page(*paragraphs(*STORY)), encoding="utf-8")
    urls = tmp_path / "urls.json"
    urls.write_text(json.dumps({"a": {"url": "https://news.example.com/a"},
                                "b": "https://news.example.com/b"}), encoding="utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        assert main(["extract", str(pages), "--urls", str(urls), "--output", str(out), "--jobs", jobs]) == 0
        lines = out.read_text(encoding="utf-8").splitlines()
        assert len(lines) == 2
        records = [json.loads(line) for line in lines]
        for record in records:
            record.pop("metadata")  # the download time differs between runs
        outputs.append(records)
    assert outputs[0] == outputs[1]
    assert [r["url"] for r in outputs[0]] == ["https://news.example.com/a", "https://news.example.com/b"]
    assert STORY[3] in outputs[0][0]["articleBody"]
    assert "\u2028" not in outputs[0][0]["articleBody"] + outputs[0][0]["articleBodyHtml"]


def test_json_line_escapes_the_characters_splitlines_breaks_on() -> None:
    line = _json_line({"id": "a", "articleBodyHtml": "<p>x\u2028y\u2029z\x85w</p>"})
    assert len(line.splitlines()) == 1 and line.endswith("\n")
    assert json.loads(line)["articleBodyHtml"] == "<p>x\u2028y\u2029z\x85w</p>"
