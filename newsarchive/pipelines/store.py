"""Stage 4: upsert into the archive; count new, updated and unchanged articles.

A fleet job has no archive: its items go to its shard through FEEDS instead, and `ingest`
stores them on the archive's host with `store_item`, as this stage does.
"""

from __future__ import annotations

from scrapy.exceptions import NotConfigured

from ..fleet.job import archive_path, is_fleet_job
from ..items import FetchedArticle
from ..storage import Archive


def store_item(archive: Archive, item: FetchedArticle, crawl_id: int | None, seen: str | None = None) -> str:
    """Store one fetched article (or note a 304): "new", "updated" or "unchanged".

    `seen` is when it was fetched (now unless given)."""
    if item.not_modified:
        archive.touch(item.url, crawl_id=crawl_id, announced=item.announced, seen=seen)
        return "unchanged"
    return archive.store(
        item.article,
        pages=item.pages,
        etag=item.etag,
        last_modified=item.last_modified,
        crawl_id=crawl_id,
        announced=item.announced,
        seen=seen,
    )


class StorePipeline:
    def __init__(self, db_path: str, stats) -> None:
        self.db_path = db_path
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler) -> "StorePipeline":
        if is_fleet_job(crawler.settings):
            raise NotConfigured("a fleet job writes its shard, not the archive")
        return cls(archive_path(crawler.settings), crawler.stats)

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)

    def close_spider(self) -> None:
        self.archive.close()

    def process_item(self, item: FetchedArticle) -> FetchedArticle:
        outcome = store_item(self.archive, item, self.stats.get_value("newsarchive/crawl_id"))
        self.stats.inc_value(f"newsarchive/{outcome}")
        return item
