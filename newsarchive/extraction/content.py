"""Main content by DOM scoring: choose the article container, then read its blocks in order.

Paragraph-like elements vote for their parent and grandparent with a score that
grows with text length and commas and shrinks with link density (readability's
idea); the best-scored element, with siblings that scored comparably, is the
body. Inside it, subheadings, list items and quotes are kept in reading order
and furniture (share bars, related boxes, ads, ...) is skipped by tag and class.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from .dom import clean, is_boilerplate, link_length, markers

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
              "td", "th", "tr", "div", "section", "article", "main", "ul", "ol", "table", "dl",
              "address", "center", "details", "summary", "hr", "tbody", "thead", "body"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
GOOD_WORDS = {"article", "body", "content", "entry", "main", "story", "text", "post", "detail",
              "artikel", "isi", "berita", "news", "richtext", "paragraph", "paragraphs", "prose"}
BAD_WORDS = {"comment", "comments", "sidebar", "footer", "related", "widget", "nav", "menu",
             "teaser", "teasers", "list", "listing", "promo", "ad", "ads", "social", "share",
             "recommended", "trending", "popular", "header", "navigation", "newsletter"}
LEAD_WORDS = {"lead", "intro", "teaser", "summary", "standfirst", "subtitle", "description",
              "excerpt", "dek", "deck", "abstract", "lede", "subheadline", "sapo", "summary",
              "introduction", "ingress", "preamble", "chapeau", "entradilla", "bajada"}
_MIN_PARAGRAPH = 25


@dataclass
class Content:
    """The chosen container(s) and the blocks read from them."""

    elements: list[HtmlElement]
    blocks: list[str]


def _class_weight(el: HtmlElement) -> float:
    words = markers(el)
    weight = 0.0
    if words & GOOD_WORDS:
        weight += 25
    if words & BAD_WORDS:
        weight -= 25
    if el.tag in ("article", "main"):
        weight += 10
    return weight


def _own_text_length(el: HtmlElement) -> int:
    """Length of the text an element holds directly (text and children's tails)."""
    total = len((el.text or "").strip())
    for child in el:
        total += len((child.tail or "").strip())
    return total


def _score(root: HtmlElement) -> dict[HtmlElement, float]:
    scores: dict[HtmlElement, float] = {}
    for el in root.iter("p", "div", "td", "section", "pre", "blockquote"):
        if el.tag == "p" or el.tag == "pre":
            text = el.text_content()
        elif _own_text_length(el) >= 80:
            text = (el.text or "") + " ".join(c.tail or "" for c in el)
        else:
            continue
        length = len(text.strip())
        if length < _MIN_PARAGRAPH:
            continue
        density = link_length(el) / length if el.tag == "p" else 0.0
        if density > 0.5:
            continue
        vote = (1 + text.count(",") + text.count("،") + text.count("、") + min(length / 100, 3)) \
            * (1 - density)
        parent = el.getparent()
        for share in (1.0, 0.5, 0.25):
            if parent is None:
                break
            scores[parent] = scores.get(parent, 0.0) + vote * share
            parent = parent.getparent()
    return scores


def _choose(root: HtmlElement) -> list[HtmlElement]:
    scores = _score(root)
    if not scores:
        return [root]
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:8]
    best, best_score = None, float("-inf")
    for el, score in ranked:
        text_length = len(el.text_content()) or 1
        adjusted = (score + _class_weight(el)) * (1 - min(link_length(el) / text_length, 1.0))
        if adjusted > best_score:
            best, best_score = el, adjusted
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, scores[best] * 0.2)
    chosen = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
        elif isinstance(sibling.tag, str) and not is_boilerplate(sibling):
            if scores.get(sibling, 0.0) >= threshold:
                chosen.append(sibling)
            elif sibling.tag == "p":
                text = sibling.text_content()
                if len(text) > 80 and link_length(sibling) < 0.25 * len(text):
                    chosen.append(sibling)
    return chosen


class _Reader:
    """Collects blocks from a subtree: inline runs are joined, block elements flush."""

    def __init__(self, skip_text: set[str]) -> None:
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.links = 0
        self.skip_text = skip_text

    def flush(self) -> None:
        text = clean("".join(self.parts))
        if text and self.links <= 0.5 * len(text) and text not in self.skip_text:
            self.blocks.append(text)
        self.parts, self.links = [], 0

    def read(self, el: HtmlElement, top: bool = False) -> None:
        if not top and is_boilerplate(el):
            self._tail(el)
            return
        tag = el.tag
        is_block = tag in BLOCK_TAGS
        if is_block or tag == "br" and self._double_break(el):
            self.flush()
        if tag == "br":
            self.parts.append(" ")
        elif tag == "a":
            text = el.text_content()
            self.links += len(text.strip())
        if el.text and tag != "br":
            self.parts.append(el.text)
        for child in el:
            self.read(child)
        if is_block:
            self.flush()
        if not top:
            self._tail(el)

    def _tail(self, el: HtmlElement) -> None:
        if el.tail:
            self.parts.append(el.tail)

    @staticmethod
    def _double_break(el: HtmlElement) -> bool:
        following = el.getnext()
        return following is not None and following.tag == "br" and not (el.tail or "").strip()


def read_blocks(elements: list[HtmlElement], skip_text: set[str]) -> list[str]:
    """The blocks of `elements` in reading order, link-heavy and furniture blocks left out."""
    reader = _Reader(skip_text)
    for el in elements:
        reader.read(el, top=True)
        reader.flush()
    return reader.blocks


def extract_content(root: HtmlElement, title: str | None) -> Content:
    elements = _choose(root)
    skip = {title} if title else set()
    return Content(elements, read_blocks(elements, skip))


def lead_blocks(root: HtmlElement, title_el: HtmlElement | None, content: Content,
                description: str | None) -> list[str]:
    """Teaser paragraphs between the headline and the body (a standfirst, a summary line)."""
    if title_el is None or not content.elements:
        return []
    start = content.elements[0]
    inside = set(start.iterancestors())
    desc = clean(description)[:60].lower() if description else ""
    out: list[str] = []
    seen_title = False
    for el in root.iter():
        if el is title_el:
            seen_title = True
            continue
        if el is start:
            break
        if not seen_title or el in inside or not isinstance(el.tag, str):
            continue
        if el.tag not in ("p", "div", "h2", "span", "section", "strong"):
            continue
        words = markers(el)
        text = clean(el.text_content())
        if not text or len(text) > 1200 or any(text in o for o in out):
            continue
        if words & LEAD_WORDS or (desc and len(desc) >= 40 and text.lower().startswith(desc)):
            if link_length(el) < 0.3 * len(text) and not any(o in text for o in out):
                out.append(text)
    return out

