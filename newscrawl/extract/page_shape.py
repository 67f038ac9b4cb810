"""What a page is made of, measured on its own tree: story prose, teaser blocks, pagination.

Pure measurements over the parsed document, before body extraction prunes it; ``classify``
turns them into a verdict. A listing repeats one block (headline link, summary, maybe a
date) many times and has little text of its own; a story has one long run of prose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from lxml import etree
from lxml.etree import XPath
from lxml.html import HtmlElement

from ..normalize.text import unspaced_words

# Text inside these is page chrome or a control, never story prose...
_CHROME_TAGS = frozenset({"nav", "header", "footer", "aside", "form", "button", "select", "option",
                          "label", "noscript", "figcaption"})
_INVISIBLE_TAGS = frozenset({"script", "style", "template", "svg"})
# ... unless it wraps the story: whole pages sit in <form> (ASP.NET), <header> or <button>.
_XPATH_IN_CONTENT = XPath("boolean(ancestor::article | ancestor::section | ancestor::main)")
_XPATH_HOLDS_STORY = XPath("boolean(.//article | .//main | .//h1 | .//p[string-length(normalize-space()) > 200])")
_HEADINGS = ("h2", "h3", "h4")
_XPATH_HEADING_LINKS = XPath("//h2[.//a[@href]] | //h3[.//a[@href]] | //h4[.//a[@href]]"
                             " | //a[@href][.//h2 or .//h3 or .//h4]")
# A teaser: headline, summary, date, byline. More words than this is a story of its own.
TEASER_MAX_WORDS = 120
# Links whose text is a headline (most menus hold one- or two-word links).
_HEADLINE_MIN_WORDS = 3
# Short paragraphs are labels ("Share", "Posted on", "3 min read"), not prose.
_PROSE_MIN_WORDS = 8
# Elements that continue the paragraph they sit in.
_INLINE_TAGS = frozenset({"a", "b", "i", "em", "strong", "span", "font", "small", "big", "sup", "sub", "u",
                          "abbr", "time", "mark", "q", "cite", "code", "br", "wbr", "s", "del", "ins", "img"})
_WORD = re.compile(r"\w+")
# Boxes beside a story: their teasers do not make the page a listing.
_SIDE_BOX = re.compile(r"sidebar|widget|related|recent|popular|trending|most-?read|meistgelesen|recommend|"
                       r"outbrain|taboola|more-stories|also-read|read-more|footer|menu|\bnav|comments?\b|"
                       r"teaser-?rail|carousel|slider", re.IGNORECASE)
# A heading that opens a box of other stories beside this one ("Read also", "Lesen Sie auch"): the
# teasers after it are the box's. Only words of relatedness: "Latest" or "More news" may head the
# very list a section front is made of.
RELATED_LABEL = re.compile(
    r"^\W*(related( stories| articles| content| coverage| posts| news)?|read also|also read|see also|"
    r"read more|more (on|about) this( story| topic)?|you (may|might) also like|recommended( for you)?|"
    r"lesen sie auch|auch interessant|mehr zum thema|das könnte sie auch interessieren|ähnliche (artikel|beiträge)|"
    r"(à )?lire aussi|à lire également|sur le même sujet|articles similaires|"
    r"lea también|lee también|vea también|(te|le) puede interesar|noticias relacionadas|notas relacionadas|"
    r"leggi anche|articoli correlati|potrebbe interessarti|leia também|veja também|notícias relacionadas|"
    r"lees ook|gerelateerde artikelen)\W*$",
    re.IGNORECASE)
_RELATED_LABEL_MAX_WORDS = 6
# A link wrapping this many words is a card around a whole block, not a link in the text.
_WRAPPER_LINK_WORDS = 60
# Paragraphs of a cookie banner or a subscription prompt, in the languages we crawl.
CONSENT = re.compile(
    # "cookies" only with what a banner says of them: a recipe bakes cookies too
    r"\b((we|this (web)?site|our (web)?site) uses? cookies|(accept|allow|enable|reject|use of|using|uses?) "
    r"(all |the )?cookies|cookies? (policy|settings|preferences|banner|consent|richtlinie|einstellungen)|"
    r"(verwendet|nutzt|verwenden|nutzen|utilise|utilisons|utiliza|utilizamos|utilizza|utilizziamo|gebruikt|"
    r"gebruiken) (des |i |los |)?cookies?|"
    # consent as a banner asks for it, not a patient's or a parliament's
    r"your consent|(manage|withdraw|give|change) (your )?consent|consent (preferences|settings|management|choices)|"
    r"accept all|reject all|privacy settings|before you continue|alle akzeptieren|"
    r"(cookies?|nutzung|verwendung) zustimmen|zustimmen und weiter|ihre einwilligung|einwilligung in die|"
    r"tout accepter|votre consentement|aceptar todo|"
    r"accetta tutti|alles accepteren|subscribe to continue|to continue reading|already a subscriber|"
    r"jetzt abonnieren|abonnez-vous|suscríbete|abbonati|paywall)\b", re.IGNORECASE)

# Every CONSENT alternative holds one of these: a literal search of the lower-cased text first,
# as the pattern costs ~90 µs a paragraph and hardly one paragraph in a hundred is a banner's.
_CONSENT_KEYS = ("cookie", "consent", "accept all", "reject all", "privacy settings", "before you continue",
                 "akzeptieren", "zustimmen", "einwilligung", "tout accepter", "consentement", "aceptar todo",
                 "accetta tutti", "alles accepteren", "subscribe to continue", "to continue reading",
                 "already a subscriber", "jetzt abonnieren", "abonnez-vous", "suscríbete", "abbonati", "paywall")


def is_consent(text: str) -> bool:
    """A paragraph of a cookie banner or a subscription prompt."""
    lowered = text.lower()
    return any(key in lowered for key in _CONSENT_KEYS) and CONSENT.search(text) is not None


# "Page 1 of 12", "Seite 2 von 9", "Page 3 sur 7", "Página 1 de 4", "Pagina 2 di 5", "Pagina 1 van 3".
PAGE_OF_N = re.compile(r"\b(page|seite|página|pagina|strona|sida|side)\s+\d{1,4}\s+(of|von|sur|de|di|van|z|av|af)\s+\d{1,5}\b",
                       re.IGNORECASE)
_PAGINATION_CLASS = re.compile(r"\b(pagination|pager|page-numbers|nav-links|paging|pagenav|"
                               r"wp-pagenavi|blog-pager|load-more|loadmore)\b", re.IGNORECASE)
_XPATH_LEADS_AWAY = XPath('boolean(.//a[@href][not(starts-with(@href, "#"))] | self::a[@href][not(starts-with(@href, "#"))])')
_XPATH_REL_NEXT = XPath('//link[@rel="next" or @rel="prev"]/@href | //a[contains(concat(" ", @rel, " "), " next ")]/@href')


@dataclass(frozen=True)
class PageShape:
    """Counts that tell a story page from a listing."""

    prose_words: int
    """Unlinked words in runs of text outside chrome and outside teaser blocks."""
    consent_words: int
    """Words of paragraphs about cookies, consent or subscribing (not counted as prose)."""
    teasers: int
    """Blocks of one headline link and a short summary, counted by distinct link target."""
    teaser_words: int
    linked_share: float
    """Share of the body's words that sit inside links."""
    paginated: bool
    """rel=next/prev, a pagination container, or "Page 1 of N"."""


