"""Scrapy's retries, each after a wait: small servers that answer 503 need a moment, not a hammer."""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.http import Response
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater


def backoff_delay(attempt: int, retry_after: bytes | None, base: float, cap: float) -> float:
    """Seconds before retry number `attempt`: the server's Retry-After (seconds) if it gave one,
    else `base` doubled per attempt; never more than `cap`."""
    if retry_after and retry_after.strip().isdigit():
        return min(float(retry_after.strip()), cap)
    return min(base * 2 ** max(attempt - 1, 0), cap)


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware whose retry requests leave only after `backoff_delay`.

    The wait happens after the response arrived, so it holds no download slot.
    Settings: NEWSARCHIVE_RETRY_BACKOFF (base seconds), NEWSARCHIVE_RETRY_BACKOFF_MAX.
    """

    def __init__(self, settings) -> None:
        super().__init__(settings)
        self.base = settings.getfloat("NEWSARCHIVE_RETRY_BACKOFF")
        self.cap = settings.getfloat("NEWSARCHIVE_RETRY_BACKOFF_MAX")

    async def _after_backoff(self, result, retry_after: bytes | None):
        if isinstance(result, Request) and self.base > 0:
            delay = backoff_delay(result.meta.get("retry_times", 1), retry_after, self.base, self.cap)
            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return result

    async def process_response(self, request: Request, response: Response):
        result = super().process_response(request, response)
        return await self._after_backoff(result, response.headers.get(b"Retry-After"))

    async def process_exception(self, request: Request, exception: Exception):
        return await self._after_backoff(super().process_exception(request, exception), None)
