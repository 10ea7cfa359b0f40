"""The publisher's display name ("Radar Palembang"), never a bare domain when a name exists."""

from __future__ import annotations

import re

_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[a-z]{2,})+$", re.I)
_SEPARATORS = re.compile(r"\s+[|–—-]\s+|\s+[·•»:]\s+")
_WORD = re.compile(r"\w+")


def _title_suffix(page_title: str | None, title: str | None) -> str | None:
    """The part of `<title>` that is not the headline: ` - Radar Palembang`."""
    if not page_title:
        return None
    parts = _SEPARATORS.split(page_title)
    if len(parts) < 2:
        return None
    headline = set(_WORD.findall((title or "").lower()))
    rest = [p for p in parts if not set(_WORD.findall(p.lower())) <= headline]
    return rest[-1].strip() if rest else None


def _display(name: str) -> str:
    """`RADAR PALEMBANG` -> `Radar Palembang`; mixed case is kept as written."""
    return name.title() if name.isupper() and not _DOMAIN.match(name) else name


def display_name(site_name: str | None, page_title: str | None, title: str | None,
                 dateline_outlet: str | None, site: str | None) -> str | None:
    """The first named candidate; a domain only when nothing else names the publisher."""
    candidates = [c for c in (site_name, _title_suffix(page_title, title), dateline_outlet) if c]
    for candidate in candidates:
        if not _DOMAIN.match(candidate):
            return _display(candidate)
    return candidates[0] if candidates else site
