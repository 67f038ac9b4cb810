"""Story text trafilatura dropped, put back: subheadings, lists, text sitting directly in a div.

trafilatura in precision mode keeps paragraphs and drops much of what lies between them:
headings holding a link, lists, a bare text run in a ``div`` (the paragraph after an ``<h2>``),
and it glues the text after a link to it. Its output is good at saying *where* the story is,
so the story's own blocks are read again from the page: every block of the story region in
document order, each either found in trafilatura's output (an anchor) or not. A block that is
missing and lies between two anchors is put back where it stood when it reads as story text
of its kind; ``body_clean`` then judges it like every other block.

Blocks are compared without their whitespace, so a block trafilatura kept with a word glued
to a link still counts as kept, and is replaced by the page's own text of it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from lxml.etree import Element, SubElement, _Element

from ..normalize.text import collapse_space, squash_space, word_count
from .body_rules import inner_text

# Elements that flow inside a line of text; every other element starts a block of its own.
_INLINE = frozenset(
    "a abbr b bdi bdo big br cite code data del dfn em font i img ins kbd label mark q s samp "
    "small span strike strong sub sup time tt u var wbr".split()
)
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LEAVES = frozenset({"p", "li", "dt", "dd", "figcaption", "pre", "h1"}) | _HEADINGS
_LIST_ITEMS = frozenset({"li", "dt", "dd"})
# Containers of page furniture inside the story region: what sits in them is never recovered.
# Matched against lower-cased names: case-sensitive, a third of the cost of IGNORECASE
# over the same names (its alternatives start with groups, which defeat the literal prefix scan).
_NOT_STORY = re.compile(
    r"comment|related|recommend|promo|sidebar|share|sharing|social|newsletter|subscri|advert|"
    r"(^|[\s_-])ads?($|[\s_-])|banner|(^|[\s_-])nav|menu|breadcrumb|footer|widget|recirc|"
    r"caption|credit|byline|author|(^|[\s_-])meta|(^|\s)tags?($|\s)|tag-?(list|cloud|box)|"
    r"popup|modal|cookie|consent|toolbar|(^|\s)print($|\s)|print-?(button|link|tool)|teaser|"
    r"aside|callout|shop|notice|(^|[\s_-])media|rating|login|signup|paywall|visually-hidden|"
    r"sr-only|skip|legend|gallery|slide|carousel|lightbox|image|(^|[\s_-])img|photo|picture|"
    r"figure"
)
# (WordPress marks a post's own container "tag-<topic>", utility classes say "overflow-hidden"
# and "print-only": those tokens name no furniture.)
# Containers of a story's lead (standfirst): trafilatura drops many, as teasers or as headers.
_LEAD_CLASS = re.compile(
    r"lead|intro|teaser|summary|chapo|chapeau|excerpt|abstract|deck|standfirst|description|"
    r"sapo|entradilla|vorspann|subtitle|subline",
    re.IGNORECASE,
)
# Wiki and CMS tool text inside headings: "[edit]", "[Bearbeiten | Quelltext bearbeiten]".
_TOOL_TEXT = re.compile(
    r"\[\s*(edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar|"
    r"editar código|modifica|modifica wikitesto|bewerken|brontekst bewerken)"
    r"(\s*\|\s*[^\]]{0,30})?\s*\]",
    re.IGNORECASE,
)
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[.!?:;…\"”“»«)]\s*$")
# A missing paragraph needs this many words; fewer only when it ends like a sentence.
_MIN_TEXT_WORDS = 6
_MIN_SENTENCE_WORDS = 3
_MAX_HEADING_WORDS = 20
_MAX_LINK_SHARE = 0.3
# Items of a prose list average this many words: navigation and tag lists have one or two.
_MIN_ITEM_WORDS = 4
_MIN_FRAGMENT_CHARS = 12
# A lead is prose: a sentence or two, read back only this close above the first kept block.
_MIN_LEAD_WORDS = 12
_MAX_LEAD_LINK_SHARE = 0.1
_LEAD_LOOKBACK = 4
# A box that splits a story (a sign-up form, an ad slot) has at most this many blocks of its own.
_MAX_BOX_BLOCKS = 3
# ... and the story goes on past it with at least this many paragraphs of prose.
_MIN_CONTINUATION = 2
_PARTIAL_KEY_CHARS = 40
# Shorter texts are found by chance anywhere in the output: they anchor only where expected.
_MIN_ANCHOR_CHARS = 16
_FURNITURE_TAGS = frozenset({"figure", "form", "fieldset", "menu", "address"})  # a long block with its start or end kept was trimmed, not dropped


@dataclass
class _Candidate:
    """One block of the page: a leaf element, or a run of inline content inside a container."""

    kind: str  # "p", "heading", "item", "text", "row", "caption", "other"
    element: _Element  # the leaf, or the container holding the run
    nodes: list[object] = field(default_factory=list)  # the run: strings and inline elements
    text: str = ""
    squashed: str = ""
    _links: int | None = None

    @property
    def links(self) -> int:
        """Characters inside links: asked of the few blocks judged, not of every block read."""
        if self._links is None:
            self._links = _link_chars(self.nodes)
        return self._links


def _holding_blocks(region: _Element) -> set[_Element]:
    """Elements of ``region`` with a block element somewhere below them, found in one pass
    (asking each element in turn walks the same subtrees again and again)."""
    holding: set[_Element] = set()
    for element in region.iterdescendants():
        if isinstance(element.tag, str) and element.tag not in _INLINE:
            for ancestor in element.iterancestors():
                if ancestor in holding:
                    break
                holding.add(ancestor)
                if ancestor is region:
                    break
    return holding


def _kind(tag: str) -> str:
    if tag == "figcaption":
        return "caption"  # never read back on its own, but a block of its own when glued
    if tag in _HEADINGS:
        return "heading"
    if tag in _LIST_ITEMS:
        return "item"
    return "p" if tag == "p" else "other"


def _runs(container: _Element, holding: set[_Element], out: list[_Candidate] | None = None) -> list[_Candidate]:
    """The blocks inside ``container`` in document order (``holding``: see _holding_blocks).

    Filled into one list by plain recursion: nested generators pass every block up through
    each level of the page's nesting, which cost more than reading the blocks.
    """
    if out is None:
        out = []
    run: list[object] = [container.text] if container.text else []
    for child in container:
        tag = child.tag if isinstance(child.tag, str) else ""
        if not tag:  # comment or processing instruction: only its tail is text
            if child.tail:
                run.append(child.tail)
            continue
        # an inline element wrapping blocks (a <span> around headings and paragraphs) is a container
        if tag in _INLINE and child not in holding:
            run.append(child)
            if child.tail:
                run.append(child.tail)
            continue
        if run and _has_content(run):
            out.append(_Candidate("text", container, run))
        run = []
        if tag == "tr" and all(c.tag in ("td", "th") and c not in holding for c in child):
            out.append(_Candidate("row", child))
        elif tag in _LEAVES and child not in holding:
            out.append(_Candidate(_kind(tag), child))
        elif child in holding or child.text or len(child):
            _runs(child, holding, out)
        if child.tail:
            run.append(child.tail)
    if run and _has_content(run):
        out.append(_Candidate("text", container, run))
    return out


def _has_content(run: list[object]) -> bool:
    """Not only the white space between two blocks (most runs): nothing to read back there."""
    for piece in run:  # a loop, not any() over a generator: asked at every block boundary
        if not isinstance(piece, str) or not piece.isspace():
            return True
    return False


class _without_tail:
    """A leaf element read as a node without its tail (the tail is the container's text)."""

    __slots__ = ("element",)

    def __init__(self, element: _Element) -> None:
        self.element = element


def _element_text(element: _Element) -> str:
    """The text of an element without its tail, a ``<br>`` read as a line break."""
    if next(element.iter("br"), None) is None:
        return inner_text(element)  # most blocks hold no line break
    if element.tag == "br":
        return "\n"
    parts = [element.text or ""]
    for child in element:
        parts.append(_element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _node_text(node: object) -> str:
    if isinstance(node, str):
        return node
    return _element_text(node) if isinstance(node, _Element) else ""


def _link_chars(nodes: list[object]) -> int:
    total = 0
    for node in nodes:
        if isinstance(node, _Element):
            for link in node.iter("a"):
                total += len(squash_space(link.text_content()))
    return total


def _read(candidate: _Candidate) -> _Candidate:
    """Fill in the candidate's text and squashed text (its link characters are read when asked)."""
    if candidate.kind == "row":
        cells = [c for c in candidate.element if isinstance(c.tag, str)]
        texts = []
        for cell in cells:
            texts.append(collapse_space(_element_text(cell)))
        candidate.text = "\t".join(t for t in texts if t)
        candidate.nodes = cells
    else:
        if not candidate.nodes:
            candidate.nodes = [candidate.element]
        # an element's own tail is never part of its text: the leaf needs no wrapper here
        candidate.text = "".join([_node_text(node) for node in candidate.nodes])
        if candidate.kind == "heading" and "[" in candidate.text:
            candidate.text = _TOOL_TEXT.sub("", candidate.text)
    candidate.squashed = squash_space(candidate.text)
    return candidate


@dataclass
class _Kept:
    """trafilatura's output, squashed into one string, with the block each character is in."""

    squashed: str
    starts: list[int]
    blocks: list[_Element]

    def block_at(self, position: int) -> int:
        return bisect_right(self.starts, position) - 1


def _kept(root: _Element) -> _Kept:
    pieces, starts, blocks = [], [], []
    offset = 0
    for block in root:
        text = squash_space(inner_text(block) + (block.tail or ""))
        starts.append(offset)
        blocks.append(block)
        pieces.append(text)
        offset += len(text) + 1
    return _Kept("\x00".join(pieces), starts, blocks)


def _find(kept: _Kept, candidate: _Candidate, cursor: int) -> int:
    """Where the candidate's text sits in the output (-1: dropped)."""
    key = candidate.squashed
    found = kept.squashed.find(key, max(0, cursor))
    if len(key) < _MIN_ANCHOR_CHARS:
        # a short text counts as kept only in the block being read or the next one, once a
        # longer text has said where the reading is
        if found < 0 or cursor < 0 or kept.block_at(found) > kept.block_at(cursor) + 1:
            return -1
        return found
    if found < 0:
        found = kept.squashed.find(key)
    if found < 0 and len(key) >= 3 * _PARTIAL_KEY_CHARS:
        for part in (key[:_PARTIAL_KEY_CHARS], key[-_PARTIAL_KEY_CHARS:]):
            found = kept.squashed.find(part)
            if found >= 0:
                break
    return found


class _Furniture:
    """Whether an element sits in a furniture container below the region (memoized)."""

    def __init__(self, region: _Element) -> None:
        self.region = region
        self.known: dict[_Element, bool] = {region: False}

    def __call__(self, element: _Element) -> bool:
        chain = []
        node: _Element | None = element
        while node is not None and node not in self.known:
            chain.append(node)
            node = node.getparent()
        verdict = self.known.get(node, False) if node is not None else False
        for link in reversed(chain):
            names = f"{link.get('class', '')} {link.get('id', '')}"
            verdict = verdict or link.tag in _FURNITURE_TAGS or (
                names.strip() != "" and _NOT_STORY.search(names.lower()) is not None)
            self.known[link] = verdict
        return verdict


def _words(text: str) -> int:
    return word_count(text)


def _heading_text(candidate: _Candidate) -> str:
    return collapse_space(_TOOL_TEXT.sub("", candidate.text))


def _external_link_chars(candidate: _Candidate) -> int:
    """Characters in links to other pages (an in-page anchor is part of a heading)."""
    total = 0
    for node in candidate.nodes:
        if isinstance(node, _Element):
            for link in node.iter("a"):
                href = (link.get("href") or "").strip()
                if href and not href.startswith("#") and not _TOOL_TEXT.search(link.text_content()):
                    total += len(squash_space(link.text_content()))
    return total


def _reads_as_text(candidate: _Candidate) -> bool:
    text = candidate.text.strip()
    count = _words(text)
    if candidate.links > _MAX_LINK_SHARE * max(1, len(candidate.squashed)):
        return False
    return count >= _MIN_TEXT_WORDS or (count >= _MIN_SENTENCE_WORDS and bool(_SENTENCE_END.search(text)))


def _reads_as_heading(candidate: _Candidate) -> bool:
    text = _heading_text(candidate)
    if not text or _words(text) > _MAX_HEADING_WORDS:
        return False
    return _external_link_chars(candidate) <= _MAX_LINK_SHARE * len(squash_space(text))


def _prose_list(items: list[_Candidate]) -> bool:
    """Items of several words with few links: steps, pros and cons, a fact box."""
    chars = sum(len(i.squashed) for i in items) or 1
    links = sum(i.links for i in items)
    average = sum(_words(i.text) for i in items) / len(items)
    return average >= _MIN_ITEM_WORDS and links <= _MAX_LINK_SHARE * chars


def _reads_as_story(candidate: _Candidate) -> bool:
    if candidate.kind == "item":
        parent = candidate.element.getparent()
        siblings = [candidate]
        return _prose_list(siblings) if parent is None else _prose_list(
            [_read(_Candidate("item", i)) for i in parent if isinstance(i.tag, str) and i.tag in _LIST_ITEMS])
    return candidate.kind in ("p", "text", "row") and _reads_as_text(candidate)


def _inline_xml(parent: _Element, nodes: list[object]) -> None:
    """Copy a run of inline content into trafilatura's vocabulary: text, ``ref`` links, ``lb``."""

    def add_text(text: str | None) -> None:
        if not text:
            return
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def visit(node: object) -> None:
        if isinstance(node, str):
            add_text(node)
        elif isinstance(node, _without_tail):
            add_text(node.element.text)
            for child in node.element:
                visit(child)
                add_text(child.tail)
        elif isinstance(node, _Element):
            if node.tag == "br":
                SubElement(parent, "lb")
            elif node.tag == "a" and node.get("href"):
                ref = SubElement(parent, "ref", target=node.get("href"))
                ref.text = _SPACE.sub(" ", node.text_content())
            elif isinstance(node.tag, str):
                add_text(node.text)
                for child in node:
                    visit(child)
                    add_text(child.tail)

    for node in nodes:
        visit(node)


def _block_xml(candidate: _Candidate) -> _Element:
    if candidate.kind == "heading":
        block = Element("head", rend=candidate.element.tag)
        block.text = _heading_text(candidate)
        return block
    if candidate.kind == "row":
        block = Element("p")
        block.text = candidate.text
        return block
    block = Element("p")
    nodes = [_without_tail(n) if n is candidate.element else n for n in candidate.nodes]
    _inline_xml(block, nodes)
    return block


def _list_xml(items: list[_Candidate]) -> _Element:
    parent = items[0].element.getparent()
    block = Element("list", rend="ol" if parent is not None and parent.tag == "ol" else "ul")
    for item in items:
        entry = SubElement(block, "item")
        _inline_xml(entry, [_without_tail(item.element)])
    return block


def _accepted(gap: list[_Candidate]) -> list[tuple[_Candidate, _Element]]:
    """The blocks of one gap between anchors that read as story text, as trafilatura XML."""
    out: list[tuple[_Candidate, _Element]] = []
    index = 0
    while index < len(gap):
        candidate = gap[index]
        if candidate.kind == "item":
            parent = candidate.element.getparent()
            end = index
            while end < len(gap) and gap[end].kind == "item" and gap[end].element.getparent() is parent:
                end += 1
            items = gap[index:end]
            if _prose_list(items):
                out.append((candidate, _list_xml(items)))
            index = end
            continue
        if candidate.kind == "row":
            end = index
            while end < len(gap) and gap[end].kind == "row":
                end += 1
            rows = gap[index:end]
            if _data_table(rows):
                out.append((candidate, _table_xml(rows)))
            index = end
            continue
        if candidate.kind == "heading" and _reads_as_heading(candidate):
            # a heading introduces story text (the next block, or the anchor ending the gap),
            # never a box of links the rules below turn down
            if index + 1 == len(gap) or _reads_as_story(gap[index + 1]):
                out.append((candidate, _block_xml(candidate)))
        elif candidate.kind in ("p", "text") and _reads_as_text(candidate):
            out.append((candidate, _block_xml(candidate)))
        index += 1
    return out


def _data_table(rows: list[_Candidate]) -> bool:
    """Rows of two or more cells with few links: a table of facts, not a layout or link grid."""
    chars = sum(len(r.squashed) for r in rows) or 1
    cells = [sum(1 for c in r.nodes if isinstance(c, _Element) and c.text_content().strip()) for r in rows]
    return len(rows) >= 2 and min(cells) >= 2 and sum(r.links for r in rows) <= _MAX_LINK_SHARE * chars


def _fragment_of(candidate: _Candidate, kept: _Kept, first: int, last: int) -> int | None:
    """A block kept between ``first`` and ``last`` that is this paragraph with words lost or
    glued together ("Jane Doesaid"): its index, to be replaced by the page's own text."""
    if candidate.kind not in ("p", "text"):
        return None
    for index in range(first + 1, last):
        block = kept.blocks[index]
        piece = squash_space(inner_text(block))
        if block.tag == "p" and len(piece) >= _MIN_FRAGMENT_CHARS and piece in candidate.squashed:
            return index
    return None


def _table_xml(rows: list[_Candidate]) -> _Element:
    table = Element("table")
    for row in rows:
        entry = SubElement(table, "row")
        for cell in row.nodes:
            assert isinstance(cell, _Element)
            SubElement(entry, "cell").text = collapse_space(cell.text_content())
    return table


def _rebuilt(parts: list[_Candidate]) -> list[_Element]:
    """The blocks of these page blocks, rows of a table gathered into one table."""
    out: list[_Element] = []
    index = 0
    while index < len(parts):
        end = index
        while end < len(parts) and parts[end].kind == "row":
            end += 1
        if end > index:
            out.append(_table_xml(parts[index:end]))
            index = end
            continue
        part = parts[index]
        out.append(_list_xml([part]) if part.kind == "item" else _block_xml(part))
        index += 1
    return out


def _split_glued(root: _Element, kept: _Kept, candidates: list[_Candidate],
                 anchors: list[int]) -> None:
    """A kept paragraph that is several blocks of the page run together ("ReleaseDate4.2.3",
    two paragraphs with no break) is put back as those blocks: same words, their own lines."""
    index = 0
    while index < len(candidates):
        block_index = anchors[index]
        end = index + 1
        while end < len(candidates) and anchors[end] == block_index:
            end += 1
        parts = candidates[index:end]
        index = end
        if block_index < 0 or len(parts) < 2:
            continue
        block = kept.blocks[block_index]
        if block.tag != "p" or any(c.kind == "other" for c in parts):
            continue
        if "".join(c.squashed for c in parts) != squash_space(inner_text(block)):
            continue
        new = _rebuilt(parts)
        new[-1].tail = block.tail
        position = root.index(block)
        root.remove(block)
        for offset, element in enumerate(new):
            root.insert(position + offset, element)
        kept.blocks[block_index] = new[-1]


def strip_tool_text(root: _Element) -> None:
    """Take "[edit]"-style tool links out of the headings trafilatura kept."""
    for heading in root.iter("head"):
        text = inner_text(heading)
        if "[" in text and _TOOL_TEXT.search(text):
            tail = heading.tail
            for child in list(heading):
                heading.remove(child)
            heading.text = collapse_space(_TOOL_TEXT.sub("", text))
            heading.tail = tail


def _in_lead_box(element: _Element) -> bool:
    for node in (element, element.getparent()):
        if node is not None and _LEAD_CLASS.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def _reads_as_lead(text: str) -> bool:
    """A lead of the story (standfirst, dek, summary): a sentence or more. A one-line dek is
    story text too: the summary a publisher writes for it, which news datasets keep with the
    body (a headline's short subtitle, fewer words than a sentence, is not)."""
    return _words(text) >= _MIN_LEAD_WORDS and _SENTENCE_END.search(text) is not None


def _lead(candidates: list[_Candidate], first: int, furniture: _Furniture) -> list[_Element]:
    """The lead paragraphs just above the first kept block, down from the headline."""
    found: list[_Element] = []
    seen = 0  # blocks passed on the way up; a byline or contact box in between counts for none
    for candidate in reversed(candidates[:first]):
        if candidate.element.tag == "h1":
            break
        if furniture(candidate.element) and not _in_lead_box(candidate.element):
            continue
        seen += 1
        if seen > _LEAD_LOOKBACK:
            break
        if candidate.kind not in ("p", "text"):
            continue
        text = candidate.text.strip()
        if not _reads_as_lead(text) or \
                candidate.links > _MAX_LEAD_LINK_SHARE * len(candidate.squashed):
            continue
        found.insert(0, _block_xml(candidate))
    return found


def _container(candidate: _Candidate) -> _Element:
    """The element a block stands in (a run of text stands in its own container)."""
    if candidate.kind == "text":
        return candidate.element
    parent = candidate.element.getparent()
    return parent if parent is not None else candidate.element


def _continuation(candidates: list[_Candidate], last: int, furniture: _Furniture) -> list[_Element]:
    """The rest of a story split by a box (an ad, a newsletter sign-up) into two containers.

    trafilatura stops at the first container. Past the box, paragraphs of prose that stand in
    the same container as the last kept block or in a sibling of it are the story going on;
    they are read until the first block that is neither furniture nor story text.
    """
    home = _container(candidates[last])
    parent = home.getparent()
    out: list[_Element] = []
    box = 0  # blocks of the box passed so far
    index = last + 1
    while index < len(candidates):
        candidate = candidates[index]
        container = _container(candidate)
        beside = container is home or (parent is not None and container.getparent() is parent)
        if len(out) < _MIN_CONTINUATION:
            if furniture(candidate.element) or not out and not (beside and _is_prose(candidate)):
                box += 1
                if box > _MAX_BOX_BLOCKS:
                    return []
            elif box and beside and _is_prose(candidate):
                out.append(_block_xml(candidate))
            else:
                return []
            index += 1
            continue
        if furniture(candidate.element):
            index += 1
            continue
        if not beside:
            break
        end = index + 1
        while end < len(candidates) and candidates[end].kind == "item" == candidate.kind:
            end += 1
        accepted = _accepted(candidates[index:end])
        if not accepted:
            break
        out.extend(new for _, new in accepted)
        index = end
    return out if len(out) >= _MIN_CONTINUATION else []


def _is_prose(candidate: _Candidate) -> bool:
    return candidate.kind in ("p", "text") and _words(candidate.text) >= _MIN_LEAD_WORDS \
        and _reads_as_text(candidate)


def recover_dropped_blocks(root: _Element, region: _Element) -> _Element:
    """Put story blocks of ``region`` that trafilatura's ``root`` lacks back in place (in place)."""
    if len(root) == 0:
        return root
    strip_tool_text(root)
    kept = _kept(root)
    furniture = _Furniture(region)
    cursor = -1
    anchors: list[int] = []  # block index of each candidate found, -1 if missing
    candidates: list[_Candidate] = []
    for candidate in _runs(region, _holding_blocks(region)):
        _read(candidate)
        if not candidate.squashed:
            continue
        found = _find(kept, candidate, cursor)
        candidates.append(candidate)
        if found >= 0:
            anchors.append(kept.block_at(found))
            cursor = found if len(candidate.squashed) >= 8 else cursor
        else:
            anchors.append(-1)
    # the story starts below its headline: a kept headline is no anchor, what follows it is
    # the lead zone, and nothing above it is read back
    headline = max((i for i, b in enumerate(anchors) if b >= 0 and candidates[i].element.tag == "h1"),
                   default=-1)
    found_at = [i for i, block in enumerate(anchors) if block >= 0 and i > headline]
    if len(found_at) < 2:
        return root
    after: dict[int, list[_Element]] = {}
    replaced: dict[int, _Element] = {}
    for previous, following in zip(found_at, found_at[1:]):
        if anchors[previous] == anchors[following]:
            continue  # a gap inside one kept block: what it left out, it cut on purpose
        gap = [c for c in candidates[previous + 1:following] if not furniture(c.element)]
        for candidate, new in _accepted(gap):
            fragment = _fragment_of(candidate, kept, anchors[previous], anchors[following])
            if fragment is not None and fragment not in replaced:
                replaced[fragment] = new
            else:
                after.setdefault(anchors[previous], []).append(new)
    _split_glued(root, kept, candidates, anchors)
    after.setdefault(anchors[found_at[-1]], []).extend(_continuation(candidates, found_at[-1], furniture))
    lead = _lead(candidates, found_at[0], furniture)
    for new in reversed(lead):
        root.insert(root.index(kept.blocks[anchors[found_at[0]]]), new)
    for block_index, new in replaced.items():
        old = kept.blocks[block_index]
        new.tail = old.tail
        root.replace(old, new)
        kept.blocks[block_index] = new
    for block_index in sorted(after, reverse=True):
        block = kept.blocks[block_index]
        for offset, new in enumerate(after[block_index], 1):
            root.insert(root.index(block) + offset, new)
    return root
