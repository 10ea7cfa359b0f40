"""Bytes to text as a browser reads them: BOM, then the declared charset, then a fallback.

The text is also made parseable: libxml2 stops at a lone surrogate and the HTML standard
drops NUL characters, so neither reaches the parser.
"""

from __future__ import annotations

import codecs
import re

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]
_UNPARSEABLE = re.compile("[\x00\ud800-\udfff]")


def browser_encoding(label: str) -> str:
    """The codec a browser uses for a declared charset label without a BOM.

    Latin-1 and ASCII labels mean windows-1252; a UTF-16/32 label on a page whose
    declaration could be read as ASCII is wrong, and the HTML standard reads it as UTF-8.
    """
    label = label.strip().lower()
    if label in ("iso-8859-1", "latin-1", "latin1", "ascii", "us-ascii"):
        return "windows-1252"
    if label.startswith(("utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2")):
        return "utf-8"
    return label


def parseable(text: str) -> str:
    """`text` without NUL characters, its lone surrogates replaced (U+FFFD)."""
    return _UNPARSEABLE.sub(lambda found: "" if found.group() == "\x00" else "\ufffd", text)


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Decode a page; `declared` is the HTTP header's charset when the caller has one.

    A declared charset is used as a browser uses it, invalid bytes becoming U+FFFD; an
    undeclared page is UTF-8 if it decodes as such, else windows-1252.
    """
    if isinstance(data, str):
        return parseable(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return parseable(data[len(bom):].decode(encoding, errors="replace"))
    labels = [declared] if declared else []
    found = _META_CHARSET.search(data[:4096])
    if found:
        labels.append(found.group(1).decode("ascii", "ignore"))
    for label in labels:
        try:
            return parseable(data.decode(browser_encoding(label), errors="replace"))
        except LookupError:
            continue
    try:
        return parseable(data.decode("utf-8"))
    except UnicodeDecodeError:
        return parseable(data.decode("windows-1252", errors="replace"))
