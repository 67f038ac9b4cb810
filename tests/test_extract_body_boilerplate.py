"""Each class of boilerplate users complain about, on a small hand-written page."""

from __future__ import annotations

import pytest

from newscrawl.extract.body import Body, extract_body
from newscrawl.extract.page import parse_html

URL = "https://news.example.com/2024/05/01/council-budget/"
HEADLINE = "Council approves budget after long night"
STORY = [
    "The city council approved the 2025 budget early Wednesday after a nine-hour meeting that "
    "stretched past midnight and drew more than two hundred residents to city hall.",
    "The plan raises spending on road repairs by twelve percent and adds forty positions to the "
    "fire department, paid for in part by a new fee on short-term rentals across the city.",
    "Several members said the rental fee was the hardest vote of the year, because owners had "
    "warned that visitors would simply book in neighbouring towns instead of staying here.",
    "The mayor said she would sign the budget on Friday and thanked the staff who had worked "
    "through the weekend to prepare the final figures for the council members to review.",
]


def page(*blocks: str, after: str = "") -> str:
    """A news page: header and nav, headline, the story container holding ``blocks``, footer."""
    inner = "\n".join(blocks)
    return f"""<html lang="en"><head><title>{HEADLINE} | Example News</title></head><body>
<header><a href="/">Example News</a><nav><a href="/local/">Local</a> <a href="/sports/">Sports</a></nav></header>
<main><article><h1>{HEADLINE}</h1><div class="article-body">{inner}</div></article>{after}</main>
<footer><a href="/privacy/">Privacy</a> <a href="/terms/">Terms</a></footer></body></html>"""


def paragraphs(*texts: str) -> list[str]:
    return [f"<p>{text}</p>" for text in texts]


def body_of(html: str) -> Body:
    return extract_body(parse_html(html), URL, HEADLINE)


def assert_whole_story(body: Body) -> None:
    for sentence in STORY:
        assert sentence in body.text


def test_related_story_teaser_lines_go() -> None:
    related = '<p>Related: <a href="/2024/04/30/rental-fee/">Short-term rental fee explained</a></p>'
    more = '<p>READ MORE: <a href="/2024/04/29/mayor/">Mayor vows to sign budget quickly</a></p>'
    body = body_of(page(*paragraphs(*STORY[:2]), related, *paragraphs(*STORY[2:]), more))
    assert_whole_story(body)
    assert "Short-term rental fee explained" not in body.text
    assert "Mayor vows" not in body.text


def test_related_story_link_list_goes() -> None:
    links = "".join(f'<li><a href="/2024/04/{d}/story/">Earlier story number {d} on the city budget '
                    f'and what it means for residents</a></li>' for d in (10, 11, 12))
    body = body_of(page(*paragraphs(*STORY[:3]), f"<ul>{links}</ul>", *paragraphs(STORY[3])))
    assert_whole_story(body)
    assert "Earlier story number" not in body.text


def test_list_with_prose_items_stays() -> None:
    items = "".join(f"<li>Item {n}: {text}</li>" for n, text in enumerate(
        ["twelve percent more for road repairs", "forty new fire department positions"], 1))
    body = body_of(page(*paragraphs(*STORY[:3]), f"<ul>{items}</ul>", *paragraphs(STORY[3])))
    assert "Item 2: forty new fire department positions" in body.text


def test_most_read_box_under_its_label_goes() -> None:
    box = ['<h3>Most Read</h3>',
           '<p><a href="/a/">Police close Main Street for parade preparations</a></p>',
           '<p><a href="/b/">High school team wins its third state title</a></p>']
    body = body_of(page(*paragraphs(*STORY), *box))
    assert_whole_story(body)
    assert "Most Read" not in body.text and "state title" not in body.text


def test_newsletter_promo_goes() -> None:
    promo = '<p>Get the day’s top stories in your inbox. <a href="/newsletters/">Sign up for our ' \
            'free morning newsletter</a>.</p>'
    body = body_of(page(*paragraphs(*STORY[:3]), promo, *paragraphs(STORY[3])))
    assert_whole_story(body)
    assert "newsletter" not in body.text


