"""The demo news site as routes -> responses: home, sections, articles, feeds, sitemaps, traps.

Rendered from ``content.py`` on request, so tests can edit a story between two crawls.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone
from email.utils import format_datetime
from dataclasses import dataclass, field
from html import escape
from urllib.parse import parse_qs, urlsplit

from .content import Story, demo_stories

SECTIONS = ("local", "world", "business")
PAGE_SIZE = 2
PRIVATE_PATH = "/private/2024/05/01/secret-council-memo-leaked-to-press"
ALIAS_PREFIX = "/story/"


@dataclass
class Reply:
    """A response: status, headers and body bytes."""

    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def _html(body: str, status: int = 200) -> Reply:
    return Reply(status, body.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})


def _xml(body: str) -> Reply:
    return Reply(200, body.encode("utf-8"), {"Content-Type": "application/xml; charset=utf-8"})


def _page(title: str, main: str, head: str = "", chrome: str = "") -> str:
    nav = "".join(f'<a href="/{s}/">{s.title()}</a> ' for s in SECTIONS)
    return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>{escape(title)} | Valley Ledger</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml"><link rel="alternate" type="application/atom+xml" href="/atom.xml">
<meta property="og:site_name" content="Valley Ledger">{head}</head><body>
<header><a href="/">Valley Ledger</a><nav>{nav}<a href="/video/watch-the-council-meeting-live-stream">Video</a>
<a href="/login">Log in</a> <a href="/search?q=news">Search</a> <a href="/calendar/2024/05/">Events calendar</a></nav></header>
<main>{main}</main><div class="ad-slot">{escape(chrome)}</div>
<footer><p>Copyright 2024 Valley Ledger. All rights reserved.</p><a href="/about">About us</a></footer></body></html>"""


