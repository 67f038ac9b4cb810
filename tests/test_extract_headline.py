"""The headline voted over JSON-LD, og:title, twitter:title, <h1> and <title>: one page per class."""

from __future__ import annotations

import json
from typing import Any

from newscrawl.extract.bylines import site_names
from newscrawl.extract.headline import extract_headline
from newscrawl.extract.metadata import meta_index
from newscrawl.extract.page import parse_html
from newscrawl.extract.structured import parse_structured_data

URL = "https://www.harbor-gazette.example/2024/05/01/council-approves-budget"
STORY = "Council approves new budget for parks"


def headline(head: str, body: str, ld: Any = None, url: str = URL) -> str | None:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    doc = parse_html(f"<html><head>{head}{script}</head><body>{body}<p>The council met.</p></body></html>")
    data = parse_structured_data(doc)
    return extract_headline(doc, data, site_names(data, meta_index(doc), url))


def test_a_json_ld_description_loses_to_the_title_h1_and_og_title_that_agree() -> None:
    ld = {"@type": "Article", "headline": "Article about the city budget"}
    head = f'<title>{STORY} | Harbor Gazette</title><meta property="og:title" content="{STORY}">'
    assert headline(head, f"<h1>{STORY}</h1>", ld) == STORY


def test_json_ld_wins_when_others_agree_with_it() -> None:
    ld = {"@type": "NewsArticle", "headline": STORY}
    head = '<meta property="og:title" content="Parks win big"><meta name="twitter:title" content="Parks win big">'
    # og:title and twitter:title copy each other: one voice, as many as JSON-LD with the <h1>
    assert headline(head, f"<h1>{STORY}</h1>", ld) == STORY


def test_the_logo_h1_is_no_headline() -> None:
    body = f'<header><h1 class="site-logo"><a href="/">Harbor Gazette</a></h1></header><h1 itemprop="headline">{STORY}</h1>'
    assert headline("<title>Harbor Gazette</title>", body) == STORY
    body = f'<h1><a href="https://www.harbor-gazette.example/">The Gazette</a></h1><article><h1>{STORY}</h1></article>'
    assert headline("", body) == STORY


def test_site_first_title_without_og_title_gives_the_story() -> None:
    assert headline(f"<title>Harbor Gazette | {STORY}</title>", "") == STORY
    named = f'<meta property="og:site_name" content="The Tide"><title>The Tide - {STORY}</title>'
    assert headline(named, "") == STORY


def test_an_unknown_site_name_at_either_end_of_the_title_goes() -> None:
    assert headline(f"<title>Daily Planet | {STORY}</title>", "", url="https://dp.example/x") == STORY
    assert headline(f"<title>{STORY} - Daily Planet</title>", "", url="https://dp.example/x") == STORY


def test_a_dash_inside_the_headline_stays_when_another_source_has_it_whole() -> None:
    whole = "Die Patientenakte – der lange Marsch ins digitale Gesundheitswesen"
    assert headline(f'<meta property="og:title" content="{whole}"><title>{whole}</title>', f"<h1>{whole}</h1>") == whole


def test_entities_are_decoded_even_when_escaped_twice() -> None:
    head = '<meta property="og:title" content="R&amp;uuml;ckbau der &amp;quot;Br&amp;uuml;cke&amp;quot;">'
    assert headline(head, "") == 'Rückbau der "Brücke"'


def test_a_kicker_in_its_own_element_is_set_apart_by_a_space() -> None:
    assert headline("", f'<h1><span class="kicker">Budget</span>{STORY}</h1>') == f"Budget {STORY}"


def test_a_page_naming_only_the_site_keeps_its_title() -> None:
    assert headline('<meta property="og:site_name" content="Harbor Gazette"><title>Harbor Gazette</title>', "") == "Harbor Gazette"


def test_a_later_h1_the_title_agrees_with_beats_a_first_one_no_source_names() -> None:
    # A theme's "Menu" toggle and the blog's name are <h1>s too, before the story's.
    body = f"<h1>Navigation</h1><h1>Harbor Notes</h1><h1>{STORY}</h1>"
    assert headline(f"<title>{STORY} – Harbor Notes</title>", body) == STORY


def test_a_section_heading_is_no_headline() -> None:
    body = f"<h1>Neuigkeiten</h1><h2>{STORY}</h2>"
    assert headline(f"<title>{STORY} | Harbor Gazette</title>", body) == STORY


def test_an_og_title_that_is_a_url_slug_is_no_headline() -> None:
    head = '<title>Kindersitz-Test 2018 | Harbor Gazette</title><meta property="og:title" content="kindersitztest-herbst-2018">'
    assert headline(head, "<h1>18 Kindersitze im Test: Vier Modelle fallen durch</h1>") == \
        "18 Kindersitze im Test: Vier Modelle fallen durch"


def test_a_date_or_byline_set_inside_the_h1_is_not_part_of_the_headline() -> None:
    dated = f'<h1><span class="topline"><span class="date">27.01.2022</span></span>{STORY}</h1>'
    assert headline("<title>Harbor Gazette</title>", dated) == STORY
    signed = (f'<h1 class="entry-title">{STORY}<h4 class="author">Veröffentlicht von <a href="/author/x/">'
              'Jane Roe</a> am <time datetime="2020-02-23">23. Februar 2020</time></h4></h1>')
    assert headline("<title>Harbor Gazette</title>", signed) == STORY
