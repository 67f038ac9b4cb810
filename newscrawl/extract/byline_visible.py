"""The byline a reader sees: author/byline elements, then short "By ..." / "Von ..." lines."""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ..normalize.agencies import agency_name
from ..normalize.bylines import NAME_JOINERS, SEGMENTS, cut_dates, normalize_credits
from ..normalize.text import word_count
from .body_prune import XPATH_FIRST_H1
from .body_rules import inner_text
from .metadata import clean_text

# Class words of author and byline markup; rel, itemprop, id and data-testid are tested below.
_MARK_CLASS = re.compile(
    "uthor|byline|Byline|writer|autor|submitted|posted-by|journalist|redakteur|verfasser|zuozhe|bianji")
_AUTHOR_ATTRIBUTES = frozenset({"itemprop", "id", "data-testid"})
_STRONG_CLASS = re.compile(r"byline|author-?name|AuthorName", re.IGNORECASE)
# Plain strings for the scan (a "smart" string would build its parent element); the few
# matches are fetched again by position, with their parent.
XPATH_TEXTS = etree.XPath("//body//text()", smart_strings=False)
XPATH_TEXT_AT = etree.XPath("(//body//text())[$n]")
_SKIP_TAGS = frozenset(
    {"input", "textarea", "form", "link", "meta", "script", "style", "img", "svg", "symbol",
     "button", "select", "option", "noscript", "time", "figure", "figcaption", "picture", "head"}
)
# Regions whose author links belong to someone else: comments, teasers of other stories.
# Matched against the words of class and id tokens ("comment-list", "jp-relatedposts").
_FOREIGN_STEMS = (
    "comment", "respond", "reply", "disqus", "related", "recommend", "popular", "newsletter",
    "morefrom", "trending", "teaserlist",
)
# Around the story's <h1> a "comment" mark is the opinion column's ("Kommentar", "commentary"
# header): reader comments never hold the headline.
_HEADLINE_FOREIGN_STEMS = tuple(stem for stem in _FOREIGN_STEMS if stem != "comment")
# Marks that exclude only close by: a "post-footer" or "sidebar" far up may hold the byline.
_NEAR_STEMS = _FOREIGN_STEMS + (
    "sidebar", "widget", "menu", "navigation", "caption", "copyright", "hidden", "overlay",
    "social", "share", "bio", "description", "recipe",
    # the speaker of a quoted or fact-checked claim, not the writer ("statement-author")
    "statement", "quote", "claim", "testimonial",
)
# Marks of the element itself or its parent: a photographer's credit ("image-author").
_SELF_STEMS = _NEAR_STEMS + ("avatar", "gravatar", "image", "photo", "picture")
_NEAR = 3
# WordPress writes the post's tags and categories as classes: "tag-social-media" says nothing.
_TAXONOMY_TOKENS = ("tag-", "category-", "postid-", "format-")
_SUBWORD = re.compile(r"[-_\s]+")
_FOREIGN_TAGS = frozenset({"nav", "form", "figure", "figcaption", "blockquote"})
# A short line opening with a byline word: "von Daniela Obers", "Text: Jane Roe", "By JANE ROE".
_TEXT_BYLINE = re.compile(
    r"^[\s\-\u2013\u2014|·]*(?:(?:text|texte|texto|autor(?:in)?|author|verfasser(?:in)?|reporter|story"
    r"|words|redaktion)"
    r"\s*[:：]|(?:text\s+|written\s+|posted\s+|geschrieben\s+|ein beitrag\s+|ein artikel\s+|artikel\s+)?"
    r"(?:von|by|par|por)(?:\s*:|\s))",
    re.IGNORECASE,
)
# A label standing alone in its element, the name in the next one: "<h4>Autor</h4><p>Jane Roe</p>".
_LONE_LABEL = re.compile(
    r"^\s*(?:autor(?:in|en|innen)?|author|authors|verfasser(?:in)?|auteur|autore|text|texte|texto|von|by)\s*[:：]?\s*$",
    re.IGNORECASE,
)
# The first two letters of every label word above: most text nodes open with none of them,
# and this test is a tenth of the pattern's cost.
_LABEL_OPENINGS = frozenset({"te", "au", "ve", "re", "st", "wo", "wr", "po", "pa", "ge", "ei", "ar", "vo", "by"})
_LEADING_MARKS = "-\u2013\u2014|\u00b7"
_EXPLICIT = re.compile(r".*(?:[:：]|posted|written|geschrieben|artikel|beitrag)", re.IGNORECASE)
_MAX_TEXT = 120
_BLOCK_TAGS = frozenset(
    {"div", "p", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "table", "br",
     "blockquote", "figure", "header", "footer", "article", "aside", "nav", "dl", "form"}
)


