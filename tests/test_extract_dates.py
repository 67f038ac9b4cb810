"""Date candidates as pages state them: sources in order of trust, visible forms, no side effects."""

from __future__ import annotations

import json

import lxml.html
import pytest

from newscrawl.normalize.date_raw import RawDate, locate_date
from newscrawl.extract.date_visible import labelled_candidate, visible_candidates
from newscrawl.extract.dates import (
    extract_date_candidates,
    extract_modified_candidates,
    extract_published_candidates,
    extract_published_raw,
    url_date,
)
from newscrawl.extract.page import parse_html
from newscrawl.extract.structured import parse_structured_data
from newscrawl.items import Article, Metadata
from newscrawl.normalize.article import normalize_dates
from newscrawl.normalize.dates import DateOptions, parse_candidate

STORY = "<p>The council approved the budget on a late vote after a long debate.</p>"


def _page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body or '<h1>Council approves budget</h1>' + STORY}</body></html>"


def _json_ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def _candidates(html: str, url: str = "", hints: dict[str, str] | None = None) -> list[RawDate]:
    doc = parse_html(html)
    return extract_published_candidates(doc, parse_structured_data(doc), hints or {}, url)


def test_json_ld_news_article_in_a_graph_comes_first():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "#site", "name": "Example"},
        {"@type": "NewsArticle", "headline": "Council approves budget",
         "datePublished": "2013-11-02T11:16:00-07:00"},
    ]}
    html = _page(_json_ld(graph) + '<meta property="article:published_time" content="2013-11-01">')
    assert _candidates(html)[:2] == [
        RawDate("2013-11-02T11:16:00-07:00", "json-ld"), RawDate("2013-11-01", "meta"),
    ]


def test_article_published_time_meta():
    html = _page('<meta property="article:published_time" content="2024-05-01T09:30:00+02:00">')
    assert extract_published_raw(parse_html(html), parse_structured_data(parse_html(html)), {}) == RawDate(
        "2024-05-01T09:30:00+02:00", "meta"
    )


def test_time_tag_marked_as_publication():
    body = '<h1>Budget</h1><time itemprop="datePublished" datetime="2024-05-01T09:30">1 May</time>' + STORY
    assert _candidates(_page(body=body))[0] == RawDate("2024-05-01T09:30", "time-tag")


@pytest.mark.parametrize(("hint", "source"), [("news_publication_date", "news-sitemap"), ("feed_published", "feed")])
def test_discovery_hints_rank_after_page_markup(hint, source):
    html = _page('<meta name="pubdate" content="2024-05-01">')
    found = _candidates(html, hints={hint: "2024-05-02T08:00:00Z"})
    assert found[:2] == [RawDate("2024-05-01", "meta"), RawDate("2024-05-02T08:00:00Z", source)]


def test_url_date_leads_when_the_page_has_no_structured_date():
    found = _candidates(_page(), url="https://example.com/news/2013/11/02/council-budget.html")
    assert found[0] == RawDate("2013-11-02", "url")


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.com/2020/02/17/story/", "2020-02-17"),
    ("https://example.com/news/20200516/italy-borders", "2020-05-16"),
    ("https://example.com/a/2020-06-07-title", "2020-06-07"),
    ("https://example.com/story?id=20200516", None),
    ("https://example.com/2020/13/45/story", None),
    # Compact forms; a web archive's 14-digit capture stamp is not the story's day.
    ("https://web.archive.org/web/20160218174457/http://example.com/2010/05/19/story/", "2010-05-19"),
    ("https://example.com/2020/0428/story", "2020-04-28"),
    # Day first, as European CMSs write it.
    ("https://example.com/lokales/29-10-2021/rathaus", "2021-10-29"),
    ("https://example.com/lokales/rathaus-29.10.2021.html", "2021-10-29"),
    # Without leading zeros between slashes, and with the month's English abbreviation.
    ("https://example.com/science/2019/11/8/20948348/air", "2019-11-08"),
    ("https://example.com/science/2019/1/15/story", "2019-01-15"),
    ("https://example.com/commentisfree/2019/nov/18/the-view", "2019-11-18"),
    ("https://example.com/img/2019/11/8.jpg", None),
    # Days that do not exist are IDs, not dates.
    ("https://example.com/a/20200231/story", None),
    ("https://example.com/a/31-02-2021/story", None),
])
def test_url_date(url, expected):
    found = url_date(url)
    assert (found.text if found else None) == expected


@pytest.mark.parametrize(("text", "located"), [
    ("By Jane Roe | Nov 2, 2013, 11:16 AM | 3 comments", "Nov 2, 2013, 11:16 AM"),
    ("Veröffentlicht am 2. November 2013", "2. November 2013"),
    ("Stand: 02/11/2013", "02/11/2013"),
    ("Updated 3 hours ago", "3 hours ago"),
    ("Publicado el 17 de febrero de 2020", "17 de febrero de 2020"),
    ("Von Jane Roe 4. 2. 2022. Die Spiele am 4. und 5. März 2022", "4. 2. 2022"),
    ("Sep 24, 2020 at 10:04 AM Sep", "Sep 24, 2020 at 10:04 AM"),
    ("投稿日時 2020年07月03日 17:16", "2020年07月03日"),
    ("Tue Jul 30 09:35:14 CEST 2019", None),
    ("Letzte Änderung: 31.10.2023 - 14:49:39Erschienen am: 01.11.2023Lesungen", "31.10.2023 - 14:49:39"),
    ("Read more stories", None),
])
def test_locate_date_in_visible_text(text, located):
    assert locate_date(text) == located


