"""Sitemaps and feeds from untrusted servers, within bounds: inflated to a limit, no entities.

A gzipped file of 2 MB can inflate to gigabytes, and an entity of 100 KB used 10,000 times
is a gigabyte of text: both are cut here, before any parser sees them.
"""

from __future__ import annotations

import codecs
import re

from scrapy.utils.gz import gunzip

_GZIP = b"\x1f\x8b"
_FIRST_ELEMENT = re.compile(rb"<\w")  # how feedparser finds the end of a document's prolog
_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*\?>")
# What the XML standard reads from a BOM-less document's first bytes (UTF-16/32).
_WIDE = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"), (b"<\x00\x00\x00", "utf-32-le"), (b"\x00\x00\x00<", "utf-32-be"),
         (b"<\x00", "utf-16-le"), (b"\x00<", "utf-16-be"))


class TooLarge(ValueError):
    """A compressed body that inflates past the limit."""


def inflate(body: bytes, max_size: int) -> bytes:
    """`body`, gunzipped when it is a gzip file (64 KB at a time, stopping past `max_size`).

    A corrupt gzip file gives what could be read of it (b"" when nothing could).
    """
    if body[:2] != _GZIP:
        return body
    try:
        return gunzip(body, max_size=max_size)
    except (OSError, EOFError):
        return b""
    except ValueError:  # Scrapy's _DecompressionMaxSizeExceeded
        raise TooLarge(f"inflates past {max_size} bytes") from None


def without_doctype(body: bytes) -> tuple[bytes, bool]:
    """(`body` without what precedes its first element, whether a DOCTYPE or entity went).

    feedparser re-declares a DOCTYPE's plain-text entities and its loose parser substitutes
    them without a limit; a document whose prolog is at most an XML declaration declares none.
    UTF-16/32 documents are read as UTF-8 first, so that their prolog can be seen.
    """
    wide = next((codec for start, codec in _WIDE if body.startswith(start)), None)
    if wide:
        body = _XML_DECLARATION.sub(b"", body.decode(wide, errors="replace").encode("utf-8"), count=1)
    first = _FIRST_ELEMENT.search(body)
    end = first.start() if first else len(body)
    if b"<!" not in body[:end]:
        return body, False
    declaration = _XML_DECLARATION.match(body, 0, end)
    kept = declaration.group(0) if declaration else b""
    return kept + body[end:], b"ENTITY" in body[:end].upper()
