"""Our own preparation of the page before trafilatura sees it: cheap, structural, site-independent.

Things trafilatura gets wrong or pays for on real news pages, each handled on the raw tree:
- markup that is never text (scripts, styles, svg, forms' controls): gone before it is copied;
- hover cards: a person's or topic's preview card (photo + links to other stories) nested
  inside a paragraph, hidden until hovered, reads as part of the sentence;
- inline markup inside paragraphs styled by class ("link", "highlight"): class-based
  boilerplate rules cut words out of sentences;
- embedded posts (tweets, Instagram): quoted in the story, but wrapped in "social" or
  "embed" containers that boilerplate rules drop;
- a story split by an ad into several sibling containers with the same class: the
  extractor keeps the first and loses the rest;
- the story region: the smallest element holding nearly all prose, so trafilatura's per-node
  rules run over the article instead of the whole page.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from lxml.etree import XPath, _Element, strip_elements
from lxml.html import HtmlElement

from ..normalize.text import UNSPACED_SCRIPTS, word_count
from .body_rules import CAPTION_CREDIT, CREDIT, inner_text

# Classes the embed scripts of social networks look for; the blockquote holds the post's text.
_EMBED_CLASS = re.compile(r"\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|"
                          r"bluesky-embed|fb-xfbml-parse-ignore|threads-post)\b")
_WRAPPERS = frozenset({"div", "figure", "section", "aside", "span", "center", "p"})
# A container of the story body, as opposed to a teaser card, comment or sidebar.
# Both read lower-cased class names (case-sensitive patterns scan faster than IGNORECASE).
_STORY_CLASS = re.compile(r"body|content|article|story|text|entry|post")
_NOT_STORY_CLASS = re.compile(r"comment|related|teaser|card|promo|sidebar|recirc|footer|"
                              r"nav|menu|widget|reply")
_MIN_PARAGRAPH_CHARS = 80
_MIN_SENTENCE_CHARS = 40
_MAX_CAPTION_WORDS = 25
_REGION_SHARE = 0.98
_MIN_REGION_EVIDENCE = 400
_INLINE_IN_PARAGRAPH = XPath(
    "//p//*[self::span or self::a or self::em or self::strong or self::b or self::i or self::u]"
    "[@class or @id]"
)
_LONG_TEXTS = XPath(f"//body//text()[string-length(normalize-space(.)) >= {_MIN_PARAGRAPH_CHARS}]")
# Never story text. <head> goes too: its metadata was read before body extraction; nav,
# footer and aside are page furniture trafilatura drops as well, but only after copying them
# and running its XPath rules over them, and their text would hide the story region.
_NEVER_TEXT = ("head", "script", "style", "noscript", "template", "svg", "iframe", "object",
               "embed", "canvas", "select", "button", "input", "textarea", "nav", "footer", "aside")

# A <noscript> holding this many paragraphs of this many words is a copy of the story.
_NOSCRIPT_PARAGRAPHS, _NOSCRIPT_PARAGRAPH_WORDS = 3, 20
XPATH_FIRST_H1 = XPath("(//h1)[1]")
# Of those, the tags that can wrap ordinary content (the others hold code or controls only).
_WRAPPING_FURNITURE = ("noscript", "button", "nav", "footer", "aside", "template", "object")


def _drop(element: _Element) -> None:
    """Remove an element, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def drop_hover_cards(doc: HtmlElement) -> None:
    """Remove preview cards (an image with several links) nested inside paragraphs."""
    for paragraph in list(doc.iter("p")):
        for image in list(paragraph.iter("img")):
            card = image.getparent()
            while card is not None and card is not paragraph and len(card.findall(".//a")) < 2:
                card = card.getparent()
            if card is None or card is paragraph or card.getparent() is None:
                continue
            # a card sits inside a sentence, or is a short picture-and-credit block; markup
            # wrapping a whole paragraph of prose (an icon, two links) is neither
            inside = card.text_content()
            outside = len(paragraph.text_content()) - len(inside)
            if outside >= _MIN_SENTENCE_CHARS or word_count(inside) <= _MAX_CAPTION_WORDS:
                _drop(card)


