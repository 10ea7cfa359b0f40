"""Structured data, parsed once per page: JSON-LD, OpenGraph/article/Dublin Core meta, microdata.

Publishers declare most metadata for search engines; reading it first is both
faster and more reliable than guessing from the visible page.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lxml.html import HtmlElement

from ..normalisation.rules import NOT_PEOPLE

ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "liveblogposting",
    "socialmediaposting", "report", "scholarlyarticle", "techarticle", "askpublicnewsarticle",
}
# Page types of listings: a category, tag, author or search page declares one of these.
LISTING_TYPES = {"collectionpage", "searchresultspage", "profilepage", "itemlist"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# Comment and CDATA wrappers some CMSs put around the JSON.
_WRAPPING = re.compile(r"^\s*(?:(?://)?\s*<!\[CDATA\[|<!--)\s*|\s*(?:(?://)?\s*\]\]>|-->)\s*$")


@dataclass
class Structured:
    """What the page declares about itself; every field may be missing."""

    meta: dict[str, list[str]] = field(default_factory=dict)
    article: dict[str, Any] = field(default_factory=dict)
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    microdata: dict[str, list[HtmlElement]] = field(default_factory=dict)
    # The types the page declares for itself (not those of the items of a list it declares).
    types: set[str] = field(default_factory=set)

    @property
    def declares_article(self) -> bool:
        """The page says it is an article: schema.org type, `og:type` or a publication time."""
        og_type = (self.first("og:type") or "").lower()
        return bool(self.types & ARTICLE_TYPES) or og_type.startswith("article") \
            or self.first("article:published_time") is not None

    @property
    def declares_listing(self) -> bool:
        return bool(self.types & LISTING_TYPES)

    def first(self, *names: str) -> str | None:
        """The first non-empty meta content among `names` (name/property/itemprop)."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value.strip():
                    return value.strip()
        return None

    def all(self, name: str) -> list[str]:
        return [v.strip() for v in self.meta.get(name, ()) if v.strip()]

    def resolve(self, value: Any) -> Any:
        """Follow a JSON-LD `{"@id": ...}` reference into the page's graph."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and value.get("@id") in self.nodes:
            return self.nodes[value["@id"]]
        return value

    def ld(self, key: str) -> Any:
        return self.resolve(self.article.get(key))


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type") or []
    return {str(k).lower().rsplit("/", 1)[-1] for k in (kind if isinstance(kind, list) else [kind])}


def _walk(value: Any, out: list[dict[str, Any]], own: list[dict[str, Any]]) -> None:
    """The nodes of a JSON-LD value in document order into `out`, and into `own` those that
    describe the page itself rather than an item of a list it declares; a loop, not
    recursion, for any depth."""
    stack: list[tuple[Any, bool]] = [(value, True)]
    while stack:
        value, is_own = stack.pop()
        if isinstance(value, list):
            stack.extend((item, is_own) for item in reversed(value))
        elif isinstance(value, dict):
            out.append(value)
            if is_own:
                own.append(value)
            stack.extend((value[key], is_own and key != "itemListElement")
                         for key in ("itemListElement", "mainEntity", "@graph") if key in value)


def _load_json(text: str) -> Any:
    text = _WRAPPING.sub("", _CONTROL.sub(" ", text))
    try:
        return json.loads(text, strict=False)
    except RecursionError:  # arrays nested deeper than Python's recursion limit: no article there
        return None
    except ValueError:
        # Several objects concatenated, or a trailing semicolon: keep what parses.
        decoder, items, pos = json.JSONDecoder(strict=False), [], 0
        while pos < len(text):
            while pos < len(text) and text[pos] in " \t\r\n;,":
                pos += 1
            try:
                item, pos = decoder.raw_decode(text, pos)
            except (ValueError, RecursionError):
                break
            items.append(item)
        return items


def _pick_article(nodes: list[dict[str, Any]], url: str) -> dict[str, Any]:
    articles = [n for n in nodes if _types(n) & ARTICLE_TYPES]
    if not articles:  # a ClaimReview, a VideoObject...: any node that dates itself
        articles = [n for n in nodes if n.get("datePublished") and (n.get("headline") or n.get("name"))]
    if not articles:
        return {}

    def rank(node: dict[str, Any]) -> tuple[int, int, int]:
        same_url = str(node.get("url") or node.get("@id") or "").split("#")[0].rstrip("/") == url.rstrip("/")
        return (int(bool(node.get("headline"))) + int(bool(node.get("datePublished"))),
                int(same_url), len(str(node.get("articleBody") or "")))

    return max(articles, key=rank)


def parse_structured(doc: HtmlElement, url: str) -> Structured:
    """Read every declaration of the page in one pass over its `<script>`, `<meta>` and itemprops."""
    data = Structured()
    nodes: list[dict[str, Any]] = []
    own: list[dict[str, Any]] = []
    for script in doc.iter("script"):
        if (script.get("type") or "").lower().strip() == "application/ld+json" and script.text:
            _walk(_load_json(script.text), nodes, own)
    for meta in doc.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = meta.get("content")
        if key and content is not None:
            data.meta.setdefault(key.strip().lower(), []).append(content)
    data.types = set().union(*(_types(n) for n in own))
    # A microdata type given once describes the page; given many times, the items of a listing.
    item_types = Counter(t.strip().rsplit("/", 1)[-1].lower() for t in doc.xpath("//@itemtype"))
    data.types.update(t for t, n in item_types.items() if n == 1 and t)
    for el in doc.xpath("//*[@itemprop]"):
        if el.tag != "meta":
            for prop in el.get("itemprop").split():
                data.microdata.setdefault(prop, []).append(el)
    data.nodes = {str(n["@id"]): n for n in nodes if isinstance(n.get("@id"), str)}
    data.article = _pick_article(nodes, url)
    return data


def names_of(value: Any, data: Structured) -> list[tuple[str, bool]]:
    """(name, is_person) pairs of a JSON-LD author/publisher value in any of its shapes."""
    out: list[tuple[str, bool]] = []
    for item in value if isinstance(value, list) else [value]:
        item = data.resolve(item)
        if isinstance(item, str):
            out.append((item, True))
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if isinstance(name, str) and name.strip():
                organization = bool(_types(item) & {"organization", "newsmediaorganization"})
                out.append((name, not organization and not _is_account(item)))
    return out


def _is_account(item: dict[str, Any]) -> bool:
    return any(isinstance(item.get(key), str) and is_account_url(item[key]) for key in ("url", "@id"))


def is_account_url(link: str) -> bool:
    """A shared account's profile, whatever display name it shows: the URL ends in a role
    slug (".../author/admin/", ".../penulis/redaksi")."""
    return "/" in link and link.split("#")[0].rstrip("/").rsplit("/", 1)[-1].lower() in NOT_PEOPLE
