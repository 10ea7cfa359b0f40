"""RSS and Atom feeds, read with feedparser (after `xmlsafe.without_doctype`: no entities)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import datetime, timezone

import feedparser

from .xmlsafe import without_doctype

COMMON_FEED_PATHS = ("/feed/", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml")


@dataclass(frozen=True)
class FeedEntry:
    """A feed item's link and its newest date (updated, else published), in UTC."""

    link: str
    updated: datetime | None


def parse_feed(body: bytes) -> list[FeedEntry] | None:
    """Entries of a feed, or None when the body is no feed at all."""
    feed = feedparser.parse(without_doctype(body)[0])
    if not feed.entries and not feed.feed.get("title"):
        return None
    entries = []
    for entry in feed.entries:
        link = entry.get("link")
        if not link:
            continue
        # Asked by key so that feedparser's deprecated updated->published fallback stays silent.
        stamp = entry["updated_parsed"] if "updated_parsed" in entry.keys() else entry.get("published_parsed")
        when = datetime.fromtimestamp(calendar.timegm(stamp), timezone.utc) if stamp else None
        entries.append(FeedEntry(link=link, updated=when))
    return entries
