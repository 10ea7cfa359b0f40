"""Running crawls: Scrapy's CrawlerProcess with the project's settings, one spider per site."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from .discovery.urls import site_of
from .extensions.crawlrecord import crawl_counts, crawl_status
from .spiders.news import NewsSpider


@dataclass
class CrawlTarget:
    """A site to crawl: its home page and what its registry entry overrides."""

    url: str
    name: str | None = None
    spider_args: dict[str, Any] = field(default_factory=dict)

    @property
    def site(self) -> str:
        return site_of(self.url)


@dataclass
class CrawlResult:
    target: CrawlTarget
    status: str
    counts: dict[str, int]
    failure: str | None = None


def project_settings(db_path: Path, overrides: dict[str, Any] | None = None) -> Settings:
    """The project's settings (as `scrapy.cfg` names them) with the archive path and user overrides."""
    settings = Settings()
    settings.setmodule("newsarchive.settings", priority="project")
    settings.set("NEWSARCHIVE_DB", os.path.abspath(db_path), priority="cmdline")  # the user's working directory
    settings.set("NEWSARCHIVE_TAKE_LOCK", False, priority="cmdline")  # the caller holds the site's lock
    for key, value in (overrides or {}).items():
        settings.set(key, value, priority="cmdline")
    return settings


def _failure_reason(stats: dict[str, Any]) -> str:
    """Why a crawl reached nothing, from Scrapy's download error stats."""
    errors = [key.rsplit(".", 1)[-1] for key in stats if key.startswith("downloader/exception_type_count/")]
    statuses = [key.rsplit("/", 1)[-1] for key in stats if key.startswith("downloader/response_status_count/")]
    if errors:
        return ", ".join(sorted(errors))
    if statuses:
        return "HTTP " + ", ".join(sorted(statuses))
    return "no response"


def show_own_progress() -> None:
    """Our progress and summary lines on stderr even when Scrapy's own INFO lines are hidden."""
    own = logging.getLogger("newsarchive")
    if not own.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s", "%H:%M:%S"))
        own.addHandler(handler)
        own.setLevel(logging.INFO)
        own.propagate = False


def run_crawls(
    targets: list[CrawlTarget],
    db_path: Path,
    *,
    since: str | None = None,
    max_articles: int | None = None,
    settings: dict[str, Any] | None = None,
    verbose: bool = False,
) -> list[CrawlResult]:
    """Crawl every target concurrently in this process; one result per target."""
    overrides = dict(settings or {})
    if max_articles:
        overrides["CLOSESPIDER_ITEMCOUNT"] = max_articles
    if not verbose:
        overrides.setdefault("LOG_LEVEL", "WARNING")
        show_own_progress()
    process = CrawlerProcess(project_settings(db_path, overrides))
    crawlers = []
    for target in targets:
        crawler = process.create_crawler(NewsSpider)
        crawlers.append((target, crawler))
        process.crawl(crawler, start_url=target.url, since=since, **target.spider_args)
    process.start()
    results = []
    for target, crawler in crawlers:
        stats = crawler.stats.get_stats()
        status = crawl_status(stats.get("finish_reason", "failed"), stats)
        received = stats.get("downloader/response_count", 0)
        results.append(
            CrawlResult(target, status, crawl_counts(stats), None if received else _failure_reason(stats))
        )
    return results