def test_follow_and_share_lines_go() -> None:
    lines = ["<p>Share on Facebook Share on Twitter Email</p>",
             "<p>Like this story? Share it with a friend!</p>",
             "<p>Follow Example News on Instagram, Facebook and Twitter.</p>"]
    body = body_of(page(*paragraphs(*STORY), *lines))
    assert_whole_story(body)
    assert "Share" not in body.text and "Follow" not in body.text


def test_photo_credit_lines_go() -> None:
    credits = ['<p>Photo: Jane Doe/Getty Images</p>', '<p>(Image credit: City of Example)</p>']
    body = body_of(page(*paragraphs(STORY[0]), credits[0], *paragraphs(*STORY[1:]), credits[1]))
    assert_whole_story(body)
    assert "Jane Doe" not in body.text and "Image credit" not in body.text


def test_a_caption_ending_in_a_credit_with_initials_goes() -> None:
    caption = "<p><img src='/tram.jpg'><span class='caption'>The new tram at the depot. Photo: J. R. Doe</span></p>"
    body = body_of(page(caption, *paragraphs(*STORY)))
    assert_whole_story(body)
    assert "depot" not in body.text


def test_reader_comments_after_the_story_go() -> None:
    comments = ["<h3>3 Comments</h3>",
                "<p>I was at the meeting and it was a disgrace that it went on so long.</p>",
                "<p>Another fee on homeowners, just what this city needed this year.</p>"]
    body = body_of(page(*paragraphs(*STORY), *comments))
    assert_whole_story(body)
    assert "disgrace" not in body.text and "Comments" not in body.text
    assert body.trailer == ()  # a comments label is no credit line


def test_a_heading_left_at_the_end_of_the_story_goes() -> None:
    # the box it titled (a section's teasers, a comment form) went; the heading stays behind
    for end in (["<h3>Sources and pictures</h3>", "<p>Photo: Jane Doe / Example News</p>"],
                ["<h3>City desk</h3>", "<h3>Your comments</h3>"]):
        body = body_of(page(*paragraphs(*STORY), *end))
        assert body.text.endswith(STORY[-1]), end


@pytest.mark.parametrize("label", [
    "Tus comentarios", "Kommentare (12)", "Schreiben Sie einen Kommentar", "Laisser un commentaire",
    "Commenti", "Deixe seu comentário", "Reacties",
])
def test_a_comments_label_of_every_covered_language_ends_the_story(label: str) -> None:
    comments = [f"<h3>{label}</h3>", "<p>Una vergüenza, otra vez lo mismo de siempre con este ayuntamiento.</p>"]
    body = body_of(page(*paragraphs(*STORY), *comments))
    assert body.text.endswith(STORY[-1])


@pytest.mark.parametrize("mark", ["(END)", "-30-", "###", "Enditem", "(FIN)", "– Ende –"])
def test_a_wire_end_mark_ends_the_story(mark: str) -> None:
    box = ['<p><a href="/a/">Police close Main Street for parade preparations tonight</a></p>',
           "<p>Most Viewed</p>"]
    body = body_of(page(*paragraphs(*STORY), f"<p>{mark}</p>", *box))
    assert body.text.endswith(STORY[-1])
    # and written at the end of the last paragraph, after the reporter's address
    body = body_of(page(*paragraphs(*STORY[:3]), f"<p>{STORY[3]}<br>ann.lee@example.com (END)</p>", *box))
    assert STORY[3] in body.text and "Main Street" not in body.text and "Most Viewed" not in body.text


@pytest.mark.parametrize("note", [
    "Alle Rechte vorbehalten.", "Tous droits réservés", "Riproduzione riservata", "Mit Material von dpa",
    "(avec AFP)", "Con información de EFE", "ann.lee@example.com",
])
def test_end_notes_of_every_covered_language_move_to_the_trailer(note: str) -> None:
    body = body_of(page(*paragraphs(*STORY), f"<p>{note}</p>"))
    assert body.text.endswith(STORY[-1])
    assert note in body.trailer


