"""Story blocks trafilatura drops in precision mode, put back by body_recover."""

from __future__ import annotations

import pytest
from lxml.etree import Element, SubElement, _Element

from newscrawl.extract.body import extract_body
from newscrawl.extract.body_recover import recover_dropped_blocks
from newscrawl.extract.body_render import render_text
from newscrawl.extract.page import parse_html

P1 = ("The council met on Tuesday evening to discuss the new budget, which has been delayed "
      "for months by a dispute over school funding.")
P2 = ("Members of the public filled the hall, and several speakers asked the council to keep "
      "the library open on weekends as before.")
P3 = ("The final vote is expected next month, after a second reading and a round of public "
      "hearings in every district of the city.")
P4 = ("Until then the old budget stays in force, and the city may only spend what it spent "
      "last year in each of its departments.")
HEADLINE = "Council debates budget"


def _page(middle: str) -> str:
    return (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main>"
        f"<article class='story-body'><h1>{HEADLINE}</h1><p>{P1}</p><p>{P2}</p>{middle}"
        f"<p>{P3}</p><p>{P4}</p></article></main>"
        "<aside><ul><li><a href='/a'>Other story one</a></li>"
        "<li><a href='/b'>Other story two</a></li></ul></aside></body></html>"
    )


def _story_lines(middle: str) -> list[str]:
    text = extract_body(parse_html(_page(middle)), "https://example.com/a", HEADLINE).text
    return [line for line in text.split("\n") if line not in (P1, P2, P3, P4)]


def test_subheading_made_of_an_in_page_anchor_is_kept() -> None:
    lines = _story_lines("<h2><a href='#schools'>What the budget means for schools</a></h2>")
    assert lines == ["What the budget means for schools"]


def test_edit_tool_text_is_taken_out_of_a_subheading() -> None:
    lines = _story_lines("<h2>What the budget means <span class='mw-editsection'>"
                         "[<a href='/w/edit?s=1'>edit</a>]</span></h2>")
    assert lines == ["What the budget means"]


def test_text_directly_in_a_div_is_kept_with_its_spaces_around_links() -> None:
    lines = _story_lines(
        "<h2>Schools</h2><div>School funding rose by two percent, as the report by "
        "<a href='/r'>the auditor</a> said, and <b>teachers</b> will get a raise.</div>")
    assert lines == ["Schools", "School funding rose by two percent, as the report by the "
                     "auditor said, and teachers will get a raise."]


def test_recovered_paragraph_keeps_its_link_in_the_html() -> None:
    html = extract_body(parse_html(_page(
        "<div>School funding rose by two percent, as the report by "
        "<a href='/r'>the auditor</a> said.</div>")), "https://example.com/a", HEADLINE).html
    assert 'as the report by <a href="https://example.com/r">the auditor</a> said.' in (html or "")


def _root(*paragraphs: str) -> _Element:
    """trafilatura's XML body holding only these paragraphs."""
    root = Element("body")
    for text in paragraphs:
        SubElement(root, "p").text = text
    return root


def _region(middle: str) -> _Element:
    doc = parse_html(f"<html><body><div class='text'><p>{P1}</p>{middle}<p>{P2}</p></div></body></html>")
    region = doc.find(".//div")
    assert region is not None
    return region


@pytest.mark.parametrize("markup", [
    "<ol><li>Read the draft budget on the city website first</li>"
    "<li>Register to speak at least two days ahead</li></ol>",
    "<dl><dt>Total budget</dt><dd>4.2 billion dollars, up three percent from last year</dd>"
    "<dt>Schools</dt><dd>1.1 billion dollars, the largest single item of all</dd></dl>",
])
def test_prose_list_between_kept_paragraphs_is_put_back_in_place(markup: str) -> None:
    root = recover_dropped_blocks(_root(P1, P2), _region(markup))
    assert [b.tag for b in root] == ["p", "list", "p"]
    assert "Register to speak" in render_text(root) or "largest single item" in render_text(root)


def test_navigation_list_between_kept_paragraphs_stays_out() -> None:
    markup = ("<ul><li><a href='/x'>Budget</a></li><li><a href='/y'>Schools</a></li>"
              "<li><a href='/z'>Library</a></li></ul>")
    root = recover_dropped_blocks(_root(P1, P2), _region(markup))
    assert [b.tag for b in root] == ["p", "p"]