def unwrap_embedded_posts(doc: HtmlElement) -> None:
    """Turn social-network embeds into plain blockquotes standing where their wrapper stood."""
    for quote in list(doc.iter("blockquote")):
        if not _EMBED_CLASS.search(quote.get("class", "")):
            continue
        text_length = len(quote.text_content().strip())
        wrapper = quote
        parent = quote.getparent()
        while parent is not None and parent.tag in _WRAPPERS and \
                len(parent.text_content().strip()) <= text_length + 40:
            wrapper, parent = parent, parent.getparent()
        quote.attrib.clear()
        if wrapper is not quote:
            quote.tail = wrapper.tail
            wrapper.addprevious(quote)
            wrapper.getparent().remove(wrapper)


def _story_parts(doc: HtmlElement) -> dict[tuple[str, str], list[_Element]]:
    """Containers holding real paragraphs directly, grouped by tag and class."""
    groups: dict[tuple[str, str], list[_Element]] = defaultdict(list)
    for paragraph in doc.iter("p"):
        parent = paragraph.getparent()
        css = parent.get("class", "") if parent is not None else ""
        lowered = css.lower()
        if not css or not _STORY_CLASS.search(lowered) or _NOT_STORY_CLASS.search(lowered):
            continue
        if len(inner_text(paragraph)) < _MIN_PARAGRAPH_CHARS:
            continue
        members = groups[(parent.tag, css)]
        if not members or members[-1] is not parent:
            members.append(parent)
    return groups


def join_split_story(doc: HtmlElement) -> None:
    """Move the paragraphs of later same-class story containers into the first one."""
    for members in _story_parts(doc).values():
        if len(members) < 2:
            continue
        first = members[0]
        ancestors = set(first.iterancestors())
        story = next(first.iterancestors("article"), None)
        for later in members[1:]:
            if later in ancestors or any(a is first for a in later.iterancestors()):
                continue  # nested containers are one story already
            if next(later.iterancestors("article"), None) is not story:
                continue  # the next story of an endless-scroll page, in an <article> of its own
            first.extend(list(later))
            _drop(later)


def keep_wrapped_story(doc: HtmlElement) -> None:
    """Unwrap furniture tags that hold most of the page's text instead of losing the story.

    Pages put the whole story in <noscript> for clients without JavaScript, and broken markup
    (an unclosed <button> or <aside>) swallows everything after it: by their share of the
    text, these are not furniture.
    """
    body = doc.find("body")
    total = len(inner_text(body)) if body is not None else 0
    if not total:
        return
    for element in list(doc.iter(*_WRAPPING_FURNITURE)):
        if element.getparent() is not None and (len(inner_text(element)) * 2 > total
                                                or element.tag == "noscript" and _holds_prose(element)
                                                or element.tag == "aside" and _holds_headed_story(element)):
            element.drop_tag()


def _holds_prose(noscript: _Element) -> bool:
    """A <noscript> with paragraphs of prose: the story's copy for readers without JavaScript
    (Blogger's templates render the post from a script and keep this copy), however much
    sidebar text the page has. Tracking pixels and "enable JavaScript" notes are short."""
    paragraphs = [p for p in noscript.iter("p") if word_count(inner_text(p)) >= _NOSCRIPT_PARAGRAPH_WORDS]
    return len(paragraphs) >= _NOSCRIPT_PARAGRAPHS


def _holds_headed_story(aside: _Element) -> bool:
    """An <aside> holding the page's <h1> and prose under it: some CMSs set the whole story
    column in one (rnz.de's "direct content"); a sidebar box has no headline of the page."""
    headline = next(aside.iter("h1"), None)
    if headline is None or next(iter(XPATH_FIRST_H1(aside.getroottree())), None) is not headline:
        return False
    return any(word_count(inner_text(p)) >= _NOSCRIPT_PARAGRAPH_WORDS for p in aside.iter("p"))


