"""Redirect and `<meta refresh>` loops end as a counted, logged failure instead of a silently filtered request."""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.response import get_meta_refresh

from ..discovery.urls import canonical_url


class RedirectLoopError(IgnoreRequest):
    """A redirect or meta refresh points back to a URL of its own chain."""


class RedirectLoopMiddleware:
    """Runs before Scrapy's RedirectMiddleware sees a 3xx answer (so its order is above 600)."""

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get(b"Location")
        if response.status in (301, 302, 303, 307, 308) and location:
            target = urljoin(request.url, location.decode("latin-1"))
        elif isinstance(response, HtmlResponse):  # and before Scrapy's MetaRefreshMiddleware (580)
            target = get_meta_refresh(response)[1]
        else:
            target = None
        if not target:
            return response
        target = canonical_url(target)
        chain = {canonical_url(u) for u in [*request.meta.get("redirect_urls", []), request.url]}
        if target in chain:
            raise RedirectLoopError(f"redirect loop back to {target}")
        return response
