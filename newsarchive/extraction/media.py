"""The lead image: its URL, caption and credit, from the figure nearest the article start."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..normalisation.rules import alternation
from .dom import SALES_WORDS, class_id, clean, markers
from .structured import Structured

_WRAPPERS = {"a", "picture", "source", "span", "noscript", "div", "figure"}
# Class/id fragments of credit and caption elements ("ContentCaption_contentcredit", "bildautor").
CREDIT_PARTS = ("credit", "copyright", "source", "src", "author", "photographer", "urheber",
                "quelle", "fotograf", "rights", "attribution", "agency", "autor")
CAPTION_PARTS = ("caption", "legend", "keterangan", "description", "bildtext", "subtitle", "desc")
_SHORT_CREDIT_WORDS = 6
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


def _has_part(el: HtmlElement, parts: tuple[str, ...]) -> bool:
    raw = class_id(el)
    return len(raw) > 1 and any(part in raw for part in parts)


def _text(el: HtmlElement) -> str:
    """Visible text with element boundaries as spaces (`<span>Credit</span>Caption`)."""
    return clean(" ".join(el.itertext()))


@dataclass
class LeadImage:
    url: str | None = None
    caption: str | None = None
    credit: str | None = None
    attributes: str | None = None  # the image's title/alt text, where some sites put the credit


def _credit_element(container: HtmlElement, caption_el: HtmlElement | None) -> HtmlElement | None:
    for el in container.iter():
        if el is container or el is caption_el or not isinstance(el.tag, str):
            continue
        if _has_part(el, CREDIT_PARTS) or el.tag == "footer" or (
                el.tag in ("small", "cite") and caption_el is not None and caption_el in el.iterancestors()):
            return el
    return None


def _short_sibling_credit(el: HtmlElement) -> HtmlElement | None:
    """A credit in the element right after a bare caption: short, no full stop."""
    following = el.getnext()
    if following is None or not isinstance(following.tag, str):
        return None
    text = _text(following)
    if text and len(text.split()) <= _SHORT_CREDIT_WORDS and not text.endswith(".") and len(text) < len(_text(el)):
        return following
    return None


def _positional_credit(cap: HtmlElement) -> HtmlElement | None:
    """In `<figcaption><span>long caption</span><span>Short Credit</span></figcaption>`,
    the one short part without a full stop, beside a longer one, is the credit."""
    parts = [c for c in cap if isinstance(c.tag, str) and _text(c)]
    if len(parts) != 2 and not (len(parts) == 1 and clean(parts[0].tail)):
        return None
    total = len(_text(cap))
    short = [p for p in parts if len(_text(p).split()) <= _SHORT_CREDIT_WORDS
             and not _text(p).endswith(".") and len(_text(p)) < total / 2]
    return short[0] if len(short) == 1 else None


def _split_caption(fig: HtmlElement, cap: HtmlElement) -> tuple[str | None, str | None]:
    """Caption text, and the credit found in the caption or elsewhere in the figure."""
    credit_el = _credit_element(cap, None) if cap is not fig else None
    if credit_el is None:
        credit_el = _credit_element(fig, cap)
        if credit_el is not None and cap in credit_el.iterancestors():
            credit_el = None
    if credit_el is None:
        credit_el = _positional_credit(cap)
    if credit_el is None and cap is not fig and cap.tag != "figcaption":
        credit_el = _short_sibling_credit(cap)
    caption = _text(cap)
    if credit_el is None:
        return caption or None, None
    credit = _text(credit_el)
    if cap in credit_el.iterancestors():
        caption = clean(caption.replace(credit, " "))
    return caption or None, credit or None


def _caption_element(fig: HtmlElement) -> HtmlElement | None:
    for el in fig.iter("figcaption"):
        return el
    for el in fig.iter():
        # A heading classed "subtitle" is the story's subheading, never an image's caption.
        if el is not fig and isinstance(el.tag, str) and el.tag not in _HEADINGS and _has_part(el, CAPTION_PARTS):
            return el
    return None


def _wrapper(img: HtmlElement) -> HtmlElement:
    """The image with the elements that only wrap it (`<a>`, `<picture>`, `<source>`, ...)."""
    el = img
    while el.getparent() is not None and el.getparent().tag in _WRAPPERS \
            and not clean(el.getparent().text_content()):
        el = el.getparent()
    return el


def _text_after(img: HtmlElement) -> HtmlElement | None:
    """A short text element right after the image (or its wrappers): a bare caption."""
    following = _wrapper(img).getnext()
    if following is None or following.tag not in ("p", "span", "div", "small", "em", "i", "figcaption") \
            or markers(following) & _NOT_CAPTION_WORDS:
        return None
    text = clean(following.text_content())
    links = sum(len(a.text_content()) for a in following.iter("a"))
    paragraphs = sum(1 for _ in islice(following.iter("p"), 2))
    if 0 < len(text) <= 400 and links < 0.5 * len(text) and paragraphs < 2 and not _BYLINE.match(text):
        return following
    return None


def _is_small(img: HtmlElement) -> bool:
    """An icon or avatar by its declared size (a 160x90 placeholder of a photo is not)."""
    for attr, limit in (("width", 100), ("height", 60)):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < limit:
            return True
    return False


def _figure_of(img: HtmlElement, limit: HtmlElement) -> HtmlElement:
    """The smallest ancestor of an image that also holds its caption, up to `limit`."""
    el = _wrapper(img)
    for _ in range(4):
        parent = el.getparent()
        if parent is None or parent is limit:
            break
        el = parent
        if el.tag == "figure" or _caption_element(el) is not None:
            return el
    return el


_LOOK_AHEAD = 3
_MAX_CAPTION = 600
_MAX_INLINE_CAPTION = 200
_NOT_CAPTION_WORDS = {"author", "byline", "date", "time", "meta", "info", "share", "social", "tags",
                      "related", "teaser", "title", "headline"}
_BYLINE = re.compile(rf"^(?:{alternation('AUTHOR_LABELS')})\s", re.I)
_SKIP_ANCESTORS = {"nav", "aside", "footer"}
_SKIP_WORDS = {"logo", "avatar", "icon", "author", "profile", "teaser", "related", "gravatar",
               "emoji"} | SALES_WORDS


# Lazy loaders keep the photo in a data-* attribute and a placeholder in `src`: those first.
_SOURCE_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-srcset", "srcset", "src")
# File names of placeholders, logos and icons, never the story's photo.
_NOT_A_PHOTO = re.compile(r"(?:^|[/_.-])(?:blank|spacer|pixel|placeholder|lazy|loading|loader|transparent|"
                          r"1x1|dummy|logo|icon|icons|favicon|avatar|sprite|share|badge|button)"
                          r"(?:[/_.-]|$)|\.svg(?:$|\?)", re.I)


def _image_src(img: HtmlElement) -> str | None:
    for attr in _SOURCE_ATTRIBUTES:
        value = (img.get(attr) or "").strip()
        if value and not value.startswith("data:"):
            return value.split()[0].split(",")[0]
    return None


def _usable(img: HtmlElement) -> bool:
    """A story image: sized, with a source, not a logo/avatar, not inside a link or sidebar."""
    src = _image_src(img)
    if _is_small(img) or src is None or _NOT_A_PHOTO.search(src.split("?")[0].rsplit("/", 1)[-1]):
        return False
    for depth, el in enumerate(img.iterancestors()):
        if depth > 6:
            break
        if el.tag in _SKIP_ANCESTORS or markers(el) & _SKIP_WORDS:
            return False
        if el.tag == "a" and (len(el.text_content().strip()) > 20  # a teaser link
                              or _links_home(el)):  # the site's logo, whatever it is called
            return False
    return not markers(img) & _SKIP_WORDS


def _links_home(anchor: HtmlElement) -> bool:
    """A link to the site's home page (`/`, `https://site/`), as a logo is."""
    parts = urlsplit((anchor.get("href") or "").strip())
    return bool(anchor.get("href")) and parts.path in ("", "/") and not parts.query and not parts.fragment


