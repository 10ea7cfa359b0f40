"""Bytes to text: BOM, then the page's own charset declaration, then a fallback."""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Decode a page; `declared` is the HTTP header's charset when the caller has one."""
    if isinstance(data, str):
        return data
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    candidates = [declared] if declared else []
    found = _META_CHARSET.search(data[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "windows-1252"]
    for encoding in candidates:
        if encoding.lower() in ("iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii"):
            encoding = "windows-1252"  # what browsers do for these labels
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("utf-8", errors="replace")
