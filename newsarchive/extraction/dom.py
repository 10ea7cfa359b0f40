"""Small DOM helpers shared by the extraction modules: text, class markers, boilerplate test."""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_SPLIT = re.compile(r"[\s_-]+|(?<=[a-z])(?=[A-Z])")

# Class/id words of boxes that sell something (a subscription, a newsletter, an ad): never the
# story's text or its image, whatever else their classes say ("article-subscribe--subtitle").
SALES_WORDS = {"subscribe", "subscription", "newsletter", "promo", "advertisement", "ad", "ads",
               "sponsor", "sponsored", "signup", "donate"}
# Class/id words that mark page furniture rather than story.
BOILER_WORDS = SALES_WORDS | {
    "share", "shares", "sharing", "social", "related", "recommended", "recommendations", "comment",
    "comments", "advert", "adv", "advertising", "outbrain", "taboola", "breadcrumb",
    "breadcrumbs", "nav", "navigation", "menu", "sidebar", "widget", "popup", "modal", "cookie",
    "tags", "byline", "caption", "credit", "credits", "readmore", "banner", "toolbar", "rating",
    "hidden", "follow", "author", "authors", "footer", "survey",
    "trending", "popular", "most", "teaser", "teasers", "embed", "video", "audio", "podcast",
    "gallery", "slideshow", "infobox", "disclaimer", "copyright", "print", "tooltip", "overlay",
    "login", "register", "topics", "keywords", "pagination", "pager", "links", "bio", "meta", "dateline",
    "timestamp", "date", "figure", "photo", "image", "img", "picture", "media", "kicker",
    "twitter", "tweet", "instagram", "tiktok", "facebook", "youtube", "rail", "fact", "facts",
    "factbox", "fakta", "faktaboks", "komentar", "terkait", "lainnya", "terpopuler", "consent", "gdpr",
    "onetrust", "cookiebot", "wayback",
}
BOILER_PREFIXES = ("related", "share", "social", "comment", "newsletter", "advert", "sponsor",
                   "outbrain", "taboola", "breadcrumb", "recommend", "promo", "subscri",
                   "sharing", "readmore", "bacajuga", "baca", "ads", "adslot", "adunit", "banner")
BOILER_TAGS = {"nav", "aside", "footer", "form", "button", "select", "textarea", "input", "label",
               "figure", "figcaption", "picture", "video", "audio", "iframe", "svg", "canvas",
               "object", "embed", "noscript", "script", "style", "template", "header", "dialog",
               "menu", "img", "map"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# Every run of whitespace (no-break spaces included) becomes one space, except the
# ideographic space U+3000, which Chinese and Japanese headlines use as a separator.
_SPACE = re.compile(r"[^\S\u3000]+")


def clean(text: str | None) -> str:
    """Whitespace collapsed to single spaces, ends trimmed."""
    return _SPACE.sub(" ", text or "").strip()


def class_id(el: HtmlElement) -> str:
    """An element's class and id as one lower-cased string, for substring tests."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def markers(el: HtmlElement) -> set[str]:
    """The lower-cased words of an element's class and id."""
    cls, ident = el.get("class"), el.get("id")
    if not cls and not ident:
        return set()
    return {w.lower() for w in _SPLIT.split(f"{cls or ''} {ident or ''}") if w}


def is_boilerplate(el: HtmlElement) -> bool:
    """True for a subtree that is page furniture by tag, class/id or being hidden."""
    if not isinstance(el.tag, str) or el.tag in BOILER_TAGS:
        return True
    if is_hidden(el):
        return True
    words = markers(el)
    return bool(words & BOILER_WORDS) or any(w.startswith(BOILER_PREFIXES) for w in words)


def is_hidden(el: HtmlElement) -> bool:
    """Hidden by its own markup (`hidden`, `aria-hidden`, `display: none`, `visibility: hidden`)."""
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def link_length(el: HtmlElement) -> int:
    return sum(len(a.text_content()) for a in el.iter("a"))