def drop_invisible(doc: HtmlElement) -> None:
    """Remove markup that never holds story text (trafilatura drops it too, but only after
    copying the tree and running its XPath pruning over every node of it)."""
    keep_wrapped_story(doc)
    strip_elements(doc, *_NEVER_TEXT, with_tail=False)


@dataclass(frozen=True)
class Region:
    """Where the story's text is: an element (None: the whole page) and how much text there is."""

    element: _Element | None
    text_chars: int
    """Characters in runs of text long enough to be prose, anywhere on the page."""


# the scripts without spaces, and Hangul: spaced, but as dense
_DENSE_SCRIPT = re.compile(f"[{UNSPACED_SCRIPTS}\uac00-\ud7af]")
_DENSE_SAMPLE = 3000
_MIN_DENSE_SHARE = 0.2


def _dense_script(doc: HtmlElement) -> bool:
    """The page is written in a script denser than the alphabets, as its language or its text shows."""
    lang = (doc.get("lang") or doc.get("{http://www.w3.org/XML/1998/namespace}lang") or "").lower()
    if lang[:2] in ("zh", "ja", "ko", "th"):
        return True
    body = doc.find("body")
    sample = inner_text(body)[:_DENSE_SAMPLE] if body is not None else ""
    return len(_DENSE_SCRIPT.findall(sample)) >= _MIN_DENSE_SHARE * len(sample) > 0


def story_region(doc: HtmlElement) -> Region:
    """The smallest element holding nearly all running text (None if that is the body).

    The article is where the text is; handing trafilatura that region instead of the whole
    page makes its per-node pruning much cheaper without changing what it can choose from.
    """
    own: dict[_Element, int] = defaultdict(int)
    total = 0
    for text in _LONG_TEXTS(doc):  # XPath in C: no Python proxy for every element of the page
        holder = text.getparent()
        if text.is_tail and holder is not None:
            holder = holder.getparent()
        if holder is None:
            continue
        total += len(text)
        own[holder] += len(text)
    # each holder's text added up its ancestors once, not once per text node of it; holders in
    # the order first seen, so elements enter ``weight`` as a walk per text node would add them
    weight: dict[_Element, int] = defaultdict(int)
    for holder, chars in own.items():
        weight[holder] += chars
        for ancestor in holder.iterancestors():
            weight[ancestor] += chars
    if total < _MIN_REGION_EVIDENCE and _dense_script(doc):
        # hardly any long runs of text in a script that says a sentence in 30 characters
        # (Chinese, Japanese, Korean, Thai): its paragraphs are short, the region would be a guess
        return Region(None, total)
    enough = [e for e, w in weight.items() if w >= _REGION_SHARE * total]
    region = min(enough, key=lambda e: weight[e], default=None)
    # one level up keeps a lead or standfirst that sits next to the body container
    parent = region.getparent() if region is not None else None
    if parent is None or parent.tag in ("body", "html"):
        return Region(None, total)
    return Region(parent, total)


def clear_inline_classes(doc: HtmlElement) -> None:
    """Take class and id off inline markup inside paragraphs: a link styled ``class="link"``
    is part of its sentence, and class-based boilerplate rules would cut it out of it."""
    for element in _INLINE_IN_PARAGRAPH(doc):
        element.attrib.pop("class", None)
        element.attrib.pop("id", None)


# CSS utility classes named after a box side: trafilatura's precision rules read a token ending
# in "bottom" as page-bottom chrome, and "cs__ctn__border-bottom" on the story's column (Tribune
# Publishing's card layout) lost the whole story. Page-bottom chrome is named otherwise.
_BOX_SIDE_CLASS = XPath("//body//*[contains(@class, 'bottom')]")
_BOX_SIDE_TOKEN = re.compile(r"(?:border|margin|padding|spacing|space)[-_]?bottom$", re.IGNORECASE)


