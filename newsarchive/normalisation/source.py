"""The publisher's display name ("Radar Palembang"), never a bare domain when a name exists."""

from __future__ import annotations

import html
import re

_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[a-z]{2,})+$", re.I)
_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_WORD = re.compile(r"\w+")
_MAX_NAME_WORDS = 5
_MAX_ACRONYM = 4


def _title_suffix(page_title: str | None, title: str | None, section: str | None) -> str | None:
    """The last ` - Part` of `<title>` when it is a name: not the headline, a date or the section."""
    if not page_title:
        return None
    parts = _SEPARATOR.split(page_title)
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    words = _WORD.findall(last.lower())
    headline = set(_WORD.findall((title or "").lower()))
    if not words or set(words) <= headline or len(words) > _MAX_NAME_WORDS or any(w.isdigit() for w in words):
        return None
    return None if section and last.casefold() == section.casefold() else last


def _display(name: str) -> str:
    """`RADAR PALEMBANG` -> `Radar Palembang`; acronyms (NDR) and mixed case are kept as written."""
    if name.isupper() and not _DOMAIN.match(name) and len(name) > _MAX_ACRONYM:
        return name.title()
    return name


def display_name(site_name: str | None, page_title: str | None, title: str | None,
                 dateline_outlet: str | None, site: str | None, section: str | None = None) -> str | None:
    """The first named candidate; a domain only when nothing else names the publisher."""
    suffix = _title_suffix(page_title, title, section)
    candidates = [html.unescape(c) for c in (site_name, suffix, dateline_outlet) if c]
    for candidate in candidates:
        if not _DOMAIN.match(candidate):
            return _display(candidate)
    return candidates[0] if candidates else site
