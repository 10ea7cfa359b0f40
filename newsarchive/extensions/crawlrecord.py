"""One `crawls` row per run: opened when the spider opens, closed with its status and counts."""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured

from ..fleet.job import archive_path, is_fleet_job
from ..monitoring import record_crawl_health
from ..monitoring.judge import Thresholds
from ..storage import Archive

# Scrapy's close reasons, as the archive's crawl statuses.
STATUS_OF_REASON = {
    "finished": "finished",
    "closespider_itemcount": "stopped",
    "closespider_pagecount": "stopped",
    "closespider_timeout": "failed",  # CLOSESPIDER_TIMEOUT: the crawl's time budget ran out
    "shutdown": "interrupted",
}


def crawler_errors(stats: dict) -> int:
    """Failures of the crawl's own work, not of the site: a traceback in a callback or an item
    pipeline, a request that JOBDIR could not keep (it would be lost on resume)."""
    return (stats.get("spider_exceptions/count", 0) + stats.get("newsarchive/item_errors", 0)
            + stats.get("scheduler/unserializable", 0))


def crawl_counts(stats: dict) -> dict[str, int]:
    """The counts a `crawls` row keeps, from Scrapy's stats."""
    return {
        "requests": stats.get("downloader/request_count", 0),
        "new": stats.get("newsarchive/new", 0),
        "updated": stats.get("newsarchive/updated", 0),
        "unchanged": stats.get("newsarchive/unchanged", 0),
        "dropped": stats.get("item_dropped_count", 0),
        "errors": stats.get("newsarchive/given_up", 0) + crawler_errors(stats),
        "crawler_errors": crawler_errors(stats),
    }


def crawl_status(reason: str, stats: dict) -> str:
    """The `crawls` status of a crawl closed for `reason`: failed whatever the reason if nothing answered."""
    return STATUS_OF_REASON.get(reason, "failed") if stats.get("downloader/response_count") else "failed"


def close_crawl(archive: Archive, crawl_id: int, status: str, stats: dict, settings,
                finished: str | None = None) -> None:
    """Close the crawl's row with its counts and record its health: at the end of a local crawl,
    or when `ingest` stores a fleet job's shard (`finished`: the job's own end)."""
    archive.finish_crawl(crawl_id, status, crawl_counts(stats), finished=finished)
    record_crawl_health(archive, crawl_id, stats, Thresholds.from_settings(settings))


class CrawlRecord:
    """A fleet job has no archive: its shard's `done.json` carries what this writes, for `ingest`."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.archive = Archive(archive_path(crawler.settings))
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler) -> "CrawlRecord":
        if is_fleet_job(crawler.settings):
            raise NotConfigured("a fleet job's crawl row is made by ingest")
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        crawl_id = self.archive.start_crawl(spider.site)
        self.crawler.stats.set_value("newsarchive/crawl_id", crawl_id)

    def item_error(self, item, response, spider, failure) -> None:
        self.crawler.stats.inc_value("newsarchive/item_errors")

    def spider_closed(self, spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        close_crawl(self.archive, stats["newsarchive/crawl_id"], crawl_status(reason, stats), stats, self.crawler.settings)
        self.archive.close()