@pytest.mark.parametrize(("text", "day"), [
    ("Posted on the 5th of January 2020", "2020-01-05"),  # British ordinal with "of"
    ("Date: 03-Feb-2021", "2021-02-03"),  # dashes around the month's abbreviation
    ("Publicado el 3 de febrero del 2021", "2021-02-03"),  # Latin American "del"
    ("Közzétéve: 2021. február 3. 10:15", "2021-02-03"),  # Hungarian, year first
    ("Cập nhật ngày 3 tháng 2 năm 2021", "2021-02-03"),  # Vietnamese, "month 2, year 2021"
])
def test_written_dates_of_other_shapes_are_located_and_read(text, day):
    located = locate_date(text)
    parsed = parse_candidate(located, DateOptions(languages=("hu", "vi", "en"))) if located else None
    assert parsed is not None and parsed.day.isoformat() == day


def test_visible_date_right_after_the_headline():
    body = (
        '<h1>KBS</h1><div><h1>Colder temperatures forecast for Wednesday</h1>'
        "<p>Written: 2023-11-07 15:03:30</p>" + STORY + "</div>"
        '<aside><span class="date">01.01.2020</span></aside>'
    )
    # The logo's <h1> is shorter than the story's: the date comes from under the headline.
    assert visible_candidates(parse_html(_page(body=body)))[0] == RawDate("2023-11-07 15:03:30", "visible")


def test_visible_words_are_not_glued_together():
    body = '<h1>Council approves budget</h1><div class="meta"><b>Jane Roe</b><span>Nov 3, 2023</span></div>'
    assert visible_candidates(parse_html(_page(body=body)))[0].text == "Nov 3, 2023"


def test_script_text_under_the_headline_is_not_a_visible_date():
    body = (
        "<h1>Council approves budget</h1><div><script>var built = '2020-10-26';</script>"
        "<p>Von Jane Roe, 4. Februar 2022</p></div>" + STORY
    )
    assert visible_candidates(parse_html(_page(body=body)))[0] == RawDate("4. Februar 2022", "visible")


def test_labelled_publication_date_beats_the_last_change():
    body = (
        "<h1>Rezension</h1>" + STORY
        + "<p>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>Lesungen: 61</p>"
    )
    doc = parse_html(_page(body=body))
    assert labelled_candidate(doc) == RawDate("01.11.2023", "visible")
    assert _candidates(_page(body=body))[0] == RawDate("01.11.2023", "visible")


def test_without_structured_data_the_headline_date_leads_and_zone_dates_follow():
    body = (
        '<div class="teaser"><span class="date">09.08.2020</span></div>'
        "<article><h1>Council approves budget</h1><p>Berlin, 28.10.2021, 058/21</p>" + STORY + "</article>"
    )
    found = _candidates(_page(body=body))
    assert found[0] == RawDate("28.10.2021", "visible")


def test_first_date_in_the_text_is_the_last_resort():
    body = "<div><p>Kein Datum hier.</p></div><p>Stand der Seite: 19. Mai 2010 um 23:03 Uhr</p>"
    found = _candidates(_page(body=body))
    assert found[0] == RawDate("19. Mai 2010 um 23:03 Uhr", "visible")


def test_htmldate_fallback_leaves_the_shared_tree_intact():
    body = "<div><p>Some text without any date in it, repeated.</p>" * 20 + "</div><footer>2019-06-27</footer>"
    doc = parse_html(_page(body=body))
    before = lxml.html.tostring(doc)
    found = extract_published_candidates(doc, parse_structured_data(doc), {}, "")
    assert found and found[0].source == "htmldate"
    assert lxml.html.tostring(doc) == before


def test_time_only_values_are_not_candidates():
    body = '<h1>Budget</h1><time itemprop="datePublished" datetime="9:05 PM">9:05 PM</time>' + STORY
    assert all(c.text != "9:05 PM" for c in _candidates(_page(body=body)))


def test_modified_candidates_from_json_ld_then_meta():
    head = _json_ld({"@type": "NewsArticle", "dateModified": "2024-05-02"}) + (
        '<meta property="article:modified_time" content="2024-05-03">'
    )
    doc = parse_html(_page(head))
    assert extract_modified_candidates(doc, parse_structured_data(doc)) == [
        RawDate("2024-05-02", "json-ld"), RawDate("2024-05-03", "meta"),
    ]


