"""Content digests carried from the extraction stage to the archive stage, by record object."""

from __future__ import annotations

import gc

from newscrawl.archive.fingerprint import content_digest
from newscrawl.items import Article
from newscrawl.pipelines.digests import Digests


def article(body: str = "The council approved the budget.") -> Article:
    return Article(url="https://news.example/a", headline="Budget", articleBody=body)


def test_the_digest_comes_back_once_for_the_same_record() -> None:
    digests, record = Digests(), article()
    digest = content_digest(record.headline, record.articleBody, record.dateModified)
    digests.put(record, digest)
    assert digests.take(article()) is None  # an equal record, not this one
    digests.put(record, digest)
    assert digests.take(record) is digest
    assert digests.take(record) is None


def test_a_record_whose_content_changed_on_the_way_gets_none() -> None:
    digests, record = Digests(), article()
    digests.put(record, content_digest(record.headline, record.articleBody, record.dateModified))
    record.articleBody = "The council approved the budget. Corrected."  # a stage in between edited it
    assert digests.take(record) is None


def test_a_record_dropped_on_the_way_leaves_nothing_behind() -> None:
    digests, record = Digests(), article()
    digests.put(record, content_digest(record.headline, record.articleBody, record.dateModified))
    assert len(digests) == 1
    del record
    gc.collect()
    assert len(digests) == 0
