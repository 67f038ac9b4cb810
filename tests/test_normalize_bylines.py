"""Credit strings -> people and agencies; datelines and closing credits; one test per byline form."""

from __future__ import annotations

import pytest

from newscrawl.items import Article
from newscrawl.normalize.article import normalize_bylines
from newscrawl.normalize.bylines import normalize_credits, site_keys, split_credit, titlecase_name
from newscrawl.normalize.datelines import parse_contributors, parse_dateline


def people(raw: str, sites: frozenset[str] = frozenset()) -> list[str]:
    return [name for name, _ in split_credit(raw, sites).people]


def test_capitals_and_agency_are_split() -> None:
    credits = split_credit("By JOHN DOE and JANE ROE, Associated Press")
    assert credits.people == [
        ("John Doe", "By JOHN DOE and JANE ROE, Associated Press"),
        ("Jane Roe", "By JOHN DOE and JANE ROE, Associated Press"),
    ]
    assert credits.agencies == ["Associated Press"]


@pytest.mark.parametrize(
    ("raw", "name"),
    [("JOHN MCDONALD", "John McDonald"), ("SEAN O'BRIEN", "Sean O'Brien"),
     ("PIETER VAN DER BERG", "Pieter van der Berg"), ("Jane McRoe", "Jane McRoe")],
)
def test_titlecase_with_care(raw: str, name: str) -> None:
    assert titlecase_name(raw) == name


@pytest.mark.parametrize(
    ("raw", "agency"),
    [("dpa/lno", "dpa/lno"), ("Redaktion", "Redaktion"), ("APA/AP", "APA/AP"), ("The Associated Press", "Associated Press")],
)
def test_agency_credits(raw: str, agency: str) -> None:
    credits = split_credit(raw)
    assert (credits.people, credits.agencies) == ([], [agency])


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Von Jane Roe", ["Jane Roe"]),
        ("Par Jeanne Rousseau", ["Jeanne Rousseau"]),
        ("Posted by Jane Roe", ["Jane Roe"]),
        ("ByJane Roe", ["Jane Roe"]),
        ("Autor: Jane Roe", ["Jane Roe"]),
        ("By JANE ROE, Staff Writer", ["Jane Roe"]),
        ("Senior Editor Jane Roe", ["Jane Roe"]),
        ("FOCUS-Online-Experte Jane Roe", ["Jane Roe"]),
        ("Jane Roe jane.roe@example.com", ["Jane Roe"]),
        ("Jane Roe @janeroe", ["Jane Roe"]),
        ("Email the author", []),
        ("Name", []),
        ("Jane Roe Alle Artikel Kontakt", ["Jane Roe"]),
    ],
)
def test_labels_roles_emails_handles_go(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Von Jane Roe und John Doe1. Januar 2023", ["Jane Roe", "John Doe"]),
        ("29. Juni 2017, 23:39 · von Jane", ["Jane"]),
        ("Posted on September 21, 2020 by Jane Roe", ["Jane Roe"]),
        ("VON JANE ROE am 21. April 2020", ["Jane Roe"]),
        ("Jane Roe, 01.12.2021", ["Jane Roe"]),
        ("Jane Roe - January 10", ["Jane Roe"]),
        ("Jane Roe | 5 min read", ["Jane Roe"]),
    ],
)
def test_dates_glued_to_names_go(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


def test_site_name_posing_as_author_is_kept_apart() -> None:
    sites = site_keys(["Example News"], "https://www.example-news.com/a")
    assert split_credit("Example News", sites).sites == ["Example News"]
    assert split_credit("example-news.com", sites).people == []
    # The site's name glued to a person's: the person stays.
    assert people("Jane Roe Example-News", sites) == ["Jane Roe"]


def test_filing_place_and_affiliations_go() -> None:
    assert people("Jane Roe, London, John Doe") == ["Jane Roe", "John Doe"]
    assert people("Jane Roe And John Doe For The Sunday Paper") == ["Jane Roe", "John Doe"]
    assert split_credit("Jane Roe - Chrome Security team").agencies == []
    assert people("Redaktion: Jane Roe (Pressesprecherin des Vereins)") == ["Jane Roe"]
    assert split_credit("Jane Roe (dpa)").agencies == ["dpa"]


def test_initials_after_a_name_go() -> None:
    assert people("Tina Roe, TR") == ["Tina Roe"]


def test_credits_once_each_in_page_order() -> None:
    found = normalize_credits(["Jane Roe", "JANE ROE and John Doe", "dpa", "DPA"])
    assert [name for name, _ in found.people] == ["Jane Roe", "John Doe"]
    assert found.agencies == ["dpa"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("TOKYO (AP) – Japan's economy grew.", ("TOKYO", "AP")),
        ("LONDON, May 3 (Reuters) - Shares fell.", ("LONDON", "Reuters")),
        ("Hamburg (dpa/lno) – Die Polizei meldet.", ("Hamburg", "dpa/lno")),
        ("A photo caption. Foto: Jane Roe/dpa\nBerlin (dpa) - Der Bundestag hat.", ("Berlin", "dpa")),
        ("WASHINGTON — The Senate voted.", ("WASHINGTON", None)),
        ("The council (the city's) - met on Monday.", None),
        ("Paris (France) - A long story.", None),
    ],
)
def test_dateline(body: str, expected: tuple[str, str | None] | None) -> None:
    assert parse_dateline(body) == expected


