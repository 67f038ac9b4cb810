"""``newscrawl extract WARC --index INDEX``: only new and changed records, each a new version."""

from __future__ import annotations

from pathlib import Path

from test_warc_extract import article, extract, records, response, write_warc

TRAM, BUDGET = "https://news.example/2024/05/tram-line", "https://news.example/2024/05/budget"


def captures(tram_title: str):
    def build(writer) -> None:
        response(writer, TRAM, article(tram_title))
        response(writer, BUDGET, article("Budget passes at last"))
    return build


def test_same_warc_twice_emits_once_then_nothing(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "old.warc.gz", captures("Tram line reaches the harbour"))
    index = tmp_path / "output" / "index.sqlite"
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    run = extract(str(warc), "-o", str(first), "--index", str(index))
    assert run.returncode == 0, run.stderr
    assert [(r["url"], r["version"], r["changeType"]) for r in records(first)] == [(TRAM, 1, "new"), (BUDGET, 1, "new")]
    run = extract(str(warc), "-o", str(second), "--index", str(index))
    assert run.returncode == 0, run.stderr
    assert records(second) == [] and "2 unchanged" in run.stderr


def test_changed_capture_is_version_2(tmp_path: Path) -> None:
    index = tmp_path / "index.sqlite"
    old = write_warc(tmp_path / "old.warc.gz", captures("Tram line reaches the harbour"))
    new = write_warc(tmp_path / "new.warc.gz", captures("Tram line reaches the harbour, a year late"))
    assert extract(str(old), "-o", str(tmp_path / "a.jsonl"), "--index", str(index)).returncode == 0
    run = extract(str(new), "-o", str(tmp_path / "b.jsonl"), "--index", str(index))
    assert run.returncode == 0, run.stderr
    got = records(tmp_path / "b.jsonl")
    assert [(r["url"], r["version"], r["changeType"]) for r in got] == [(TRAM, 2, "updated")]
    assert got[0]["headline"] == "Tram line reaches the harbour, a year late"
    assert "1 unchanged" in run.stderr


def test_index_needs_warc_input(tmp_path: Path) -> None:
    (tmp_path / "pages").mkdir()
    run = extract(str(tmp_path / "pages"), "-o", str(tmp_path / "o.jsonl"), "--index", str(tmp_path / "i.sqlite"))
    assert run.returncode == 2 and "WARC input only" in run.stderr
