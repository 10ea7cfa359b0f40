"""Is this page one story? The decision the spider routes by and `extract_article` reports.

Made from what the page is, after extraction has read it: what it declares itself
(schema.org type, `og:type`, `article:published_time`), what its main block looks
like (one headline, running text, few links, not a column of teaser headlines) and
what its URL says. Never from the count of `<p>` characters alone: many real layouts
hold the story in `<div>`s separated by `<br>`.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from ..discovery.pages import is_listing_url, looks_like_article_url
from .dom import is_boilerplate, link_length

ARTICLE = "article"
# Below this much story text a declared article is a stub (a photo, a video, a redirect page).
MIN_DECLARED_TEXT = 150
# An undeclared page needs this much story text, and something more that makes it a story.
MIN_UNDECLARED_TEXT = 400
# A main block with this many teaser headlines (a heading that is a link, a card) and little
# text under each is a listing; a listicle's linked subheadings each lead a long passage.
TEASERS_OF_A_LISTING = 4
TEXT_PER_TEASER = 400
# A page declaring itself an article is a listing only when it is nothing but cards.
TEASERS_OF_A_DECLARED_LISTING = 8
TEXT_PER_DECLARED_TEASER = 150
MAX_LINK_SHARE = 0.35
# One block of running text this long, with a date beside the headline, makes an undeclared story.
LONG_BLOCK = 300
# What a link wrapping these holds is a card: a teaser of another page.
CARD_PARTS = {"h2", "h3", "h4", "div", "p"}


@dataclass
class Evidence:
    """What extraction saw of the page, as far as the verdict needs it."""

    url: str
    declared: bool
    listing_declared: bool
    blocks: list[str]
    elements: list[HtmlElement]
    has_headline: bool
    dated: bool


def _teasers(elements: list[HtmlElement]) -> int:
    """Headings that are links to another page, and links wrapping a card (a headline, an
    intro), inside the story's own text; furniture such as a related box is not counted:
    the reader skips it anyway."""
    count = 0
    for top in elements:
        for el in top.iter("h2", "h3", "h4", "a"):
            if _in_furniture(el, top):
                continue
            if el.tag == "a":
                count += _is_page_link(el) and len(el.text_content().strip()) >= 20 and any(
                    isinstance(c.tag, str) and c.tag in CARD_PARTS for c in el.iterdescendants())
                continue
            text = el.text_content().strip()
            links = [a for a in el.iter("a") if _is_page_link(a)]
            count += bool(text and links) and sum(len(a.text_content()) for a in links) >= 0.6 * len(text)
    return count


def _is_page_link(link: HtmlElement) -> bool:
    href = (link.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))


def _in_furniture(el: HtmlElement, top: HtmlElement) -> bool:
    for parent in el.iterancestors():
        if parent is top:
            return False
        if is_boilerplate(parent):
            return True
    return False


def _link_share(elements: list[HtmlElement]) -> float:
    text = sum(len(el.text_content()) for el in elements) or 1
    return min(sum(link_length(el) for el in elements) / text, 1.0)


def page_kind(evidence: Evidence) -> str:
    """`"article"`, or why the page is not one ("listing: ...", "stub: ...")."""
    if is_listing_url(evidence.url):
        return "listing: the URL names a listing"
    text = sum(len(b) for b in evidence.blocks)
    teasers = _teasers(evidence.elements)
    if evidence.listing_declared and not evidence.declared:
        return "listing: declared a collection page"
    least, per_teaser = (TEASERS_OF_A_DECLARED_LISTING, TEXT_PER_DECLARED_TEASER) if evidence.declared \
        else (TEASERS_OF_A_LISTING, TEXT_PER_TEASER)
    if teasers >= least and text < per_teaser * teasers:
        return f"listing: {teasers} teaser headlines in the main block"
    if evidence.declared:
        return ARTICLE if text >= MIN_DECLARED_TEXT else f"stub: {text} characters of text"
    if text < MIN_UNDECLARED_TEXT:
        return f"stub: {text} characters of text and no article declared"
    if not evidence.has_headline:
        return "other: no headline"
    if _link_share(evidence.elements) > MAX_LINK_SHARE:
        return "listing: the main block is mostly links"
    long_block = max((len(b) for b in evidence.blocks), default=0) >= LONG_BLOCK
    if looks_like_article_url(evidence.url) or evidence.dated and long_block:
        return ARTICLE
    return "other: no article URL, date or long running text"
