"""Scraped text shown in a terminal: control characters never reach it."""

from __future__ import annotations

import re

from ..storage.search import MARK, SearchHit

# Scraped text must never drive the terminal: drop C0/C1 controls and bidi overrides (our marks excepted).
_CONTROL = re.compile("[\x00-\x01\x04-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HIGHLIGHT = ("\x1b[1;33m", "\x1b[0m")
# The same for records printed whole (JSON, CSV, tab-separated): tabs and newlines stay, marks go too.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def clean(text: str | None) -> str:
    """Text safe to print: control characters removed, whitespace runs collapsed."""
    return " ".join(_CONTROL.sub("", text or "").replace(MARK[0], "").replace(MARK[1], "").split())


def printable(text: str) -> str:
    """A record's text safe to print as it is: control characters and bidi overrides removed.

    JSON stays valid: json.dumps already escapes C0 controls, and the rest may go unescaped.
    """
    return _UNPRINTABLE.sub("", text)


def highlighted(hit: SearchHit, color: bool) -> str:
    """The hit's snippet on one line, matches in bold yellow (a terminal) or [brackets] (a pipe)."""
    snippet = " ".join(_CONTROL.sub("", hit.snippet).split())
    start, end = HIGHLIGHT if color else ("[", "]")
    return snippet.replace(MARK[0], start).replace(MARK[1], end)
