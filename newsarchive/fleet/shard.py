"""A fleet job's shard: what a local crawl would write to the archive, written through Scrapy's
feed storage instead (so a shared folder, S3 or FTP carries it) for `ingest` to store.

`NEWSARCHIVE_SHARD/` holds the articles (a FEEDS entry in format "shard": one record a line,
`ShardExporter`), the job's WARC files (`warc/`) and, written last, `done.json`: the crawl's
start, end, close reason and Scrapy stats. A shard without `done.json` is unfinished and never
read: FileFeedStorage writes in place, and a job killed midway leaves only a partial file.
"""

from __future__ import annotations

import json
import shutil
from typing import Any, BinaryIO
from urllib.parse import urlparse

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.exporters import JsonLinesItemExporter
from scrapy.utils.misc import build_from_crawler, load_object
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.defer import Deferred, maybeDeferred

from ..article import Article
from ..errors import NewsarchiveError
from ..extensions.crawlrecord import crawl_status
from ..items import FetchedArticle
from ..storage.rows import now
from .job import is_fleet_job, warc_target

MARKER = "done.json"


def shard_record(item: FetchedArticle) -> dict[str, Any]:
    """A fetched, normalised article as a JSON-ready record (what `StorePipeline` would store)."""
    return {
        "url": item.url, "site": item.site, "not_modified": item.not_modified, "announced": item.announced,
        "etag": item.etag, "last_modified": item.last_modified,
        "seen": item.fetched_at.replace(microsecond=0).isoformat(), "pages": item.pages,
        "article": item.article.to_dict() if item.article is not None else None,
    }  # fmt: skip


def fetched_article(record: dict[str, Any]) -> FetchedArticle:
    """A shard record back as the item the store stage takes."""
    article = record["article"]
    return FetchedArticle(
        url=record["url"], site=record["site"], pages=[tuple(page) for page in record["pages"]],
        etag=record["etag"], last_modified=record["last_modified"], not_modified=record["not_modified"],
        announced=record["announced"], article=Article(**article) if article else None,
    )  # fmt: skip


class ShardExporter(JsonLinesItemExporter):
    """FEEDS format "shard": JSON lines of `shard_record`s."""

    def export_item(self, item: FetchedArticle) -> None:
        super().export_item(shard_record(item))


class ShardWriter:
    """After FEEDS has stored the articles: the WARC files, then `done.json`, through the feed
    storage of NEWSARCHIVE_SHARD's scheme (FEED_STORAGES)."""

    def __init__(self, crawler) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.shard = settings.get("NEWSARCHIVE_SHARD").rstrip("/")
        self.spool = warc_target(settings)
        storages = settings.getwithbase("FEED_STORAGES")
        self.storage = load_object(storages.get(urlparse(self.shard).scheme) or storages["file"])
        self.articles = [uri[len(self.shard) + 1:] for uri in settings.getdict("FEEDS")
                         if uri.startswith(self.shard + "/")]
        self.started: str | None = None
        self.feeds_stored: Deferred = Deferred()
        crawler.signals.connect(self.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(self.item_error, signal=signals.item_error)
        crawler.signals.connect(self.feed_exporter_closed, signal=signals.feed_exporter_closed)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler) -> "ShardWriter":
        settings = crawler.settings
        if not is_fleet_job(settings):
            raise NotConfigured("not a fleet job")
        shard = (settings.get("NEWSARCHIVE_SHARD") or "").rstrip("/")
        feeds = settings.getdict("FEEDS")
        if not shard or not any(uri.startswith(shard + "/") and options.get("format") == "shard"
                                for uri, options in feeds.items()):
            # Scrapyd's own items_dir replaces FEEDS: the articles would go where ingest never looks.
            raise NewsarchiveError("a fleet job (NEWSARCHIVE_STATE) needs NEWSARCHIVE_SHARD and a FEEDS entry"
                                   " of format shard under it (leave Scrapyd's items_dir empty)")
        return cls(crawler)

    def spider_opened(self, spider) -> None:
        self.started = now()

    def item_error(self, item, response, spider, failure) -> None:
        self.crawler.stats.inc_value("newsarchive/item_errors")  # as CrawlRecord counts them locally

    def feed_exporter_closed(self) -> None:
        self.feeds_stored.callback(None)

    async def spider_closed(self, spider, reason: str) -> None:
        await maybe_deferred_to_future(self.feeds_stored)
        warcs = sorted(self.spool.glob("*.warc.gz")) if self.spool.is_dir() else []
        for path in warcs:
            with open(path, "rb") as data:
                await self.put(spider, f"warc/{path.name}", data)
        stats = self.crawler.stats.get_stats()
        marker = {
            "site": spider.site, "started": self.started, "finished": now(), "reason": reason,
            "status": crawl_status(reason, stats), "articles": self.articles,
            "warc": [f"warc/{path.name}" for path in warcs], "stats": stats,
        }  # fmt: skip
        await self.put(spider, MARKER, json.dumps(marker, default=str).encode())
        shutil.rmtree(self.spool, ignore_errors=True)

    async def put(self, spider, name: str, data: bytes | BinaryIO) -> None:
        """Write one file of the shard (bytes, or a binary file to copy) as a feed is stored."""
        storage = build_from_crawler(self.storage, self.crawler, f"{self.shard}/{name}", feed_options={"overwrite": True})
        target = storage.open(spider)
        if isinstance(data, bytes):
            target.write(data)
        else:
            shutil.copyfileobj(data, target)
        await maybe_deferred_to_future(maybeDeferred(storage.store, target))  # S3, FTP: uploaded in a thread