class DemoSite:
    """All routes of the demo site; ``stories`` may be edited between crawls."""

    def __init__(self, stories: list[Story] | None = None, *, naive_dates: bool = False) -> None:
        self.stories = stories if stories is not None else demo_stories()
        self.naive_dates = naive_dates
        """True renders dates without their offset, as CMSs of sites in one zone often do."""
        self.validated: set[str] = set()
        """Slugs served with ETag and Last-Modified (the server answers 304 when they match)."""
        self.touched: dict[str, str] = {}
        """Slug -> lastmod the sitemap and Atom feed show, as CMSs bump it without an edit."""
        self.chrome = ""
        """Page-chrome text (an ad, "updated 3 min ago") that may change on every crawl."""

    def story_at(self, path: str) -> Story | None:
        """The story whose canonical path (or numeric alias) is ``path``."""
        for index, story in enumerate(self.stories):
            if path.rstrip("/") == story.path or path.rstrip("/") == self.alias_path(index):
                return story
        return None

    @staticmethod
    def alias_path(index: int) -> str:
        """A short URL of the same story, as sites hand out for sharing."""
        return f"{ALIAS_PREFIX}{1000001 + index}"

    def reply(self, target: str) -> Reply:
        """The response for a request target (path and query)."""
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        routes = {
            "/robots.txt": self.robots, "/": self.home, "/rss.xml": self.rss, "/atom.xml": self.atom,
            "/sitemap_index.xml": self.sitemap_index, "/sitemap-articles.xml": self.sitemap_articles,
            "/news-sitemap.xml": self.news_sitemap,
        }
        if path in routes:
            return routes[path]()
        if story := self.story_at(path):
            return self.article(story)
        if path == PRIVATE_PATH:
            return _html(_page("Secret memo", "<article><h1>Secret memo</h1><p>Not for crawlers.</p></article>"))
        section = path.strip("/").split("/")
        if section[0] in SECTIONS and (len(section) == 1 or section[1] == "page"):
            page = int(section[2]) if len(section) == 3 and section[2].isdigit() else 1
            return self.section(section[0], page)
        if section[0] == "calendar" and len(section) == 3:
            return self.calendar(int(section[1]), int(section[2]))
        if section[0] in {"tag", "author", "video", "login", "search", "about"}:
            return self.listing_like(path, query)
        return _html(_page("Not found", "<h1>Page not found</h1>"), status=404)

    def robots(self) -> Reply:
        """Disallows /private/ and names the sitemap index."""
        text = "User-agent: *\nDisallow: /private/\n\nSitemap: http://HOST/sitemap_index.xml\n"
        return Reply(200, text.encode(), {"Content-Type": "text/plain"})

    def _teaser(self, story: Story) -> str:
        return f'<li><a href="{story.path}">{escape(story.headline)}</a></li>'

    def home(self) -> Reply:
        """Latest stories, a share alias, and links to every kind of non-article page."""
        teasers = "".join(self._teaser(s) for s in self.stories[:4])
        extra = (f'<li><a href="{self.alias_path(0)}">Shared: {escape(self.stories[0].headline)}</a></li>'
                 f'<li><a href="{PRIVATE_PATH}">Leaked memo</a></li>'
                 '<li><a href="/tag/budget/">#budget</a> <a href="/author/maria-lopez/">Maria Lopez</a></li>')
        return _html(_page("Home", f'<h1>Latest news</h1><ul class="teasers">{teasers}{extra}</ul>',
                           '<meta property="og:type" content="website">'))

    def section(self, name: str, page: int) -> Reply:
        """A section listing, PAGE_SIZE stories a page, with a next-page link."""
        stories = [s for s in self.stories if s.section == name]
        shown = stories[(page - 1) * PAGE_SIZE: page * PAGE_SIZE]
        if not shown:
            return _html(_page("Not found", "<h1>No such page</h1>"), status=404)
        more = f'<a rel="next" href="/{name}/page/{page + 1}/">Older</a>' if len(stories) > page * PAGE_SIZE else ""
        body = f'<h1>{name.title()}</h1><ul>{"".join(self._teaser(s) for s in shown)}</ul>{more}'
        head = '<script type="application/ld+json">{"@type": "CollectionPage"}</script>'
        return _html(_page(name.title(), body, head))

    def calendar(self, year: int, month: int) -> Reply:
        """A calendar whose previous/next links never end: the classic crawler trap."""
        prev_y, prev_m = (year, month - 1) if month > 1 else (year - 1, 12)
        next_y, next_m = (year, month + 1) if month < 12 else (year + 1, 1)
        body = (f"<h1>Events {year}-{month:02d}</h1><a href='/calendar/{prev_y}/{prev_m:02d}/'>Previous</a>"
                f" <a href='/calendar/{next_y}/{next_m:02d}/'>Next</a>")
        return _html(_page("Calendar", body))

    def listing_like(self, path: str, query: dict[str, list[str]]) -> Reply:
        """Tag, author, video, login and search pages: never articles."""
        links = "".join(self._teaser(s) for s in self.stories[:3])
        return _html(_page(path.strip("/") or "page", f"<h1>{escape(path)}</h1><ul>{links}</ul>"))

    def article(self, story: Story) -> Reply:
        """An article page: JSON-LD, OpenGraph, byline, body, related box and a promo."""
        published = story.published[:19] if self.naive_dates else story.published
        ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": story.headline,
              "datePublished": published, "articleSection": story.section.title(),
              "keywords": story.tags, "publisher": {"@type": "Organization", "name": "Valley Ledger"}}
        if story.modified:
            ld["dateModified"] = story.modified
        head = (f'<link rel="canonical" href="{story.path}"><meta property="og:type" content="article">'
                f'<meta property="og:title" content="{escape(story.headline)}">'
                f'<meta name="description" content="{escape(story.paragraphs[0][:150])}">'
                f'<script type="application/ld+json">{json.dumps(ld)}</script>')
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in story.paragraphs)
        related = "".join(self._teaser(s) for s in self.stories if s is not story)[:1500]
        main = f"""<article><p class="section-label">{story.section.title()}</p><h1>{escape(story.headline)}</h1>
<p class="byline">{escape(story.byline)}</p><time datetime="{published}">{story.published[:10]}</time>
<div class="article-body">{paragraphs}</div></article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
<div class="promo newsletter"><p>Sign up for our newsletter to get the top stories every morning.</p></div>"""
        reply = _html(_page(story.headline, main, head, self.chrome))
        if story.slug in self.validated:
            # The CMS tags the story revision, not the page: ads in the chrome don't change it.
            revision = json.dumps([story.headline, story.paragraphs, story.modified]).encode()
            reply.headers["ETag"] = '"%s"' % hashlib.sha1(revision).hexdigest()[:16]
            reply.headers["Last-Modified"] = format_datetime(
                datetime.fromisoformat(story.modified or story.published).astimezone(timezone.utc), usegmt=True)
        return reply

    def rss(self) -> Reply:
        """RSS 2.0 feed of every story."""
        items = "".join(
            f"<item><title>{escape(s.headline)}</title><link>http://HOST{s.path}</link>"
            f"<pubDate>{s.published}</pubDate></item>" for s in self.stories)
        return _xml(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Ledger</title>{items}</channel></rss>')

    def atom(self) -> Reply:
        """Atom feed of the five latest stories."""
        entries = "".join(
            f'<entry><title>{escape(s.headline)}</title><link rel="alternate" href="{s.path}"/>'
            f"<published>{s.published}</published><updated>{self.touched.get(s.slug) or s.modified or s.published}</updated></entry>"
            for s in self.stories[:5])
        return _xml(f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Ledger</title>{entries}</feed>')

    def sitemap_index(self) -> Reply:
        """Index of the article sitemap and the Google News sitemap."""
        maps = "".join(f"<sitemap><loc>http://HOST{p}</loc></sitemap>" for p in ("/sitemap-articles.xml", "/news-sitemap.xml"))
        return _xml(f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>')

    def sitemap_articles(self) -> Reply:
        """Every story with lastmod, plus a section page and a disallowed page (both must not become records)."""
        urls = [(s.path, self.touched.get(s.slug) or s.modified or s.published) for s in self.stories[4:]]
        urls += [("/world/", "2024-05-28T00:00:00-07:00"), (PRIVATE_PATH, "2024-05-01T00:00:00-07:00")]
        body = "".join(f"<url><loc>http://HOST{p}</loc><lastmod>{m}</lastmod></url>" for p, m in urls)
        return _xml(f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>')

    def news_sitemap(self) -> Reply:
        """Google News sitemap of the four latest stories, with publication date and title."""
        body = "".join(
            f"<url><loc>http://HOST{s.path}</loc><news:news><news:publication><news:name>Valley Ledger</news:name>"
            f"<news:language>en</news:language></news:publication><news:publication_date>{s.published}"
            f"</news:publication_date><news:title>{escape(s.headline)}</news:title></news:news></url>"
            for s in self.stories[:4])
        return _xml('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                    f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{body}</urlset>')
