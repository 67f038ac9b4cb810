"""Our ``Article`` to and from zyte-common-items' ``Article`` (``pip install newscrawl[zyte]``).

The field names are shared by design; what differs is stated here once:

=====================  ============================================  =========================
newscrawl              zyte-common-items                             note
=====================  ============================================  =========================
inLanguage "de-AT"     inLanguage "de"                               ISO 639-1: the subtags go
mainImage              mainImage, and images = [mainImage]           we keep one image
authors[].name/Raw     authors[].name/nameRaw (email, url: None)     back: email/url are lost
agencies, dateline,    (no field)                                    kept only on our side
contributors, tags …
metadata.dateDownloaded  metadata.dateDownloaded, probability 1.0    a record is an article
=====================  ============================================  =========================
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

import zyte_common_items as zci

from ..items import Article, Author, Breadcrumb, Image, Metadata

_SAME = ("url", "canonicalUrl", "headline", "description", "articleBody", "articleBodyHtml",
         "datePublished", "datePublishedRaw", "dateModified", "dateModifiedRaw")


def _language_639_1(tag: str | None) -> str | None:
    """ "de-AT" -> "de"; "und" or a three-letter code has no ISO 639-1 form.

    >>> _language_639_1("de-AT"), _language_639_1("en"), _language_639_1("gsw"), _language_639_1(None)
    ('de', 'en', None, None)
    """
    primary = (tag or "").split("-")[0].lower()
    return primary if len(primary) == 2 and primary.isalpha() else None


def to_zyte_article(record: Article | Mapping[str, Any]) -> zci.Article:
    """A zyte-common-items Article from our record (the dataclass or one JSON line as a dict)."""
    data = asdict(record) if isinstance(record, Article) else dict(record)
    image = data.get("mainImage")
    main_image = zci.Image(url=image["url"]) if image and image.get("url") else None
    downloaded = (data.get("metadata") or {}).get("dateDownloaded")
    return zci.Article(
        **{name: data.get(name) or None for name in _SAME if name != "url"},
        url=data["url"],
        authors=[zci.Author(name=a["name"], nameRaw=a.get("nameRaw")) for a in data.get("authors") or []] or None,
        breadcrumbs=[zci.Breadcrumb(name=b.get("name"), url=b.get("url"))
                     for b in data.get("breadcrumbs") or []] or None,
        inLanguage=_language_639_1(data.get("inLanguage")),
        mainImage=main_image,
        images=[main_image] if main_image else None,
        metadata=zci.ArticleMetadata(dateDownloaded=downloaded, probability=1.0),
    )


def from_zyte_article(item: zci.Article) -> Article:
    """Our record from a zyte-common-items Article, for the pipelines (normalize, dedupe, archive).

    Author ``email`` and ``url`` and images past the main one have no place in our record.
    """
    downloaded = item.metadata.dateDownloaded if item.metadata else None
    return Article(
        url=str(item.url),
        canonicalUrl=str(item.canonicalUrl) if item.canonicalUrl else None,
        headline=item.headline,
        description=item.description,
        articleBody=item.articleBody or "",
        articleBodyHtml=item.articleBodyHtml,
        authors=[Author(name=a.name or a.nameRaw or "", nameRaw=a.nameRaw or a.name or "")
                 for a in item.authors or [] if a.name or a.nameRaw],
        datePublished=item.datePublished,
        datePublishedRaw=item.datePublishedRaw,
        dateModified=item.dateModified,
        dateModifiedRaw=item.dateModifiedRaw,
        inLanguage=item.inLanguage,
        mainImage=Image(url=str(item.mainImage.url)) if item.mainImage else None,
        breadcrumbs=[Breadcrumb(name=b.name or "", url=str(b.url) if b.url else None)
                     for b in item.breadcrumbs or []],
        wordCount=len((item.articleBody or "").split()),
        metadata=Metadata(dateDownloaded=downloaded) if downloaded else None,
    )
