"""A story the page carries as data (JSON-LD articleBody, an application's JSON) where its
markup is a JavaScript shell: the data is the text. Small pages written for each form."""

from __future__ import annotations

import json

import pytest

from newscrawl.extract.errors import EmptyBody
from newscrawl.extract.page import PageInput
from newscrawl.record import build_record

URL = "https://citytimes.example/2024/05/01/tram"
STORY = [
    "The regional council voted on Monday to expand the tram network by twelve kilometres, a plan "
    "that had been debated for almost a decade.",
    "Supporters said the new line would cut commuting times for thousands of residents in the "
    "fast-growing northern districts of the city.",
    "Opponents warned that the cost estimates did not include the price of moving underground pipes "
    "and cables along the planned route.",
    "Construction is expected to begin next spring, and the first trams could run on the new tracks "
    "by the end of the following year.",
]
SHELL = '<div id="root"></div><script src="/static/app.js"></script>'


def shell(head: str = "", body: str = "") -> str:
    return f"<html><head><title>Council backs tram plan</title>{head}</head><body>{SHELL}{body}</body></html>"


def ld(**fields: object) -> str:
    node = {"@type": "NewsArticle", "headline": "Council backs tram plan", **fields}
    return f'<script type="application/ld+json">{json.dumps(node)}</script>'


def test_a_shell_with_json_ld_article_body_is_read_from_it() -> None:
    record = build_record(PageInput(url=URL, html=shell(ld(articleBody="\n".join(STORY)))))
    assert record.articleBody.split("\n") == STORY
    assert record.articleBodyHtml == "".join(f"<p>{s}</p>" for s in STORY)


def test_a_shell_rendered_from_next_data_is_read_from_its_story_field() -> None:
    data = {"props": {"pageProps": {"article": {"title": "Council backs tram plan", "teaser": STORY[0],
                                                "body": "".join(f"<p>{s}</p>" for s in STORY)}}}}
    script = f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(data)}</script>'
    record = build_record(PageInput(url=URL, html=shell(body=script)))
    assert record.articleBody.split("\n") == STORY


def test_a_shell_whose_data_holds_only_a_description_stays_a_shell() -> None:
    with pytest.raises(EmptyBody, match="JavaScript shell"):
        build_record(PageInput(url=URL, html=shell(ld(articleBody=STORY[0], description=STORY[1]))))


def test_a_page_with_its_story_in_markup_keeps_the_markup_s_text() -> None:
    # the data's copy differs (an older version, a paywalled full text): the page's text wins
    paragraphs = "".join(f"<p>{s}</p>" for s in STORY)
    html = (f"<html><head>{ld(articleBody='An older version of the story. ' * 30)}</head><body>"
            f"<article><h1>Council backs tram plan</h1>{paragraphs}</article></body></html>")
    record = build_record(PageInput(url=URL, html=html))
    assert record.articleBody.split("\n") == STORY


def test_application_json_nested_deeper_than_the_parser_goes_leaves_a_shell() -> None:
    script = f'<script id="__NEXT_DATA__" type="application/json">{"[" * 200_000}{"]" * 200_000}</script>'
    with pytest.raises(EmptyBody, match="JavaScript shell"):
        build_record(PageInput(url=URL, html=shell(body=script)))