def clear_box_side_classes(doc: HtmlElement) -> None:
    """Drop "border-bottom"-like utility tokens from class attributes (see _BOX_SIDE_TOKEN)."""
    for element in _BOX_SIDE_CLASS(doc):
        tokens = element.get("class", "").split()
        kept = [t for t in tokens if not _BOX_SIDE_TOKEN.search(t)]
        if len(kept) != len(tokens):
            element.set("class", " ".join(kept))


_IMAGE_TAGS = ("img", "picture", "figure")
_CAPTION_TAGS = frozenset({"span", "em", "i", "small", "cite", "figcaption", "strong", "b", "div"})
_CAPTION_CLASS = re.compile(r"caption|credit|legend|copyright|source", re.IGNORECASE)
_MAX_LEADING_CAPTION_WORDS = 40


def _is_caption_of_image(element: _Element) -> bool:
    text = element.text_content().strip()
    if not text or word_count(text) > _MAX_LEADING_CAPTION_WORDS:
        return False
    return bool(_CAPTION_CLASS.search(element.get("class", ""))) or \
        CAPTION_CREDIT.search(text) is not None or CREDIT.search(text) is not None


def _caption_line(image: _Element) -> bool:
    """The image's tail up to a line break is its caption: it ends in a photo credit."""
    text = (image.tail or "").strip()
    following = image.getnext()
    if not text or following is None or following.tag != "br" or not (following.tail or "").strip():
        return False
    return word_count(text) <= _MAX_LEADING_CAPTION_WORDS and (
        CAPTION_CREDIT.search(text) is not None or CREDIT.search(text) is not None)


def split_leading_figures(doc: HtmlElement) -> None:
    """Move an image and its caption that open a paragraph out of it, into a figure before it.

    Glued to the paragraph, the caption reads as its first sentence; and a paragraph that
    starts with a photo credit is judged a caption and dropped whole. Apart, the caption is
    judged alone and the paragraph keeps its text.
    """
    for paragraph in list(doc.iter("p")):
        if (paragraph.text or "").strip() or not len(paragraph):
            continue
        image = paragraph[0]
        holds_image = image.tag in _IMAGE_TAGS or next(image.iter("img"), None) is not None
        if not holds_image:
            continue
        moved = [image]
        own_text = image.text_content().strip()
        if own_text:  # a wrapper holding the image and its caption together
            if not _is_caption_of_image(image):
                continue
        elif _caption_line(image):
            # the caption as the image's own line of text: "<img>Caption (AP Photo/X)<br>"
            caption_text = (image.tail or "").strip()
            line_break = image.getnext()
            figure = paragraph.makeelement("figure", {})
            image.tail = None
            figure.append(image)
            figcaption = paragraph.makeelement("figcaption", {})
            figcaption.text = caption_text
            figure.append(figcaption)
            paragraph.text = (line_break.tail or "").lstrip()
            paragraph.remove(line_break)
            paragraph.addprevious(figure)
            continue
        else:
            caption = paragraph[1] if len(paragraph) > 1 else None
            if caption is None or (image.tail or "").strip() or caption.tag not in _CAPTION_TAGS \
                    or not _is_caption_of_image(caption):
                continue
            moved.append(caption)
        rest = moved[-1].tail
        if not (rest or "").strip() and moved[-1] is paragraph[-1]:
            continue  # a picture and its caption only: nothing of the paragraph to keep apart
        figure = paragraph.makeelement("figure", {})
        for element in moved:
            element.tail = None
            figure.append(element)  # moves it out of the paragraph
        paragraph.text = (rest or "").lstrip()
        while len(paragraph) and paragraph[0].tag == "br" and not (paragraph.text or "").strip():
            paragraph.text = paragraph[0].tail
            paragraph.remove(paragraph[0])
        paragraph.addprevious(figure)