def test_copyright_and_wire_credits_move_to_the_trailer() -> None:
    notes = ["<p>(Reporting by Ann Smith; Editing by Bob Jones)</p>",
             "<p>© 2024 Example News. All rights reserved.</p>"]
    body = body_of(page(*paragraphs(*STORY), *notes))
    assert_whole_story(body)
    assert "Reporting by" not in body.text and "rights reserved" not in body.text
    assert "(Reporting by Ann Smith; Editing by Bob Jones)" in body.trailer


def test_everything_after_a_typed_rule_is_end_notes() -> None:
    notes = ["<p>___</p>", "<p>Carl Diaz reported from Springfield.</p>",
             "<p>Staff writer Ann Lee contributed to this report.</p>"]
    body = body_of(page(*paragraphs(*STORY), *notes))
    assert body.text.endswith(STORY[-1])
    assert body.trailer == ("Carl Diaz reported from Springfield.",
                            "Staff writer Ann Lee contributed to this report.")


def test_headline_goes_but_a_short_lead_paragraph_stays() -> None:
    lead = "Residents packed the chamber."
    body = body_of(page(f"<h2>{HEADLINE}</h2>", *paragraphs(lead, *STORY)))
    assert body.text.startswith(lead)
    assert HEADLINE not in body.text
    assert_whole_story(body)


def test_embedded_quote_and_tweet_stay() -> None:
    quote = "<blockquote><p>We did not take this decision lightly, and we will review the fee " \
            "next spring when the first figures are in.</p></blockquote>"
    tweet = '<div class="social-embed"><blockquote class="twitter-tweet"><p>Budget passed 7-2 at ' \
            '1:14 a.m. Long night for everyone at city hall.</p>— Reporter (@reporter) ' \
            '<a href="https://twitter.com/reporter/status/1">May 1, 2024</a></blockquote>' \
            '<script src="https://platform.twitter.com/widgets.js"></script></div>'
    body = body_of(page(*paragraphs(*STORY[:2]), quote, tweet, *paragraphs(*STORY[2:])))
    assert_whole_story(body)
    assert "We did not take this decision lightly" in body.text
    assert "Budget passed 7-2 at 1:14 a.m." in body.text


def test_hover_card_inside_a_sentence_goes() -> None:
    card = ('<p>Council member <span class="person"><a href="/people/lee">Dana Lee</a>'
            '<span class="card"><img src="/lee.jpg"><a href="/people/lee">Dana Lee</a>'
            '<a href="/x/">Lee backs new bike lanes downtown</a> <a href="/y/">Lee: parks need money</a>'
            '</span></span> voted against the rental fee and said owners deserved more notice.</p>')
    body = body_of(page(*paragraphs(*STORY[:2]), card, *paragraphs(*STORY[2:])))
    assert "Council member Dana Lee voted against the rental fee" in body.text
    assert "bike lanes" not in body.text


def test_story_split_by_an_ad_is_joined() -> None:
    first = "".join(paragraphs(*STORY[:2]))
    second = "".join(paragraphs(*STORY[2:]))
    html = f"""<html><head><title>{HEADLINE}</title></head><body><main>
<div class="grid"><div class="article-body">{first}</div><div class="rail"><div class="ad"></div></div></div>
<div class="row ad"><span>Advertisement</span></div>
<div class="grid"><div class="article-body">{second}</div><div class="rail"></div></div>
</main><footer>Example News</footer></body></html>"""
    assert_whole_story(body_of(html))


