"""The one public extraction path: `extract_article(html, url)`.

It is `normalise(extract_raw(html, url))`; the Scrapy pipelines run the two
stages separately (and `merge_pages` between them for split articles).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from .article import Article
from .extraction import RawArticle, SiteOverrides, extract_raw, extract_raw_pages, merge_pages
from .normalisation import normalise


def extract_article(html: str | bytes, url: str, overrides: SiteOverrides | None = None, *,
                    fetched_at: datetime | None = None) -> Article:
    """The normalised article of one saved page (`fetched_at` anchors relative dates)."""
    return normalise(extract_raw(html, url, overrides, fetched_at=fetched_at))


def extract_pages(pages: Sequence[tuple[str, str | bytes]], overrides: SiteOverrides | None = None) -> Article:
    """The normalised article of a story saved as (url, html) pages in reading order.

    The path `reparse` takes; for one page it is `extract_article`.
    """
    return normalise(extract_raw_pages(pages, overrides))


__all__ = ["Article", "RawArticle", "SiteOverrides", "extract_article", "extract_pages", "extract_raw",
           "merge_pages", "normalise"]