def test_heading_of_a_box_of_links_stays_out() -> None:
    markup = ("<h3>More on this topic</h3><ul><li><a href='/x'>Budget row</a></li>"
              "<li><a href='/y'>Schools row</a></li></ul>")
    root = recover_dropped_blocks(_root(P1, P2), _region(markup))
    assert [b.tag for b in root] == ["p", "p"]


def test_caption_in_an_image_box_stays_out() -> None:
    markup = ("<div class='image-box'><img src='a.jpg'><div class='legend'>The council hall on "
              "Tuesday evening, full to the last seat.</div></div>")
    root = recover_dropped_blocks(_root(P1, P2), _region(markup))
    assert [b.tag for b in root] == ["p", "p"]


def test_paragraph_glued_to_its_link_is_replaced_by_the_page_text() -> None:
    glued = "the auditorsaid, and teachers will get a raise."
    markup = ("<div>School funding rose, as the report by <a href='/r'>the auditor</a> said, "
              "and teachers will get a raise.</div>")
    root = recover_dropped_blocks(_root(P1, glued, P2), _region(markup))
    assert render_text(root).split("\n")[1] == ("School funding rose, as the report by the auditor "
                                                "said, and teachers will get a raise.")
    assert glued not in render_text(root)


def test_lead_in_a_teaser_box_above_the_first_paragraph_is_kept() -> None:
    lead = ("Snow on a solar roof costs more than the power it blocks. The weight of a wet "
            "layer can bend the frames of the modules.")
    html = (f"<html><body><main><div class='news-single'><h1>{HEADLINE}</h1>"
            "<div class='teaser-text'><p>" + lead + "</p></div>"
            f"<div class='news-text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></main>"
            "</body></html>")
    text = extract_body(parse_html(html), "https://example.com/a", HEADLINE).text
    assert text.split("\n")[:2] == [lead, P1]


def test_link_to_another_story_above_the_first_paragraph_is_no_lead() -> None:
    teaser = ("<a href='/other'>The mayor answers every question about the new budget, in a "
              "long interview with our reporter on Monday.</a>")
    html = (f"<html><body><main><div class='story'><h1>{HEADLINE}</h1>"
            f"<div class='intro'><p>{teaser}</p></div>"
            f"<div class='text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></main></body></html>")
    text = extract_body(parse_html(html), "https://example.com/a", HEADLINE).text
    assert text.split("\n")[0] == P1


SHORT_STORY = [
    "The city council approved the new budget late on Tuesday after a debate of more than six hours.",
    "Schools get two percent more than last year, and the library stays open on weekends, as asked.",
    "The mayor said the vote showed the council could still agree on hard questions, and thanked staff.",
    "The budget takes effect in January, once the state has checked that it is balanced as required.",
    "Opposition members said they would bring the question of the library hours back next spring.",
]


def _tools_page(extra: str = "") -> str:
    return ("<html><body><div id='page'><div class='tools'><p>Order Reprints | Print Article</p></div>"
            "<div class='wrap'><div class='story'>" + "".join(f"<p>{p}</p>" for p in SHORT_STORY)
            + "</div></div><div class='reprint'><p>Reprints of this article are available from our "
            "syndication desk; to republish it, write to us first.</p></div>" + extra
            + "</div></body></html>")


def test_story_trafilatura_left_out_beside_tool_text_is_extracted_instead() -> None:
    from newscrawl.extract.body import _missed_story

    doc = parse_html(_tools_page())
    tool_text = _root("Order Reprints | Print Article",
                      "Reprints of this article are available from our syndication desk.")
    missed = _missed_story(doc, tool_text)
    assert missed is not None and missed.get("class") == "wrap"
    kept_story = _root(*SHORT_STORY)
    assert _missed_story(doc, kept_story) is None


def test_the_next_story_of_an_endless_scroll_page_is_not_the_missed_story() -> None:
    from newscrawl.extract.body_prune import densest_prose

    longer = "".join(f"<p>{p} {p}</p>" for p in SHORT_STORY)
    doc = parse_html("<html><body><article><div class='a'><p>" + SHORT_STORY[0] + "</p><p>"
                     + SHORT_STORY[1] + "</p></div></article><article><div class='b'>" + longer
                     + "</div></article></body></html>")
    prose = densest_prose(doc)
    assert prose is not None and prose.element.get("class") == "a"


P5 = "After the vote the members went home, and the hall was locked for the night by the janitor on duty."
P6 = "On Wednesday morning the first complaints about the library hours reached the office of the mayor."
NEWSLETTER_BOX = ("<div class='newsletter-box'><h3>Get the morning briefing</h3>"
                  "<p>Sign up for our newsletter.</p></div>")