def test_same_class_comment_blocks_are_not_joined_into_the_story() -> None:
    comment = '<div class="comment-body"><p>{}</p></div>'
    html = page(*paragraphs(*STORY), after="<section>" + "".join(comment.format(
        "I was at the meeting and it was a disgrace that it went on so long into the night "
        f"and nobody listened to us, number {n}.") for n in range(3)) + "</section>")
    body = body_of(html)
    assert_whole_story(body)
    assert "disgrace" not in body.text


def test_next_story_appended_below_is_not_joined() -> None:
    other = ("The library will close for renovation in June and reopen in the autumn with a new "
             "children's wing, longer opening hours and a cafe run by a local bakery.")
    html = f"""<html><head><title>{HEADLINE}</title></head><body><main>
<article><h1>{HEADLINE}</h1><div class="article-body">{"".join(paragraphs(*STORY))}</div></article>
<article><h1>Library to close for renovation</h1><div class="article-body">{"".join(paragraphs(other, other.replace("June", "July")))}</div></article>
</main></body></html>"""
    body = body_of(html)
    assert_whole_story(body)
    assert "library" not in body.text.lower()


def test_sentence_wrapped_with_an_icon_and_links_is_no_hover_card() -> None:
    wrapped = ('<p><span class="note"><img src="/icons/info.png" alt=""> The full budget, with '
               'every department’s figures and the fee schedule, is on <a href="/budget.pdf">the '
               'city website</a> and in <a href="/library/">every branch library</a>, the clerk '
               'said on Wednesday.</span></p>')
    body = body_of(page(*paragraphs(*STORY[:2]), wrapped, *paragraphs(*STORY[2:])))
    assert "is on the city website and in every branch library, the clerk said" in body.text


def test_list_of_updates_under_a_latest_heading_stays() -> None:
    updates = "".join(f"<li>{text}</li>" for text in (
        "The council voted 7-2 to approve the rental fee after a long debate about tourism.",
        "The mayor said she would sign the budget on Friday morning at city hall."))
    body = body_of(page(*paragraphs(*STORY[:2]), "<h2>Latest</h2>", f"<ul>{updates}</ul>",
                        *paragraphs(*STORY[2:])))
    assert "The council voted 7-2 to approve the rental fee" in body.text


def test_a_subhead_about_comments_does_not_end_the_story() -> None:
    body = body_of(page(*paragraphs(*STORY[:3]), "<h3>Comments from residents</h3>",
                        *paragraphs(STORY[3])))
    assert_whole_story(body)


def test_a_section_break_near_the_end_does_not_end_the_story() -> None:
    body = body_of(page(*paragraphs(*STORY[:3]), "<p>* * *</p>", *paragraphs(STORY[3])))
    assert_whole_story(body)
    assert body.trailer == ()


def test_tweet_in_an_aside_stays_and_page_furniture_goes() -> None:
    tweet = ('<aside class="embed"><blockquote class="twitter-tweet"><p>Budget passed 7-2 at 1:14 '
             'a.m. Long night for everyone at city hall.</p>— Reporter (@reporter)</blockquote></aside>')
    furniture = ('<aside class="rail"><p>Subscribe today and get unlimited access to local news, '
                 'weather, sports and more for just one dollar a week for the first year.</p></aside>'
                 '<footer><p>Example News is published by Example Media Group, serving the county '
                 'since 1890 with award-winning local journalism and community events.</p></footer>')
    body = body_of(page(*paragraphs(*STORY[:2]), tweet, *paragraphs(*STORY[2:]), after=furniture))
    assert_whole_story(body)
    assert "Budget passed 7-2 at 1:14 a.m." in body.text
    assert "unlimited access" not in body.text and "award-winning" not in body.text


def test_story_without_paragraph_markup_is_found_by_the_fallback() -> None:
    # old layouts: the story is text broken by <br>, no <p>; trafilatura's main extractor alone
    # keeps next to nothing, so its full cascade runs
    html = f"""<html><head><title>{HEADLINE}</title></head><body><div><font size="2">
{"<br><br>".join(STORY)}</font></div><p>Copyright Example News</p></body></html>"""
    assert_whole_story(body_of(html))


