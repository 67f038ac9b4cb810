"""The archive index (pure): fingerprints, SQLite storage, the crawl lock, hints, recovery."""

from __future__ import annotations

import json

import pytest

from newscrawl.archive.fingerprint import body_signature, content_fingerprint, similarity
from newscrawl.archive.hints import Decision, refetch_decision
from newscrawl.archive.index import ArticleWrite, FetchFacts, IndexBusy
from newscrawl.archive.recovery import recover_output, write_for_record
from newscrawl.archive.sqlite import SqliteIndex

WIRE = (" ".join(f"Sentence {i} of the wire story about the storm reaching the coast on Tuesday."
                 for i in range(30)))


def _write(key: str, body: str = WIRE, version: int = 1, at: int = 1000, **kw) -> ArticleWrite:
    return ArticleWrite(key=key, url=key, host="example.com", fingerprint=content_fingerprint("H", body, None),
                        version=version, fetch=FetchFacts(fetched_at=at, etag=kw.pop("etag", None), size=500),
                        signature=body_signature(body), **kw)


@pytest.fixture
def index(tmp_path):
    idx = SqliteIndex(tmp_path / "index.sqlite")
    yield idx
    idx.close()


def test_sqlite_index_implements_the_interface(index):
    from newscrawl.archive.index import ArchiveIndex
    assert isinstance(index, ArchiveIndex)


def test_fingerprint_ignores_spacing_but_not_edits():
    base = content_fingerprint("Budget approved", "The council voted.\nIt passed.", None)
    assert content_fingerprint(" Budget  approved ", "The council voted. It passed.", None) == base
    assert content_fingerprint("Budget approved", "The council voted.\nIt failed.", None) != base
    assert content_fingerprint("Budget rejected", "The council voted.\nIt passed.", None) != base
    assert content_fingerprint("Budget approved", "The council voted.\nIt passed.", "2024-05-02") != base


def test_signature_is_close_for_a_lightly_edited_copy_and_far_for_another_story():
    local_copy = "Editor's note: reprinted with permission. " + WIRE
    other = " ".join(f"Paragraph {i}: the school board met about lunch menus and bus routes." for i in range(30))
    assert similarity(body_signature(WIRE), body_signature(local_copy)) >= 0.8
    assert similarity(body_signature(WIRE), body_signature(other)) < 0.3


def test_versions_aliases_and_touch(index):
    index.commit([_write("https://ex.com/a", aliases=("https://ex.com/story/1",))])
    assert index.lookup("https://ex.com/story/1").key == "https://ex.com/a"
    index.commit([_write("https://ex.com/a", body=WIRE + " Correction.", version=2, at=2000)])
    entry = index.lookup("https://ex.com/a")
    assert (entry.version, entry.first_seen, entry.last_changed) == (2, 1000, 2000)
    index.commit([_write("https://ex.com/a", version=1, at=3000)])  # a replayed older line: ignored
    assert index.lookup("https://ex.com/a").version == 2
    index.touch("https://ex.com/story/1", FetchFacts(fetched_at=4000, etag='"e1"'))
    entry = index.lookup("https://ex.com/a")
    assert (entry.last_fetched, entry.last_changed, entry.etag) == (4000, 2000, '"e1"')


def test_same_content_is_found_by_host(index):
    index.commit([_write("https://ex.com/a")])
    fingerprint = content_fingerprint("H", WIRE, None)
    assert index.find_same_content(fingerprint, "example.com").key == "https://ex.com/a"
    assert index.find_same_content(fingerprint, "other.org") is None


def test_near_duplicate_survive_reopening(tmp_path):
    path = tmp_path / "index.sqlite"
    first = SqliteIndex(path)
    first.commit([_write("https://ex.com/wire"), _write("https://ex.com/other", body="totally different " * 40)])
    first.close()
    again = SqliteIndex(path)
    copy = body_signature("Reprinted with permission. " + WIRE)
    assert again.near_duplicate(copy, exclude="https://b.org/x", threshold=0.8) == "https://ex.com/wire"
    assert again.near_duplicate(copy, exclude="https://ex.com/wire", threshold=0.8) is None
    again.close()


def test_second_crawl_is_refused_with_a_clear_message(tmp_path):
    first, second = SqliteIndex(tmp_path / "i.sqlite"), SqliteIndex(tmp_path / "i.sqlite")
    first.acquire("crawl 'news'")
    with pytest.raises(IndexBusy, match=r"in use by crawl 'news' \(pid \d+\).*NEWSCRAWL_INDEX_PATH"):
        second.acquire("crawl 'news'")
    first.release()
    second.acquire("crawl 'news'")  # free again once the first is done
    first.close(), second.close()


