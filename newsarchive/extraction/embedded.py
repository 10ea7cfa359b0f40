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


def _html_strings(text: str, depth: int = 0) -> list[str]:
    """Decoded JSON string literals of `text` that are HTML with paragraphs, looking into
    strings that are themselves JSON (payloads are often escaped twice)."""
    out: list[str] = []
    for found in _STRING.finditer(text):
        literal = found.group(1)
        if not any(m in literal for m in _MARKERS):
            continue
        try:
            value = json.loads(f'"{literal}"')
        except ValueError:
            continue
        if value.lstrip().startswith("<") and "<p" in value.lower():
            out.append(value)
        elif depth < 2:
            out.extend(_html_strings(value, depth + 1))
    return out


def embedded_body(payloads: list[str]) -> HtmlElement | None:
    """The longest HTML fragment with paragraphs found in the payloads, parsed."""
    found = [html for payload in payloads for html in _html_strings(payload)]
    if not found:
        return None
    try:
        return lxml.html.fragment_fromstring(max(found, key=len), create_parent="div")
    except (ParserError, ValueError):
        return None
