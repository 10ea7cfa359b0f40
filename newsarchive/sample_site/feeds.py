"""RSS feeds and XML sitemaps, the machine-readable ways sites announce their articles."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape


@dataclass
class FeedItem:
    title: str
    url: str
    summary: str
    published: datetime
    updated: datetime
    author: str
    category: str


def rss(title: str, home: str, description: str, items: list[FeedItem], updated: bool = True) -> str:
    """An RSS 2.0 channel; `lastBuildDate` follows the newest change so readers see updates.

    `updated=False`: items carry only their `pubDate`, as many CMS feeds do.
    """
    built = max((i.updated for i in items), default=None)
    entries = "".join(
        f"""<item>
<title>{escape(i.title)}</title>
<link>{escape(i.url)}</link>
<guid isPermaLink="true">{escape(i.url)}</guid>
<pubDate>{format_datetime(i.published)}</pubDate>
{f"<atom:updated>{i.updated.isoformat()}</atom:updated>" if updated else ""}
<dc:creator>{escape(i.author)}</dc:creator>
<category>{escape(i.category)}</category>
<description>{escape(i.summary)}</description>
</item>
"""
        for i in items
    )
    last_build = f"<lastBuildDate>{format_datetime(built)}</lastBuildDate>" if built else ""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>{escape(title)}</title>
<link>{escape(home)}</link>
<description>{escape(description)}</description>
<language>id</language>
{last_build}
{entries}</channel>
</rss>
"""


# How a sitemap writes `lastmod`: with its offset, local time without one, or the day only.
LASTMOD_STYLES = ("iso", "naive", "day")


def w3c_date(moment: datetime, style: str = "iso") -> str:
    """`moment` as a sitemap writes it in one of `LASTMOD_STYLES`."""
    if style == "day":
        return moment.date().isoformat()
    return (moment.replace(tzinfo=None) if style == "naive" else moment).isoformat()


def _sitemap(root: str, entry: str, entries: list[tuple[str, datetime | None]], style: str) -> str:
    body = "".join(
        f"<{entry}><loc>{escape(url)}</loc>"
        + (f"<lastmod>{w3c_date(lastmod, style)}</lastmod>" if lastmod else "")
        + f"</{entry}>\n"
        for url, lastmod in entries
    )
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<{root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{body}</{root}>\n')


def urlset(entries: list[tuple[str, datetime | None]], style: str = "iso") -> str:
    """A sitemap of (url, lastmod) pairs."""
    return _sitemap("urlset", "url", entries, style)


def sitemap_index(entries: list[tuple[str, datetime | None]], style: str = "iso") -> str:
    """A sitemap index pointing at child sitemaps (Yoast's `/sitemap_index.xml`)."""
    return _sitemap("sitemapindex", "sitemap", entries, style)
