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


def test_prose_straight_in_a_container_after_a_subheading_keeps_its_words_before_a_link() -> None:
    story = ("<div class='body'>" + "".join(f"<p>{s}</p>" for s in SENTENCES[:3]) + "<h2>Next steps</h2><br>"
             "The plan now goes to the <a href='/cb'>county board</a>, which must sign off on the tax measure "
             "before it can take effect next year.<br><br></div>" + "".join(f"<p>{s}</p>" for s in SENTENCES[3:]))
    lines = text_of(story).splitlines()
    assert "The plan now goes to the county board, which must sign off on the tax measure before it can take " \
           "effect next year." in lines
    assert not [line for line in lines if line.startswith("county board")]


def test_an_address_broken_by_line_breaks_is_left_as_it_is() -> None:
    story = ("<div class='body'>" + PARAGRAPHS + "<h3>Contact</h3>City Hall<br>100 Main Street<br>Harbor City</div>")
    assert "Harbor City" not in text_of(story).split("100 Main Street")[0]


def test_a_page_laid_out_in_a_table_loses_its_tool_row_headline_and_copyright() -> None:
    html = ("<html><body><table width='100%'><tr><td><img src='logo.gif'></td></tr>"
            "<tr><td class='headline'><b>Council approves budget</b></td></tr>"
            "<tr><td><a href='print.php?id=1'>Print this story</a> | <a href='mail.php?id=1'>E-mail this story</a></td></tr>"
            "<tr><td><font size=2>" + "<br><br>".join(SENTENCES[:3]) + "</font></td></tr>"
            "<tr><td><font size=1>Copyright © 2004 The Harbor Gazette. All rights reserved. This material may not be "
            "published, broadcast, rewritten or redistributed.</font></td></tr></table></body></html>")
    body = extract_body(parse_html(html), "https://news.example.org/story.php?id=1", "Council approves budget")
    assert body.text.splitlines() == SENTENCES[:3]


def test_a_data_table_in_a_story_stays_a_table() -> None:
    story = PARAGRAPHS + "<table><tr><th>Item</th><th>Amount</th></tr><tr><td>Parks</td><td>4.2 million</td></tr></table>"
    html = f"<html><body><article><h1>Council approves budget</h1>{story}</article></body></html>"
    body = extract_body(parse_html(html), "https://news.example.org/x", "Council approves budget")
    assert "<table>" in (body.html or "") and "Parks 4.2 million" in body.text


def test_reprint_notices_and_tool_rows_around_a_short_story_go() -> None:
    story = ("<div class='tools'><a href='/reprints'>Order Reprints</a> | <a href='/print'>Print Article</a></div>"
             + "".join(f"<p>{s}</p>" for s in SENTENCES[:2])
             + "<div class='reprint-notice'><p>Reprints: For permission to reprint this article, please contact our "
               "licensing department. Copies of this story can be ordered through our reprint service.</p></div>")
    assert text_of(story).splitlines() == SENTENCES[:2]


def _sidebar_card(number: int) -> str:
    """A teaser card of an old sidebar: title link, date, picture link to the same story, summary in a <div>."""
    href = f"/2024/04/{number:02d}/parks-story-{number}/"
    return (f"<div class='box'><div class='item'><div><a href='{href}'>Parks department story number {number}</a></div>"
            f"<div class='when'>April {number}, 2024 -- Updated 1358 GMT</div>"
            f"<div class='pic'><a href='{href}'><img src='/img/{number}.jpg' alt=''></a></div>"
            f"<div class='dek'>Here is everything residents need to know about the parks plan and what it "
            f"will cost them over the next {number} years.</div></div></div>")


def test_a_teaser_card_s_summary_in_a_div_is_not_made_a_story_paragraph() -> None:
    story = (f"<div class='columns'><div class='left'>{PARAGRAPHS}</div>"
             f"<div class='right'>{''.join(_sidebar_card(n) for n in (3, 4, 5, 6))}</div></div>")
    text = text_of(story)
    for sentence in SENTENCES:
        assert sentence in text
    assert "everything residents need to know" not in text
    assert "Updated 1358 GMT" not in text


def test_a_photo_credit_link_beside_a_gallery_text_does_not_make_it_a_teaser() -> None:
    # the name under a photo links to a profile, not to where the picture links
    items = "".join(
        f"<div class='item'><div class='photo'><a href='/photos/{n}'><img src='/p{n}.jpg'></a>"
        f"<a href='/user/studio-{n}'>Studio Number {n} Architects</a></div>"
        f"<div class='text'>{sentence[:-1]}, <a href='/award'>the jury of the city's architecture award for the "
        f"best new public building</a> said.</div></div>"
        for n, sentence in enumerate(SENTENCES))
    text = text_of(f"<div class='gallery'>{items}</div>")
    for sentence in SENTENCES:
        assert sentence[:-1] + ", the jury of the city's architecture award for the best new public building said." in text