# Markup inside a line of text; a container holding only these (and text) is a paragraph.
_INLINE_TAGS = frozenset({"a", "em", "strong", "b", "i", "u", "span", "br", "sup", "sub", "abbr", "time",
                          "small", "mark", "q", "cite", "code", "font", "s", "del", "ins", "img"})
_SENTENCE_END = re.compile(r"[.!?…:;\"'”»)]\s*$")
_MIN_PROSE_WORDS = 12
_MAX_PROSE_LINK_SHARE = 0.5


def _is_prose_line(element: _Element) -> bool:
    """Text of a sentence or more, with few links, as a paragraph would hold."""
    # (inner_text, not text_content: the same string from one C call instead of an XPath evaluation)
    words = inner_text(element).split()
    text = " ".join(words)
    if len(words) < _MIN_PROSE_WORDS or not _SENTENCE_END.search(text):
        return False
    linked = sum(len(" ".join(inner_text(a).split())) for a in element.iter("a"))
    return linked <= _MAX_PROSE_LINK_SHARE * len(text)


# Containers whose line of text is furniture, not story: judged by trafilatura as they are.
_NOT_PROSE_MARK = re.compile(r"caption|credit|newsletter|promo|signup|subscri|teaser|related|share|social"
                             r"|advert|sponsor|footer|byline|author|bio\b|disclaimer|legend|cookie|consent"
                             r"|inline-cta|cta\b|widget|alert|notice", re.IGNORECASE)


