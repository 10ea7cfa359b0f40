"""Conditional re-fetches: a known article is asked for only if it changed."""

from __future__ import annotations

from scrapy import Request


class ConditionalRequestMiddleware:
    """Adds If-None-Match / If-Modified-Since from what the archive knows of a page.

    The spider puts the archive's `KnownPage` in `request.meta["known"]`; a 304
    answer then reaches the spider, which reports the page as unchanged.
    """

    def process_request(self, request: Request) -> None:
        known = request.meta.get("known")
        if known is None:
            return None
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag)
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified)
        if known.etag or known.last_modified:
            allowed = request.meta.setdefault("handle_httpstatus_list", [])
            if 304 not in allowed:
                allowed.append(304)
        return None
