"""The archive pipeline on Articles: versions, unchanged re-fetches, aliases and syndicated copies."""

from __future__ import annotations

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from newscrawl.items import Article, Metadata
from newscrawl.pipelines.archive import ArchivePipeline

WIRE = " ".join(f"Line {n}: the storm reached the coast late on Tuesday, the weather service said." for n in range(25))


def _article(url: str, body: str = WIRE, *, canonical: str | None = None, headline: str = "Storm hits coast",
             modified: str | None = None) -> Article:
    return Article(url=url, canonicalUrl=canonical, headline=headline, articleBody=body, dateModified=modified,
                   metadata=Metadata(dateDownloaded="2024-05-01T00:00:00Z"))


@pytest.fixture
def run(tmp_path):
    """run(*articles, **settings): one crawl's pass through the pipeline; the items it emitted."""

    def crawl(*articles: Article, **settings) -> list[Article | str]:
        crawler = get_crawler(settings_dict={"NEWSCRAWL_INDEX_PATH": str(tmp_path / "index.sqlite"), **settings})
        pipeline = ArchivePipeline.from_crawler(crawler)
        pipeline.open_spider()
        out: list[Article | str] = []
        for article in articles:
            try:
                out.append(pipeline.process_item(article))
                pipeline.item_scraped(article)
            except DropItem as exc:
                out.append(str(exc).split(":")[0])
        pipeline.close_spider()
        pipeline.engine_stopped()
        return out

    return crawl


def test_versions_count_up_only_on_a_real_change(run):
    [first] = run(_article("https://a.com/story"))
    assert (first.version, first.changeType) == (1, "new")
    assert run(_article("https://a.com/story", body=WIRE + "  ")) == ["unchanged"]  # spacing is no edit
    [edit] = run(_article("https://a.com/story", body=WIRE + " Correction: late on Monday."))
    assert (edit.version, edit.changeType) == (2, "updated")
    [modified] = run(_article("https://a.com/story", body=WIRE + " Correction: late on Monday.",
                              modified="2024-05-02T10:00:00Z"))
    assert modified.version == 3  # a new dateModified is an update too


def test_unchanged_refetches_are_emitted_when_asked(run):
    run(_article("https://a.com/story"))
    [again] = run(_article("https://a.com/story"), NEWSCRAWL_EMIT_UNCHANGED=True)
    assert (again.version, again.changeType) == (1, "unchanged")


def test_the_same_article_under_two_urls_of_a_site_is_one_record(run):
    # no canonical link on either page: only the content says they are one article
    out = run(_article("https://a.com/news/storm-hits-coast"), _article("https://a.com/s/12345"))
    assert out[1] == "duplicate-content" and out[0].changeType == "new"
    assert run(_article("https://a.com/s/12345")) == ["unchanged"]  # next run: a known alias


def test_a_share_link_with_a_canonical_link_is_the_same_record(run):
    run(_article("https://a.com/news/storm", canonical="https://a.com/news/storm"))
    assert run(_article("https://a.com/s/1", canonical="https://a.com/news/storm")) == ["unchanged"]


def test_syndicated_copies_are_flagged_not_dropped_even_across_runs(run):
    [original, copy] = run(_article("https://wire.example/storm"),
                           _article("https://local-one.example/storm", body="From the wire. " + WIRE))
    assert original.duplicateOf is None
    assert (copy.changeType, copy.duplicateOf) == ("new", "https://wire.example/storm")
    [later] = run(_article("https://local-two.example/weather/storm", body=WIRE + " Local shelters are open."))
    assert later.duplicateOf == "https://wire.example/storm"
    [other] = run(_article("https://local-two.example/schools",
                           body=" ".join(f"Item {n}: the school board met on bus routes." for n in range(30))))
    assert other.duplicateOf is None
