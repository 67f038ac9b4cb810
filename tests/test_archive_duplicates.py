"""A wire story on two sites, crawled together: both records are written, one flagged duplicateOf."""

from __future__ import annotations

from copy import deepcopy

from archive_helpers import crawl_in

from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import DemoSite


def test_a_syndicated_story_is_flagged_not_dropped(tmp_path):
    with DemoServer() as first:
        wire = first.site.stories[3]  # "Associated Press"
        copy = deepcopy(wire)
        copy.slug, copy.section = "ap-japan-and-russia-to-widen-defense-cooperation", "world"
        copy.headline = "AP: Japan and Russia to widen defense cooperation"
        copy.paragraphs = copy.paragraphs + ["This story was edited for our readers in the valley."]
        own = deepcopy(first.site.stories[6])  # a story of the second site's own
        own.slug, own.headline = "valley-farmers-market-moves-to-saturdays", "Farmers market moves to Saturdays"
        own.paragraphs = [f"Vendor {n} said the move to Saturday mornings would bring more families to the "
                          f"square, and the market board will review sales figures in week {n}." for n in range(6)]
        with DemoServer(DemoSite([copy, own])) as second:
            (tmp_path / "sites.toml").write_text(
                f'[[site]]\nurl = "{first.url}/"\n\n[[site]]\nurl = "{second.url}/"\n', encoding="utf-8")
            run = crawl_in(tmp_path, None, "-a", f"sites={tmp_path / 'sites.toml'}")
    assert run.returncode == 0, run.log[-3000:]
    by_url = {r["canonicalUrl"]: r for r in run.records}
    original, syndicated = first.url + wire.path, second.url + copy.path
    assert {original, syndicated} <= set(by_url)  # both written
    pair = {by_url[original]["duplicateOf"], by_url[syndicated]["duplicateOf"]}
    assert pair in ({None, original}, {None, syndicated})  # the later one points at the earlier
    flagged = [r["canonicalUrl"] for r in run.records if r["duplicateOf"]]
    assert len(flagged) == 1 and flagged[0] in {original, syndicated}  # no other story is anyone's copy
    assert second.url + own.path in by_url
