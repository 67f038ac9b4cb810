"""Raw credits from JSON-LD, meta and the visible byline, on small pages written for each form."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from newscrawl.extract.bylines import extract_credits_raw
from newscrawl.extract.page import PageInput, parse_html
from newscrawl.extract.structured import parse_structured_data
from newscrawl.record import build_record

URL = "https://www.example-news.com/2024/05/01/story"


def page(body: str, head: str = "", ld: Any = None) -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return f"<html><head>{head}{script}</head><body>{body}</body></html>"


def credits(html: str, url: str = URL) -> list[str]:
    doc = parse_html(html)
    return extract_credits_raw(doc, parse_structured_data(doc), url)


def test_json_ld_author_string() -> None:
    assert credits(page("", ld={"@type": "NewsArticle", "headline": "H", "author": "Jane Roe"})) == ["Jane Roe"]


def test_json_ld_author_objects_in_a_list() -> None:
    ld = {"@type": "NewsArticle", "headline": "H",
          "author": [{"@type": "Person", "name": "Jane Roe"}, {"@type": "Person", "name": "John Doe"}]}
    assert credits(page("", ld=ld)) == ["Jane Roe", "John Doe"]


def test_json_ld_author_by_id_into_graph() -> None:
    ld = {"@graph": [
        {"@type": "NewsArticle", "headline": "H", "author": {"@id": "https://x/#/person/1"}},
        {"@type": "Person", "@id": "https://x/#/person/1", "name": "Jane Roe"},
    ]}
    assert credits(page("", ld=ld)) == ["Jane Roe"]


def test_json_ld_publisher_as_author_yields_to_the_visible_byline() -> None:
    ld = {"@type": "NewsArticle", "headline": "H", "author": {"@type": "Organization", "name": "Example News"},
          "publisher": {"@type": "Organization", "name": "Example News"}}
    html = page('<h1>H</h1><p class="byline">By Jane Roe</p>', ld=ld)
    assert credits(html) == ["By Jane Roe"]


def test_site_name_is_the_last_resort() -> None:
    html = page("<h1>H</h1><p>Text.</p>", head='<meta name="author" content="Example News">'
                '<meta property="og:site_name" content="Example News">')
    assert credits(html) == ["Example News"]


def test_meta_author_skips_profile_urls() -> None:
    head = ('<meta property="article:author" content="https://facebook.com/janeroe">'
            '<meta name="author" content="Jane Roe">')
    assert credits(page("<h1>H</h1>", head=head)) == ["Jane Roe"]


def test_rel_author_link() -> None:
    assert credits(page('<h1>H</h1><div>Posted <a rel="author" href="/u/jane">Jane Roe</a></div>')) == ["Jane Roe"]


def test_itemprop_author_with_nested_name() -> None:
    html = page('<div itemprop="author" itemscope><img src="a.jpg"><span itemprop="name">Jane Roe</span>'
                '<span itemprop="jobTitle">Reporter</span></div>')
    assert credits(html) == ["Jane Roe"]


def test_comment_authors_are_not_bylines() -> None:
    html = page('<h1>H</h1><p>Story.</p><ol class="comment-list"><li><span class="comment-author">Sam Reader'
                '</span></li></ol><p class="post-meta"><span class="author vcard">Jane Roe</span></p>')
    assert credits(html) == ["Jane Roe"]


def test_related_story_authors_are_not_bylines() -> None:
    html = page('<div class="related-posts"><span class="byline">By Sam Other</span></div>'
                '<h1>H</h1><p>Von Jane Roe</p><p>Story text.</p>')
    assert credits(html) == ["Von Jane Roe"]


def test_labelled_text_byline_without_markup() -> None:
    html = page("<h1>H</h1><p>Story text here.</p><p><strong>Text:</strong> Jane Roe</p>")
    assert credits(html) == ["Text: Jane Roe"]


def test_bare_von_in_running_text_is_no_byline() -> None:
    html = page("<h1>H</h1><p>von 5 Sternen</p><p>by the river</p>")
    assert credits(html) == []


def test_byline_naming_a_coauthor_beats_json_ld_with_one() -> None:
    ld = {"@type": "NewsArticle", "headline": "H", "author": {"@type": "Person", "name": "Jane Roe"}}
    html = page('<h1>H</h1><div class="byline">von Jane Roe, John Doe</div>', ld=ld)
    assert credits(html) == ["von Jane Roe, John Doe"]


def test_tag_cloud_in_an_author_box_is_no_byline() -> None:
    html = page('<div class="post-author">01.12.2022 / Solar / Wind / Storage / Grid</div>'
                '<span class="author-name">Jane Roe</span>')
    assert credits(html) == ["Jane Roe"]


def test_seed_ap_story(load_case: Callable[[str], Any]) -> None:
    case = load_case("byline-ap-wire")
    record = build_record(case.input)
    assert [{"name": a.name, "nameRaw": a.nameRaw} for a in record.authors] == case.expected["authors"]
    assert record.agencies == case.expected["agencies"]
    assert {"place": record.dateline.place, "agency": record.dateline.agency} == case.expected["dateline"]
    assert [{"name": c.name, "nameRaw": c.nameRaw} for c in record.contributors] == case.expected["contributors"]
    assert record.inLanguage == case.expected["inLanguage"]
    assert record.canonicalUrl == case.expected["canonicalUrl"]
    assert record.publisher == case.expected["publisher"]
    # The body keeps the dateline as published.
    assert record.articleBody.startswith("TOKYO (AP) – Japan's economy")


def test_organisation_in_meta_yields_to_a_person_in_the_byline() -> None:
    html = page('<h1>H</h1><span class="author">Jane Roe</span>',
                head='<meta name="author" content="Web Agentur GmbH">')
    assert credits(html) == ["Jane Roe"]


def test_organisation_is_kept_when_nobody_else_is_credited() -> None:
    html = page("<h1>H</h1><p>Text.</p>", head='<meta name="author" content="Stadtwerke Beispiel GmbH">')
    assert credits(html) == ["Stadtwerke Beispiel GmbH"]


def test_label_element_followed_by_the_name() -> None:
    html = page("<h1>H</h1><p>Long story text that goes on and on about the fire engines of the past decades, "
                "their makers and the crews.<br><strong>Text:</strong> Jane Roe</p>")
    assert credits(html) == ["Text: Jane Roe"]


def test_author_box_with_a_rating_gives_its_opening_text() -> None:
    html = page('<div class="author"><a href="/a/jane">Jane Roe</a>, 21. Jan. 2015 <div class="rating">'
                + "Ein langer Titel eines anderen Beitrags mit Bewertung " * 3 + "</div></div>")
    assert credits(html) == ["Jane Roe, 21. Jan. 2015"]


@pytest.mark.parametrize("line", [
    "By Jane Roe", " - by JANE ROE", "· Par Jeanne Roe", "Por Juana Roe", "Von: Hans Roe", "von Hans Roe",
    "Text: Hans Roe", "Texte : Jeanne Roe", "Texto: Juana Roe", "Autorin: Anna Roe", "Author: Jane Roe",
    "Verfasser: Hans Roe", "Reporter: Jane Roe", "Story: Jane Roe", "Words: Jane Roe", "Redaktion: Hans Roe",
    "Written by Jane Roe", "Posted by Jane Roe", "Geschrieben von Hans Roe", "Ein Beitrag von Hans Roe",
    "Ein Artikel von Hans Roe", "Artikel von Hans Roe", "\u2014 Text von Hans Roe",
])
def test_the_quick_label_test_never_rules_out_a_line_the_byline_pattern_reads(line: str) -> None:
    from newscrawl.extract.byline_visible import _TEXT_BYLINE, _may_open_with_label

    assert _TEXT_BYLINE.match(line)
    assert _may_open_with_label(line)


def test_the_quick_label_test_rules_out_ordinary_text() -> None:
    from newscrawl.extract.byline_visible import _may_open_with_label

    assert not _may_open_with_label("Home | News | Sport")
    assert not _may_open_with_label("The minister said on Monday")


@pytest.mark.parametrize("label", ["Verfasst von", "Written by", "Escrito por"])
def test_a_written_by_card_label_names_the_author(label: str) -> None:
    # Yoast SEO's card: the author's display name under a "Written by" label of the site's
    # language; a reading-time card in the other slot is no credit.
    head = (f'<meta name="twitter:label1" content="{label}"><meta name="twitter:data1" content="Karoline Herr">'
            '<meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="4 Minuten">')
    assert credits(page("<p>Ein Wochenende am See.</p>", head=head)) == ["Karoline Herr"]


def test_a_reading_time_card_is_no_credit() -> None:
    head = '<meta name="twitter:label1" content="Est. reading time"><meta name="twitter:data1" content="7 minutes">'
    assert credits(page("<p>Ein Wochenende am See.</p>", head=head)) == []


def test_a_byline_in_the_caption_box_that_holds_the_headline_is_the_story_s() -> None:
    # The title is set over the lead picture in a "caption" box; a picture's own caption
    # credit elsewhere stays a photo credit.
    html = page('<header class="article"><div class="image"><img src="/lead.jpg"></div>'
                '<div class="caption"><h1>Strava-Karten ab sofort mit mehr Infos</h1>'
                '<ul class="author"><li>Stefan Loibl</li></ul></div></header>'
                '<article><p>Strava wertet sein Routen-Tool auf.</p>'
                '<div class="caption"><img src="/map.jpg"><span class="author">Max Muster</span></div></article>')
    assert credits(html) == ["Stefan Loibl"]


def test_a_photo_caption_credit_is_no_byline() -> None:
    html = page('<article><h1>Strava-Karten</h1><p>Strava wertet sein Routen-Tool auf.</p>'
                '<div class="caption"><img src="/map.jpg"><span class="author">Max Muster</span></div></article>')
    assert credits(html) == []


@pytest.mark.parametrize("label, value, name", [
    ('<h4 class="meta-title">Autor</h4>', '<p class="meta-text"><a href="/profil/x/A7M7/nikolai-huke">Nikolai Huke</a>, </p>',
     "Nikolai Huke"),
    ('<div class="col-4">Autor</div>', '<div class="col-8">Peter Middel</div>', "Peter Middel"),
    ("<dt>Author</dt>", "<dd>Jane Roe</dd>", "Jane Roe"),
])
def test_a_lone_label_names_the_person_in_the_next_element(label: str, value: str, name: str) -> None:
    html = page(f"<article><h1>Wir waren fast 40 Tage in Quarantäne</h1><section>{label}{value}</section>"
                "<p>Über sein Leben als Flüchtling während der Pandemie.</p></article>")
    assert [c.rstrip(", ") for c in credits(html)] == [name]


def test_a_lone_label_before_a_control_is_no_credit() -> None:
    html = page("<article><h1>Story</h1><div class='tools'><span>Text</span><span>Größe ändern</span></div>"
                "<p>Über sein Leben als Flüchtling während der Pandemie.</p></article>")
    assert credits(html) == []


SIGNED_PROSE = "".join(
    "<p>" + "Tappara Tampere gastiert nun im schwedischen Ängelholm, um den Sieger der Saison zu ermitteln. " * 4 + "</p>"
    for _ in range(3))


@pytest.mark.parametrize("signature, name", [("<b><i>Stefan Wasmer</i></b>", "Stefan Wasmer"),
                                             ("<strong>Marina Mucha</strong>", "Marina Mucha")])
def test_a_story_signed_by_its_last_paragraph_credits_the_signer(signature: str, name: str) -> None:
    html = page(f"<div class='article'><h1>Halbfinale</h1>{SIGNED_PROSE}<p>{signature}</p></div>")
    assert credits(html) == [name]


@pytest.mark.parametrize("closing", [
    f"<div class='article'><h1>Halbfinale</h1>{SIGNED_PROSE}<p><strong>Mehr zum Thema</strong></p></div>",
    # a bold line with paragraphs after it is a subheading, not a signature
    f"<div class='article'><h1>Halbfinale</h1>{SIGNED_PROSE}<p><b>Neue Regeln</b></p>{SIGNED_PROSE}</div>",
    # too little prose before it to be a signed story
    "<div class='article'><h1>Halbfinale</h1><p>Kurz notiert.</p><p><b>Stefan Wasmer</b></p></div>",
])
def test_a_bold_closing_line_that_is_no_signature_credits_nobody(closing: str) -> None:
    assert credits(page(closing)) == []


STORY_HTML = ("<article><h1>Why time feels faster</h1>"
              + "<p>Time seems to pass faster as we grow older, and philosophers have long asked why that is so "
                "for almost everyone who looks back on a year that went by.</p>" * 4 + "</article>")


@pytest.mark.parametrize(("url", "head", "owner"), [
    # a title before the name, or the name in the possessive: a person's own site
    ("https://www.alexander-klier.net/zeit/", '<meta property="og:site_name" content="Dr. Alexander Klier">',
     "Alexander Klier"),
    ("https://gregoryszorc.com/blog/time/", "<title>Gregory Szorc's Digital Home | Why time feels faster</title>",
     "Gregory Szorc"),
    # a brand spelling its domain is no person; nor a person's name that is not the domain's
    ("https://www.royalroad.com/fiction/1/", '<meta property="og:site_name" content="Royal Road">', None),
    ("https://www.example-blog.net/zeit/", '<meta property="og:site_name" content="Dr. Alexander Klier">', None),
])
def test_the_owner_of_a_personal_site_signs_what_nobody_else_signs(url: str, head: str, owner: str | None) -> None:
    record = build_record(PageInput(url=url, html=page(STORY_HTML, head=head)))
    assert [a.name for a in record.authors] == ([owner] if owner else [])


def test_a_byline_beats_the_personal_site_s_owner() -> None:
    html = page(STORY_HTML.replace("<h1>", "<p class='byline'>By Jane Roe</p><h1>"),
                head='<meta property="og:site_name" content="Dr. Alexander Klier">')
    record = build_record(PageInput(url="https://www.alexander-klier.net/zeit/", html=html))
    assert [a.name for a in record.authors] == ["Jane Roe"]


@pytest.mark.parametrize(("line", "expected"), [
    ("11.12.2019 - Amelie Roe", ["Amelie Roe"]),
    ("4. Februar 2022 | Jane Roe und John Doe", ["Jane Roe", "John Doe"]),
    ("11.12.2019 - Politik", []),  # a date and a section
    ("Amelie Roe", []),  # a name alone under a headline is as often the subject's
])
def test_a_line_of_date_and_names_under_the_headline_is_a_byline(line: str, expected: list[str]) -> None:
    html = page(STORY_HTML.replace("</h1>", f"</h1><p class='text-muted'>{line}</p>"))
    record = build_record(PageInput(url=URL, html=html))
    assert [a.name for a in record.authors] == expected