def _normalized(html: str, url: str = "", hints: dict[str, str] | None = None, **options: object) -> Article:
    doc = parse_html(html)
    found = extract_date_candidates(doc, parse_structured_data(doc), hints or {}, url)
    article = Article(url=url or "https://example.com/a", metadata=Metadata(dateDownloaded="2024-05-01T12:00:00Z"))
    normalize_dates(article, DateOptions(**options), found.published, found.modified)  # type: ignore[arg-type]
    return article


def test_seed_json_ld_offset_is_kept_and_not_assumed():
    head = _json_ld({"@type": "NewsArticle", "datePublished": "2013-11-02T11:16:00-07:00"})
    body = '<h1>Japan, Russia agree to expand defense ties</h1><p class="date">Nov 2, 2013, 11:16 AM</p>' + STORY
    article = _normalized(_page(head, body), default_tz="America/Phoenix")
    assert (article.datePublished, article.datePublishedSource, article.datePublishedTimezoneAssumed) == (
        "2013-11-02T11:16:00-07:00", "json-ld", False,
    )


@pytest.mark.parametrize(("hints", "url", "expected"), [
    ({"news_publication_date": "2024-04-30T08:00:00+02:00"}, "", ("2024-04-30T08:00:00+02:00", "news-sitemap")),
    ({"feed_published": "Tue, 30 Apr 2024 08:00:00 +0200"}, "", ("2024-04-30T08:00:00+02:00", "feed")),
    ({}, "https://example.com/2024/04/30/council-budget/", ("2024-04-30", "url")),
])
def test_discovery_and_url_dates_normalized(hints, url, expected):
    body = "<h1>Council approves budget</h1>" + STORY
    article = _normalized(_page(body=body), url=url, hints=hints)
    assert (article.datePublished, article.datePublishedSource) == expected


def test_published_and_modified_with_their_sources():
    head = _json_ld({"@type": "NewsArticle", "datePublished": "2024-04-30T08:00:00+02:00"}) + (
        '<meta property="article:modified_time" content="2024-04-30T17:45:00+02:00">'
    )
    article = _normalized(_page(head))
    assert (article.datePublished, article.dateModified, article.dateModifiedSource) == (
        "2024-04-30T08:00:00+02:00", "2024-04-30T17:45:00+02:00", "meta",
    )


def test_generic_date_meta_is_read_month_first_when_slashed():
    # ASP.NET and US CMSs write meta dates month first; htmldate would read 11 January.
    html = _page('<meta name="date" content="11/01/2023 12:43:42">', "<div>" + STORY + "</div>")
    article = _normalized(html)
    assert (article.datePublished, article.datePublishedSource) == ("2023-11-01T12:43:42", "meta")


def test_visible_modified_element_is_a_modified_candidate():
    body = (
        '<h1>Budget</h1><time itemprop="dateModified" datetime="2024-05-02T10:00:00+02:00">2 May</time>'
        + STORY
    )
    doc = parse_html(_page(body=body))
    assert extract_modified_candidates(doc, parse_structured_data(doc)) == [
        RawDate("2024-05-02T10:00:00+02:00", "time-tag"),
    ]


@pytest.mark.parametrize("label", [
    "Last updated:", "Updated", "Aktualisiert am", "Zuletzt aktualisiert:", "Mis à jour le", "Actualizado el",
    "Aggiornato il", "Atualizado em", "Bijgewerkt op",
])
def test_a_visible_updated_label_makes_a_modified_candidate(label):
    body = f'<h1>Council approves budget</h1><p class="meta">Jane Roe · {label} 03.05.2024</p>' + STORY
    doc = parse_html(_page(body=body))
    found = extract_date_candidates(doc, parse_structured_data(doc), {}, "")
    assert RawDate("03.05.2024", "visible") in found.modified


@pytest.mark.parametrize("label", ["Published:", "Veröffentlicht am", "Publié le", "Publicado el", "Pubblicato il",
                                   "Gepubliceerd op"])
def test_a_visible_published_label_raises_its_date_over_an_earlier_unlabelled_one(label):
    body = (
        "<h1>Council approves budget</h1><p>The vote of 12.05.2024 is the council's last.</p>"
        f'<p class="meta">{label} 02.05.2024</p>' + STORY
    )
    assert visible_candidates(parse_html(_page(body=body)))[0] == RawDate("02.05.2024", "visible")


def test_labels_are_read_per_date_in_one_line():
    from newscrawl.extract.date_visible import labelled_dates

    text = "Published 2 May 2024, updated 3 May 2024 · Aktualisiert am 4. Mai 2024"
    assert list(labelled_dates(text)) == [
        ("published", "2 May 2024"), ("modified", "3 May 2024"), ("modified", "4. Mai 2024"),
    ]


def test_the_last_resort_skips_a_date_after_an_updated_label():
    from newscrawl.extract.date_visible import first_text_date

    body = "<div><p>Kein Datum hier.</p></div><p>Aktualisiert am 20. Mai 2010</p><p>Seit 19. Mai 2010 online</p>"
    assert first_text_date(parse_html(_page(body=body))) == RawDate("19. Mai 2010", "visible")
    # Before the last resort, the page's own labelled update outranks dates its text quotes.
    assert _candidates(_page(body=body))[0] == RawDate("20. Mai 2010", "visible")
