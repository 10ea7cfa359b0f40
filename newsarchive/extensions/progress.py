"""Progress lines during a long crawl, and a summary at its end."""

from __future__ import annotations

import logging
import time

from scrapy import signals
from twisted.internet import task

from ..fleet.job import is_fleet_job
from .crawlrecord import crawl_counts

log = logging.getLogger("newsarchive.progress")


class Progress:
    def __init__(self, crawler, interval: float) -> None:
        self.crawler = crawler
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler) -> "Progress":
        return cls(crawler, crawler.settings.getfloat("NEWSARCHIVE_PROGRESS_INTERVAL"))

    def line(self, spider) -> str:
        stats = self.crawler.stats.get_stats()
        counts = crawl_counts(stats)
        elapsed = max(time.monotonic() - self.started, 1e-6)
        pages = stats.get("downloader/response_count", 0)
        # A fleet job cannot know what is new: ingest decides that on the archive's host.
        stored = (f"{stats.get('item_scraped_count', 0)} articles to the shard" if is_fleet_job(self.crawler.settings)
                  else f"{counts['new']} new, {counts['updated']} updated, {counts['unchanged']} unchanged")
        return (
            f"{spider.site}: {pages} pages, {stored}, {counts['dropped']} dropped, {counts['errors']} errors, "
            f"{pages / elapsed:.1f} pages/s"
        )

    def spider_opened(self, spider) -> None:
        self.started = time.monotonic()
        if self.interval > 0:
            self.loop = task.LoopingCall(lambda: log.info("progress %s", self.line(spider)))
            self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        log.info("done (%s) %s", reason, self.line(spider))
