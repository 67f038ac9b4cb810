"""``newscrawl extract`` over WARC files: real files written with warcio, the real command line."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """<html lang="en"><head><title>{title}</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2024-05-03T08:00:00Z">
</head><body><article><h1>{title}</h1><p class="byline">By Jane Roe</p>
{paragraphs}</article></body></html>"""


def article(title: str) -> bytes:
    paragraphs = "".join(f"<p>Point {n}: the council voted on Tuesday to extend the tram line to the harbour, "
                         f"after debate number {n} lasted most of the evening and drew {n * 40} residents.</p>"
                         for n in range(1, 7))
    return ARTICLE.format(title=title, paragraphs=paragraphs).encode()


def response(writer: WARCWriter, url: str, body: bytes, *, status: str = "200 OK",
             content_type: str = "text/html; charset=utf-8", date: str = "2024-05-04T10:00:00Z") -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def write_warc(path: Path, build, gzip: bool = True) -> Path:
    with path.open("wb") as out:
        build(WARCWriter(out, gzip=gzip))
    return path


def extract(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "newscrawl.cli", "extract", *args], capture_output=True,
                          text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
                          timeout=120)


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def mixed(writer: WARCWriter) -> None:
    response(writer, "https://news.example/2024/05/tram-line", article("Tram line reaches the harbour"))
    response(writer, "https://news.example/missing", b"<html>gone</html>", status="404 Not Found")
    response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
             content_type="image/png")
    response(writer, "https://sub.other.example/2024/05/budget", article("Budget passes at last"))


def test_warc_gz_gives_one_record_per_html_200_and_counts_the_rest(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", mixed)
    out = tmp_path / "out.jsonl"
    run = extract(str(warc), "-o", str(out), "--jobs", "1")
    assert run.returncode == 0, run.stderr
    got = records(out)
    assert [r["id"] for r in got] == ["https://news.example/2024/05/tram-line",
                                      "https://sub.other.example/2024/05/budget"]
    assert got[0]["headline"] == "Tram line reaches the harbour"
    assert got[0]["metadata"]["dateDownloaded"].startswith("2024-05-04T10:00:00")
    assert got[0]["datePublished"].startswith("2024-05-03")
    assert "1 status-404" in run.stderr and "1 not-html" in run.stderr


def test_folder_of_plain_warcs_and_domain_filter(tmp_path: Path) -> None:
    folder = tmp_path / "warcs"
    folder.mkdir()
    write_warc(folder / "a.warc", mixed, gzip=False)
    out = tmp_path / "out.jsonl"
    run = extract(str(folder), "-o", str(out), "--domain", "other.example", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert [r["id"] for r in records(out)] == ["https://sub.other.example/2024/05/budget"]
    assert "other-domain" in run.stderr


def test_since_until_filters_on_publication_date(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc.gz", mixed)
    out = tmp_path / "out.jsonl"
    run = extract(str(warc), "-o", str(out), "--since", "2024-05-04")
    assert run.returncode == 0, run.stderr
    assert records(out) == [] and "2 outside-dates" in run.stderr


def test_revisit_resolved_against_its_original_in_the_same_input(tmp_path: Path) -> None:
    body = article("Harbour ferry resumes")

    def build(writer: WARCWriter) -> None:
        response(writer, "https://news.example/ferry", body)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        original = writer.create_warc_record("https://news.example/ferry", "response",
                                             payload=io.BytesIO(body), http_headers=http)
        digest = original.rec_headers.get_header("WARC-Payload-Digest")
        writer.write_record(writer.create_revisit_record("https://news.example/ferry?again", digest,
                                                         "https://news.example/ferry", "2024-05-04T10:00:00Z"))
        writer.write_record(writer.create_revisit_record("https://news.example/elsewhere", "sha1:AAAA",
                                                         "https://news.example/x", "2024-05-04T10:00:00Z"))

    warc = write_warc(tmp_path / "r.warc.gz", build)
    out = tmp_path / "out.jsonl"
    run = extract(str(warc), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert [r["id"] for r in records(out)] == ["https://news.example/ferry", "https://news.example/ferry?again"]
    assert "1 revisit-unresolved" in run.stderr


def test_not_a_warc_is_one_line_naming_the_file_and_exit_2(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.warc"
    bogus.write_text("just some notes\nnothing archived here\n" * 50)
    run = extract(str(bogus), "-o", str(tmp_path / "out.jsonl"))
    assert run.returncode == 2
    assert [line for line in run.stderr.splitlines() if "not a WARC" in line] == [
        line for line in run.stderr.splitlines() if str(bogus) in line and "not a WARC" in line]
    assert "Traceback" not in run.stderr


def test_corrupt_record_mid_file_leaves_later_records_readable(tmp_path: Path) -> None:
    def build(writer: WARCWriter) -> None:
        response(writer, "https://news.example/one", article("First story of the day"))
        response(writer, "https://news.example/two", article("Second story of the day"))
        response(writer, "https://news.example/three", article("Third story of the day"))

    warc = write_warc(tmp_path / "c.warc", build, gzip=False)
    data = warc.read_bytes()
    second = data.index(b"WARC/1.", data.index(b"https://news.example/two") - 400)
    damaged = data[:second] + b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\n" + data[second + 200:]
    warc.write_bytes(damaged)
    out = tmp_path / "out.jsonl"
    run = extract(str(warc), "-o", str(out))
    assert run.returncode == 0, run.stderr
    ids = [r["id"] for r in records(out)]
    assert ids[0] == "https://news.example/one" and ids[-1] == "https://news.example/three"
    assert "corrupt-record" in run.stderr or "truncated-record" in run.stderr


def test_empty_file_and_truncated_gzip_member(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.warc.gz").write_bytes(b"")
    warc = write_warc(folder / "t.warc.gz", lambda w: (response(w, "https://news.example/a", article("A story")),
                                                       response(w, "https://news.example/b", article("B story"))))
    data = warc.read_bytes()
    warc.write_bytes(data[: len(data) - 300])
    out = tmp_path / "out.jsonl"
    run = extract(str(folder), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert [r["id"] for r in records(out)] == ["https://news.example/a"]
    assert "empty-file" in run.stderr and "Traceback" not in run.stderr


def test_request_metadata_and_warcinfo_records_give_no_record(tmp_path: Path) -> None:
    def build(writer: WARCWriter) -> None:
        writer.write_record(writer.create_warcinfo_record("mixed.warc.gz", {"software": "test"}))
        url = "https://news.example/2024/05/tram-line"
        http = StatusAndHeaders("GET /2024/05/tram-line HTTP/1.1", [("Host", "news.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=http))
        response(writer, url, article("Tram line reaches the harbour"))
        writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"outlinks: none\n"),
                                                      warc_content_type="application/warc-fields"))
        response(writer, "https://news.example/gone", b"<html>gone</html>", status="404 Not Found")

    warc = write_warc(tmp_path / "mixed.warc.gz", build)
    out = tmp_path / "out.jsonl"
    run = extract(str(warc), "-o", str(out))
    assert run.returncode == 0, run.stderr
    assert [r["id"] for r in records(out)] == ["https://news.example/2024/05/tram-line"]
    for counted in ("1 warcinfo", "1 request", "1 metadata", "1 status-404"):
        assert counted in run.stderr
