"""The lead image: its URL, caption and credit, from the figure nearest the article start."""

from __future__ import annotations

from dataclasses import dataclass

from lxml.html import HtmlElement

from .dom import clean, markers
from .structured import Structured

CREDIT_WORDS = {"credit", "credits", "copyright", "source", "author", "photographer", "byline",
                "urheber", "quelle", "fotograf", "bildquelle", "rights", "attribution", "agency"}
CAPTION_WORDS = {"caption", "figcaption", "legend", "keterangan", "description", "bildtext",
                 "subtitle", "text", "desc"}


@dataclass
class LeadImage:
    url: str | None = None
    caption: str | None = None
    credit: str | None = None


def _split_figcaption(cap: HtmlElement) -> tuple[str | None, str | None]:
    """Caption text and the text of a credit element inside it (`<small>`, `.credit`, ...)."""
    credit_el = None
    for el in cap.iter():
        if el is not cap and isinstance(el.tag, str) and (
                markers(el) & CREDIT_WORDS or el.tag in ("small", "cite")):
            credit_el = el
            break
    if credit_el is None:
        caption_el = next((el for el in cap.iter() if el is not cap and isinstance(el.tag, str)
                           and markers(el) & CAPTION_WORDS), None)
        return clean((caption_el if caption_el is not None else cap).text_content()) or None, None
    credit = clean(credit_el.text_content())
    caption = clean(cap.text_content().replace(credit_el.text_content(), " "))
    return caption or None, credit or None


def _caption_element(fig: HtmlElement) -> HtmlElement | None:
    for el in fig.iter("figcaption"):
        return el
    for el in fig.iter():
        if el is not fig and isinstance(el.tag, str) and markers(el) & (CAPTION_WORDS - {"text"}):
            return el
    return None


def _text_after(img: HtmlElement) -> HtmlElement | None:
    """A short text element right after the image (or its link/picture wrapper): a bare caption."""
    el = img
    while el.getnext() is None and el.getparent() is not None and el.getparent().tag in ("a", "picture", "span"):
        el = el.getparent()
    following = el.getnext()
    if following is not None and following.tag in ("p", "span", "div", "small", "em", "i"):
        text = clean(following.text_content())
        if 0 < len(text) <= 400:
            return following
    return None


def _is_small(img: HtmlElement) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().rstrip("px")
        if value.isdigit() and int(value) < 120:
            return True
    return False


def _figure_of(img: HtmlElement, limit: HtmlElement) -> HtmlElement:
    """The smallest ancestor of an image that also holds its caption, up to `limit`."""
    el = img
    for _ in range(4):
        parent = el.getparent()
        if parent is None or parent is limit:
            break
        el = parent
        if el.tag == "figure" or _caption_element(el) is not None:
            return el
    return el


def find_lead_image(scope: HtmlElement | None, body_start: HtmlElement | None,
                    data: Structured) -> LeadImage:
    """The first sizeable image of the article region (header or body) and its caption."""
    lead = LeadImage()
    if scope is not None:
        for img in scope.iter("img", "figure"):
            if img.tag == "img" and (_is_small(img) or not (img.get("src") or img.get("data-src"))):
                continue
            fig = img if img.tag == "figure" else _figure_of(img, scope)
            image = img if img.tag == "img" else next(fig.iter("img"), None)
            cap = _caption_element(fig)
            if cap is None and image is not None:
                cap = _text_after(image)
            if image is not None:
                lead.url = image.get("src") or image.get("data-src")
            if cap is not None:
                lead.caption, lead.credit = _split_figcaption(cap)
            elif image is not None and image.get("alt") and fig.tag == "figure":
                lead.caption = clean(image.get("alt"))
            break
    image = data.ld("image")
    if isinstance(image, list):
        image = data.resolve(image[0]) if image else None
    if isinstance(image, dict):
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
    elif isinstance(image, str):
        lead.url = lead.url or image
    lead.url = lead.url or data.first("og:image")
    return lead