def _is_foreign(element: HtmlElement) -> bool:
    """True inside comments, teasers, captions, sidebars and forms."""
    node: HtmlElement | None = element
    depth = 0
    while node is not None and depth < 25 and node.tag not in ("body", "html"):
        if node.tag in _FOREIGN_TAGS:
            return True
        stems = _SELF_STEMS if depth <= 1 else _NEAR_STEMS if depth <= _NEAR else _FOREIGN_STEMS
        if _has_foreign_mark(node, stems) and not (depth and _holds_headline(node)
                                                   and not _has_foreign_mark(node, _HEADLINE_FOREIGN_STEMS)):
            return True
        node, depth = node.getparent(), depth + 1
    return False


def _holds_headline(node: HtmlElement) -> bool:
    """A "caption" or "description" box around the story's <h1> is the story's header (the
    title set over the lead picture), not a picture's caption: its byline is the story's."""
    return next(node.iter("h1"), None) is not None


def _has_foreign_mark(node: HtmlElement, stems: tuple[str, ...]) -> bool:
    marks = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
    for token in marks.split():
        if token.startswith(_TAXONOMY_TOKENS):
            continue
        if any(word.startswith(stems) for word in _SUBWORD.split(token)):
            return True
    return False


def _element_text(element: HtmlElement) -> str | None:
    """The credit text of an author element: microdata name or content first, then its text."""
    if element.tag == "meta":
        return clean_text(element.get("content"))
    for named in element.xpath('.//*[@itemprop="name"]')[:1]:
        return clean_text(named.get("content") or named.text_content())
    return clean_text(element.text_content())


def _leading_text(element: HtmlElement) -> str | None:
    """Text of an element up to its first block child: "<a>Jane Roe</a>, 21. Jan. <div>..."."""
    pieces = [element.text or ""]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in _BLOCK_TAGS:
            break
        pieces += [child.text_content(), child.tail or ""]
    return clean_text("".join(pieces))


def _credits_of(element: HtmlElement, sites: frozenset[str]) -> tuple[list[str], bool]:
    """([text], names someone besides the site) for a usable author element, else ([], False)."""
    if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS or _is_foreign(element):
        return [], False
    text = _element_text(element)
    if text and len(text) > _MAX_TEXT:
        # An author box holding a bio or a rating: its opening inline text is the credit.
        text = _leading_text(element)
    if not text or len(text) > _MAX_TEXT:
        return [], False
    found = normalize_credits([text], sites)
    credited = len(found.people) + len(found.agencies)
    # Many names split by slashes or bars are a tag cloud or a teaser list, not a byline.
    if credited > 6 or (credited > 2 and len(SEGMENTS.split(text)) > 3) or not (credited or found.sites):
        return [], False
    return [text], credited > 0


def _first_credit(elements: list[HtmlElement], sites: frozenset[str]) -> list[str]:
    """The first element crediting someone besides the site, else the first naming the site."""
    fallback: list[str] = []
    for element in elements:
        credits, beyond_site = _credits_of(element, sites)
        if beyond_site:
            return credits
        fallback = fallback or credits
    return fallback


# Paths of author profile pages: a link there names a writer, whatever the markup around it.
_PROFILE_HREF = re.compile(
    r"/(?:authors?|autor(?:en|in)?|auteurs?|autore|autori|people|person|profiles?|profil|staff"
    r"|journalist(?:en)?|redakteur(?:e|in)?|writers?|contributors?|columnists?|reporters?|firmas?)/"
    # a name's slug ("jane-roe", "jane_roe-123"), not a story's ("395567-a-story-title.html")
    r"[^\W\d_]+(?:[-_.][^\W\d_]+){0,3}(?:[-_]\d+)?(?:\.html?)?/?(?:$|[?#])", re.IGNORECASE)


