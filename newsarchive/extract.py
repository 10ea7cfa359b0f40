"""The one public extraction path: `extract_article(html, url)`.

It is `normalise(extract_raw(html, url))`; the Scrapy pipelines run the two
stages separately (and `merge_pages` between them for split articles).
"""

from __future__ import annotations

from datetime import datetime

from .article import Article
from .extraction import RawArticle, SiteOverrides, extract_raw, merge_pages
from .normalisation import normalise


def extract_article(html: str | bytes, url: str, overrides: SiteOverrides | None = None, *,
                    fetched_at: datetime | None = None) -> Article:
    """The normalised article of one saved page (`fetched_at` anchors relative dates)."""
    return normalise(extract_raw(html, url, overrides, fetched_at=fetched_at))


__all__ = ["Article", "RawArticle", "SiteOverrides", "extract_article", "extract_raw",
           "merge_pages", "normalise"]
