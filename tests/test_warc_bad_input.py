"""Damaged WARC input: every case a counted, logged outcome, never a crash, never a lost record."""

from __future__ import annotations

import gzip
import io
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.warcwriter import WARCWriter

from test_warc_extract import ROOT, article, response
from newscrawl.archive.warc_reader import NotAWarc, WarcReader

URLS = ["https://news.example/one", "https://news.example/two", "https://news.example/three"]


def members(gzip_records: bool = True) -> list[bytes]:
    """The bytes of three response records, each on its own (one gzip member each when gzipped)."""
    chunks = []
    for url in URLS:
        buffer = io.BytesIO()
        response(WARCWriter(buffer, gzip=gzip_records), url, article(f"Story at {url.rsplit('/', 1)[1]}"))
        chunks.append(buffer.getvalue())
    return chunks


def declare_4_gb(record: bytes) -> bytes:
    """The record with its WARC Content-Length replaced by 4 GiB (the block stays as it was)."""
    head, rest = record.split(b"Content-Length: ", 1)
    return head + b"Content-Length: 4294967296\r\n" + rest.split(b"\r\n", 1)[1]


def read(path: Path) -> tuple[list[str], WarcReader]:
    reader = WarcReader()
    return [page.url for page in reader.pages(path)], reader


def read_around_damage(path: Path, caplog: pytest.LogCaptureFixture) -> WarcReader:
    """Read ``path`` (its middle record damaged), logging captured: the records around it come through."""
    with caplog.at_level(logging.WARNING, logger="newscrawl"):
        urls, reader = read(path)
    assert urls == [URLS[0], URLS[2]]
    return reader


def test_truncated_gzip_member_mid_file_loses_only_that_record(tmp_path: Path, caplog) -> None:
    one, two, three = members()
    warc = tmp_path / "cut.warc.gz"
    warc.write_bytes(one + two[: len(two) // 2] + three)
    reader = read_around_damage(warc, caplog)
    damaged = reader.stats.skipped["truncated-record"] + reader.stats.skipped["corrupt-record"]
    assert damaged == 1
    assert str(warc) in caplog.text


def test_corrupt_gzip_member_mid_file_leaves_the_next_record(tmp_path: Path, caplog) -> None:
    one, two, three = members()
    garbage = bytes((b * 7 + 3) % 256 for b in two[10:])  # a member header, then noise
    warc = tmp_path / "noise.warc.gz"
    warc.write_bytes(one + two[:10] + garbage + three)
    reader = read_around_damage(warc, caplog)
    assert reader.stats.skipped["corrupt-record"] + reader.stats.skipped["truncated-record"] == 1
    assert "corrupt-record" in caplog.text or "truncated-record" in caplog.text


def test_response_whose_payload_is_not_http_is_counted(tmp_path: Path, caplog) -> None:
    one, _, three = members(gzip_records=False)
    payload = b"220 mail.example ESMTP ready\r\n\r\nnot a web page at all\r\n"
    odd = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/smtp\r\n"
           b"WARC-Date: 2024-05-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\n"
           b"Content-Type: application/http; msgtype=response\r\n"
           b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload + b"\r\n\r\n")
    warc = tmp_path / "odd.warc"
    warc.write_bytes(one + odd + three)
    reader = read_around_damage(warc, caplog)
    assert reader.stats.skipped["not-http"] == 1
    assert "not-http" in caplog.text


def test_content_length_of_4_gb_that_lies_loses_no_later_record(tmp_path: Path, caplog) -> None:
    one, two, three = members(gzip_records=False)
    liar = declare_4_gb(two)
    assert b"Content-Length: 4294967296\r\n" in liar
    warc = tmp_path / "liar.warc"
    warc.write_bytes(one + liar + three)
    reader = read_around_damage(warc, caplog)
    assert reader.stats.skipped["truncated-record"] == 1
    assert str(warc) in caplog.text


def test_content_length_lie_inside_a_gzip_member(tmp_path: Path) -> None:
    one, two, three = members(gzip_records=False)
    liar = declare_4_gb(two)
    warc = tmp_path / "liar.warc.gz"
    warc.write_bytes(b"".join(gzip.compress(chunk) for chunk in (one, liar, three)))
    urls, reader = read(warc)
    assert urls == [URLS[0], URLS[2]]
    assert reader.stats.skipped["truncated-record"] + reader.stats.skipped["corrupt-record"] == 1


def test_empty_file_is_counted_not_raised(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    urls, reader = read(empty)
    assert urls == [] and reader.stats.skipped == {"empty-file": 1}


@pytest.mark.parametrize("name, data", [("notes.warc", b"just some notes\nnothing here\n" * 40),
                                        ("notes.warc.gz", gzip.compress(b"<html>a page, not a WARC</html>" * 40))])
def test_file_that_is_not_a_warc(tmp_path: Path, name: str, data: bytes) -> None:
    bogus = tmp_path / name
    bogus.write_bytes(data)
    with pytest.raises(NotAWarc, match=str(bogus)):
        read(bogus)
    run = subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", str(bogus), "-o", str(tmp_path / "o.jsonl")],
                         capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                         timeout=120, check=False)
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if "not a WARC" in line]
    assert len(errors) == 1 and str(bogus) in errors[0]
    assert "Traceback" not in run.stderr


SOUND = b"".join(members(gzip_records=False))
SOUND_GZ = b"".join(members())


@st.composite
def damaged_warcs(draw: st.DrawFn) -> bytes:
    """A sound WARC (plain or gzip), then cut, overwritten, spliced with random bytes or repeated."""
    data = bytearray(draw(st.sampled_from([SOUND, SOUND_GZ])))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        edit = draw(st.sampled_from(["cut", "overwrite", "insert", "drop"]))
        noise = draw(st.binary(min_size=1, max_size=64))
        if edit == "cut":
            del data[at:]
        elif edit == "overwrite":
            data[at:at + len(noise)] = noise
        elif edit == "insert":
            data[at:at] = noise
        else:
            del data[at:at + len(noise)]
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(damaged_warcs(), st.binary(max_size=512)))
def test_reader_never_raises_on_damaged_bytes(tmp_path: Path, data: bytes) -> None:
    warc = tmp_path / "fuzz.warc"
    warc.write_bytes(data)
    reader = WarcReader()
    try:
        pages = list(reader.pages(warc))
    except NotAWarc:
        return  # the one outcome a caller reports for the whole file
    assert len(pages) == reader.stats.pages <= len(URLS)  # damage never makes records up
