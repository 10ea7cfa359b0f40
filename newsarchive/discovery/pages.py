"""Telling article pages from listings, tags, authors, search and media.

Decided from what the URL and the page show, never from a list of sites.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from parsel import Selector

# Paths that name a listing, never one story.
LISTING_PATH = re.compile(
    r"/(tag|tags|topik|topic|topics|author|authors|penulis|reporter|editor|category|"
    r"categories|kategori|kanal|rubrik|section|search|cari|indeks|index|arsip|archive|"
    r"archives|page|halaman|feed|rss|kalender|calendar|video|videos|foto|gallery|galeri|"
    r"login|register|wp-admin|wp-login|wp-json|about|tentang|kontak|contact|redaksi|"
    r"pedoman|privacy|kebijakan|disclaimer)(/|$)",
    re.IGNORECASE,
)
MEDIA_SUFFIX = re.compile(
    r"\.(pdf|jpe?g|png|gif|webp|svg|mp3|mp4|avi|mov|zip|rar|gz|docx?|xlsx?|pptx?|ico|css|js)$",
    re.IGNORECASE,
)
# Shapes that article URLs of news sites take: a date, a numeric id, a long slug.
DATED_PATH = re.compile(r"/(19|20)\d{2}/(0?[1-9]|1[0-2])(/(0?[1-9]|[12]\d|3[01]))?/[^/]+")
NUMERIC_ID = re.compile(r"(^|[/\-_])\d{5,}([/\-_.]|$)")
LONG_SLUG = re.compile(r"/[^/]*[a-z0-9]+(-[a-z0-9]+){3,}[^/]*/?$", re.IGNORECASE)

ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
    "socialmediaposting", "liveblogposting", "report", "scholarlyarticle",
}
MIN_ARTICLE_TEXT = 400  # characters of paragraph text below which a page is a stub


def is_media_url(url: str) -> bool:
    return bool(MEDIA_SUFFIX.search(urlsplit(url).path))


def is_listing_url(url: str) -> bool:
    path = urlsplit(url).path
    return bool(LISTING_PATH.search(path)) or path in ("", "/")


def looks_like_article_url(url: str) -> bool:
    """Whether a link is worth fetching as a probable article."""
    if is_media_url(url) or is_listing_url(url):
        return False
    path = urlsplit(url).path
    return bool(DATED_PATH.search(path) or NUMERIC_ID.search(path) or LONG_SLUG.search(path))


def declared_types(page: Selector) -> set[str]:
    """Lower-cased schema.org and OpenGraph types the page declares for itself."""
    types = {t.strip().lower() for t in page.css('meta[property="og:type"]::attr(content)').getall()}
    for blob in page.css('script[type="application/ld+json"]::text').getall():
        types.update(m.lower() for m in re.findall(r'"@type"\s*:\s*"([A-Za-z]+)"', blob))
        for group in re.findall(r'"@type"\s*:\s*\[([^\]]*)\]', blob):
            types.update(m.lower() for m in re.findall(r'"([A-Za-z]+)"', group))
    types.update(t.rsplit("/", 1)[-1].lower() for t in page.css("[itemtype]::attr(itemtype)").getall())
    return types


def paragraph_text_length(page: Selector) -> int:
    return sum(len(t.strip()) for t in page.xpath("//p//text()").getall())


def is_article_page(page: Selector, url: str) -> bool:
    """An article is a page that declares itself one, or has an article URL and running text."""
    if is_listing_url(url):
        return False
    declared = bool(declared_types(page) & ARTICLE_TYPES) or bool(
        page.css('meta[property="article:published_time"]')
    )
    if declared:
        return paragraph_text_length(page) >= MIN_ARTICLE_TEXT // 2
    return looks_like_article_url(url) and paragraph_text_length(page) >= MIN_ARTICLE_TEXT
