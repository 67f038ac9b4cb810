"""archive.decision.decide over a real SQLite index: the crawl's and re-extraction's one decision."""

from __future__ import annotations

from pathlib import Path

from newscrawl.archive.decision import Pending, decide
from newscrawl.archive.index import ArticleWrite, FetchFacts
from newscrawl.archive.sqlite import SqliteIndex

BODY = " ".join(f"The council met on day {n} and voted on the harbour tram line budget." for n in range(30))


def store(pending: Pending, url: str, body: str, headline: str = "Tram") -> str:
    decision = decide(url=url, canonical_url=None, headline=headline, body=body, date_modified=None, known=pending)
    if decision.emits:
        pending.writes[decision.key] = ArticleWrite(
            key=decision.key, url=url, host="news.example", fingerprint=decision.fingerprint,
            version=decision.version, fetch=FetchFacts(fetched_at=1), signature=decision.signature)
    return f"{decision.change} {decision.version}"


def test_new_unchanged_updated_and_duplicate_content(tmp_path: Path) -> None:
    index = SqliteIndex(tmp_path / "index.sqlite")
    pending = Pending(index, 0.8)
    assert store(pending, "https://news.example/a", BODY) == "new 1"
    assert store(pending, "https://news.example/a-share", BODY) == "duplicate-content 1"  # same run
    index.commit(list(pending.writes.values()))
    pending.writes.clear()
    assert store(pending, "https://news.example/a", BODY) == "unchanged 1"
    assert store(pending, "https://news.example/a", BODY + " A late amendment passed.") == "updated 2"
    index.close()


def test_near_duplicate_names_the_older_article(tmp_path: Path) -> None:
    pending = Pending(SqliteIndex(tmp_path / "index.sqlite"), 0.8)
    store(pending, "https://news.example/a", BODY)
    decision = decide(url="https://other.example/wire", canonical_url=None, headline="Tram (wire)",
                      body=BODY + " Reporting by the wire.", date_modified=None, known=pending)
    assert (decision.change, decision.duplicate_of) == ("new", "https://news.example/a")


def test_a_digest_computed_elsewhere_gives_the_same_decision(tmp_path: Path) -> None:
    from newscrawl.archive.fingerprint import content_digest

    pending = Pending(SqliteIndex(tmp_path / "index.sqlite"), 0.8)
    store(pending, "https://news.example/a", BODY)
    body = BODY + " Reporting by the wire."
    fields = {"url": "https://other.example/wire", "canonical_url": None, "headline": "Tram (wire)",
              "body": body, "date_modified": "2024-05-02", "known": pending}
    given = decide(**fields, digest=content_digest("Tram (wire)", body, "2024-05-02"))
    assert given == decide(**fields)
    assert (given.change, given.duplicate_of) == ("new", "https://news.example/a")