def _split_story(after_box: str) -> str:
    return (f"<html><body><main><article><h1>{HEADLINE}</h1><div class='article-body'><p>{P1}</p>"
            f"<p>{P2}</p><p>{P3}</p></div>{NEWSLETTER_BOX}{after_box}</article>"
            "<div class='related'><h3>More stories</h3><p><a href='/x'>Something else happened "
            "somewhere else today in town</a></p></div></main></body></html>")


def test_story_split_by_a_newsletter_box_continues_past_the_box() -> None:
    html = _split_story(f"<div class='article-body-continued'><p>{P4}</p><p>{P5}</p><p>{P6}</p></div>")
    text = extract_body(parse_html(html), "https://example.com/a", HEADLINE).text
    assert text.split("\n") == [P1, P2, P3, P4, P5, P6]


def test_one_paragraph_past_a_box_is_no_continuation() -> None:
    html = _split_story(f"<div class='article-body-continued'><p>{P4}</p></div>")
    text = extract_body(parse_html(html), "https://example.com/a", HEADLINE).text
    assert P4 not in text


RELEASES = ("<table role='presentation'><tr><td>Release</td><td>Date</td></tr>"
            "<tr><td>4.2.3</td><td>April 2014</td></tr></table>")


def test_table_of_a_layout_role_comes_back_with_its_cells_apart() -> None:
    assert _story_lines(RELEASES) == ["Release Date", "4.2.3 April 2014"]


def test_kept_paragraph_gluing_table_cells_is_split_into_rows() -> None:
    root = recover_dropped_blocks(_root(P1, "ReleaseDate4.2.3April 2014", P2), _region(RELEASES))
    assert render_text(root).split("\n") == [P1, "Release Date", "4.2.3 April 2014", P2]


def test_link_grid_table_stays_out() -> None:
    grid = ("<table><tr><td><a href='/a'>Sports</a></td><td><a href='/b'>Weather</a></td></tr>"
            "<tr><td><a href='/c'>Traffic</a></td><td><a href='/d'>Jobs</a></td></tr></table>")
    root = recover_dropped_blocks(_root(P1, P2), _region(grid))
    assert [b.tag for b in root] == ["p", "p"]


@pytest.mark.parametrize("opening", [
    "<img src='/a.jpg'><em>Photo: Jane Doe</em>",  # a credit as the caption element
    "<span class='image'><img src='/a.jpg'><span class='wp-caption-text'>The hall / Getty "
    "Images</span></span>",  # the image and its caption in one wrapper
    "<img src='/a.jpg'>The hall on Tuesday. (AP Photo/Jane Doe)<br>",  # the caption as a line
])
def test_paragraph_opening_with_an_image_and_its_caption_keeps_its_text(opening: str) -> None:
    lines = _story_lines(f"<p>{opening} The mayor agreed to the plan on Tuesday.</p>")
    assert "The mayor agreed to the plan on Tuesday." in lines
    assert not any("Jane Doe" in line and "mayor" in line for line in lines)
    assert not any("Getty" in line and "mayor" in line for line in lines)


def test_a_post_classed_by_its_topic_tags_is_no_furniture() -> None:
    html = _page("<h2><a href='#schools'>What the budget means for schools</a></h2>").replace(
        "class='story-body'", "class='post type-post tag-budget tag-schools overflow-hidden'")
    text = extract_body(parse_html(html), "https://example.com/a", HEADLINE).text
    assert "What the budget means for schools" in text.split("\n")


def test_a_one_line_dek_under_a_news_headline_is_the_story_s_lead() -> None:
    # the summary a publisher writes under the headline: news datasets keep it with the body
    dek = "The vote came after months of delay and a dispute over school funding in the city."
    html = (f"<html><body><main><div class='news-single'><h1>{HEADLINE}</h1>"
            f"<div class='teaser-text'><p>{dek}</p></div>"
            f"<div class='news-text'><p>{P1}</p><p>{P2}</p><p>{P3}</p></div></div></main>"
            "</body></html>")
    text = extract_body(parse_html(html), "https://example.com/a", HEADLINE).text
    assert text.startswith(dek) and text.endswith(P3)


def test_headings_inside_an_inline_wrapper_are_blocks_of_their_own() -> None:
    lines = _story_lines("<span class='text-block'><h3><a href='#tips'>Ten tips for the hearing"
                         "</a></h3><p>Bring a written copy of your statement and arrive early.</p>"
                         "</span>")
    assert "Ten tips for the hearing" in lines