def test_contributors_from_closing_lines() -> None:
    assert parse_contributors(["Associated Press writer Emily Wang contributed to this report."]) == ["Emily Wang"]
    assert parse_contributors(["Reporting by Jane Roe in Paris and John Doe; Editing by Sam Poe"]) == [
        "Jane Roe", "John Doe", "Sam Poe",
    ]
    assert parse_contributors(["The company did not respond to a request for comment."]) == []


def test_normalize_bylines_seed_ap_story() -> None:
    article = Article(
        url="https://news.example.com/a",
        articleBody="TOKYO (AP) – Japan's economy grew.\nMore text.",
    )
    normalize_bylines(article, ["By MARI YAMAGUCHI, Associated Press"],
                      ["Associated Press writer Emily Wang contributed to this report."])
    assert [a.name for a in article.authors] == ["Mari Yamaguchi"]
    assert article.agencies == ["Associated Press"]
    assert (article.dateline.place, article.dateline.agency) == ("TOKYO", "AP")  # type: ignore[union-attr]
    assert [(c.name, c.nameRaw) for c in article.contributors] == [("Emily Wang", "Emily Wang")]


def test_normalize_bylines_agency_of_the_dateline_when_no_byline() -> None:
    article = Article(url="https://www.example.de/a", articleBody="Hamburg (dpa/lno) – Die Polizei meldet.")
    normalize_bylines(article, [])
    assert (article.authors, article.agencies) == ([], ["dpa/lno"])


def test_normalize_bylines_site_as_author_goes_to_agencies() -> None:
    article = Article(
        url="https://www.example-news.com/a", publisher="Example News", articleBody="Text.",
    )
    normalize_bylines(article, ["Example News"])
    assert (article.authors, article.agencies) == ([], ["Example News"])


def test_credits_for_other_work_go() -> None:
    assert people("Text: Jane Roe, Fotos: John Doe") == ["Jane Roe"]
    assert people("Jane Roe. Edited by Sam Poe") == ["Jane Roe"]


def test_label_run_into_a_name_is_cut() -> None:
    assert people("Jane RoeQuelle:") == ["Jane Roe"]


def test_site_signing_with_its_initials() -> None:
    sites = site_keys(["Junge Zeitung"], "https://www.junge-zeitung.de/a")
    assert split_credit("JZ", sites).sites == ["JZ"]


def test_reporting_in_running_text_is_no_credit() -> None:
    assert parse_contributors(["The editing software and reporting tools were updated last week."]) == []
    assert parse_contributors(["Their reporting by 2020 standards was thin."]) == []


def test_acronyms_and_initials_keep_their_capitals() -> None:
    # A lone acronym is an organisation's credit, kept as written.
    assert split_credit("IWB").agencies == ["IWB"]
    assert people("By J. I. DA SILVA") == ["J. I. da Silva"]
    assert people("By : Joe S.") == ["Joe S."]


