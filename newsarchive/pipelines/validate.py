"""Stage 3: never store half an article; say why one was dropped."""

from __future__ import annotations

from datetime import datetime

from scrapy.exceptions import DropItem

from ..items import FetchedArticle


class ValidatePipeline:
    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler) -> "ValidatePipeline":
        return cls(crawler)

    def process_item(self, item: FetchedArticle) -> FetchedArticle:
        if item.not_modified:
            return item
        article = item.article
        if not article.title:
            raise DropItem(f"no title: {item.url}")
        if not article.body.strip():
            raise DropItem(f"no body text: {item.url}")
        since = getattr(self.crawler.spider, "since_date", None)
        if since and article.published and datetime.fromisoformat(article.published) < since:
            raise DropItem(f"published {article.published}, before --since: {item.url}")
        return item
