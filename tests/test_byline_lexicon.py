"""The byline lexicon and the byline classes of unseen pages: labels of seven languages, trailing
words, roles, "Last, First", user names, stock agencies, profile links. One hand-written credit
or page per class; each fails without its mechanism."""

from __future__ import annotations

import pytest

from newscrawl.extract.bylines import extract_credits_raw
from newscrawl.extract.page import parse_html
from newscrawl.extract.structured import parse_structured_data
from newscrawl.normalize.bylines import normalize_credits


def people(*raw: str) -> list[str]:
    return [name for name, _ in normalize_credits(list(raw)).people]


@pytest.mark.parametrize("raw", [
    "By Jane Roe", "Post author By Jane Roe", "Published by Jane Roe", "View all posts by Jane Roe",
    "Von Jane Roe", "Veröffentlicht von Jane Roe", "Gespeichert von Jane Roe", "Zeige alle Beiträge von Jane Roe »",
    "Interview: Jane Roe", "Par Jane Roe", "Publié par Jane Roe", "Voir tous les articles de Jane Roe",
    "Por Jane Roe", "Publicado por Jane Roe", "Escrito por Jane Roe", "Texto: Jane Roe",
    "Di Jane Roe", "Pubblicato da Jane Roe", "A cura di Jane Roe", "Autore: Jane Roe",
    "Door Jane Roe", "Geschreven door Jane Roe", "Bekijk alle berichten van Jane Roe", "Tekst: Jane Roe",
])
def test_byline_labels_of_seven_languages_leave_the_name(raw: str) -> None:
    assert people(raw) == ["Jane Roe"]


@pytest.mark.parametrize("raw", [
    "Jane Roe im Gespräch", "Jane Roe Veröffentlicht", "Jane Roe, published", "Jane Roe Fr", "Jane Roe Thu.",
    "Jane Roe • 8h", "Jane Roe Updated 3 hours ago", "Jane Roe vor 2 Stunden", "Jane Roe | il y a 3 heures",
])
def test_words_after_the_name_go(raw: str) -> None:
    assert people(raw) == ["Jane Roe"]


def test_a_two_word_name_ending_like_a_weekday_stays_whole() -> None:
    assert people("Yang Sun") == ["Yang Sun"] and people("Anh Do") == ["Anh Do"]


@pytest.mark.parametrize(("raw", "names"), [
    ("Ben Silverman Games Editor", ["Ben Silverman"]),
    ("Jane Roe, Senior Editor, Technology and Science", ["Jane Roe"]),
    ("Senior Political Correspondent Jane Roe", ["Jane Roe"]),
])
def test_job_titles_go_whole(raw: str, names: list[str]) -> None:
    assert people(raw) == names


@pytest.mark.parametrize(("raw", "names"), [
    ("JANE ROE AND JOHN DOE", ["Jane Roe", "John Doe"]),
    ("Jens Hansen og Mette Holm", ["Jens Hansen", "Mette Holm"]),
    ("Anna Berg och Lars Ek", ["Anna Berg", "Lars Ek"]),
    ("Jan de Vries en Piet Jansen", ["Jan de Vries", "Piet Jansen"]),
    ("Anna Schmidt und Karl Huber", ["Anna Schmidt", "Karl Huber"]),
])
def test_names_joined_by_and_in_any_language_are_two(raw: str, names: list[str]) -> None:
    assert people(raw) == names


def test_a_first_dot_last_user_name_is_written_as_a_name() -> None:
    assert people("christian.stadtfeld") == ["Christian Stadtfeld"]
    assert people("example.com") == []  # a domain names a site


@pytest.mark.parametrize("raw", ["Getty Images", "Foto: Jane Roe / iStock", "IMAGO", "picture alliance"])
def test_stock_photo_agencies_are_no_authors(raw: str) -> None:
    found = normalize_credits([raw])
    assert "Getty" not in str(found.people) and not [a for a in found.agencies if "stock" in a.lower()]
    assert not found.people or found.people[0][0] == "Jane Roe"


def test_agency_material_is_an_agency_credit() -> None:
    found = normalize_credits(["Von Jane Roe, mit Material von dpa"])
    assert [n for n, _ in found.people] == ["Jane Roe"] and found.agencies == ["dpa"]


def credits(body: str, head: str = "") -> list[str]:
    doc = parse_html(f"<html><head>{head}</head><body>{body}</body></html>")
    return extract_credits_raw(doc, parse_structured_data(doc), "https://news.example.org/2024/05/01/story")


def test_last_first_in_library_metadata_is_one_person() -> None:
    raw = credits("<p>Story.</p>", head='<meta name="DC.creator" content="Silverman, Ben">')
    assert people(*raw) == ["Ben Silverman"]
    raw = credits("<p>Story.</p>", head='<meta name="citation_author" content="Roe, Jane A.">')
    assert people(*raw) == ["Jane A. Roe"]


def test_a_link_to_an_author_profile_is_evidence_without_byline_markup() -> None:
    body = ('<article><h1>Council votes</h1><div class="meta">Written by <a href="/people/jane-roe/">Jane Roe</a>'
            '</div><p>The council voted.</p></article>')
    assert people(*credits(body)) == ["Jane Roe"]


def test_a_story_link_in_a_people_section_is_no_profile() -> None:
    body = ('<article><h1>Council votes</h1><p>The council voted.</p></article>'
            '<aside><a href="/magazin/people/395567-star-opens-up.html">Star opens up</a></aside>')
    assert credits(body) == []


