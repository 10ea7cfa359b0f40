"""Stage 1: what each fetched page says (`newsarchive.extraction`), pages merged in order."""

from __future__ import annotations

from ..extraction import extract_raw_pages
from ..extraction.overrides import SiteOverrides
from ..items import FetchedArticle


class ExtractPipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.overrides: SiteOverrides | None = None

    @classmethod
    def from_crawler(cls, crawler) -> "ExtractPipeline":
        return cls(crawler)

    def open_spider(self) -> None:
        overrides = getattr(self.crawler.spider, "site_overrides", None)
        self.overrides = SiteOverrides.from_dict(overrides) if overrides else None

    def process_item(self, item: FetchedArticle) -> FetchedArticle:
        if item.not_modified or item.raw is not None:  # the spider's verdict already extracted it
            return item
        item.raw = extract_raw_pages(item.pages, self.overrides, fetched_at=item.fetched_at)
        return item
