"""HTML parsed whatever its nesting: libxml2 stops a whole page at 256 open elements.

A page that wraps its article in 100,000 `<div>`s would come out empty. When the parser
reports that limit, the page is parsed again with the bare wrappers past a safe depth left
out: their text stays, and so do the elements inside them that have a class, an id or text
of their own to mark (paragraphs, headings), so the article's own structure survives.
"""

from __future__ import annotations

import re
from collections import Counter

import lxml.html
from lxml.etree import ErrorTypes, _Element
from lxml.html import HtmlElement

TOO_DEEP = 250  # near libxml2's limit of 256 open elements (2048 with huge_tree, as parsel parses)
KEPT_DEPTH = 150  # any element up to this depth stays
MARKED_DEPTH = 200  # elements with attributes, paragraphs, headings... stay up to this one (libxml2: 256)
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


def ends_too_deep(root: _Element) -> bool:
    """Whether a tree ends TOO_DEEP elements deep: what a parse stopped at its limit leaves.

    Only the last children are walked, so a normal page costs a dozen steps.
    """
    depth, el = 0, root
    while len(el) and depth < TOO_DEEP:
        el, depth = el[-1], depth + 1
    return depth >= TOO_DEEP


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
            marked = name in _TEXT_BLOCKS or bool(found.group(0)[len(name) + 1:-1].strip(" /"))
            kept = depth < KEPT_DEPTH or (marked and depth < MARKED_DEPTH)
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
