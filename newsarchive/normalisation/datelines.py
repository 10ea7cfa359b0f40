"""Datelines: `PALEMBANG, RADAR PALEMBANG — `, `SRIPOKU.COM, PALEMBANG - `, `LONDON (Reuters) -`.

The place is the dateline; the outlet is a hint for the source. The paragraph
itself stays in the body as published.
"""

from __future__ import annotations

import re

_DASH = r"\s*[—–-]{1,2}\s+"
_PLACE = r"[A-Z][A-Za-zÀ-ÿ'’]+(?:[ -][A-Z][A-Za-zÀ-ÿ'’]+){0,3}"
_CAPS_PLACE = r"[A-Z][A-Z'’]+(?:[ -][A-Z][A-Z'’]+){0,3}"
_OUTLET = r"[A-Za-z][\w.&]*(?: [A-Za-z][\w.&]*){0,3}"
_DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z]{2,})+"
_FORMS = [
    re.compile(rf"^(?P<outlet>{_DOMAIN}),\s+(?P<place>{_CAPS_PLACE}){_DASH}"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE}),\s+(?P<outlet>{_OUTLET}){_DASH}"),
    re.compile(rf"^(?P<place>{_PLACE})\s+\((?P<outlet>{_OUTLET})\){_DASH}"),
    re.compile(rf"^(?P<place>{_CAPS_PLACE}){_DASH}"),
]


def find_dateline(blocks: list[str]) -> tuple[str | None, str | None]:
    """(place, outlet) from the first paragraphs, or (None, None)."""
    for block in blocks[:3]:
        for form in _FORMS:
            found = form.match(block)
            if found:
                return found.group("place"), found.groupdict().get("outlet")
    return None, None
