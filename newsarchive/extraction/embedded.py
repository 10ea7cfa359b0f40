"""The body of pages that render it in the browser: HTML carried in a script's JSON strings.

Next.js and similar frameworks ship the article as an escaped HTML string inside a
`<script>` (`self.__next_f.push(...)`, `__NEXT_DATA__`); when the DOM itself has no
story, that string is the page's text.
"""

from __future__ import annotations

import json
import re

import lxml.html
from lxml.etree import ParserError
from lxml.html import HtmlElement

_MARKERS = ("\\u003cp", "\\u003cP", "<p>", "<p ")
_STRING = re.compile(r'"((?:[^"\\]|\\.){200,})"', re.S)


def script_payloads(doc: HtmlElement) -> list[str]:
    """Texts of the scripts that may carry escaped article HTML (read before scripts are dropped)."""
    out = []
    for script in doc.iter("script"):
        text = script.text or ""
        if (script.get("type") or "").lower() != "application/ld+json" and any(m in text for m in _MARKERS):
            out.append(text)
    return out


def _decode(literal: str) -> str:
    """A JSON string literal's value, unescaped again while it still looks escaped."""
    value = literal
    for _ in range(3):
        try:
            value = json.loads(f'"{value}"')
        except ValueError:
            break
        if "\\u003c" not in value and '\\"' not in value:
            break
    return value


def embedded_body(payloads: list[str]) -> HtmlElement | None:
    """The longest HTML fragment with paragraphs found in the payloads, parsed."""
    best = ""
    for payload in payloads:
        for found in _STRING.finditer(payload):
            literal = found.group(1)
            if len(literal) > len(best) and any(m in literal for m in _MARKERS):
                best = literal
    if not best:
        return None
    try:
        return lxml.html.fragment_fromstring(_decode(best), create_parent="div")
    except (ParserError, ValueError):
        return None
