"""Main content by DOM scoring: choose the article container, then read its blocks in order.

Paragraph-like elements vote for their nearest ancestors with a score that grows with
text length and commas and shrinks with link density (readability's idea). The best
candidate inside the headline's `<article>` wins; it is widened to an ancestor that holds
clearly more story text (bodies whose paragraphs sit in nests of wrappers) and to
siblings that scored comparably, but never to the next story of an endless page.
Inside it, subheadings, list items and quotes are kept in reading order and furniture
(share bars, related boxes, ads, teasers, ...) is skipped by tag and class, unless an
element carries a large share of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..normalisation.rules import alternation
from .dom import BOILER_TAGS, SALES_WORDS, clean, is_boilerplate, is_hidden, link_length, markers

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt",
              "td", "th", "tr", "div", "section", "article", "main", "ul", "ol", "table", "dl",
              "address", "center", "details", "summary", "hr", "tbody", "thead", "body"}
INLINE_TAGS = {"span", "a", "em", "strong", "b", "i", "u", "br", "small", "sup", "sub", "mark", "q",
               "abbr", "cite", "time", "font", "code", "s", "del", "ins"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
GOOD_WORDS = {"article", "body", "content", "entry", "main", "story", "text", "post", "detail",
              "artikel", "isi", "berita", "news", "richtext", "paragraph", "paragraphs", "prose"}
BAD_WORDS = {"comment", "comments", "sidebar", "footer", "related", "widget", "nav", "menu",
             "teaser", "teasers", "list", "listing", "promo", "ad", "ads", "social", "share",
             "recommended", "trending", "popular", "header", "navigation", "newsletter"}
LEAD_WORDS = {"lead", "intro", "teaser", "summary", "standfirst", "subtitle", "description", "preface",
              "excerpt", "dek", "deck", "abstract", "lede", "subheadline", "sapo",
              "introduction", "ingress", "preamble", "chapeau", "entradilla", "bajada", "ringkasan",
              "vorspann"}
# A heading naming a box that closes the story's container ("Berita Lainnya", "More Photos").
_CLOSING = re.compile(rf"^\W*(?:{alternation('CLOSING_SECTIONS')})\W*$", re.I)
_CLOSING_TAGS = {"h2", "h3", "h4", "h5", "h6", "strong", "b", "p", "div", "span", "header"}
# Class/id words of consent dialogs laid over the page. Not "cookie" (a recipe tagged
# `tag-cookies`) nor "modal": some sites render the story itself in one.
OVERLAY_WORDS = {"consent", "gdpr", "onetrust", "cookiebot", "cmp"}
THREAD_WORDS = {"komentar", "disqus", "commentlist", "kommentare", "commentaires", "comentarios"}
THREAD_PARTS = {"list", "thread", "item", "items", "area", "section", "box", "wrapper", "container", "body"}
# A slideshow's captions: story only on a page that has no other text (a photo story).
GALLERY_WORDS = {"gallery", "slideshow", "carousel", "galeri", "fotogalerie", "galerie"}
_MIN_PARAGRAPH = 25
# Elements whose text votes for the container it sits in.
VOTERS = ("p", "div", "td", "section", "pre", "blockquote")
# Less text than this from paragraphs: try again with list items voting too.
MIN_STORY = 200
_CLIMB_LEVELS = 8
_TABLE_PARTS = ("table", "tbody", "thead", "tfoot", "tr", "td", "th")
# An ancestor is climbed to only when most of its text is story paragraphs.
_STORY_SHARE = 0.3


@dataclass
class Content:
    """The chosen container(s) and the blocks read from them."""

    elements: list[HtmlElement]
    blocks: list[str]


@dataclass
class Choice:
    """The chosen container(s), and how much story text every element holds."""

    elements: list[HtmlElement]
    totals: dict[HtmlElement, float]


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


@dataclass
class Scores:
    """Paragraph votes per element: decayed over three ancestor levels (`near`), summed over
    all ancestors (`total`), and the story text length each element holds (`length`)."""

    near: dict[HtmlElement, float]
    total: dict[HtmlElement, float]
    length: dict[HtmlElement, int]


def _inline_only(el: HtmlElement) -> bool:
    """A `<div>` used as a paragraph: it has children, all of them inline (`<span>`, `<a>`, ...)."""
    return len(el) > 0 and all(isinstance(c.tag, str) and c.tag in INLINE_TAGS for c in el)


def _holds_paragraphs(el: HtmlElement) -> bool:
    """A list item wrapping `<p>`s: its paragraphs vote, not the item as one."""
    return el.tag == "li" and el.find(".//p") is not None


def _in_link(el: HtmlElement) -> bool:
    """Inside an `<a>`: a teaser's text, not a paragraph of the story."""
    for depth, parent in enumerate(el.iterancestors()):
        if parent.tag == "a":
            return True
        if depth >= 2:
            return False
    return False


