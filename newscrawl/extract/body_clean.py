"""Post-cleaning of trafilatura's output: drop boilerplate blocks, cut the end notes off.

Works on the top-level blocks of trafilatura's XML body (p, head, list, quote, table, graphic).
The rules are in ``body_rules``; here they are applied in story order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml.etree import Element, _Element

from .body_rules import (
    block_text,
    ends_with_end_mark,
    is_box_label,
    is_comments_label,
    is_caption,
    is_paywall_call,
    is_credit,
    is_end_mark,
    is_end_rule,
    is_headline,
    is_labelled_list,
    is_link_list,
    is_meta_line,
    is_notice,
    is_own_links_list,
    is_promo,
    is_rule,
    is_share_bar,
    is_teaser,
    is_trailer,
    is_ui_label,
    link_share,
)

# The story's end notes start at most this far from the end (share of the text's characters):
# a "___" rule or a copyright line earlier than that is part of the story.
_END_NOTES_SHARE = 0.3
# No widget, credit or caption line runs this long; prose that does is only checked for a label.
_LONG_BLOCK_WORDS = 80


@dataclass
class Cleaned:
    """Blocks that make up the story, and the end-of-story lines cut from it."""

    blocks: list[_Element]
    trailer: list[str] = field(default_factory=list)


def _is_boilerplate(block: _Element, text: str) -> bool:
    """A block that is never article text, wherever it appears."""
    if block.tag == "graphic":
        return False
    if not text:
        return bool(block.tag != "table")
    if block.tag != "list" and text.count(" ") >= _LONG_BLOCK_WORDS:
        return is_teaser(block, text)  # the other classes are all short lines
    return (is_teaser(block, text) or is_link_list(block) or is_labelled_list(block) or is_promo(text)
            or is_share_bar(text) or is_credit(text) or is_caption(text) or is_ui_label(text)
            or is_meta_line(text) or is_notice(text))


def _lift_loose_text(root: _Element) -> list[_Element]:
    """Top-level blocks, with text trafilatura left between blocks wrapped in paragraphs of its own."""
    blocks: list[_Element] = []
    # (element, text after it): one pass, as lxml's positional root[i] walks the children
    pieces: list[tuple[_Element | None, str | None]] = [(None, root.text)]
    for block in root:
        pieces.append((block, block.tail))
        block.tail = None
    for block, text in pieces:
        if block is not None:
            blocks.append(block)
        if text and text.strip():
            paragraph = Element("p")
            paragraph.text = text.strip()
            blocks.append(paragraph)
    return blocks


def _drop_headline(blocks: list[_Element], text_of: dict[_Element, str],
                   headline: str | None) -> list[_Element]:
    """The page's own headline repeated above the story (and anything above it) goes."""
    if not headline:
        return blocks
    for index, block in enumerate(blocks[:3]):
        if block.tag in ("p", "head") and is_headline(text_of[block], headline):
            return blocks[index + 1:]
    return blocks


def _drop_boxes(blocks: list[_Element], text_of: dict[_Element, str]) -> list[_Element]:
    """Boilerplate blocks go, and so does the box a "Most read"-style label opens: the
    links, headings and empty lines under it, up to the next paragraph of prose."""
    kept: list[_Element] = []
    in_box = False
    for block in blocks:
        text = text_of[block]
        if is_paywall_call(text):
            kept.append(block)  # a call like the others, but the mark where the story ends
            in_box = False
            continue
        if in_box and (block.tag == "head" or not text or link_share(block, text) >= 0.5
                       or is_promo(text)):
            continue
        in_box = False
        if _is_boilerplate(block, text):
            in_box = is_box_label(block, text)
            continue
        kept.append(block)
    return kept


def _story_end(texts: list[str]) -> int:
    """Index of the first end-notes block: a rule, copyright or comments label near the end."""
    total = sum(len(t) for t in texts) or 1
    remaining = total
    for index, text in enumerate(texts):
        if index and (is_paywall_call(text) or is_end_mark(text) and text.strip() != "###"):
            return index  # wherever it stands: after the cut come the offer and its prices,
            # after a wire's "(END)" the site's own boxes
        if ends_with_end_mark(text) and index + 1 < len(texts):
            return index + 1
        # near the end: in the last share of the text, or one of the last two blocks
        near_end = remaining <= _END_NOTES_SHARE * total or index >= len(texts) - 2
        if index and near_end and (
            is_end_rule(text) or is_end_mark(text) or is_comments_label(text) or (is_trailer(text) and "©" in text)
            or text.lower().lstrip("( ").startswith("copyright")
        ):
            return index
        remaining -= len(text)
    return len(texts)


def _split_trailer(blocks: list[_Element], text_of: dict[_Element, str],
                   page_host: str | None) -> Cleaned:
    """Cut the end notes: everything after the story's end mark, then trailing credit lines."""
    texts = [text_of[b] for b in blocks]
    end = _story_end(texts)
    # a heading introduces what follows it: with nothing after it, it headed a box that went
    while end > 1 and (is_trailer(texts[end - 1]) or is_rule(texts[end - 1]) or blocks[end - 1].tag == "head"
                       or is_own_links_list(blocks[end - 1], page_host)):
        end -= 1
    notes = [t for b, t in zip(blocks[end:], texts[end:]) if t and b.tag != "list"]
    return Cleaned(blocks=blocks[:end], trailer=_credit_lines(notes))


def _credit_lines(notes: list[str]) -> list[str]:
    """The end notes that may carry credits: credit-like lines, and the first lines set apart
    by a typed rule ("___"), where wire stories put their contributor notes."""
    after_rule = next((i for i, t in enumerate(notes) if is_end_rule(t)), None)
    ruled = [t for t in notes[after_rule + 1:after_rule + 3] if not is_rule(t)] \
        if after_rule is not None else []
    return [t for t in notes if not is_rule(t) and (is_trailer(t) or t in ruled)]


def clean_blocks(root: _Element, headline: str | None = None, url: str | None = None) -> Cleaned:
    """The story's blocks from trafilatura's body element, without boilerplate."""
    blocks = _lift_loose_text(root)
    text_of = {block: block_text(block) for block in blocks}
    blocks = _drop_headline(blocks, text_of, headline)
    if url:  # the page's own address printed on it (print headers, share widgets)
        blocks = [b for b in blocks if text_of[b] != url]
    return _split_trailer(_drop_boxes(blocks, text_of), text_of, urlsplit(url).netloc if url else None)
