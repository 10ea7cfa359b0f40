"""Stage 4: upsert into the archive; count new, updated and unchanged articles."""

from __future__ import annotations

from ..items import FetchedArticle
from ..storage import Archive


class StorePipeline:
    def __init__(self, db_path: str, stats) -> None:
        self.db_path = db_path
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler) -> "StorePipeline":
        return cls(crawler.settings.get("NEWSARCHIVE_DB"), crawler.stats)

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)

    def close_spider(self) -> None:
        self.archive.close()

    def process_item(self, item: FetchedArticle) -> FetchedArticle:
        crawl_id = self.stats.get_value("newsarchive/crawl_id")
        if item.not_modified:
            self.archive.touch(item.url, crawl_id=crawl_id, announced=item.announced)
            outcome = "unchanged"
        else:
            outcome = self.archive.store(
                item.article,
                pages=item.pages,
                etag=item.etag,
                last_modified=item.last_modified,
                crawl_id=crawl_id,
                announced=item.announced,
            )
        self.stats.inc_value(f"newsarchive/{outcome}")
        return item