def _is_profile_link(element: HtmlElement) -> bool:
    return element.tag == "a" and bool(_PROFILE_HREF.search(element.get("href") or "")) and not _in_prose(element)


_PROSE_WORDS = 25


def _in_prose(link: HtmlElement) -> bool:
    """A link inside a paragraph of running text: the story mentions a person ("US President
    <a href="/topics/people/donald-trump.html">Donald Trump</a> has been eager ..."), no byline."""
    paragraph = next(link.iterancestors("p"), None)
    return paragraph is not None and word_count(inner_text(paragraph)) >= _PROSE_WORDS


def _is_strong(element: HtmlElement) -> bool:
    """rel=author, itemprop=author, a byline or author-name class: markup meant for the byline."""
    return (
        element.get("rel") == "author"
        or "author" in (element.get("itemprop") or "")
        or "uthor" in (element.get("data-testid") or "")
        or bool(_STRONG_CLASS.search(element.get("class") or ""))
    )


def _marked_elements(doc: HtmlElement) -> list[HtmlElement]:
    """Elements whose attributes name an author or a byline, in page order.

    One walk over the elements (their classes are picked in C, see page._PARSER) costs about
    half of an XPath union over five attribute axes, each a walk of its own.
    """
    found = []
    search = _MARK_CLASS.search
    for element in doc.iter(etree.Element):
        for name, value in element.items():  # one C call, where each .get() is one more
            if (name == "class" and search(value)) or (name == "rel" and value == "author") or (
                    name in _AUTHOR_ATTRIBUTES and "uthor" in value):
                found.append(element)
                break
    return found


def visible_byline(doc: HtmlElement, sites: frozenset[str]) -> list[str]:
    """The first author or byline element that credits someone, strongest markup first."""
    elements = _marked_elements(doc)
    strong = [e for e in elements if _is_strong(e)]
    weak = [e for e in elements if not _is_strong(e)]
    found = _first_credit(strong + list(doc.iter("address")), sites) or _first_credit(weak, sites)
    if found:
        return found
    # A link to an author's profile page names a writer even where no markup says "byline";
    # looked for only now: most pages are settled above, and every link is a test.
    return _first_credit([a for a in doc.iter("a") if _is_profile_link(a)], sites) or _credit_beside_headline(doc)


_BESIDE_HEADLINE = 3
_MAX_AGENCY_LINE = 40


def _credit_beside_headline(doc: HtmlElement) -> list[str]:
    """A credit line right after the headline or its header, without any byline markup: only
    an agency's name (a wire story's "<h1>…</h1><p class="credit">JIJI</p>"), or a date and the
    writers' names ("<p class="text-muted">11.12.2019 - Jane Roe</p>")."""
    headline = next(iter(XPATH_FIRST_H1(doc)), None)
    if headline is None:
        return []
    header = headline.getparent()
    nearby = list(headline.itersiblings())[:_BESIDE_HEADLINE]
    if header is not None and header.tag not in ("body", "html"):
        nearby += list(header.itersiblings())[:_BESIDE_HEADLINE]
    for element in nearby:
        if not isinstance(element.tag, str) or element.tag in _SKIP_TAGS:
            continue
        text = clean_text(inner_text(element))
        if not text or len(text) > _MAX_AGENCY_LINE:
            continue
        found = normalize_credits([text])
        if found.agencies and not found.people and all(agency_name(a) for a in found.agencies):
            return [text]
        if found.people and not found.agencies and _date_and_names(text, [p for p, _ in found.people]):
            return [text]
    return []


def _date_and_names(line: str, people: list[str]) -> bool:
    """A line made of a date and the writers' names and nothing else: "11.12.2019 - Jane Roe"."""
    rest = cut_dates(line)
    if rest == line.strip():
        return False  # no date: a name alone beside a headline is as often the subject's
    words = [w for part in NAME_JOINERS.split(rest) for w in re.split(r"[\s|·•/–—-]+", part) if w]
    return all(2 <= len(p.split()) <= 3 for p in people) and len(words) == sum(len(p.split()) for p in people)