@pytest.mark.parametrize("label", [
    "Das könnte Sie auch interessieren", "Auch interessant", "Zum Weiterlesen:", "Mehr Themen:",
    "Meist gelesene Artikel", "Empfohlene Beiträge", "Le puede interesar", "NOTAS RELACIONADAS",
    "Sur le même sujet", "Articoli correlati", "Veja também", "Lees ook",
    # beyond the seven: the labels of news sites of other languages
    "Читайте также", "Czytaj także", "İlgili haberler", "Läs också", "Citește și", "Διαβάστε ακόμα",
    "Tin liên quan", "Berita terkait", "اقرأ أيضاً", "ये भी पढ़ें", "เรื่องที่เกี่ยวข้อง", "関連記事", "相关新闻", "관련기사",
])
def test_box_labels_of_every_covered_language_go_with_their_box(label: str) -> None:
    box = [f"<h3>{label}</h3>",
           '<p><a href="/a/">Police close Main Street for parade preparations</a></p>',
           '<p><a href="/b/">High school team wins its third state title</a></p>']
    body = body_of(page(*paragraphs(*STORY[:3]), *box, *paragraphs(STORY[3])))
    assert_whole_story(body)
    assert label not in body.text and "state title" not in body.text


@pytest.mark.parametrize("label", ["เรื่องที่เกี่ยวข้อง", "関連記事", "相关新闻", "Читайте также"])
def test_a_box_label_and_its_links_in_one_paragraph_go(label: str) -> None:
    # in scripts without spaces the label's text runs straight into the first title's
    box = (f'<p>{label}<br><a href="/a/">ลืออุ้ม ผู้ลี้ภัยหายจากที่พัก 12 วันแล้ว</a><br>'
           f'<a href="/b/">ตร.เร่งหาเบาะแสคดี ถ่วงน้ำโขง</a></p>')
    body = body_of(page(*paragraphs(*STORY), box))
    assert body.text.endswith(STORY[-1])


def test_teaser_line_with_a_title_opens_no_box() -> None:
    teaser = '<h3>Related post: <a href="/jam/">Pickled Brussels Sprouts Recipe</a></h3>'
    body = body_of(page(*paragraphs(*STORY[:2]), teaser, "<h2>What you need to make jam</h2>",
                        *paragraphs(*STORY[2:])))
    assert_whole_story(body)
    assert "What you need to make jam" in body.text and "Pickled" not in body.text


@pytest.mark.parametrize("line", [
    "Anzeige", "Artikel bewerten", "Zurück zum Newsroom", "Zusatzinformationen:", "Lire la suite",
    "Leer más", "Torna su", "Lees meer",  # controls
    "Zum Newsletter anmelden", "Newsletter abonnieren", "Inscrivez-vous à notre newsletter",  # sign-up
    "Crédits photos : Bestimage", "Bildquelle: dpa", "Fotos: Jane Doe",  # credits
    "23.10.2018", "2021-10-16 | Botschaft", "27-06-2012",  # a date alone on its line
    "Jane Roe | Palma de Mallorca | 08/01/2014", "30.01.2022 · Männer · HBL1",  # a bar of pieces, one a date
    # beyond the seven languages: ad slots, "read more", photo credits
    "Реклама", "REKLAMA", "Czytaj więcej", "Devamını oku", "広告", "더보기", "اقرأ المزيد",
    "Фото: Иван Петров", "Fot. Jan Kowalski", "写真：ロイター", "사진=연합뉴스",
])
def test_tool_lines_of_every_covered_language_go(line: str) -> None:
    body = body_of(page(*paragraphs(*STORY[:2]), f"<p>{line}</p>", *paragraphs(*STORY[2:])))
    assert_whole_story(body)
    assert line not in body.text