def test_a_month_alone_is_no_name() -> None:
    assert people("Jane Roe, Nov") == ["Jane Roe"]
    assert people("Jan") == ["Jan"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Af Jane Roe", ["Jane Roe"]),
        ("Jane Roe / Dec 6, 2020, 15:48 IST", ["Jane Roe"]),
        ("Jane Roe, 02. januar 2020 kl. 10:21", ["Jane Roe"]),
        ("Jane Roe, em São Paulo", ["Jane Roe"]),
        ("Jane Roe, Hamburg, Germany", ["Jane Roe"]),
        ("Jane Roe, Kontakt: redaktion", ["Jane Roe"]),
        ("Malay Mail", ["Malay Mail"]),
    ],
)
def test_more_byline_tails(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


def test_organisation_with_its_town_and_country() -> None:
    credits = split_credit("Beispiel-Verlag GmbH, Nürnberg, Germany")
    assert (credits.people, credits.agencies) == ([], ["Beispiel-Verlag GmbH"])


def test_sentence_stop_between_name_and_outlet() -> None:
    assert people("Jane Roe. Example Radio International") == ["Jane Roe"]


def test_team_credits_are_organisations() -> None:
    credits = split_credit("Created by the Example-Team")
    assert (credits.people, credits.agencies) == ([], ["Example-Team"])


@pytest.mark.parametrize("raw, expected", [
    ("Lindsey O&#039;Donnell", ["Lindsey O'Donnell"]),  # an entity the CMS left escaped
    ("Ren&eacute;e M&uuml;ller", ["Renée Müller"]),
    ("Luis Ávila / Seguir / [email protected] / - Actualizado: 29/4/2022", ["Luis Ávila"]),  # Cloudflare's placeholder
    ("Marie Dupont | Suivre | Partager", ["Marie Dupont"]),
    ("Cortesía", []),
])
def test_escaped_names_placeholders_and_buttons(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


def test_a_file_name_and_its_time_stamps_are_no_credit() -> None:
    assert people("stunnel_rsync.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm") == []


@pytest.mark.parametrize("raw, expected", [
    ("Erhverv - 02. januar 2020 kl. 10:21 Af Ritzau", []),  # the section before the dated byline
    ("Politik · Von Max Muster", ["Max Muster"]),
    ("By Associated Press Jun 24, 2020, 3:53pm CDT Matthew Daly", ["Matthew Daly"]),  # the zone of the time
    ("By Amitai Winehouse For Mailonline", ["Amitai Winehouse"]),  # the paper written for
    ("Kay", ["Kay"]),  # one word alone is still a credit
])
def test_kickers_zones_and_papers_beside_the_name(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


def test_a_newsroom_or_network_beside_the_writers_is_no_writer() -> None:
    assert people("Christal Hayes, Michael Collins, Nicholas Wu | USA TODAY") == [
        "Christal Hayes", "Michael Collins", "Nicholas Wu"]
    assert people("Redaccion") == []


def test_initials_written_like_a_legal_form_stay_a_name() -> None:
    # "S.A." closes a company's name ("Grupo Prisa S.A."); inside a name it is two initials
    assert people("Dana Ford, James S.A. Corey and Tom Watkins, CNN") == ["Dana Ford", "James S.A. Corey", "Tom Watkins"]
    assert split_credit("Grupo Prisa S.A.").people == []


@pytest.mark.parametrize(("raw", "expected"), [
    ("Submitted on Mon, 2019-01-21 13:49", []),
    ("Submitted by Jane Doe on Mon, 2019-01-21 13:49", ["Jane Doe"]),
    ("Posted by Jane Doe on Fri, 2020-05-01", ["Jane Doe"]),
    ("Von Jane Doe, Fr., 3. Januar 2020", ["Jane Doe"]),
])
def test_a_drupal_style_submitted_line_and_a_short_weekday_leave_the_name_alone(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("Patricio Candia | Palma de Mallorca | 08/01/2014", ["Patricio Candia"]),
    ("Jane Doe · New York · March 3, 2021", ["Jane Doe"]),
    ("yas! | By Cara Stiles | April 13, 2020", ["Cara Stiles"]),  # the writer's own segment, opened by "By"
    ("Jane Doe | John Roe", ["Jane Doe", "John Roe"]),  # no date: two writers
])
def test_the_place_between_writer_and_date_is_a_dateline(raw: str, expected: list[str]) -> None:
    assert people(raw) == expected


@pytest.mark.parametrize(("raw", "expected", "agencies"), [
    ("By CNN's Jason Carroll", ["Jason Carroll"], ["CNN"]),
    ("The Associated Press’ Jane Doe and Tom Roe", ["Jane Doe", "Tom Roe"], ["Associated Press"]),
    ("Jane O'Neil", ["Jane O'Neil"], []),  # an apostrophe inside a name is no possessive
])
def test_the_outlet_before_a_writer_is_no_part_of_the_name(raw: str, expected: list[str], agencies: list[str]) -> None:
    credits = split_credit(raw)
    assert [name for name, _ in credits.people] == expected
    assert credits.agencies == agencies


def test_a_contributor_note_names_the_people_without_their_outlet() -> None:
    note = "CNN’s Jason Carroll, Ben Brumfield and Aaron Cooper contributed to this report."
    assert parse_contributors([note]) == ["Jason Carroll", "Ben Brumfield", "Aaron Cooper"]
