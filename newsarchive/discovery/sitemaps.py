"""Sitemaps: indexes, urlsets, gzipped files and Google News sitemaps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from lxml import etree

from .xmlsafe import inflate, without_doctype

COMMON_SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/sitemap-news.xml")
MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, uncompressed


@dataclass(frozen=True)
class SitemapEntry:
    """One <url> or <sitemap>; `lastmod` as written (news publication date as fallback)."""

    loc: str
    lastmod: str | None
    is_sitemap: bool


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_sitemap(body: bytes, max_size: int = MAX_BYTES) -> list[SitemapEntry]:
    """Entries of a sitemap or sitemap index; gzip is undone, broken XML is read as far as it goes.

    Raises `xmlsafe.TooLarge` when the gzip file inflates past `max_size`. Entity
    declarations are dropped (libxml2 stops a whole document at its amplification limit,
    even unexpanded) and libxml2's size and depth limits stay on (no `huge_tree`).

    lxml is used directly (not Scrapy's Sitemap) because Google News sitemaps put the
    date in a nested <news:publication_date> that Scrapy's flat reader drops.
    """
    body = without_doctype(inflate(body, max_size))[0]
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries = []
    for node in root:
        kind = _local(node.tag)
        if kind not in ("url", "sitemap"):
            continue
        fields = {_local(child.tag): (child.text or "").strip() for child in node.iter()}
        if fields.get("loc"):
            entries.append(
                SitemapEntry(
                    loc=fields["loc"],
                    lastmod=fields.get("lastmod") or fields.get("publication_date") or None,
                    is_sitemap=kind == "sitemap",
                )
            )
    return entries


def sitemaps_in_robots(robots_txt: str) -> list[str]:
    """The `Sitemap:` lines of a robots.txt."""
    return [
        line.split(":", 1)[1].strip()
        for line in robots_txt.splitlines()
        if line.lower().startswith("sitemap:") and line.split(":", 1)[1].strip()
    ]


def parse_w3c_datetime(value: str | None) -> datetime | None:
    """A sitemap/feed date as an aware datetime (naive ones read as UTC), or None."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00").replace("z", "+00:00")
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)