def test_list_opened_by_a_box_label_goes() -> None:
    box = ("<ul><li>Das könnte Sie auch interessieren</li>"
           "<li><a href='/a/'>Corona-Infektion: Radprofi verschiebt Saisonauftakt</a></li>"
           "<li><a href='/b/'>Nach Sturz: Titelverteidiger fehlt beim Rennen</a></li></ul>")
    body = body_of(page(*paragraphs(*STORY), box))
    assert_whole_story(body)
    assert "interessieren" not in body.text and "Saisonauftakt" not in body.text


@pytest.mark.parametrize("call", [
    "Never miss the latest news by signing up to our newsletter today!",
    "We want to hear what you think about this article. Submit a letter to the editor.",
    "If you’re seeing this message but you’re already a subscriber, you can log in for immediate access.",
    "Verraten Sie gerne in den Kommentaren: Was halten Sie vom neuen Haushalt?",
    "Unterstütze das Projekt: schon ab 2,50 Euro im Monat!",
    "¡Mira lo que tiene nuestro canal de YouTube! Síguenos también en Telegram.",
    "Abonnez-vous à notre lettre d'information, c'est gratuit.",
    "Die mit Sternchen gekennzeichneten Links sind Affiliate-Links: kaufen Sie darüber, erhalten wir eine Provision.",
])
def test_calls_to_the_reader_go_in_every_language(call: str) -> None:
    body = body_of(page(*paragraphs(*STORY[:2]), f"<p>{call}</p>", *paragraphs(*STORY[2:])))
    assert_whole_story(body)
    assert call[:30] not in body.text


def test_a_story_about_subscriptions_keeps_its_sentences() -> None:
    reported = ("Residents can subscribe to the new parking permit online, and the council said more than"
                " four thousand households had signed up for it in the first week of the scheme.")
    body = body_of(page(*paragraphs(*STORY[:2], reported, *STORY[2:])))
    assert_whole_story(body)
    assert reported in body.text


def test_a_story_kept_in_noscript_for_readers_without_javascript_is_read() -> None:
    # Blogger renders the post from a script template and keeps a <noscript> copy; the
    # sidebar's archive links outweigh the story, so it is not "most of the page".
    copy = "".join(f"<p>{s}</p>" for s in STORY)
    archive = "".join(f'<li><a href="/2023/{m:02d}/">{m:02d} 2023 archive of every post</a> (12 posts in the month)</li>'
                      for m in range(1, 13)) * 4
    html = (f"<html><body><div class='post'><h2 class='title'>{HEADLINE}</h2><div class='post-body'>"
            f"<script type='text/template'>{copy}</script><noscript>{copy}</noscript></div></div>"
            f"<div class='sidebar'><h2>Archive</h2><ul>{archive}</ul></div>"
            "<noscript><img src='https://ads.example.com/pixel.gif'></noscript></body></html>")
    assert_whole_story(body_of(html))


@pytest.mark.parametrize("cut", [
    "Mit top+ weiterlesen", "Subscribe to continue reading", "La suite est réservée aux abonnés.",
    "Dieser Artikel ist exklusiv für Abonnenten", "Per continuare a leggere abbonati",
    "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。", "付费阅读全文",
])
def test_the_paywall_s_cut_ends_the_story_and_its_offer_goes(cut: str) -> None:
    offer = ["Das volle Spezialwissen für Ihren Betrieb", "Jahresabo", "99,00 EUR im 1. Jahr",
             "danach 12,80 EUR / Monat", "Alle digitalen Inhalte zzgl. 12 Hefte pro Jahr"]
    body = body_of(page(*paragraphs(*STORY), f"<p>{cut}</p>", *paragraphs(*offer)))
    assert_whole_story(body)
    assert cut[:12] not in body.text and "99,00 EUR" not in body.text and "Jahresabo" not in body.text


