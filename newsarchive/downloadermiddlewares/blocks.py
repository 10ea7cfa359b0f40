"""Counting the answers that mean "go away": 403, 429 and challenge pages, for the crawl's health.

It sits nearer the downloader than the retry middleware, so that every answer is counted,
retried ones included; it changes nothing about the response.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response

from ..monitoring.challenge import BLOCK_STATUSES, is_challenge


class BlockCounterMiddleware:
    """Stats `newsarchive/health/blocked` (403, 429 or challenge) and `.../challenges`."""

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler) -> "BlockCounterMiddleware":
        return cls(crawler.stats)

    def process_response(self, request: Request, response: Response) -> Response:
        challenge = is_challenge(response.headers, response.body)
        if challenge:
            self.stats.inc_value("newsarchive/health/challenges")
        if challenge or response.status in BLOCK_STATUSES:
            self.stats.inc_value("newsarchive/health/blocked")
        return response
