"""``newscrawl extract`` as the benchmarks drive it: one line per page, whatever the text holds."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newscrawl import cli

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


def _story_page(mark: str) -> str:
    """A story page whose last paragraph names ``mark``, to tell the records apart."""
    return page(*paragraphs(*STORY, f"The copy filed as {mark} was checked by the news desk before print."))


def test_extract_reads_subfolders_any_letter_case_and_gives_every_file_its_own_id(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    (pages / "2024" / "05").mkdir(parents=True)
    (pages / "a.html").write_text(_story_page("plain"), encoding="utf-8")
    (pages / "a.html.gz").write_bytes(gzip.compress(_story_page("zipped").encode()))
    (pages / "B.HTML").write_text(_story_page("upper"), encoding="utf-8")
    (pages / "2024" / "05" / "c.Htm").write_text(_story_page("nested"), encoding="utf-8")
    (pages / "notes.txt").write_text("not a page", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(pages), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    ids = [r["id"] for r in records]
    assert sorted(ids) == ["2024/05/c", "B", "a.html", "a.html.gz"]
    assert len(set(ids)) == len(ids)
    by_id = {r["id"]: r for r in records}
    assert "filed as zipped" in by_id["a.html.gz"]["articleBody"]
    assert "filed as plain" in by_id["a.html"]["articleBody"]


def test_extract_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(_story_page("one"), encoding="utf-8")
    assert main(["extract", str(pages), "-o", "-"]) == 0
    captured = capsys.readouterr()
    record = json.loads(captured.out.strip())
    assert record["id"] == "a" and STORY[3] in record["articleBody"]
    assert "standard output" in captured.err
    assert not (tmp_path / "-").exists()


def test_an_interrupted_extract_leaves_the_previous_output_whole(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("a", "b", "c"):
        (pages / f"{name}.html").write_text(_story_page(name), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")
    real = cli.extract_file
    calls = []

    def stop_on_the_third(*args: object, **kwargs: object) -> dict[str, object]:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "extract_file", stop_on_the_third)
    with pytest.raises(KeyboardInterrupt):
        main(["extract", str(pages), "-o", str(out)])
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []
    monkeypatch.setattr(cli, "extract_file", real)
    assert main(["extract", str(pages), "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "b", "c"]


def test_a_page_without_a_known_url_gets_no_file_canonical_url(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    relative = _story_page("rel").replace("<head>", '<head><link rel="canonical" href="/news/story-1">')
    absolute = _story_page("abs").replace("<head>", '<head><link rel="canonical" href="https://news.example.com/s">')
    (pages / "rel.html").write_text(relative, encoding="utf-8")
    (pages / "abs.html").write_text(absolute, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(pages), "-o", str(out)]) == 0
    by_id = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert by_id["rel"]["url"].startswith("file://")
    assert by_id["rel"]["canonicalUrl"] is None
    assert by_id["abs"]["canonicalUrl"] == "https://news.example.com/s"
