"""A story wrapped in tags that usually hold page furniture is still the story."""

from __future__ import annotations

from newscrawl.extract.body import extract_body
from newscrawl.extract.page import parse_html

PARAGRAPHS = "".join(
    f"<p>Paragraph {n} of the story tells readers what the council decided on Monday evening, "
    f"and why the vote on the park budget matters for the neighbourhood.</p>" for n in range(6)
)


def test_story_inside_noscript_is_kept():
    html = f"<html><body><nav><a href='/'>Home</a></nav><noscript><div>{PARAGRAPHS}</div></noscript></body></html>"
    body = extract_body(parse_html(html))
    assert "Paragraph 0 of the story" in body.text and "Paragraph 5 of the story" in body.text


def test_story_swallowed_by_an_unclosed_button_is_kept():
    html = f"<html><body><div><button>Menu<div class='article-body'>{PARAGRAPHS}</div></div></body></html>"
    body = extract_body(parse_html(html))
    assert "Paragraph 3 of the story" in body.text


def test_small_furniture_still_goes():
    html = (f"<html><body><article>{PARAGRAPHS}</article><aside><p>Most read: the ten best parks "
            "in the valley, ranked by our readers this week</p></aside><noscript>Enable JavaScript "
            "to see the comments.</noscript></body></html>")
    body = extract_body(parse_html(html))
    assert "Most read" not in body.text and "Enable JavaScript" not in body.text


SHORT_STORY = ("<p>Frankfurt (dpa) - For a novel about the old republic the author was given this year's book "
               "prize on Monday evening, the jury said in a short statement.</p><p>The prize is the trade's "
               "highest honour and comes with 25,000 euros for the winner of the year.</p>")
MENUS = "".join(f"<li><a href='/s/{n}'>Section {n} of the regional newspaper and its local editions</a></li>"
                for n in range(30))


def test_a_short_story_set_in_an_aside_with_the_page_headline_is_kept():
    # The CMS puts the whole story column in an <aside>; the page's menus hold more text than it.
    html = (f"<html><body><div class='menu'><ul>{MENUS}</ul></div><main><aside class='direct-content'>"
            f"<section><header><h1>Author wins the book prize</h1></header><article>{SHORT_STORY}</article>"
            f"</section></aside><aside class='sidebar'><p>Most read: the ten best parks in the valley, ranked "
            "by our readers this week and last week too, with photos</p></aside></main>"
            f"<div class='footer-links'><ul>{MENUS}</ul></div></body></html>")
    body = extract_body(parse_html(html))
    assert "For a novel about the old republic" in body.text and "highest honour" in body.text
    assert "Most read" not in body.text


def test_an_aside_with_a_heading_that_is_not_the_page_s_first_h1_still_goes():
    html = (f"<html><body><article><h1>Council votes on the budget</h1>{PARAGRAPHS}</article><aside>"
            "<h1>About this blog</h1><p>We write about parks, budgets and councils in the valley since 2009, "
            "every week and with the help of our readers</p></aside></body></html>")
    body = extract_body(parse_html(html))
    assert "About this blog" not in body.text and "We write about parks" not in body.text


def test_a_story_column_with_a_border_bottom_utility_class_is_kept():
    # One card per paragraph, the column styled "…border-bottom": trafilatura's precision rules
    # read a class ending in "bottom" as the page's bottom chrome.
    cards = "".join(f"<div class='crd'><div class='crd--cnt'><p>Paragraph {n} of the story tells readers what "
                    "the county decided about the flood ponds, and why the permits matter for Main Street.</p>"
                    "</div></div>" for n in range(8))
    html = (f"<html><body><nav><a href='/'>Home</a></nav><main><h1>Flood permits</h1><section>"
            f"<div class='clln cs__ctn__border-bottom'>{cards}</div></section></main></body></html>")
    body = extract_body(parse_html(html))
    assert "Paragraph 0 of the story" in body.text and "Paragraph 7 of the story" in body.text
