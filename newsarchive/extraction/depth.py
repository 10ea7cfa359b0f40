"""HTML parsed whatever its nesting: libxml2 stops a whole page at 256 open elements.

A page that wraps its article in 100,000 `<div>`s would come out empty. When the parser
reports that limit, the page is parsed again with the wrappers past a safe depth left out
(their text stays, and so do the paragraphs inside them).
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from lxml.etree import ErrorTypes
from lxml.html import HtmlElement

KEPT_DEPTH = 150  # any element up to this depth stays
TEXT_DEPTH = 200  # paragraphs, headings, list items and quotes stay up to this one (libxml2: 256)
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
_TEXT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
                "td", "th", "dd", "dt"}


def parse_document(html: str) -> HtmlElement:
    """The page's tree; raises what lxml raises for markup it cannot read at all."""
    parser = lxml.html.HTMLParser()
    doc = lxml.html.document_fromstring(html, parser=parser)
    if any(error.type == ErrorTypes.ERR_RESOURCE_LIMIT for error in parser.error_log):
        doc = lxml.html.document_fromstring(flatten(html))
    return doc


def flatten(html: str) -> str:
    """`html` with the tags of elements nested past the safe depths removed, their content kept."""
    stack: list[tuple[str, bool]] = []  # open elements: (tag, kept)
    open_tags: Counter[str] = Counter()
    depth = 0  # kept elements open

    def tag(found: re.Match[str]) -> str:
        nonlocal depth
        name = found.group(2).lower()
        if name in _VOID:
            return found.group(0)
        if not found.group(1):
            kept = depth < KEPT_DEPTH or (name in _TEXT_BLOCKS and depth < TEXT_DEPTH)
            stack.append((name, kept))
            open_tags[name] += 1
            depth += kept
            return found.group(0) if kept else ""
        if not open_tags[name]:
            return found.group(0)  # a stray end tag: the parser ignores it
        while True:  # elements left open inside this one end with it
            inner, kept = stack.pop()
            open_tags[inner] -= 1
            depth -= kept
            if inner == name:
                return found.group(0) if kept else ""

    return _TAG.sub(tag, html)
