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