def test_the_site_with_an_article_or_initials_beside_its_name_is_no_author() -> None:
    sites = frozenset({"furche", "furcheat", "volksblatt", "volksblattat"})
    for raw in ("Die FURCHE", "OÖ Volksblatt"):
        found = normalize_credits([raw], sites)
        assert not found.people and found.sites == [raw]


def test_a_site_name_joined_by_an_ampersand_is_not_two_people() -> None:
    found = normalize_credits(["Jobs & Hire"], frozenset({"jobshire", "jobsnhire"}))
    assert not found.people and found.sites == ["Jobs & Hire"]
    assert [n for n, _ in normalize_credits(["Jane Roe & John Doe"], frozenset({"jobshire"})).people] == \
        ["Jane Roe", "John Doe"]


def people_and_agencies(raw: str) -> tuple[list[str], list[str]]:
    found = normalize_credits([raw])
    return [name for name, _ in found.people], found.agencies


@pytest.mark.parametrize(("raw", "names", "agencies"), [
    ("By TOM ROE, AP Auto Writer", ["Tom Roe"], ["AP"]),  # the agency's job title: the agency
    ("By Jane Roe, AP Medical Writer", ["Jane Roe"], ["AP"]),
    ("Jane Roe Associated Press Published 11:34 a.m. ET Nov. 19, 2019", ["Jane Roe"], ["Associated Press"]),
    ("Reuters, Washington, Nov 20 2019, 11:06am ist", [], ["Reuters"]),  # the agency's dateline
    ("Detroit News wire services", [], ["Detroit News wire services"]),  # no person before the agency
])
def test_an_agency_beside_a_writer_is_the_agency_credit(raw: str, names: list[str], agencies: list[str]) -> None:
    assert people_and_agencies(raw) == (names, agencies)


def test_a_date_label_glued_to_the_credit_ends_it() -> None:
    assert people("By Jane Roe, Site StaffUpdated: 18 Nov 2019 9:38 pmPosted: 18 Nov 2019 8:11 pm") == ["Jane Roe"]


def test_a_profile_link_in_a_paragraph_of_the_story_is_a_mention() -> None:
    body = ('<article><h1>Troops remain</h1><p>Roughly 13,000 troops remain in the country. US President '
            '<a href="/topics/people/jane-roe.html">Jane Roe</a> has been eager to withdraw them, but the chairman '
            'of the joint chiefs said a full withdrawal would take many more months.</p></article>')
    assert credits(body) == []


@pytest.mark.parametrize("mark", ["statement-author", "quote-author", "claim-author"])
def test_the_speaker_of_a_quoted_claim_is_no_author(mark: str) -> None:
    body = (f'<article><h1>Fact check: the camp</h1><div class="statement"><div class="{mark}">Jane Roe</div>'
            '<p>The militants threatened families wishing to leave the camp.</p></div>'
            '<p>The claim is misleading.</p></article>')
    assert credits(body) == []


def test_an_opinion_column_s_comment_header_holding_the_headline_gives_its_author() -> None:
    # "Kommentar" sites mark the opinion column's header "comment"; reader comments never hold the <h1>.
    body = ('<div class="page-commentHeader"><article class="ArticleHeaderComment"><h1>What the ruling changes</h1>'
            '<div class="ArticleHeaderComment_author"><span class="Author_name">Jane Roe, CMS</span></div>'
            '</article></div><div class="comments"><div class="comment-author">John Doe</div></div>')
    assert people(*credits(body)) == ["Jane Roe"]


@pytest.mark.parametrize(("raw", "names"), [
    ("Jane Roe and John Q. Doe Sioux Falls Argus Leader", ["Jane Roe", "John Q. Doe"]),
    ("Jane van Roe The Palm Beach Post", ["Jane van Roe"]),
])
def test_a_writer_s_paper_run_after_the_name_goes(raw: str, names: list[str]) -> None:
    assert people(raw) == names


def test_words_of_a_sentence_are_no_name_but_a_lower_case_user_name_is() -> None:
    # What is left of "selbst ist der Mann" once the site's name "selbst" goes.
    assert people("ist der Mann") == [] and people("marcos lópez") == ["marcos lópez"]
    assert normalize_credits(["bergportal GmbH"]).agencies == ["bergportal GmbH"]


def test_the_city_after_an_arabic_writer_s_name_is_the_dateline() -> None:
    assert people("حسام أبو العلا - القاهرة") == ["حسام أبو العلا"]


@pytest.mark.parametrize("line", ['<p class="credit">JIJI</p>', "<div>Reuters</div>", "<span>(dpa)</span>"])
def test_an_agency_s_name_alone_beside_the_headline_is_the_credit(line: str) -> None:
    body = (f"<article><header><hgroup><h1>6,000 masks stolen from a hospital</h1></hgroup>{line}</header>"
            "<p>Police said on Tuesday that the masks were taken from a storeroom.</p></article>")
    assert normalize_credits(credits(body)).agencies != []


def test_a_word_beside_the_headline_that_is_no_agency_is_no_credit() -> None:
    body = ("<article><header><h1>6,000 masks stolen from a hospital</h1><p>National</p></header>"
            "<p>Police said on Tuesday that the masks were taken from a storeroom.</p></article>")
    assert credits(body) == []