def _stem(url: str | None) -> str:
    """The file name of an image URL without size suffixes, to match og:image to `<img>`."""
    name = (url or "").split("?")[0].rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return re.sub(r"[-_](?:\d+x\d+|w\d+|\d{3,4})$", "", name.lower())


def _read(img: HtmlElement, region: HtmlElement, body: list[HtmlElement]) -> LeadImage:
    fig = _figure_of(img, region)
    cap = _caption_element(fig)
    if cap is None:
        cap = _text_after(img)
        if cap is not None and (cap in body or len(_text(cap)) > _MAX_INLINE_CAPTION
                                and any(b in cap.iterancestors() for b in body)):
            cap = None  # the story's first paragraph under an inline image, not a caption
    lead = LeadImage(url=_image_src(img), attributes=clean(f"{img.get('title') or ''} {img.get('alt') or ''}") or None)
    if cap is not None:
        caption, credit = _split_caption(fig, cap)
        # An author's portrait is captioned by the byline; a caption is never a page header.
        if caption and len(caption) <= _MAX_CAPTION and not _BYLINE.match(caption):
            lead.caption, lead.credit = caption, credit
    return lead


def find_lead_image(regions: list[HtmlElement], data: Structured, body: list[HtmlElement]) -> LeadImage:
    """The article's first image and its caption: the first usable image of the article's
    own region (`regions`, narrowest first), else the `<img>` that og:image names.
    `body` are the story's containers, whose paragraphs are never a bare caption."""
    lead = LeadImage()
    for region in regions:
        # The first image, or the first captioned one among the first few (a banner or a
        # video poster without caption often comes before the photo the story leads with).
        images = [_read(img, region, body) for img in islice((i for i in region.iter("img") if _usable(i)), _LOOK_AHEAD)]
        if images:
            lead = next((i for i in images if i.caption), images[0])
            break
    og = _stem(data.first("og:image"))
    if lead.caption is None and og and regions:
        outer = regions[-1]
        match = next((img for img in outer.iter("img") if _usable(img) and _stem(_image_src(img)) == og), None)
        if match is not None:
            lead = _read(match, outer, body)
    _from_structured(lead, data)
    lead.url = lead.url or data.first("og:image")
    return lead


def _from_structured(lead: LeadImage, data: Structured) -> None:
    """Fill what the page's markup lacked from JSON-LD `image` (caption, creditText, ...)."""
    image = data.ld("image")
    if isinstance(image, list):
        image = data.resolve(image[0]) if image else None
    if isinstance(image, str):
        lead.url = lead.url or image
    if not isinstance(image, dict):
        return
    lead.url = lead.url or image.get("url") or image.get("contentUrl")
    if lead.caption is None and isinstance(image.get("caption"), str):
        lead.caption = clean(image["caption"]) or None
    if lead.credit is None:
        for key in ("creditText", "copyrightHolder", "author"):
            value = image.get(key)
            if isinstance(value, dict):
                value = value.get("name")
            if isinstance(value, str) and value.strip():
                lead.credit = clean(value)
                break
