"""Turning an `Article` into an archive row: JSON lists, content hash, order key, compression.

The order key is the row's id: seconds since the epoch of its publication (or of its first
sighting when the page states no date) times `SLOTS`, plus a free slot. Rowid order then
tracks publication order, which lets full-text search walk matches newest first and stop
early, and turns a date filter into a rowid range.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from ..article import Article
from ..errors import NewsarchiveError

SLOTS = 1_000_000  # ids available per second of publication time
LIST_FIELDS = ("authors", "tags", "editors")
CONTENT_FIELDS = (
    "source", "title", "caption", "photo_credit", "body", "authors", "published", "modified",
    "dateline", "section", "tags", "language", "editors", "summary", "image_url",
)  # fmt: skip


def now() -> str:
    """The current UTC time as ISO 8601 with offset, to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def parse_time(value: str) -> datetime:
    """An ISO 8601 date or datetime; a naive one is taken as UTC."""
    moment = datetime.fromisoformat(value.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def order_base(value: str | None, fallback: str) -> int:
    """The first id of the second `value` (else `fallback`) falls in."""
    try:
        moment = parse_time(value) if value else parse_time(fallback)
    except ValueError:
        moment = parse_time(fallback)
    return int(moment.timestamp()) * SLOTS


def date_bound(value: str, *, end: bool, option: str) -> int:
    """The id range edge for a `--since`/`--until` date (a whole day when no time is given)."""
    try:
        moment = parse_time(value)
        if end:  # the last id before the next day (or second)
            moment += timedelta(days=1) if len(value.strip()) <= 10 else timedelta(seconds=1)
        return int(moment.timestamp()) * SLOTS - (1 if end else 0)
    except (ValueError, OverflowError):  # not a date, or past the calendar's end
        raise NewsarchiveError(
            f"{option}: expected a date like 2024-05-01, got {value!r}"
        ) from None


def content_hash(fields: dict[str, Any]) -> str:
    """A digest of what the article says, so a re-fetch can tell 'unchanged' cheaply."""
    payload = json.dumps([fields.get(name) for name in CONTENT_FIELDS], ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def article_fields(article: Article) -> dict[str, Any]:
    """The row columns an article supplies, lists as JSON text."""
    fields = {name: getattr(article, name) for name in CONTENT_FIELDS}
    for name in LIST_FIELDS:
        fields[name] = json.dumps(list(fields[name] or []), ensure_ascii=False)
    fields["url"] = article.url
    fields["site"] = article.site or _host(article.url)
    return fields


def compress(html: str | bytes) -> bytes:
    return zlib.compress(html.encode() if isinstance(html, str) else html, 6)


def decompress(blob: bytes, compression: str) -> bytes:
    if compression != "zlib":
        raise NewsarchiveError(f"stored page uses unknown compression {compression!r}")
    return zlib.decompress(blob)


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")
