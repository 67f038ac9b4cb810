"""Story text outside <p>: a line of prose sitting in a <div> is a paragraph. Small pages
written after the shapes of CMS templates."""

from __future__ import annotations

from newscrawl.extract.body import extract_body
from newscrawl.extract.page import parse_html

SENTENCES = [
    "The city council approved the new budget on Tuesday after a long debate that lasted well into the night.",
    "Members of the public packed the chamber and many of them waited for hours to speak about the parks plan.",
    "The mayor said the spending plan would protect core services while investing in the city's aging parks.",
    "Critics argued that the revenue estimates were too optimistic given the slowing regional economy this year.",
    "A final vote on the related tax measure is expected before the end of the fiscal year in late June.",
]
PARAGRAPHS = "".join(f"<p>{s}</p>" for s in SENTENCES)


def text_of(story: str) -> str:
    html = (f"<html><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header><article>"
            f"<h1>Council approves budget</h1>{story}</article><footer>© 2024 Harbor Gazette</footer></body></html>")
    return extract_body(parse_html(html), "https://news.example.org/2024/05/01/budget", "Council approves budget").text


def test_words_around_a_link_in_a_div_paragraph_survive_with_their_spaces() -> None:
    story = ("<div>The report by <a href='/x'>the city auditor</a> found that spending on parks had fallen for "
             "five years in a row before the new plan.</div><div>Officials said the findings of "
             "<a href='/y'>the audit</a> shaped the budget that was approved on Tuesday night.</div>" + PARAGRAPHS)
    text = text_of(story)
    assert "The report by the city auditor found that spending" in text
    assert "Officials said the findings of the audit shaped the budget" in text


def test_the_paragraph_after_a_subheading_sitting_in_a_div_is_kept() -> None:
    story = ("".join(f"<p>{s}</p>" for s in SENTENCES[:3]) + "<h2>Next steps for the plan</h2><div>The plan now goes to the county board, "
             "which must sign off on the tax measure before it can take effect next year.</div>"
             + "".join(f"<p>{s}</p>" for s in SENTENCES[3:]))
    assert "The plan now goes to the county board" in text_of(story)


def test_a_newsletter_line_in_a_div_is_not_made_a_paragraph() -> None:
    story = PARAGRAPHS + ("<div class='newsletter-signup'>Let our news meet your inbox. The news and stories that "
                          "matter, delivered to you every weekday morning.</div>")
    assert "Let our news meet your inbox" not in text_of(story)