def _entry(index, **kw):
    index.commit([_write("https://ex.com/a", at=kw.pop("at", 1000), **kw)])
    return index.lookup("https://ex.com/a")


def test_refetch_only_on_a_newer_hint_or_when_due(index):
    entry = _entry(index)  # fetched at t=1000, no hint seen then
    assert refetch_decision(entry, {}, now=1100, recheck_age=3600) == Decision(fetch=False, reason="fresh")
    assert refetch_decision(entry, {"lastmod": "1970-01-01T00:10:00Z"}, 1100, 3600).fetch is False
    assert refetch_decision(entry, {"feed_updated": "1970-01-01T00:20:00Z"}, 1100, 3600).reason == "hint-changed"
    assert refetch_decision(entry, {"feed_published": "1970-01-01T00:20:00Z"}, 1100, 3600).fetch is False
    assert refetch_decision(entry, {}, now=5000, recheck_age=3600).reason == "recheck-due"
    assert refetch_decision(entry, {}, now=10**9, recheck_age=-1).fetch is False


def test_hint_is_compared_with_the_hint_seen_last_time(index):
    index.commit([ArticleWrite(key="https://ex.com/a", url="https://ex.com/a", host="ex.com", fingerprint=b"x" * 16,
                               version=1, fetch=FetchFacts(fetched_at=10**9, hint_date=500))])
    entry = index.lookup("https://ex.com/a")
    # lastmod 600 is long before our fetch, but newer than the lastmod we saw: the site says it changed.
    assert refetch_decision(entry, {"lastmod": "1970-01-01T00:10:00Z"}, 10**9 + 10, 3600).fetch is True


def _record(url: str, version: int = 1) -> dict:
    return {"url": url, "canonicalUrl": url, "headline": "H", "articleBody": WIRE, "version": version,
            "metadata": {"dateDownloaded": "2024-05-01T00:00:00Z"}}


def test_recovery_cuts_the_torn_line_publishes_and_replays_idempotently(tmp_path, index):
    part, final = tmp_path / "run.jsonl.part", tmp_path / "run.jsonl"
    lines = [json.dumps(_record(f"https://ex.com/{n}")) + "\n" for n in range(3)]
    part.write_text("".join(lines) + lines[0][:40], encoding="utf-8")  # killed mid-line
    recovered = recover_output(str(part), str(final))
    assert [r["url"] for r in recovered.records] == [f"https://ex.com/{n}" for n in range(3)]
    assert recovered.torn_bytes == 40 and not part.exists()
    assert final.read_text(encoding="utf-8") == "".join(lines)
    writes = [write_for_record(r, 1000) for r in recovered.records]
    index.commit(writes)
    index.commit(writes)  # a second recovery of the same lines changes nothing
    assert index.count() == 3 and index.lookup("https://ex.com/1").version == 1
    assert index.lookup("https://ex.com/1").last_fetched == 1714521600  # the record's dateDownloaded
    assert recover_output(str(part), str(final)) is None  # already published


def test_recovery_of_a_gzip_output_compresses_on_publish(tmp_path):
    import gzip
    part, final = tmp_path / "run.jsonl.gz.part", tmp_path / "run.jsonl.gz"
    part.write_text(json.dumps(_record("https://ex.com/1")) + "\n", encoding="utf-8")
    recover_output(str(part), str(final))
    assert json.loads(gzip.decompress(final.read_bytes()))["url"] == "https://ex.com/1"


def test_archive_package_never_imports_scrapy():
    import subprocess
    import sys
    code = ("import sys, newscrawl.archive.sqlite, newscrawl.archive.recovery, newscrawl.archive.hints; "
            "print('scrapy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_signatures_compare_without_numpy_as_with_it() -> None:
    import hashlib
    import struct

    import numpy as np

    from newscrawl.archive.fingerprint import BANDS, ROWS, band_buckets
    from newscrawl.archive.minhash import unpack_signature

    a, b = body_signature(WIRE), body_signature(WIRE + " An editor's note was added at the end.")
    assert a is not None and b is not None
    va, vb = unpack_signature(a), unpack_signature(b)
    assert similarity(a, b) == float(np.count_nonzero(va == vb)) / len(va)
    assert 0.5 < similarity(a, b) < 1.0 and similarity(a, a) == 1.0
    with_numpy = [struct.unpack("<q", hashlib.blake2b(struct.pack("<H", band) + va[band * ROWS:(band + 1) * ROWS]
                                                      .tobytes(), digest_size=8).digest())[0] for band in range(BANDS)]
    assert band_buckets(a) == with_numpy
