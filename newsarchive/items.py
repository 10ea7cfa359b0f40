"""The item the spider yields: the fetched page(s) of one article, before extraction."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from .article import Article


@dataclass
class FetchedArticle:
    """One article as fetched; the pipelines fill `raw`, then `article`.

    `pages` holds (url, html) of every page of a split article in reading order.
    `not_modified` marks a conditional re-fetch that the server answered with 304;
    `announced` is the date a sitemap or feed gave the page in this crawl, as written;
    `fetched_at` anchors relative dates on the page.
    """

    url: str
    site: str
    pages: list[tuple[str, str]] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    announced: str | None = None
    fetched_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    raw: object | None = None
    article: Article | None = None
