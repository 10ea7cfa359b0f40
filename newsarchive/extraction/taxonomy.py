"""Section and tags: declared in structured data, else shown as breadcrumb and tag links."""

from __future__ import annotations

from lxml.html import HtmlElement

from .dom import clean, markers
from .structured import Structured

_TAG_BOX_WORDS = {"tags", "tag", "keywords", "topics", "tagcloud"}
_BREADCRUMB = ("//*[contains(translate(@class, 'BREADCUM', 'breadcum'), 'breadcrumb') "
               "or contains(translate(@id, 'BREADCUM', 'breadcum'), 'breadcrumb')]")
_HOME = {"home", "beranda", "startseite", "accueil", "inicio", "index"}


def declared_section(data: Structured) -> str | None:
    """articleSection / article:section, as the page declares it."""
    value = data.ld("articleSection") or data.first("article:section", "section")
    if isinstance(value, list):
        value = value[0] if value else None
    return clean(value) if isinstance(value, str) and value.strip() else None


def find_section(data: Structured, scope: HtmlElement | None, doc: HtmlElement) -> str | None:
    """The declared section, else a category link, else the breadcrumb's last step."""
    declared = declared_section(data)
    if declared:
        return declared
    region = scope if scope is not None else doc
    for link in region.iter("a"):
        if "category" in (link.get("rel") or "").split() and clean(link.text_content()):
            return clean(link.text_content())
    for el in doc.xpath(_BREADCRUMB):
        steps = [clean(a.text_content()) for a in el.iter("a")]
        steps = [s for s in steps if s and s.lower() not in _HOME]
        if steps:
            return steps[-1]
    return None


def find_tags(data: Structured, scope: HtmlElement | None) -> list[str]:
    """article:tag / keywords, else the article's tag links (`rel="tag"`, a `.tags` box)."""
    tags = data.all("article:tag")
    if not tags:
        value = data.ld("keywords") or data.first("news_keywords", "keywords")
        if isinstance(value, list):
            tags = [str(v) for v in value]
        elif isinstance(value, str):
            tags = value.split(",")
    if not tags and scope is not None:
        tags = [a.text_content() for a in scope.iter("a") if "tag" in (a.get("rel") or "").split()]
        if not tags:
            box = next((el for el in scope.iter() if isinstance(el.tag, str)
                        and markers(el) & _TAG_BOX_WORDS and el.tag != "a"), None)
            tags = [a.text_content() for a in box.iter("a")] if box is not None else []
    out: list[str] = []
    for tag in (clean(t) for t in tags):
        if tag and tag not in out:
            out.append(tag)
    return out
