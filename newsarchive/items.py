"""The item the spider yields: the fetched page(s) of one article, before extraction."""

from __future__ import annotations

from dataclasses import dataclass, field

from .article import Article


@dataclass
class FetchedArticle:
    """One article as fetched; the pipelines fill `raw`, then `article`.

    `pages` holds (url, html) of every page of a split article in reading order.
    `not_modified` marks a conditional re-fetch that the server answered with 304.
    """

    url: str
    site: str
    pages: list[tuple[str, str]] = field(default_factory=list)
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    raw: object | None = None
    article: Article | None = None