def _score(root: HtmlElement, lists: bool) -> Scores:
    scores: dict[HtmlElement, float] = {}
    totals: dict[HtmlElement, float] = {}
    lengths: dict[HtmlElement, int] = {}
    for el in root.iter(*VOTERS, *(("li",) if lists else ())):
        paragraph = el.tag in ("p", "pre") or (el.tag == "li" or _inline_only(el)) and not _holds_paragraphs(el)
        if paragraph:
            text = el.text_content()
        elif _own_text_length(el) >= 80:
            text = (el.text or "") + " ".join(c.tail or "" for c in el)
        else:
            continue
        length = len(text.strip())
        if length < _MIN_PARAGRAPH:
            continue
        density = link_length(el) / length if paragraph else 0.0
        if density > 0.5 or _in_link(el):
            continue
        vote = (1 + text.count(",") + text.count("،") + text.count("、") + min(length / 100, 3)) \
            * (1 - density)
        for depth, parent in enumerate(el.iterancestors()):
            if depth < 3:
                scores[parent] = scores.get(parent, 0.0) + vote / (1 << depth)
            totals[parent] = totals.get(parent, 0.0) + vote
            lengths[parent] = lengths.get(parent, 0) + length
    return Scores(scores, totals, lengths)


def _link_density(el: HtmlElement) -> float:
    return min(link_length(el) / (len(el.text_content()) or 1), 1.0)


def _another_story(el: HtmlElement) -> bool:
    """A sibling holding its own headline or `<article>`: the next story of an endless page."""
    return el.tag == "article" or next(el.iter("h1", "article"), None) is not None


def _title_region(title_el: HtmlElement | None) -> HtmlElement | None:
    """The `<article>` that holds the headline: on pages listing several stories, the body is in it."""
    if title_el is None:
        return None
    return next((a for a in title_el.iterancestors() if a.tag == "article"), None)


def _choose(root: HtmlElement, title_el: HtmlElement | None, lists: bool = False) -> Choice:
    scored = _score(root, lists)
    scores, totals = scored.near, scored.total
    if not scores:
        return Choice([root], totals)
    ranked = [kv for kv in sorted(scores.items(), key=lambda kv: kv[1], reverse=True) if not _in_overlay(kv[0])][:12]
    if not ranked:
        return Choice([root], totals)
    outside = [kv for kv in ranked if not _in_gallery(kv[0])]
    if outside and outside[0][1] >= 0.3 * ranked[0][1]:
        ranked = outside
    region = _title_region(title_el)
    if region is not None:
        inside = [(el, sc) for el, sc in ranked if el is region or region in el.iterancestors()]
        if inside and inside[0][1] >= 0.3 * ranked[0][1]:
            ranked = inside
    best = max(ranked[:8], key=lambda kv: (kv[1] + _class_weight(kv[0])) * (1 - _link_density(kv[0])))[0]
    while best.tag in _TABLE_PARTS and best.getparent() is not None:
        best = best.getparent()  # a table's cells are read with the text around the table
    # Climb to an ancestor that holds clearly more story text than the current choice
    # (bodies whose paragraphs each sit in their own nest of wrappers).
    node = best
    for _ in range(_CLIMB_LEVELS):
        if node is region:
            break
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
        if totals.get(node, 0.0) >= 1.25 * totals.get(best, 0.0) and _link_density(node) <= 0.3 \
                and scored.length.get(node, 0) >= _STORY_SHARE * len(clean(node.text_content())):
            best = node
    parent = best.getparent()
    if parent is None:
        return Choice([best], totals)
    threshold = max(10.0, scores.get(best, 0.0) * 0.2)
    chosen = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
        elif isinstance(sibling.tag, str) and not is_boilerplate(sibling) and not _another_story(sibling):
            if scores.get(sibling, 0.0) >= threshold:
                chosen.append(sibling)
            elif sibling.tag == "p":
                text = sibling.text_content()
                if len(text) > 80 and link_length(sibling) < 0.25 * len(text):
                    chosen.append(sibling)
    return Choice(chosen, totals)


def _heading_in_flow(el: HtmlElement) -> bool:
    """A subheading between story paragraphs whose class merely sounds like furniture
    ("widget-title"): the boxes that hold real furniture headings are skipped as a whole."""
    return el.tag in HEADINGS and el.tag != "h1" and el.get("hidden") is None and link_length(el) == 0


def _lead_like(el: HtmlElement) -> bool:
    """A standfirst ("teaser", "intro") without links: story, though its class looks like a box."""
    return el.tag not in BOILER_TAGS and bool(markers(el) & LEAD_WORDS) and link_length(el) == 0


