"""Widgets and leftovers between paragraphs: captions, ad labels, sign-up boxes, link lists."""

from __future__ import annotations

from test_extract_body_boilerplate import STORY, URL, assert_whole_story, body_of, page, paragraphs


def test_caption_ending_in_its_photo_credit_goes() -> None:
    caption = "<p>Council members listen to residents during the budget hearing on Tuesday. " \
              "(AP Photo/Jane Doe, File)</p>"
    body = body_of(page(*paragraphs(*STORY[:2]), caption, *paragraphs(*STORY[2:])))
    assert_whole_story(body)
    assert "AP Photo" not in body.text and "listen to residents" not in body.text


def test_ad_slot_and_control_labels_go() -> None:
    labels = ["<p>Advertisement</p>", "<p>Story continues below advertisement</p>",
              '<p><a href="#">Read more</a></p>']
    body = body_of(page(*paragraphs(STORY[0]), labels[0], *paragraphs(*STORY[1:3]), labels[1],
                        *paragraphs(STORY[3]), labels[2]))
    assert_whole_story(body)
    assert "dvertisement" not in body.text and "Read more" not in body.text


def test_sign_up_widget_goes_with_everything_under_its_label() -> None:
    widget = ["<h3>Morning Briefing Newsletter</h3>",
              "<h4>The day's top local stories, weather and events in one short email.</h4>",
              "<h4>Thanks for signing up!</h4>",
              "<h4>There was an error processing your subscription.</h4>"]
    body = body_of(page(*paragraphs(*STORY[:3]), *widget, *paragraphs(STORY[3])))
    assert_whole_story(body)
    assert "Newsletter" not in body.text and "top local stories" not in body.text
    assert "signing up" not in body.text


def test_trailing_list_of_own_stories_goes_but_outside_links_stay() -> None:
    own = "".join(f'<li>Why the fee matters, <a href="/2024/04/{d}/fee/">in {d} charts</a></li>'
                  for d in (3, 4, 5))
    body = body_of(page(*paragraphs(*STORY), f"<ul>{own}</ul>"))
    assert_whole_story(body)
    assert "charts" not in body.text

    outside = "".join(f'<li>Read the {name} <a href="https://{name}.example.org/budget.pdf">'
                      f'budget report</a></li>' for name in ("state", "county"))
    body = body_of(page(*paragraphs(*STORY), f"<ul>{outside}</ul>"))
    assert "Read the county budget report" in body.text


def test_link_styled_by_class_stays_in_its_sentence() -> None:
    sentence = ('<p>The finance director said <span class="link"><a href="/2024/04/20/audit/">'
                'the audit found no errors</a></span> in last year’s accounts, which reassured '
                'several council members who had asked for it in the spring.</p>')
    body = body_of(page(*paragraphs(*STORY[:2]), sentence, *paragraphs(*STORY[2:])))
    assert "said the audit found no errors in last year’s accounts" in body.text


def test_page_address_printed_on_the_page_goes() -> None:
    body = body_of(page(f"<p>{URL}</p>", *paragraphs(*STORY)))
    assert_whole_story(body)
    assert URL not in body.text


def test_teaser_labels_need_a_link_or_a_separator() -> None:
    lines = ["<p>You may also like...</p>", "<p>MORE: Mayor resigns</p>", "<p>More rain expected.</p>"]
    body = body_of(page(*paragraphs(*STORY[:2]), *lines, *paragraphs(*STORY[2:])))
    assert_whole_story(body)
    assert "More rain expected." in body.text
    assert "also like" not in body.text and "Mayor resigns" not in body.text


def test_source_line_at_the_end_is_an_end_note() -> None:
    body = body_of(page(*paragraphs(*STORY), "<p>SOURCE: Al Jazeera and news agencies</p>"))
    assert body.text.endswith(STORY[-1])
    assert body.trailer == ("SOURCE: Al Jazeera and news agencies",)


def test_news_sentences_that_sound_like_promos_stay() -> None:
    lines = ["<p>Follow-up talks on Facebook's privacy rules were held on Monday in Brussels.</p>",
             "<p>Residents can sign up for emergency alerts on the county website.</p>"]
    body = body_of(page(*paragraphs(*STORY[:2]), *lines, *paragraphs(*STORY[2:])))
    assert "Follow-up talks on Facebook's privacy rules" in body.text
    assert "sign up for emergency alerts" in body.text


def test_reading_time_stamps_and_tag_lines_go() -> None:
    meta = ["<p>Reading time: 3 minutes</p>", "<p>Updated at 1:23 p.m.</p>",
            "<p>Wednesday, 1 May 2024 at 09:15</p>", "<p>Filed under: Local news | City hall</p>"]
    body = body_of(page(*meta[:3], *paragraphs(*STORY), meta[3]))
    assert_whole_story(body)
    for line in ("Reading time", "Updated at", "09:15", "Filed under"):
        assert line not in body.text


def test_sentences_with_dates_and_times_stay() -> None:
    line = "<p>The vote was held at 1:14 a.m. on 1 May 2024, after members had debated for nine " \
           "hours without a break.</p>"
    body = body_of(page(*paragraphs(*STORY[:2]), line, *paragraphs(*STORY[2:])))
    assert "The vote was held at 1:14 a.m. on 1 May 2024" in body.text
