"""One `crawls` row per run: opened when the spider opens, closed with its status and counts."""

from __future__ import annotations

from scrapy import signals

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


class CrawlRecord:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.archive = Archive(crawler.settings.get("NEWSARCHIVE_DB"))
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler) -> "CrawlRecord":
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        crawl_id = self.archive.start_crawl(spider.site)
        self.crawler.stats.set_value("newsarchive/crawl_id", crawl_id)

    def item_error(self, item, response, spider, failure) -> None:
        self.crawler.stats.inc_value("newsarchive/item_errors")

    def spider_closed(self, spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        status = STATUS_OF_REASON.get(reason, "failed")
        if not stats.get("downloader/response_count"):
            status = "failed"
        self.archive.finish_crawl(stats["newsarchive/crawl_id"], status, crawl_counts(stats))
        limits = Thresholds.from_settings(self.crawler.settings)
        record_crawl_health(self.archive, stats["newsarchive/crawl_id"], stats, limits)
        self.archive.close()