def _in_overlay(el: HtmlElement) -> bool:
    """Inside a consent dialog: page furniture however much text it holds."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):  # `<body class="cookie-accepted">` is about the page as a whole
            return False
        if node.tag == "dialog" or markers(node) & OVERLAY_WORDS:
            return True
    return False


def _in_gallery(el: HtmlElement) -> bool:
    """Inside a slideshow: fifty captions outweigh a short story, but they are not it."""
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            return False
        if markers(node) & GALLERY_WORDS:
            return True
    return False


def _thread(el: HtmlElement) -> bool:
    """Readers' comments ("komentar-list", "comment-thread", "disqus_thread"): however long,
    never the story (a story container merely classed "comments-enabled" is not one)."""
    words = markers(el)
    return bool(words & THREAD_WORDS) or bool(words & {"comment", "comments"} and words & THREAD_PARTS)


def _closes_story(el: HtmlElement) -> bool:
    """A heading of a related, latest, photos or comments box: nothing after it in the same
    container is story."""
    if not isinstance(el.tag, str) or el.tag not in _CLOSING_TAGS or len(el) > 3:
        return False
    text = clean(el.text_content())
    return 0 < len(text) <= 60 and bool(_CLOSING.match(text))


def _wraps_blocks(link: HtmlElement) -> bool:
    """A link around block elements (`<a><div><h3>...`): a card pointing to another page."""
    return any(isinstance(el.tag, str) and el.tag in BLOCK_TAGS for el in link.iterdescendants())


class _Reader:
    """Collects blocks from a subtree: inline runs are joined, block elements flush."""

    def __init__(self, skip_text: set[str], protected: set[HtmlElement]) -> None:
        self.blocks: list[str] = []
        self.protected = protected
        self.parts: list[str] = []
        self.links = 0
        self.skip_text = skip_text

    def flush(self) -> None:
        text = clean("".join(self.parts))
        if text and self.links <= 0.5 * len(text) and text not in self.skip_text:
            self.blocks.append(text)
        self.parts, self.links = [], 0

    def read(self, el: HtmlElement, top: bool = False) -> None:
        if not top and el not in self.protected and (
                el.tag == "article" or is_boilerplate(el) and not _lead_like(el) and not _heading_in_flow(el)):
            self._tail(el)
            return
        tag = el.tag
        if tag == "a" and not top and el.get("href") and _wraps_blocks(el):  # a teaser card: headline, image, intro
            self._tail(el)
            return
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
            if _closes_story(child):
                break  # the rest of this container is that box
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


def read_blocks(elements: list[HtmlElement], skip_text: set[str],
                totals: dict[HtmlElement, float] | None = None) -> list[str]:
    """The blocks of `elements` in reading order, link-heavy and furniture blocks left out.

    An element holding a large share of the story text (`totals`) is read even when
    its class looks like furniture: `paywalled`, `hasBanners`, `comments-enabled`.
    """
    protected: set[HtmlElement] = set()
    if totals:
        whole = sum(totals.get(el, 0.0) for el in elements)
        protected = {el for el, total in totals.items()
                     if total >= 0.25 * whole and el.tag not in ("aside", "nav", "footer") and not _thread(el)
                     and not is_hidden(el) and not markers(el) & GALLERY_WORDS}
    reader = _Reader(skip_text, protected)
    for el in elements:
        reader.read(el, top=True)
        reader.flush()
    return reader.blocks


def extract_content(root: HtmlElement, title: str | None, title_el: HtmlElement | None) -> Content:
    """The story's blocks. List items vote only when paragraphs found next to no story: a
    post written as bullet lists; elsewhere lists are menus, link rolls and comment threads."""
    skip = {title} if title else set()
    content = None
    for lists in (False, True):
        choice = _choose(root, title_el, lists)
        content = Content(choice.elements, read_blocks(choice.elements, skip, choice.totals))
        if sum(len(b) for b in content.blocks) >= MIN_STORY:
            break
    return content


def _selling(el: HtmlElement) -> bool:
    """Whether `el` or its parent is a subscription, newsletter or ad box. No higher: page
    wrappers carry such words for the whole page (`page-hero-ad-hidden`)."""
    parent = el.getparent()
    return bool((markers(el) | (markers(parent) if parent is not None else set())) & SALES_WORDS)


def lead_blocks(root: HtmlElement, title_el: HtmlElement | None, content: Content,
                description: str | None) -> list[str]:
    """Teaser paragraphs between the headline and the body (a standfirst, a summary line).

    When the body's container holds the headline too, its header (skipped as furniture by
    the reader) is where the standfirst sits: the elements after the headline in its parent.
    """
    if title_el is None or not content.elements:
        return []
    start = content.elements[0]
    holds_title = start in title_el.iterancestors()
    scan = title_el.getparent() if holds_title else root
    if scan is None:
        return []
    inside = set(start.iterancestors())
    desc = clean(description)[:60].lower() if description else ""
    out: list[str] = []
    seen_title = False
    for el in scan.iter():
        if el is title_el:
            seen_title = True
            continue
        if el is start and not holds_title:
            break
        if not seen_title or el in inside or not isinstance(el.tag, str):
            continue
        if el.tag not in ("p", "div", "h2", "span", "section", "strong"):
            continue
        text = clean(el.text_content())
        if not text or len(text) > 1200 or any(text in o for o in out) or _selling(el):
            continue
        if markers(el) & LEAD_WORDS or (desc and len(desc) >= 40 and text.lower().startswith(desc)):
            if link_length(el) < 0.3 * len(text) and not any(o in text for o in out):
                out.append(text)
    return out
