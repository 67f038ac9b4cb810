"""Date classes of unseen pages, each on a small page written for it: a stale meta tag outvoted
by the page, a live blog's entry times, a relative date with no capture time."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone
from typing import Any

import pytest

from newscrawl.extract.page import PageInput
from newscrawl.normalize.dates import DateOptions
from newscrawl.record import RecordOptions, build_record

PROSE = "<p>" + "The council met on the budget and voted after a long debate in the chamber. " * 6 + "</p>"
FETCHED = datetime(2024, 6, 1, 12, 0, tzinfo=timezone.utc)


def dates(head: str, body: str, ld: Any = None, options: RecordOptions = RecordOptions(),
          url: str = "https://news.example.org/story") -> tuple[str | None, str | None]:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    html = (f"<html><head>{head}{script}</head><body><article><h1>Council votes on the budget</h1>"
            f"{body}{PROSE}{PROSE}</article></body></html>")
    article = build_record(PageInput(url=url, html=html, fetched_at=FETCHED), options)
    return article.datePublished, article.dateModified


def test_the_shown_date_and_a_time_tag_outvote_one_stale_meta_tag() -> None:
    head = '<meta property="article:published_time" content="2024-01-26T14:32:06+02:00">'
    body = '<p class="date">21.01.2024 - 13:30</p><time datetime="2024-01-21">21 Jan</time>'
    assert dates(head, body)[0][:10] == "2024-01-21"  # type: ignore[index]


def test_one_shown_date_alone_does_not_outvote_the_meta_tag() -> None:
    head = '<meta property="article:published_time" content="2024-01-26T14:32:06+02:00">'
    assert dates(head, '<p class="date">21.01.2024 - 13:30</p>')[0][:10] == "2024-01-26"  # type: ignore[index]


def test_a_live_blog_is_dated_by_its_start_not_by_its_newest_entry() -> None:
    ld = {"@type": "LiveBlogPosting", "headline": "Live: the budget vote", "datePublished": "2024-05-18T08:00:00+02:00",
          "dateModified": "2024-05-20T14:05:00+02:00"}
    body = '<div class="ticker"><p>Updated 14:05 May 20, 2024</p><p>13:40 May 20, 2024</p></div>'
    published, modified = dates("", body, ld)
    assert published == "2024-05-18T08:00:00+02:00" and modified == "2024-05-20T14:05:00+02:00"


def test_a_relative_date_needs_the_capture_time() -> None:
    body = '<p class="date">vor 5 Stunden</p>'
    assert dates("", body)[0] == "2024-06-01T07:00:00+00:00"  # counted back from the fetch
    unknown = RecordOptions(dates=replace(DateOptions(), relative_dates=False))
    assert dates("", body, options=unknown)[0] is None  # a saved page: no day to count from


def page_date(html: str, url: str = "https://news.example.org/story") -> str | None:
    return build_record(PageInput(url=url, html=html, fetched_at=FETCHED), RecordOptions()).datePublished


# Right under the headline, a teaser of an older story with its date: the stand-in date when
# the page states none of its own.
TEASER = '<p class="teaser"><a href="/verbandstag">Verbandstag in Stuttgart</a> 12.01.2022</p>'
COMMENTS = ('<section class="comments"><h3>Kommentare</h3><p>Markus 04.02.2022 - 00:00 Uhr Das sehe ich'
            ' ganz anders als die Verbandschefin.</p></section>')


@pytest.mark.parametrize("label, shown, day", [
    ("Datum:", "03.02.2022", "2022-02-03"),
    ("Fecha:", "3 de febrero de 2022", "2022-02-03"),
    ("Date :", "3 février 2022", "2022-02-03"),
    ("Data:", "03.02.2022", "2022-02-03"),
])
def test_a_date_label_of_any_language_with_its_colon_dates_the_story(label: str, shown: str, day: str) -> None:
    # The story's facts sit below it ("Datum: ... Autor: ..."); a reader comment is dated later.
    facts = f'<div class="facts"><h5>{label} </h5>{shown}<br><h5>Autor: </h5>se</div>'
    html = (f"<html><body><article><h1>Das Autohaus ist alternativlos</h1>{TEASER}{PROSE}{PROSE}{facts}"
            f"</article>{COMMENTS}</body></html>")
    assert (page_date(html) or "")[:10] == day


@pytest.mark.parametrize("line, day", [
    ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24"),  # Levantine and Latin month names
    ("نشر في 3 شباط 2022", "2022-02-03"),  # the Levant's month names
    ("تاريخ النشر: 3 كانون الثاني 2022", "2022-01-03"),
    ("نشر في 3 فيفري 2022", "2022-02-03"),  # the Maghreb's
    ("Опубликовано 3 февраля 2022", "2022-02-03"),
    ("公開日：2022年2月3日", "2022-02-03"),
    ("입력 2022.02.03 10:00", "2022-02-03"),
    ("Yayınlanma: 03.02.2022", "2022-02-03"),
])
def test_publication_labels_and_dates_of_other_scripts(line: str, day: str) -> None:
    # The label stands in the story's footer line, far from the headline; a teaser date comes first.
    html = (f"<html><body><article><h1>Story</h1>{TEASER}{PROSE}{PROSE}"
            f"<p class='info'>{line}</p></article></body></html>")
    assert (page_date(html) or "")[:10] == day


def test_a_date_line_set_inside_the_headline_is_the_shown_date() -> None:
    html = ("<html><body><article><h1>Zuschauerrückkehr bei den Proficlubs der Region<br>"
            "<small><span class='icon'></span>&nbsp;02.02.2022 • Verband, Presse</small></h1>"
            "<p>Laut der am 28.01.2022 in Kraft getretenen Verordnung dürfen die Clubs mehr Zuschauer"
            f" einlassen.</p>{PROSE}{PROSE}</article></body></html>")
    assert (page_date(html) or "")[:10] == "2022-02-02"


def test_a_page_showing_only_its_update_is_dated_by_it() -> None:
    # The CMS keeps the first draft's datePublished and a later silent edit as dateModified;
    # the reader sees one date, labelled as the update.
    ld = {"@type": "Article", "headline": "Hydrangea care", "datePublished": "2016-08-29T21:54:39.000Z",
          "dateModified": "2020-10-01T13:23:47.000Z"}
    assert (dates("", '<p class="byline">By Sarah Yang Updated May 06, 2019</p>', ld)[0] or "")[:10] == "2019-05-06"


def test_a_page_showing_its_publication_and_its_update_keeps_the_publication() -> None:
    ld = {"@type": "Article", "headline": "Hydrangea care", "datePublished": "2016-08-29T21:54:39.000Z"}
    body = '<p class="byline">By Sarah Yang, published Aug 29, 2016, updated May 06, 2019</p>'
    assert (dates("", body, ld)[0] or "")[:10] == "2016-08-29"


def test_a_page_whose_only_own_date_is_its_last_change_is_dated_by_it() -> None:
    # No structured date and none shown near the headline: the footer's "last change" is the
    # page's own statement, and the date its text quotes (a data set of 2016) is not the story's.
    story = "<p>Der erste Datensatz vom 09.03.2016 zeigt die Schneedecke genauer als bisher.</p>"
    html = (f"<html><body><div class='entry'><h1>OutdoorNews | Eintrag</h1>{PROSE}{story}{PROSE}"
            "<div class='facts'><label>Letzte Änderung:</label><div class='value'>14.01.2022 um 09:25</div>"
            "</div></div></body></html>")
    assert (page_date(html) or "")[:10] == "2022-01-14"


@pytest.mark.parametrize("url, shown", [
    ("https://ici.radio.example.ca/nouvelle/1728875", "2020-08-24T20:23:33-04:00"),  # Ottawa's calendar
    ("https://www.zeitung.example.de/artikel/1", "2020-08-25T02:23:33+02:00"),
    ("https://news.example.com/story", "2020-08-25T00:23:33+00:00"),  # a generic domain names no country
])
def test_a_utc_instant_is_shown_in_the_zone_of_the_site_s_country(url: str, shown: str) -> None:
    ld = {"@type": "NewsArticle", "headline": "Pas d'autobus scolaires", "datePublished": "2020-08-25T00:23:33Z"}
    assert dates("", "", ld, url=url)[0] == shown


def test_a_configured_site_zone_beats_the_country_of_the_domain() -> None:
    ld = {"@type": "NewsArticle", "headline": "Pas d'autobus scolaires", "datePublished": "2020-08-25T00:23:33Z"}
    options = RecordOptions(dates=DateOptions(default_tz="America/Vancouver"))
    assert dates("", "", ld, options=options, url="https://ici.radio.example.ca/n/1")[0] == "2020-08-24T17:23:33-07:00"


def test_a_numeric_date_either_order_reads_takes_the_order_of_the_page_s_other_timestamp() -> None:
    head = ('<meta property="article:published_time" content="10/05/2022 05:22 pm">'
            '<meta property="article:modified_time" content="2022/05/10 17:36:11">')
    assert (dates(head, "")[0] or "")[:10] == "2022-05-10"  # 14 minutes before its last change
    alone = '<meta property="article:published_time" content="10/05/2022 05:22 pm">'
    assert (dates(alone, "")[0] or "")[:10] == "2022-10-05"  # markup's month-first order, unopposed


def test_the_day_in_the_url_keeps_the_structured_date_over_a_shown_update() -> None:
    # The page shows only its last update, which dateModified records too; the URL's day
    # (written without leading zeros, as Vox Media's CMS does) agrees with datePublished.
    ld = {"@type": "NewsArticle", "headline": "Air pollution in Delhi", "datePublished": "2019-11-08T15:30:00-05:00",
          "dateModified": "2019-11-13T10:28:18-05:00"}
    body = '<p class="byline">Nov 13, 2019, 10:28am EST</p>'
    url = "https://news.example.com/science/2019/11/8/20948348/delhi-air-pollution"
    assert (dates("", body, ld, url=url)[0] or "")[:10] == "2019-11-08"
    # Without the URL's word, the shown update is the reader's date, as before.
    assert (dates("", body, ld)[0] or "")[:10] == "2019-11-13"