def _marked_not_prose(element: _Element) -> bool:
    node: _Element | None = element
    for _ in range(4):
        if node is None or node.tag in ("body", "article"):
            return False
        if node.tag in ("figure", "figcaption") or _NOT_PROSE_MARK.search(
                f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


_CARD_LEVELS = 3
_CARD_EXTRA_WORDS = 30
_CARD_HEADLINE_WORDS = 3


def _headline_link(link: _Element) -> bool:
    """A link to another page that is a line of its own: the whole text of the block it is in
    (a teaser's title), not a name inside a credit line or a caption."""
    if (link.get("href") or "#")[:1] == "#":
        return False
    text = inner_text(link).split()
    if len(text) < _CARD_HEADLINE_WORDS:
        return False
    block = link.getparent()
    while block is not None and block.tag in _INLINE_TAGS:
        block = block.getparent()
    return block is not None and inner_text(block).split() == text


def _in_heading(link: _Element) -> bool:
    return any(a.tag in ("h2", "h3", "h4", "h5", "h6") for a in link.iterancestors())


def _teaser_summary(element: _Element) -> bool:
    """The summary line of a teaser card: a nearby block beside it is a headline-length link
    to another page, and the card they share holds little else (a date, a picture).

    A story's paragraph sits among more paragraphs; the smallest ancestor reaching a headline
    link holds far more words than the line itself.
    """
    own = word_count(inner_text(element))
    node = element
    for _ in range(_CARD_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "article", "main"):
            return False
        links = [a for sibling in parent if sibling is not node and isinstance(sibling.tag, str)
                 for a in sibling.iter("a")]
        targets = [a.get("href") for a in links]
        # the title links where the card's picture links, or stands as a heading: a name
        # credited under a photo links to a profile of its own
        if any(_headline_link(a) and (targets.count(a.get("href")) > 1 or _in_heading(a)) for a in links):
            return word_count(inner_text(parent)) <= own + _CARD_EXTRA_WORDS
        node = parent
    return False


def paragraphs_from_text_containers(doc: HtmlElement) -> None:
    """A <div> (or <section>, <font>, <center>) holding a line of prose and only inline markup
    is a paragraph: retagged <p>, trafilatura's paragraph rules judge it instead of its link
    density rules for containers, which cut the words around a link or drop it whole.
    A teaser card's summary line stays a <div>: it is the card's, not a story's."""
    for element in list(doc.iter("div", "section", "center")):
        # descendants, not children: a <span> wrapping the story's <p>s and lists is no line
        if all(isinstance(child.tag, str) and child.tag in _INLINE_TAGS for child in element.iterdescendants()) \
                and _is_prose_line(element) and not _marked_not_prose(element) \
                and not _teaser_summary(element):
            element.tag = "p"


_LAYOUT_CELL_WORDS = 40


def _wrap_run(container: _Element, lead: str | None, members: list[_Element], before: _Element | None) -> None:
    """Put a run of loose text and inline elements into a new <p> at its place."""
    paragraph = container.makeelement("p", {})
    paragraph.text = lead
    for member in members:
        paragraph.append(member)  # moves it, with its tail
    if before is None:
        container.append(paragraph)
    else:
        before.addprevious(paragraph)


def _run_is_prose(lead: str | None, members: list[_Element]) -> bool:
    """A run of sentences: words (not URLs, numbers, a data dump), few links, one line (lines
    broken by <br> inside a member are a list or an address, left as they are)."""
    if not members and (not lead or len(lead) < 4 * _MIN_PROSE_WORDS):
        return False  # most runs: the white space between two blocks
    if any(True for m in members for _ in m.iter("br")):
        return False
    probe = (lead or "") + "".join(m.text_content() + (m.tail or "") for m in members)
    tokens = probe.split()
    text = " ".join(tokens)
    if len(tokens) < _MIN_PROSE_WORDS or not _SENTENCE_END.search(text):
        return False
    if sum(1 for t in tokens if t.strip(_PUNCTUATION).isalpha()) < 0.7 * len(tokens):
        return False
    return sum(len(a.text_content()) for m in members for a in m.iter("a")) <= _MAX_PROSE_LINK_SHARE * len(text)


_PUNCTUATION = ".,;:!?\"'()[]«»„“”‘’-–—…"


def _is_inline(element: _Element) -> bool:
    """Markup inside a line, holding no block of its own (a <span> may wrap whole paragraphs)."""
    return isinstance(element.tag, str) and element.tag in _INLINE_TAGS and all(
        not isinstance(d.tag, str) or d.tag in _INLINE_TAGS for d in element.iterdescendants())


def paragraphs_from_loose_text(doc: HtmlElement) -> None:
    """Prose written straight into a container between its blocks ("<h2>..</h2>The paragraph
    after it<h2>"; a <div>'s opening text before its first block) becomes a <p> of its own:
    trafilatura keeps such text only in some containers, and drops it in others."""
    for container in list(doc.iter("div", "section", "article", "main", "td", "font", "center")):
        if not any(isinstance(c.tag, str) and c.tag not in _INLINE_TAGS for c in container):
            continue  # only inline children: paragraphs_from_text_containers' case
        if not ((container.text and not container.text.isspace())
                or any((c.tail and not c.tail.isspace()) or (isinstance(c.tag, str) and c.tag in _INLINE_TAGS)
                       for c in container)):
            continue  # blocks and white space only: the common case, nothing loose
        # (element whose tail opens the run, or None for the container's text; inline members; next block)
        runs: list[tuple[_Element | None, list[_Element], _Element | None]] = []
        holder: _Element | None = None
        members: list[_Element] = []
        for child in container:
            # a <br> ends a line too: each line is judged alone (an address stays as it is)
            if isinstance(child.tag, str) and (child.tag == "br" or not _is_inline(child)):
                runs.append((holder, members, child))
                holder, members = child, []
            else:
                members.append(child)
        runs.append((holder, members, None))
        furniture: bool | None = None
        for holder, members, before in runs:
            lead = container.text if holder is None else holder.tail
            if not _run_is_prose(lead, members):
                continue
            if furniture is None:
                furniture = _marked_not_prose(container)
            if furniture:
                break
            if holder is None:
                container.text = None
            else:
                holder.tail = None
            _wrap_run(container, lead, members, before)


def unwrap_layout_tables(doc: HtmlElement) -> None:
    """A table laying out the page (a cell holding a story's worth of prose, as old sites and
    e-mail-style templates do) becomes plain blocks: its rows and cells are judged one by one
    (the tool row, the copyright footer), instead of the whole page as one data table."""
    for table in list(doc.iter("table")):
        if table.getparent() is None:
            continue
        cells = [c for c in table.iter("td", "th")]
        if not any(word_count(c.text_content()) >= _LAYOUT_CELL_WORDS and _own_prose(c) for c in cells):
            continue
        # its own rows and cells only: a data table nested in a cell stays a table
        own = [e for e in table.iter("tbody", "thead", "tfoot", "tr", "td", "th")
               if next(e.iterancestors("table")) is table]
        for element in [table, *own]:
            element.tag = "div"
            for attribute in ("width", "height", "align", "valign", "colspan", "rowspan"):
                element.attrib.pop(attribute, None)


def _own_prose(cell: _Element) -> bool:
    """The cell's words are its own, not those of a table nested in it."""
    nested = sum(word_count(t.text_content()) for t in cell.iter("table"))
    return nested * 2 < word_count(cell.text_content())


_CAPTION_BLOCKS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p", "div"})


def flatten_captions(doc: HtmlElement) -> None:
    """Make a <figcaption> that holds headings or paragraphs one run of plain text.

    CMSs set a caption's text, date and credit in blocks of their own ("<h4>The judge ...</h4>
    <h5>27-06-2012</h5> | Efe"): read as blocks, the heading became a story heading and the
    credit a line of the story. As one run of text, the caption is judged as a caption.
    """
    for caption in list(doc.iter("figcaption")):
        blocks = [el for el in caption.iterdescendants() if el.tag in _CAPTION_BLOCKS]
        if not blocks:
            continue
        for block in blocks:
            block.tail = " " + (block.tail or "")  # the blocks' text was set apart by the layout
        text = " ".join(caption.text_content().split())
        for child in list(caption):
            caption.remove(child)
        caption.text = text


def prune_page(doc: HtmlElement) -> None:
    """Prepare the page for trafilatura (mutates ``doc``)."""
    unwrap_embedded_posts(doc)  # first: an embed may sit in an <aside>, which goes next
    drop_invisible(doc)
    drop_hover_cards(doc)
    flatten_captions(doc)
    split_leading_figures(doc)  # after the hover cards: a card is not a caption
    clear_inline_classes(doc)
    clear_box_side_classes(doc)
    join_split_story(doc)
    unwrap_layout_tables(doc)  # before the next: a cell of prose is then a paragraph
    paragraphs_from_text_containers(doc)
    paragraphs_from_loose_text(doc)


_PARAGRAPHS = XPath(f"//body//p[string-length(normalize-space(.)) >= {_MIN_PARAGRAPH_CHARS}]")


@dataclass(frozen=True)
class ProseBlock:
    """The container holding the most paragraph text directly, and those paragraphs' texts."""

    element: _Element
    paragraphs: tuple[str, ...]

    @property
    def chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


def densest_prose(doc: HtmlElement) -> ProseBlock | None:
    """The element whose own <p> children hold the most text: where a story's paragraphs stand.

    Teaser lists and tool bars have short paragraphs spread over many containers; a story,
    however short, has its paragraphs side by side in one.
    """
    texts: dict[_Element, list[str]] = defaultdict(list)
    first_story: _Element | None = None
    for paragraph in _PARAGRAPHS(doc):
        parent = paragraph.getparent()
        # an endless-scroll page appends whole stories, each in an <article>: the first is ours
        story = next(paragraph.iterancestors("article"), None)
        if story is not None:
            first_story = first_story if first_story is not None else story
            if story is not first_story:
                continue
        if parent is not None:
            texts[parent].append(inner_text(paragraph))
    if not texts:
        return None
    best = max(texts, key=lambda e: sum(len(t) for t in texts[e]))
    return ProseBlock(best, tuple(texts[best]))
