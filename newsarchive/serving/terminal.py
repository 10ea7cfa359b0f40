"""Scraped text shown in a terminal: control characters never reach it."""

from __future__ import annotations

import re

import click

from ..storage.search import MARK

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # incl. bidi overrides


def safe(text: str | None) -> str:
    """Scraped text with terminal control characters removed (they could move the cursor or recolour)."""
    return CONTROL.sub("", text or "")


def highlight(snippet: str, colour: bool) -> str:
    """A snippet whose match marks become bold in a terminal, or [brackets] in a pipe."""
    start, end = ("\x1b[1;33m", "\x1b[0m") if colour else ("[", "]")
    parts = re.split(f"([{MARK[0]}{MARK[1]}])", " ".join(snippet.split()))
    return "".join(start if p == MARK[0] else end if p == MARK[1] else safe(p) for p in parts)


def colour_wanted() -> bool:
    return click.get_text_stream("stdout").isatty()
