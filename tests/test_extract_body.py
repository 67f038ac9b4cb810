"""Body extraction on the seed page: an AP story on a local site (tests/cases/seed-ktar)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newscrawl.extract.body import Body, extract_body
from newscrawl.extract.page import ArticlePage, parse_html

FIRST = "TOKYO (AP) – Japan and Russia held their first high-level defense and diplomatic talks"
LAST = "Kishida said trade between the two countries totaled a record $33 billion last year, " \
       "and that further growth is expected this year."


@pytest.fixture
def seed_body(load_case: Callable[[str], Any]) -> Body:
    case = load_case("seed-ktar")
    doc = parse_html(case.input.html)
    return extract_body(doc, case.input.url, "Japan, Russia agree to expand defense ties")


def test_seed_body_runs_from_first_to_last_paragraph(seed_body: Body) -> None:
    assert seed_body.text.startswith(FIRST)
    assert seed_body.text.endswith(LAST)
    assert "“We need to act constructively." in seed_body.text


@pytest.mark.parametrize("boilerplate", [
    "Japan, Russia agree to expand defense ties",  # the headline
    "WORLD NEWS", "Nov 2, 2013", "Tweet",  # section label, timestamp, share bar
    "contributed to this report", "Copyright", "All rights reserved", "___",
    "Climate change has made heat waves", "26 days ago", "1 month ago",  # related stories
    "SPONSORED", "air conditioning", "Privacy Policy", "Bonneville",
])
def test_seed_body_has_no_boilerplate(seed_body: Body, boilerplate: str) -> None:
    assert boilerplate not in seed_body.text
    assert boilerplate not in (seed_body.html or "")


def test_seed_end_notes_go_to_the_trailer(seed_body: Body) -> None:
    assert "Associated Press writer Emily Wang contributed to this report." in seed_body.trailer
    assert any(line.startswith("(Copyright 2013 The Associated Press") for line in seed_body.trailer)
    assert not any("26 days ago" in line or "SPONSORED" in line for line in seed_body.trailer)


def test_seed_body_html_is_the_same_story(seed_body: Body) -> None:
    html = seed_body.html or ""
    assert html.startswith("<p>TOKYO (AP) – Japan and Russia")
    assert html.count("<p>") == len(seed_body.text.split("\n"))
    assert "<script" not in html and "<h1" not in html


def test_seed_article_carries_body_and_trailer_lines(load_case: Callable[[str], Any]) -> None:
    raw = ArticlePage(load_case("seed-ktar").input).to_article()
    article = raw.article
    assert article.articleBody.startswith(FIRST) and article.articleBody.endswith(LAST)
    assert article.wordCount == len(article.articleBody.split())
    assert "Associated Press writer Emily Wang contributed to this report." in raw.trailer


def test_soft_hyphens_of_a_hyphenated_page_leave_the_text_and_headline() -> None:
    from newscrawl.extract.page import PageInput
    from newscrawl.record import build_record

    words = ("Die Bun&shy;des&shy;re&shy;gie&shy;rung hat am Mitt&shy;woch ein neues Ge&shy;setz "
             "zur Kli&shy;ma&shy;an&shy;pas&shy;sung be&shy;schlos&shy;sen, das die Kom&shy;mu&shy;nen stärkt.")
    paragraphs = "".join(f"<p>{words} Absatz {n} erklärt die Fol&shy;gen für die Län&shy;der.</p>" for n in range(6))
    html = (f"<html lang='de'><head><title>Kli&shy;ma&shy;ge&shy;setz be&shy;schlos&shy;sen</title></head><body>"
            f"<article><h1>Kli&shy;ma&shy;ge&shy;setz be&shy;schlos&shy;sen</h1>{paragraphs}</article></body></html>")
    article = build_record(PageInput(url="https://zeitung.example/politik/klimagesetz", html=html))
    assert "\xad" not in article.articleBody and "\xad" not in (article.headline or "")
    assert "Bundesregierung hat am Mittwoch" in article.articleBody
    assert article.headline == "Klimagesetz beschlossen"


def test_a_byte_order_mark_pasted_into_the_story_leaves_no_line_and_no_mark() -> None:
    from newscrawl.extract.page import PageInput
    from newscrawl.record import build_record

    sentence = "The council approved the budget on Tuesday after a long debate about the new parks plan."
    paragraphs = "".join(f"<p>{sentence} Part {n}.</p>" for n in range(5))
    html = (f"<html><body><article><h1>Budget approved</h1>{paragraphs}<p>\ufeff</p>"
            f"<p>\ufeffThe mayor will sign it on Friday, her office said in a statement.</p></article></body></html>")
    article = build_record(PageInput(url="https://news.example/budget", html=html))
    assert "\ufeff" not in article.articleBody
    assert article.articleBody.splitlines()[-1] == "The mayor will sign it on Friday, her office said in a statement."


def test_a_story_of_short_chinese_paragraphs_is_not_lost_to_a_longer_notice() -> None:
    # a sentence takes 30 characters in Chinese: no paragraph of the story is 80 long, the
    # footer's browser notice is, and it must not be taken for where the story is
    from newscrawl.extract.body import extract_body
    from newscrawl.extract.page import parse_html

    story = ["香港行政长官就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。",
             "他此前承认早在去年参选之前就已知悉其住宅的违建问题，引发诚信危机。",
             "他在星期二的答问大会开始之际在其演说中道歉，但强调他没有隐瞒的意图。",
             "不过泛民主派议员们普遍指责他撒谎，要求他马上辞职下台，并提出不信任动议。",
             "一些亲北京阵营议员欢迎他道歉，且认为应能获得香港民众接受，但也提出质问。"]
    notice = ("如欲取得最佳浏览效果，请使用最新的、使用串联样式表（CSS）的浏览器。虽然你可以使用目前的浏览器浏览网站，"
              "但是，你不能获得最佳视觉享受。请考虑使用最新版本的浏览器软件或在可能情况下让你的浏览器可以使用串联样式表。")
    html = (f"<html lang='zh-Hans'><head><title>特首道歉 - 新闻网</title></head><body><div class='story-body'>"
            f"<h1>特首就住宅违建事件道歉</h1>{''.join(f'<p>{p}</p>' for p in story)}</div>"
            f"<div id='footer'><p><strong>{notice}</strong></p></div></body></html>")
    text = extract_body(parse_html(html), "https://news.example/zh/2012/12/10/story", "特首就住宅违建事件道歉").text
    for paragraph in story:
        assert paragraph in text


def test_inner_text_is_the_joined_itertext() -> None:
    from lxml import etree, html

    from newscrawl.extract.body_rules import inner_text

    page = html.fromstring("<div>Lead <b>bold <i>deep</i> after</b> tail<br>next &amp; last<!-- note --> end"
                           "<p>Para\xa0one</p>gap</div>")
    xml = etree.fromstring("<body><p>Kept <ref target='x'>link</ref> text<lb/>line</p>after</body>")
    for element in [page, *page.iter(), xml, *xml.iter()]:
        if isinstance(element.tag, str):
            assert inner_text(element) == "".join(element.itertext())
