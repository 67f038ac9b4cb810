"""Content digests on their way from the extraction stage to the archive stage, by record.

The extraction worker computes a record's ``ContentDigest`` (the archive's exact fingerprint
and MinHash signature) beside the record, off the reactor thread. The digest is not a field of
the ``Article`` (fields are exported), so ``ExtractPipeline`` files it here under the record
object and ``ArchivePipeline`` takes it back. It is only handed out for the same object with
the very same headline, body and dateModified objects it was computed from: a stage between
the two that replaces one of them gets ``None``, and the archive computes the digest itself.
Entries hold the record weakly, so a record dropped on the way leaves nothing behind.
"""

from __future__ import annotations

import weakref

from ..archive.fingerprint import ContentDigest
from ..items import Article

_Fields = tuple[str | None, str, str | None]


def _fields(article: Article) -> _Fields:
    return (article.headline, article.articleBody, article.dateModified)


class Digests:
    """``put(article, digest)`` then ``take(article)``: the digest, if still the article's own."""

    def __init__(self) -> None:
        self._entries: dict[int, tuple[weakref.ref[Article], _Fields, ContentDigest]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    def put(self, article: Article, digest: ContentDigest) -> None:
        """File the digest computed from the article's current headline, body and dateModified."""
        key = id(article)

        def forget(ref: weakref.ref[Article]) -> None:
            if (entry := self._entries.get(key)) is not None and entry[0] is ref:
                del self._entries[key]

        self._entries[key] = (weakref.ref(article, forget), _fields(article), digest)

    def take(self, article: Article) -> ContentDigest | None:
        """The digest filed for this very article and content, or None; forgotten either way."""
        entry = self._entries.pop(id(article), None)
        if entry is None:
            return None
        ref, fields, digest = entry
        if ref() is not article or any(a is not b for a, b in zip(fields, _fields(article), strict=True)):
            return None
        return digest


#: The crawl process's one registry (entries are per record object, so crawlers may share it).
DIGESTS = Digests()