def _words(text: str | None) -> int:
    if not text:
        return 0
    if text.isascii():
        return len(_WORD.findall(text))
    spaced, unspaced = unspaced_words(text)
    return len(_WORD.findall(spaced)) + unspaced


def _is_chrome(el: HtmlElement) -> bool:
    if el.tag in _INVISIBLE_TAGS:
        return True
    if el.tag not in _CHROME_TAGS:
        return False
    # A <header> or <footer> inside an article or section is that content's own (HTML, 4.3.8).
    if el.tag in ("header", "footer") and _XPATH_IN_CONTENT(el):
        return False
    return not _XPATH_HOLDS_STORY(el)


def related_boxes(doc: HtmlElement) -> set[HtmlElement]:
    """What follows a "Read also" heading: the heading's siblings, or its wrapper's when it is wrapped."""
    boxes: set[HtmlElement] = set()
    for heading in doc.iter("h2", "h3", "h4", "h5", "h6"):
        text = heading.text_content()
        if _words(text) > _RELATED_LABEL_MAX_WORDS or not RELATED_LABEL.match(text):
            continue
        label = heading
        parent = label.getparent()
        # <div class="title"><h2>Read also</h2></div><div class="grid">...: the wrapper is the label
        while parent is not None and parent.tag not in ("body", "html") and _words(parent.text_content()) == _words(text):
            label, parent = parent, parent.getparent()
        boxes.update(sibling for sibling in label.itersiblings() if isinstance(sibling.tag, str))
    return boxes


def _in_chrome(el: HtmlElement, boxes: frozenset[HtmlElement] | set[HtmlElement] = frozenset()) -> bool:
    """In page chrome, or in a box beside the story (related, most read, a widget)."""
    for ancestor in el.iterancestors():
        if not isinstance(ancestor.tag, str):
            continue
        if ancestor in boxes or _is_chrome(ancestor):
            return True
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"
        if marks.strip() and _SIDE_BOX.search(marks):
            return True
    return False


