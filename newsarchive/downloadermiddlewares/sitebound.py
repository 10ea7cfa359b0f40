"""A crawl stays on the site it was given: no request to another host, redirects included.

Scrapy's `OffsiteMiddleware` compares host names only and lets `dont_filter` requests
through, and Scrapy keeps `dont_filter` across redirects: a home page or robots.txt that
redirects to another host (or to `localhost:PORT`, another name for this machine) was
followed. This policy compares host *and* port (the `www.` twin of the site is the
site), applies to every request, and refuses any scheme other than http(s).
"""

from __future__ import annotations

import logging

from scrapy import Request
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest

from ..discovery.urls import same_site, site_of

log = logging.getLogger("newsarchive.sitebound")


class OffsiteRefused(IgnoreRequest):
    """A request to a host that is neither the crawled site nor one the user allowed (counted and logged here)."""


class SiteBoundMiddleware(OffsiteMiddleware):
    """Replaces Scrapy's OffsiteMiddleware (same place, same `offsite/*` stats).

    The spider's `site` is allowed, and so are the hosts of the setting
    NEWSARCHIVE_ALLOWED_HOSTS (`host` or `host:port`, comma-separated) and of the
    spider's `allowed_hosts`.
    """

    def allowed_hosts(self) -> set[str]:
        spider = self.crawler.spider
        hosts = [*self.crawler.settings.getlist("NEWSARCHIVE_ALLOWED_HOSTS"), *getattr(spider, "allowed_hosts", [])]
        return {host.strip().lower() for host in hosts if host.strip()}

    def should_follow(self, request: Request, spider) -> bool:
        if not request.url.lower().startswith(("http://", "https://")):
            return False
        return same_site(request.url, spider.site) or site_of(request.url) in self.allowed_hosts()

    def process_request(self, request: Request) -> None:
        if request.meta.get("allow_offsite") or self.should_follow(request, self.crawler.spider):
            return
        host = site_of(request.url) or request.url.split(":", 1)[0] + ":"
        if host not in self.domains_seen:
            self.domains_seen.add(host)
            self.stats.inc_value("offsite/domains")
            via = request.meta.get("redirect_urls", [])
            log.warning("refused off-site request to %s%s", request.url, f" (redirected from {via[-1]})" if via else "")
        self.stats.inc_value("offsite/filtered")
        raise OffsiteRefused(f"off-site request to {host} refused")
