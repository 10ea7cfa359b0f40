"""What a URL says about its page: a listing, a media file, a probable article.

Read from the URL's shape, never from a list of sites. Whether a fetched page is an
article is decided by extraction (`extraction.kind`), which uses these too.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

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



def is_media_url(url: str) -> bool:
    return bool(MEDIA_SUFFIX.search(urlsplit(url).path))


# Listing words that permalinks also start with (`/News/world/archives/2024/10/15/2003825511`):
# followed by a numeric id, the path is one story.
PERMALINK_PREFIXES = {"archive", "archives", "arsip", "section", "category", "categories", "kategori",
                      "kanal", "rubrik"}


def is_listing_url(url: str) -> bool:
    path = urlsplit(url).path
    if path in ("", "/"):
        return True
    found = LISTING_PATH.search(path)
    if not found:
        return False
    rest = path[found.end(1):]
    return not (found.group(1).lower() in PERMALINK_PREFIXES
                and bool(NUMERIC_ID.search(rest)))


def looks_like_article_url(url: str) -> bool:
    """Whether a link is worth fetching as a probable article."""
    if is_media_url(url) or is_listing_url(url):
        return False
    path = urlsplit(url).path
    return bool(DATED_PATH.search(path) or NUMERIC_ID.search(path) or LONG_SLUG.search(path))