def test_a_story_paragraph_in_a_script_without_spaces_is_measured_by_its_length() -> None:
    # one whitespace "word" of Chinese opening with a time stamp had passed for a meta line
    # ("Updated 2024-05-03 15:30"), and was dropped
    story = ["2024-05-03 15:30 市议会召开紧急会议，讨论公园预算问题，议员们对维修费用的分配意见不一，会议持续了四个小时。",
             "市长表示，她将在星期五签署预算，并感谢在周末加班准备最终数字的工作人员，议员们随后离开了会场。",
             "根据新预算，道路维修支出将增加百分之十二，消防部门将新增四十个职位，部分资金来自短租房屋的新费用。"]
    body = body_of(page(*paragraphs(*story)))
    assert all(text in body.text for text in story)


def test_a_caption_set_in_headings_goes_with_its_credit() -> None:
    # the caption's text, date and credit in blocks of their own: each had been read as a
    # story heading or line, and the credit "| Efe" stood in the story
    caption = ("<figure><img src='/photo.jpg' alt=''><figcaption class='pie'><h4>The judge and the prosecutor "
               "disagreed on the matter in a ruling issued by the court of Palma this week.</h4>"
               "<h5>27-06-2012</h5> | Efe</figcaption></figure>")
    body = body_of(page(*paragraphs(STORY[0]), caption, *paragraphs(*STORY[1:])))
    assert_whole_story(body)
    assert "judge and the prosecutor" not in body.text and "Efe" not in body.text


def test_a_story_wrapped_in_a_span_keeps_its_paragraphs_and_list_items_apart() -> None:
    # a page builder's text block: <div><span><p>…</p><h2>…</h2><ul><li>…</li></ul></span></div>.
    # Taken for a one-line paragraph (its only child is inline), its blocks ran together
    items = ["A positive attitude and the ability to see the good in difficult situations every day",
             "The feeling of having a purpose in life and goals that one wants to reach soon"]
    inner = (f"<p>{STORY[0]}</p><h2>What the plan holds</h2><p>{STORY[1]}</p>"
             "<ul>" + "".join(f"<li>{i}</li>" for i in items) + f"</ul><h2>What comes next</h2><p>{STORY[2]}</p>")
    body = body_of(page(f"<div class='text-block'><span class='stock-content'>{inner}</span></div>",
                        *paragraphs(STORY[3])))
    assert_whole_story(body)
    assert all(item in body.text.splitlines() for item in items)


def test_blocks_inside_a_list_item_stay_words_apart() -> None:
    # "<li><div>Council and parks</div><div>Who pays …</div></li>": the item's title and its
    # question had come out as one word at their edge ("parksWho")
    items = [("Council and parks", "Who pays when the city closes the public swimming pools for the whole summer?"),
             ("Budget and roads", "How is the new fee on short term rentals going to pay for the repair of every road?")]
    ul = "<ul>" + "".join(f"<li>\n <div>\n  <div>{a}</div>\n  <div>{b}</div>\n </div>\n</li>" for a, b in items) + "</ul>"
    body = body_of(page(*paragraphs(STORY[0], "The council answered questions such as these:"), ul,
                        *paragraphs(*STORY[1:])))
    assert_whole_story(body)
    assert all(f"{a} {b}" in body.text.splitlines() for a, b in items)


@pytest.mark.parametrize("caption", [
    "Die Bürgermeisterin vor dem Rathaus am Montagabend. Foto: Jana Muster/dpa",
    "Der neue Stadtrat bei seiner ersten Sitzung (Bild: Keystone)",
    "Los concejales durante la sesión del martes. Foto: Andina",
    "市议会议员在星期二的会议上发言，讨论公园的预算问题。 圖／市政府提供",
    "火曜日の市議会で発言する議員。写真：共同",
])
def test_a_caption_ending_in_a_credit_of_another_language_goes(caption: str) -> None:
    body = body_of(page(*paragraphs(STORY[0], caption, *STORY[1:])))
    assert_whole_story(body)
    assert caption not in body.text


def test_a_quote_told_to_a_paper_named_bild_stays() -> None:
    said = "The mayor told Bild: we will keep the pools open all summer"
    body = body_of(page(*paragraphs(STORY[0], said, *STORY[1:])))
    assert said in body.text
