"""record_dict: the plain form of a record written to JSON Lines."""

from __future__ import annotations

import dataclasses

from newscrawl.items import Article, Author, Breadcrumb, Dateline, Image, Metadata, record_dict


def _full_record() -> Article:
    return Article(
        url="https://news.example/a", headline="Storm hits the coast", articleBody="One.\n\nTwo.",
        authors=[Author(name="Jane Roe", nameRaw="By Jane Roe")], contributors=[Author(name="Max Muster", nameRaw="Max Muster")],
        mainImage=Image(url="https://news.example/a.jpg"), breadcrumbs=[Breadcrumb(name="News", url="https://news.example/")],
        dateline=Dateline(place="LONDON", agency="AP"), agencies=["AP"], tags=["storm", "coast"],
        metadata=Metadata(dateDownloaded="2026-12-07T10:00:00Z"), wordCount=2,
    )


def test_a_record_becomes_what_dataclasses_asdict_gives() -> None:
    record = _full_record()
    assert record_dict(record) == dataclasses.asdict(record)
    assert list(record_dict(record)) == [f.name for f in dataclasses.fields(Article)]


def test_the_plain_record_shares_no_list_with_the_record() -> None:
    record = _full_record()
    plain = record_dict(record)
    plain["tags"].append("changed")
    plain["authors"][0]["name"] = "changed"
    assert record.tags == ["storm", "coast"]
    assert record.authors[0].name == "Jane Roe"
