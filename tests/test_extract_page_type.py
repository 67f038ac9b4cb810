"""Page type judged on the page: the fixtures of tests/fixtures/page_types, written after the
shapes of WordPress, Arc XP, Drupal, Ghost, Blogger and table-layout sites, each refused with its
own reason code, and the article fixtures kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newscrawl.extract.classify import judge_page_type
from newscrawl.extract.errors import ExtractionError, NotAnArticle
from newscrawl.extract.page import PageInput, parse_html
from newscrawl.extract.page_shape import measure_page_shape
from newscrawl.extract.structured import parse_structured_data
from newscrawl.record import build_record

FIXTURES = Path(__file__).parent / "fixtures" / "page_types"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))


def outcome(name: str) -> str:
    """What extraction makes of a fixture: "article" or the reason code of the refusal."""
    case = EXPECTED[name]
    html = (FIXTURES / name).read_text(encoding="utf-8")
    try:
        build_record(PageInput(url=case["url"], html=html))
    except ExtractionError as refused:
        return refused.code
    return "article"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_is_judged_by_its_shape(name):
    assert outcome(name) == EXPECTED[name]["code"]


def test_the_corpus_covers_every_reason_code():
    codes = {case["code"] for case in EXPECTED.values()}
    declared = {cls.code for cls in NotAnArticle.__subclasses__()}
    assert declared <= codes and "article" in codes


def _judge(html: str, url: str = "https://news.example/world/") -> str | None:
    doc = parse_html(html)
    verdict = judge_page_type(doc, parse_structured_data(doc), url)
    return verdict.code if verdict else None


TEASERS = "".join(f'<div class="item"><h3><a href="/world/2024/05/{i + 1:02d}/story-number-{i}">Headline of story '
                  f'number {i}</a></h3><p>Summary of the story in one line.</p></div>' for i in range(8))
PROSE = "<p>" + " ".join(["The council met on Tuesday and argued about the budget for the parks."] * 4) + "</p>"


def test_repeated_teasers_without_prose_are_a_listing_and_the_url_names_the_kind():
    assert _judge(f"<html><body><main>{TEASERS}</main></body></html>") == "listing-page"
    assert _judge(f"<html><body><main>{TEASERS}</main></body></html>", "https://ex.com/tag/parks/") == "tag-page"


def test_the_same_teasers_beside_a_story_leave_it_an_article():
    page = f"<html><body><main><h1>Council meets</h1>{PROSE * 3}</main><div>{TEASERS}</div></body></html>"
    assert _judge(page) is None


def test_a_declared_story_is_an_article_whatever_its_shape():
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council"}</script>'
    assert _judge(f"<html><head>{ld}</head><body>{TEASERS}</body></html>") is None


def test_many_story_nodes_are_a_list_of_stories_not_one():
    nodes = ",".join(f'{{"@type": "NewsArticle", "headline": "Story {i}"}}' for i in range(5))
    ld = f'<script type="application/ld+json">[{nodes}]</script>'
    assert _judge(f"<html><head>{ld}</head><body>{TEASERS}</body></html>") == "listing-page"


def test_page_of_n_is_pagination_markup():
    shape = measure_page_shape(parse_html("<html><body><p>Page 2 of 9</p></body></html>"))
    assert shape.paginated
    assert not measure_page_shape(parse_html(f"<html><body>{PROSE}</body></html>")).paginated


def test_a_header_inside_a_teaser_is_not_page_chrome():
    teasers = TEASERS.replace("<h3>", "<header><h3>").replace("</h3>", "</h3></header>")
    assert measure_page_shape(parse_html(f"<html><body><main>{teasers}</main></body></html>")).teasers == 8


def test_a_cookie_banner_beside_the_story_is_no_wall():
    banner = '<div class="cookies"><p>We use cookies on this site. Accept all cookies or set your privacy settings here.</p></div>'
    assert _judge(f"<html><body>{banner}<main>{PROSE * 3}</main></body></html>") is None
    assert _judge(f"<html><body>{banner}</body></html>") == "consent-wall"


# A short document page: its headline, a date, a two-sentence summary and a download link.
SHORT_STORY = ('<article><h1>Alternative dispute resolution for competition claims</h1><time>01 September 2017</time>'
               '<p>Litigation is costly, long and damaging to a company image in most cases today. Mediation can '
               'offer a cheaper and shorter avenue to settle the claims of the parties.</p>'
               '<a href="/files/adr.pdf">Download</a>')


def test_teasers_after_a_read_also_heading_are_a_box_beside_the_story():
    box = f'<div class="title"><h2><strong><span>Read</span> Also</strong></h2></div><div class="grid">{TEASERS}</div>'
    assert _judge(f"<html><body>{SHORT_STORY}{box}</article></body></html>") is None
    for label in ("Lesen Sie auch", "À lire aussi", "Noticias relacionadas"):
        assert _judge(f"<html><body>{SHORT_STORY}<h3>{label}</h3>{TEASERS}</article></body></html>") is None
    # "Latest" heads the list a section front is made of: its teasers stay the page's
    assert _judge(f"<html><body><main><h1>Business</h1><h2>Latest</h2>{TEASERS}</main></body></html>") == "listing-page"


def test_a_pager_leads_to_another_page():
    back_to_top = '<div class="Pagination"><button type="button"></button><div>Back to top</div></div>'
    assert not measure_page_shape(parse_html(f"<html><body>{PROSE}{back_to_top}</body></html>")).paginated
    pager = '<div class="pagination"><a href="?page=2">2</a></div>'
    assert measure_page_shape(parse_html(f"<html><body>{PROSE}{pager}</body></html>")).paginated


def test_page_of_n_glued_to_the_text_before_it_is_still_seen():
    page = '<html><body><span class="date">May 13, 2024</span><div>Page 1 of 1</div></body></html>'
    assert measure_page_shape(parse_html(page)).paginated


def test_a_cookie_banner_beside_a_short_story_is_no_wall():
    banner = ('<div id="cookie-bar"><p>Our website uses cookies to offer you optimal navigation and personalized '
              'content. By continuing your browsing on our site, you agree to the use of cookies.</p></div>')
    assert _judge(f"<html><body>{SHORT_STORY}</article>{banner}</body></html>") is None


def story_beside_teasers(headline: str, paragraphs: list[str]) -> str:
    """A story whose paragraphs are ``paragraphs``, with a box of eight teasers beside it."""
    story = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"<html><body><main><h1>{headline}</h1>{story}</main><div>{TEASERS}</div></body></html>"


@pytest.mark.parametrize("sentence", [
    "You could get a rotisserie chicken or freshly baked cookies for half the price before closing time.",
    "The patients gave their informed consent before the trial began, the hospital said on Monday.",
    "Der Bundesrat muss dem Gesetz noch zustimmen, bevor es im Herbst in Kraft treten kann.",
])
def test_a_story_using_the_words_of_a_cookie_banner_is_still_prose(sentence: str) -> None:
    # a list-style story with a box of links beside it: its paragraphs are the page's prose
    tips = [f"{sentence} Tip number {n} saves money on every visit to the shop." for n in range(4)]
    shape = measure_page_shape(parse_html(story_beside_teasers("Save at the grocery store", tips)))
    assert shape.consent_words == 0 and shape.prose_words > 60


@pytest.mark.parametrize("sentence", [
    "市议会星期二开会讨论了公园的预算问题，议员们对维修费用的分配意见不一，会议持续了四个小时。",
    "市議会は火曜日に公園の予算について話し合い、議員たちは修繕費の配分をめぐって意見が分かれた。",
    "สภาเทศบาลประชุมเมื่อวันอังคารเพื่อหารือเรื่องงบประมาณสวนสาธารณะ และสมาชิกมีความเห็นแตกต่างกัน",
])
def test_a_story_in_a_script_without_spaces_is_prose_beside_a_box_of_links(sentence: str) -> None:
    # the paragraphs hold no spaces (one "word" each, split at the commas): counted by length,
    # four of them outweigh a box of eight teasers, as the same story in English does
    html = story_beside_teasers("公园预算", [sentence] * 4)
    assert measure_page_shape(parse_html(html)).prose_words > 60
    assert _judge(html) is None
