"""Archive text: control characters out, mojibake repaired, Unicode NFC, whitespace collapsed."""

from __future__ import annotations

import re
import unicodedata

import ftfy

from ..extraction.dom import clean

# C0/C1 controls (terminal escapes: ESC[2J, ESC]0;...BEL) and lone surrogates never reach the archive;
# tabs and newlines are whitespace like any other.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# Zero-width marks go; soft hyphens stay, as published.
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
# Only text that shows mojibake's fingerprints goes through ftfy (it is slow on long text).
_SUSPECT = re.compile(r"[ÃÂâÅÐÑ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u203a\u20ac\u2122]|â€|Ã.")


def tidy(text: str | None) -> str:
    """One line of archive text."""
    if not text:
        return ""
    if _SUSPECT.search(text):
        # repair only: curly quotes and full-width letters stay as the page printed them
        text = ftfy.fix_text(text, uncurl_quotes=False, fix_character_width=False)
    # after the repair, which reads mojibake's C1 characters as the bytes they were
    text = unicodedata.normalize("NFC", _ZERO_WIDTH.sub("", without_controls(text)))
    return clean(text)


def without_controls(text: str) -> str:
    """`text` without control characters (but tab and newline) and lone surrogates."""
    return _CONTROL.sub("", text)


def tidy_or_none(text: str | None) -> str | None:
    return tidy(text) or None
