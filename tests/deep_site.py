"""A news site with deep listings and no sitemap or feed, on 127.0.0.1, counting every request.

Four sections of up to 50 stories, 10 a page, each paginated its own way: numbered
``?page=N`` links (world), "Older stories" to ``/page/N/`` (business), only a
``<link rel="next">`` to ``?offset=N`` (science), "Ältere Beiträge" to month archives
``/2019/11/`` (kultur). Every story links to its neighbours and to ``DEAD_LINKS`` story-shaped
pages that answer 404. robots.txt names no sitemap; the usual sitemap and feed paths are 404.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html import escape
from urllib.parse import parse_qsl, urlsplit

from newscrawl.demo.server import DemoServer
from newscrawl.demo.site import DemoSite, Reply

PER_PAGE, DEAD_LINKS = 10, 8
SECTIONS = {"world": 50, "business": 50, "science": 45, "kultur": 50}
_WORDS = ("harbour", "council", "budget", "river", "school", "market", "bridge", "library", "festival",
          "railway", "orchard", "museum", "clinic", "stadium", "ferry", "garden")


@dataclass(frozen=True)
class Story:
    """One article of the deep site."""

    section: str
    number: int  # 0 = newest

    @property
    def month(self) -> int:
        """Month of publication: ten stories a month, newest in November 2019."""
        return 11 - self.number // PER_PAGE

    @property
    def day(self) -> int:
        """Day of the month."""
        return 28 - self.number % PER_PAGE

    @property
    def path(self) -> str:
        """Story-shaped path with the date in it."""
        prefix = "" if self.section == "kultur" else f"/{self.section}"
        return f"{prefix}/2019/{self.month:02d}/{self.day:02d}/{self.section}-story-{self.number}-{self.word}"

    @property
    def word(self) -> str:
        """A word that makes headline and text of this story its own."""
        return _WORDS[(self.number + len(self.section)) % len(_WORDS)]

    @property
    def headline(self) -> str:
        """Headline."""
        return f"The {self.word} story number {self.number} of {self.section}"


def stories() -> list[Story]:
    """Every story of the site."""
    return [Story(name, number) for name, count in SECTIONS.items() for number in range(count)]


def _page(title: str, main: str, head: str = "") -> bytes:
    nav = "".join(f'<a href="/{name}/">{name.title()}</a> ' for name in SECTIONS)
    return (f'<!DOCTYPE html><html lang="en"><head><title>{escape(title)}</title>{head}</head><body>'
            f"<nav>{nav}</nav><main>{main}</main><footer>Deep Site News</footer></body></html>").encode()


def _article(story: Story) -> bytes:
    text = (f"Residents of the {story.word} district gathered on the {story.day}th to hear story "
            f"{story.number} of the {story.section} desk. The council explained the plan in detail, "
            f"answered questions about the cost and the schedule, and promised a vote next month. ")
    paragraphs = "".join(f"<p>{escape(text)} Paragraph {i} adds its own detail about {story.word}.</p>"
                         for i in range(4))
    total = SECTIONS[story.section]
    related = [Story(story.section, (story.number + step) % total) for step in (1, total - 1)]
    links = "".join(f'<p>Read also <a href="{r.path}">{escape(r.headline)}</a></p>' for r in related)
    dead = "".join(f'<a href="/{story.section}/2018/0{k % 9 + 1}/1{k}/gone-story-{story.number}-{k}-{story.word}">'
                   f"an older report {k}</a> " for k in range(DEAD_LINKS))
    iso = f"2019-{story.month:02d}-{story.day:02d}T09:00:00+00:00"
    main = (f'<article><h1>{escape(story.headline)}</h1><p class="byline">By Ann Example</p>'
            f'<time datetime="{iso}">{story.day}.{story.month}.2019</time>'
            f'<div class="article-body">{paragraphs}<p>As we reported: {dead}</p></div>{links}</article>')
    return _page(story.headline, main, '<meta property="og:type" content="article">')


def _listing(section: str, page: int) -> bytes | None:
    """Page ``page`` of a section's listing (1 first); None past its end."""
    total = SECTIONS[section]
    chosen = [Story(section, n) for n in range(page * PER_PAGE - PER_PAGE, min(page * PER_PAGE, total))]
    if not chosen:
        return None
    teasers = "".join(f'<div class="teaser"><h2><a href="{s.path}">{escape(s.headline)}</a></h2>'
                      f"<p>What happened at the {s.word}.</p></div>" for s in chosen)
    more = page * PER_PAGE < total
    head, pager = "", ""
    if section == "world" and more:
        pager = "".join(f'<a href="/world/?page={n}">{n}</a> ' for n in range(max(1, page - 1), page + 2) if n != page)
    elif section == "business" and more:
        pager = f'<a href="/business/page/{page + 1}/">Older stories »</a>'
    elif section == "science" and more:
        head = f'<link rel="next" href="/science/?offset={page * PER_PAGE}">'
    elif section == "kultur" and more:
        pager = f'<a href="/2019/{11 - page:02d}/">Ältere Beiträge</a>'
    return _page(f"{section.title()}, page {page}", f"<h1>{section.title()}</h1>{teasers}<div>{pager}</div>", head)


def _listing_for(path: str, query: dict[str, str]) -> bytes | None:
    parts = [p for p in path.split("/") if p]
    if len(parts) == 1 and parts[0] in SECTIONS:
        if parts[0] == "world":
            page = int(query.get("page", "1"))
        elif parts[0] == "science":
            page = int(query.get("offset", "0")) // PER_PAGE + 1
        else:
            page = 1
    elif len(parts) == 3 and parts[0] == "business" and parts[1] == "page" and parts[2].isdigit():
        parts, page = ["business"], int(parts[2])
    elif len(parts) == 2 and parts[0] == "2019" and parts[1].isdigit():
        parts, page = ["kultur"], 11 - int(parts[1]) + 1
    else:
        return None
    return _listing(parts[0], page) if page >= 1 else None


class DeepSite(DemoSite):
    """The pages by path, and the requests answered (``hits`` by target, ``statuses``)."""

    def __init__(self) -> None:
        super().__init__([])
        self.hits: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self.lock = threading.Lock()
        self.pages = {s.path: _article(s) for s in stories()}
        home = "".join(f'<h2><a href="/{name}/">{name.title()}</a></h2>' for name in SECTIONS)
        self.pages["/"] = _page("Deep Site News", home)

    def reply(self, target: str) -> Reply:
        """The page for a request target, counted."""
        reply = self._reply(target)
        with self.lock:
            self.hits[target] += 1
            self.statuses[reply.status] += 1
        return reply

    def _reply(self, target: str) -> Reply:
        parts = urlsplit(target)
        html = {"Content-Type": "text/html; charset=utf-8"}
        if parts.path == "/robots.txt":
            return Reply(200, b"User-agent: *\nAllow: /\n", {"Content-Type": "text/plain"})
        if body := self.pages.get(parts.path) if not parts.query else None:
            return Reply(200, body, html)
        if listing := _listing_for(parts.path, dict(parse_qsl(parts.query))):
            return Reply(200, listing, html)
        return Reply(404, _page("Not found", "<h1>Page not found</h1>"), html)

    @property
    def requests(self) -> int:
        """Requests answered so far."""
        return sum(self.hits.values())


@contextmanager
def serve_deep_site() -> Iterator[tuple[str, DeepSite]]:
    """(base URL, site) of the deep site on a free loopback port."""
    site = DeepSite()
    with DemoServer(site) as server:
        yield server.url, site