def _teaser_blocks(doc: HtmlElement) -> dict[HtmlElement, str]:
    """Each headline link's block: its highest ancestor holding no other headline link."""
    anchors: list[tuple[HtmlElement, str]] = []
    boxes = related_boxes(doc)
    for el in _XPATH_HEADING_LINKS(doc):
        link = el if el.tag == "a" else next(el.iter("a"), None)
        href = link.get("href") if link is not None else None
        if href and not href.startswith("#") and _words(el.text_content()) >= 2 and not _in_chrome(el, boxes):
            anchors.append((el, href))
    # Repeated list items with a headline-length link are teasers too (ul > li > a, tables).
    for item in doc.iter("li", "tr"):
        link = next(item.iter("a"), None)
        if (link is not None and (href := link.get("href")) and not href.startswith("#")
                and _words(link.text_content()) >= _HEADLINE_MIN_WORDS and not _in_chrome(item, boxes)):
            anchors.append((link, href))
    counts: dict[HtmlElement, int] = {}
    for el, _ in anchors:
        for ancestor in el.iterancestors():
            counts[ancestor] = counts.get(ancestor, 0) + 1
    blocks: dict[HtmlElement, str] = {}
    for el, href in anchors:
        block = el
        for ancestor in el.iterancestors():
            if counts[ancestor] > 1 or ancestor.tag in ("body", "html"):
                break
            block = ancestor
        blocks.setdefault(block, href)
    return blocks


@dataclass
class _Paragraph:
    own: int = 0
    linked: int = 0
    texts: list[str] = field(default_factory=list)

    def add(self, text: str | None, linked: bool) -> None:
        if count := _words(text):
            if linked:
                self.linked += count
            else:
                self.own += count
                self.texts.append(text or "")


def _paragraph_words(body: HtmlElement, skip: set[HtmlElement]) -> list[_Paragraph]:
    """Unlinked words, linked words and unlinked texts of every block of text under ``body``.

    Iterative (lxml's iterwalk): hostile pages nest deeper than Python's recursion limit.
    """
    out = [_Paragraph()]
    stack: list[tuple[_Paragraph, bool]] = [(out[0], False)]  # (paragraph, linked) per open element
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        if event == "start":
            paragraph, linked = stack[-1]
            if not isinstance(el.tag, str) or el in skip or _is_chrome(el):
                walker.skip_subtree()
                stack.append((paragraph, linked))
                continue
            if el.tag not in _INLINE_TAGS:
                paragraph = _Paragraph()
                out.append(paragraph)
            if el.tag == "a" and not linked:
                linked = _words(el.text_content()) <= _WRAPPER_LINK_WORDS
            stack.append((paragraph, linked))
            paragraph.add(el.text, linked)
        else:
            stack.pop()
            if el is not body:
                stack[-1][0].add(el.tail, stack[-1][1])
    return out


def measure_page_shape(doc: HtmlElement) -> PageShape:
    """Measure prose, teasers and pagination of a parsed document."""
    body = next(doc.iter("body"), doc)
    blocks = _teaser_blocks(doc)
    teaser_blocks = {b: h for b, h in blocks.items() if _words(b.text_content()) <= TEASER_MAX_WORDS}
    teaser_words = sum(_words(b.text_content()) for b in teaser_blocks)
    paragraphs = _paragraph_words(body, set(teaser_blocks))
    prose = consent = linked = total = 0
    for paragraph in paragraphs:
        linked += paragraph.linked
        total += paragraph.own + paragraph.linked
        if paragraph.own >= _PROSE_MIN_WORDS and paragraph.linked < paragraph.own:
            if is_consent(" ".join(paragraph.texts)):
                consent += paragraph.own
            else:
                prose += paragraph.own
    linked_share = (linked + teaser_words) / (total + teaser_words) if total + teaser_words else 0.0
    return PageShape(prose_words=prose, consent_words=consent, teasers=len(set(teaser_blocks.values())),
                     teaser_words=teaser_words, linked_share=linked_share, paginated=is_paginated(doc))


def is_paginated(doc: HtmlElement) -> bool:
    """True when the page has pagination markup: rel=next/prev, a pager, or "Page 1 of N"."""
    if _XPATH_REL_NEXT(doc):
        return True
    for el in doc.iter("nav", "div", "ul", "ol", "p", "span"):
        # a pager leads somewhere: a "Pagination" block holding only "Back to top" is no pager
        if (cls := el.get("class")) and _PAGINATION_CLASS.search(cls) and _XPATH_LEADS_AWAY(el):
            return True
    body = next(doc.iter("body"), None)
    # text nodes apart: "May 13, 2024" and "Page 1 of 1" in two elements glue to "2024Page 1 of 1"
    return body is not None and PAGE_OF_N.search(" ".join(body.itertext())) is not None