def text_byline(doc: HtmlElement, sites: frozenset[str]) -> list[str]:
    """A short "By ..." / "Von ..." / "Text: ..." line in the page, when no markup marks one."""
    for index, plain in enumerate(XPATH_TEXTS(doc), 1):
        if len(plain) > _MAX_TEXT or not _may_open_with_label(plain):
            continue
        if not (opening := _TEXT_BYLINE.match(plain)):
            if _LONE_LABEL.match(plain) and (found_after := _name_after_label(doc, index, sites)):
                return found_after
            continue
        text = XPATH_TEXT_AT(doc, n=index)[0]
        parent = text.getparent()
        if parent is not None and text.is_tail:
            parent = parent.getparent()
        if parent is None or parent.tag in _SKIP_TAGS or _is_foreign(parent):
            continue
        # "<b>Von:</b> Jane Roe": the label's element holds no name; the text after it or
        # its parent does.
        lines = [clean_text(e.text_content()) if e is not None else None
                 for e in (parent, parent.getparent())]
        if not text.is_tail and parent.tail:
            lines.insert(1, clean_text(text + parent.tail))
        for line in lines:
            if not line or len(line) > 80:
                break
            found = normalize_credits([line], sites)
            # A bare "von"/"by" opens many phrases; a lone word needs an explicit label.
            strict = not _EXPLICIT.match(opening.group())
            if found.people and all(_looks_like_person(n, strict) for n, _ in found.people):
                return [line]
    return []


def _name_after_label(doc: HtmlElement, index: int, sites: frozenset[str]) -> list[str]:
    """The person named by the element after a lone label element ("<h4>Autor</h4><p>...")."""
    text = XPATH_TEXT_AT(doc, n=index)[0]
    label = text.getparent()
    if label is None or text.is_tail or label.tag in _SKIP_TAGS or _is_foreign(label):
        return []
    following = label.getnext()
    line = clean_text(following.text_content()) if following is not None else None
    if not line or len(line) > 80:
        return []
    found = normalize_credits([line], sites)
    if found.people and all(_looks_like_person(n) for n, _ in found.people):
        return [line]
    return []


def _may_open_with_label(plain: str) -> bool:
    """False where ``_TEXT_BYLINE`` cannot match: the first word opens with no label's letters."""
    head = plain.lstrip()
    while head[:1] and head[0] in _LEADING_MARKS:
        head = head[1:].lstrip()
    return head[:2].casefold() in _LABEL_OPENINGS


def _looks_like_person(name: str, strict: bool = True) -> bool:
    """Two to four capitalised words (one after an explicit label): the test for running text."""
    words = name.split()
    if not (1 if strict else 0) < len(words) <= 4 or any(c.isdigit() for c in name):
        return False
    return all(w[:1].isupper() or w in {"van", "von", "der", "de", "da", "di", "del", "zu"} for w in words)


_EMPHASIS = frozenset({"b", "strong", "i", "em"})
_SIGNED_STORY_WORDS = 150


def signature_byline(doc: HtmlElement, sites: frozenset[str]) -> list[str]:
    """The name a story is signed with: its last paragraph, a name in bold or italics alone
    ("<p><b><i>Jane Roe</i></b></p>"), after paragraphs of prose, as regional papers and
    magazines sign. Asked only when no other source credits anyone."""
    for paragraph in doc.iter("p"):
        if len(paragraph) != 1 or (paragraph.text or "").strip() or (paragraph[0].tail or "").strip():
            continue
        emphasis = paragraph[0]
        while emphasis.tag in _EMPHASIS and len(emphasis) == 1 and not (emphasis.text or "").strip():
            emphasis = emphasis[0]  # <b><i>Jane Roe</i></b>
        if emphasis.tag not in _EMPHASIS or len(emphasis):
            continue
        name = clean_text(emphasis.text)
        if not name or len(name) > 60 or not _closes_a_story(paragraph) or _is_foreign(paragraph):
            continue
        found = normalize_credits([name], sites)
        if len(found.people) == 1 and not found.agencies and _looks_like_person(found.people[0][0]):
            return [name]
    return []


def _closes_a_story(paragraph: HtmlElement) -> bool:
    """Last paragraph of its container, after a story's worth of prose paragraphs."""
    if any(p.tag == "p" and p.text_content().strip() for p in paragraph.itersiblings()):
        return False
    words = 0
    for before in paragraph.itersiblings("p", preceding=True):
        words += len(before.text_content().split())
        if words >= _SIGNED_STORY_WORDS:
            return True
    return False
