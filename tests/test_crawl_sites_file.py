"""`-a sites=sites.toml`: two sites in one crawl, each with its own settings."""

from __future__ import annotations

from collections import Counter

from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import DemoSite


def test_two_sites_with_their_own_timezone_and_path_prefix(tmp_path, run_crawl):
    with DemoServer() as first, DemoServer(DemoSite(naive_dates=True)) as second:
        # The second site is reached under another host name of the loopback interface.
        second_url = second.url.replace("127.0.0.1", "localhost")
        sites = tmp_path / "sites.toml"
        sites.write_text(
            f'[[site]]\nurl = "{first.url}/"\nallow = ["/world/"]\n\n'
            f'[[site]]\nurl = "{second_url}/"\ntimezone = "America/Phoenix"\n', encoding="utf-8")
        result = run_crawl("-a", f"sites={sites}")
    assert result.returncode == 0, result.log[-3000:]
    hosts = Counter(r["url"].split("/")[2].split(":")[0] for r in result.records)
    world = [s for s in first.site.stories if s.section == "world"]
    assert hosts == {"127.0.0.1": len(world), "localhost": len(second.site.stories)}
    for record in result.records:
        if record["url"].startswith("http://localhost"):
            assert record["datePublishedTimezoneAssumed"] is True
            assert record["datePublished"].endswith("-07:00")
        else:
            assert "/world/" in record["url"]
            assert record["datePublishedTimezoneAssumed"] is False
