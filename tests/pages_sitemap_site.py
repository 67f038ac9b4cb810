"""The demo site with a "pages" sitemap beside its news sitemap, as many CMSs publish one.

It lists the home page, section fronts (teaser paragraphs, "Page 1 of 1", a date, no declared
type), an about page, a contact page and a video page: none of them is an article.
"""

from __future__ import annotations

from html import escape

from newscrawl.demo.site import DemoSite, Reply

SECTION_FRONTS = ("/local-news/", "/regional-politics/")
ABOUT, CONTACT, VIDEO = "/who-we-are/", "/reach-the-newsroom/", "/tv/evening-bulletin-highlights/"
PAGES = ("/", *SECTION_FRONTS, ABOUT, CONTACT, VIDEO)


def _html(title: str, main: str, head: str = "") -> Reply:
    body = (f'<!DOCTYPE html><html lang="en"><head><title>{escape(title)} | Valley Ledger</title>{head}</head>'
            f'<body><nav><a href="/">Home</a> <a href="/local-news/">Local</a></nav><main>{main}</main>'
            "<footer>Valley Ledger, 1 Main Street</footer></body></html>")
    return Reply(200, body.encode(), {"Content-Type": "text/html; charset=utf-8"})


class PagesSitemapSite(DemoSite):
    """DemoSite whose sitemap index also names /sitemap-pages.xml."""

    def reply(self, target: str) -> Reply:
        """The extra pages and the pages sitemap; the demo site for the rest."""
        path = target.split("?", 1)[0]
        if path == "/sitemap_index.xml":
            reply = super().reply(target)
            extra = b"<sitemap><loc>http://HOST/sitemap-pages.xml</loc></sitemap></sitemapindex>"
            return Reply(200, reply.body.replace(b"</sitemapindex>", extra), reply.headers)
        if path == "/sitemap-pages.xml":
            urls = "".join(f"<url><loc>http://HOST{p}</loc><lastmod>2024-05-28</lastmod></url>" for p in PAGES)
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return Reply(200, body.encode(), {"Content-Type": "application/xml"})
        if path in SECTION_FRONTS:
            return self.section_front(path)
        if path == ABOUT:
            return _html("Who we are", "<h1>Who we are</h1><p>The Valley Ledger has covered the valley since 1921. "
                         "Our newsroom of twelve reporters publishes every day.</p><p>We are owned by a "
                         "non-profit trust and funded by our readers.</p>")
        if path == CONTACT:
            return _html("Contact", "<h1>Reach the newsroom</h1><p>Phone: 555-0100</p><p>Email: "
                         "news@valley-ledger.example</p><form><input name='q'><button>Send</button></form>")
        if path == VIDEO:
            return _html("Evening bulletin", "<h1>Evening bulletin highlights</h1><video src='/b.mp4' controls>"
                         "</video><p>Watch the day's news in three minutes.</p>",
                         '<meta property="og:type" content="video.other">')
        return super().reply(target)

    def section_front(self, path: str) -> Reply:
        """A section front as the unseen site had them: teasers with summaries, Page 1 of 1."""
        name = path.strip("/").replace("-", " ").title()
        teasers = "".join(
            f'<div class="teaser"><h3><a href="{s.path}">{escape(s.headline)}</a></h3>'
            f"<p>{escape(s.paragraphs[0][:90])}</p></div>" for s in self.stories[:4])
        return _html(name, f"<h1>{name}</h1><p>May 28, 2024</p>{teasers}<p>Page 1 of 1</p>")
