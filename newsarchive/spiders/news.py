"""The `news` spider: fetches and routes; extraction happens in the item pipelines.

From a home page URL it reads robots.txt, sitemaps and feeds, walks listings and
their pagination, follows the pages of split articles and yields one
`FetchedArticle` per article. A site crawled to the end before is crawled
incrementally: known articles are fetched again only when a sitemap or feed says
they changed since their last fetch, on the site's own clock, or when one is back at
the top of a feed or listing (see `discovery.changes`), and then conditionally.
"""

from __future__ import annotations

import json
import logging
import re
from collections import Counter
from contextlib import ExitStack
from datetime import datetime, timezone
from typing import Any, AsyncIterator, Iterator
from urllib.parse import urlsplit

import scrapy
from parsel import Selector
from scrapy import signals
from scrapy.exceptions import CloseSpider, DontCloseSpider
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from ..discovery.changes import compare, may_have_changed, out_of_order, site_zone
from ..discovery.feeds import COMMON_FEED_PATHS, parse_feed
from ..discovery.links import PageLinks, canonical_of, continuation_pages, first_page, page_links
from ..discovery.pages import is_listing_url, is_media_url
from ..discovery.sitemaps import (
    COMMON_SITEMAP_PATHS,
    MAX_BYTES,
    parse_sitemap,
    parse_w3c_datetime,
    sitemaps_in_robots,
)
from ..discovery.urls import canonical_url, same_site, site_of
from ..extraction import RawArticle, SiteOverrides, extract_raw
from ..downloadermiddlewares.sitebound import OffsiteRefused
from ..discovery.xmlsafe import TooLarge, inflate, without_doctype
from ..extraction.depth import ends_too_deep, parse_document
from ..fleet.job import crawl_state, locks_of
from ..items import FetchedArticle
from ..scheduling.lock import site_lock
from .backlog import Backlog

log = logging.getLogger("newsarchive.spider")


# Below listings' pagination (3): a sitemap's backlog never starves the home page, feeds and listings.
SITEMAP_ARTICLE_PRIORITY = 2


def url_shape(url: str) -> str:
    """A URL with its digits folded, so that `/kalender/2019/04` and `/kalender/2018/12` share a budget."""
    parts = urlsplit(url)
    return re.sub(r"\d+", "N", parts.path + ("?" + parts.query if parts.query else ""))


class NewsSpider(scrapy.Spider):
    name = "news"

    def __init__(
        self,
        start_url: str,
        since: str | None = None,
        start_urls: list[str] | None = None,
        allowed_hosts: list[str] | str | None = None,
        allowed_paths: str | None = None,
        article_pattern: str | None = None,
        overrides: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.home = start_url if urlsplit(start_url).path else start_url + "/"
        self.site = site_of(self.home)
        self.root = f"{urlsplit(self.home).scheme}://{self.site}"
        self.since_date = parse_w3c_datetime(since) if since else None
        # Arguments given on a command line (`scrapy crawl -a`, Scrapyd's schedule.json) are text:
        # start_urls and allowed_hosts comma-separated, overrides as JSON.
        self.extra_start_urls = start_urls.split(",") if isinstance(start_urls, str) else list(start_urls or [])
        # Hosts besides the site that requests may reach (`-a allowed_hosts=a.com,b.com` on scrapy's command line).
        self.allowed_hosts = allowed_hosts.split(",") if isinstance(allowed_hosts, str) else list(allowed_hosts or [])
        self.allowed_paths = re.compile(allowed_paths) if allowed_paths else None
        self.article_pattern = re.compile(article_pattern) if article_pattern else None
        overrides = json.loads(overrides) if isinstance(overrides, str) else overrides
        self.site_overrides = overrides or {}
        self.overrides = SiteOverrides.from_dict(overrides) if overrides else None
        self.requested: set[str] = set()
        self.budgets: Counter[str] = Counter()
        self.chains: dict[str, set[str]] = {}  # first page of a listing -> articles seen along its pagination
        self.cut: Counter[str] = Counter()
        self.announced: dict[str, str] = {}  # url -> the date a sitemap or feed gave it in this crawl

    @classmethod
    def from_crawler(cls, crawler, *args: Any, **kwargs: Any) -> "NewsSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        # Two crawls of one site never run at once, however started (scrapy crawl, Scrapyd).
        spider.lock = ExitStack()
        spider.busy = crawler.settings.getbool("NEWSARCHIVE_TAKE_LOCK") and not spider.lock.enter_context(
            site_lock(None, spider.site, locks_of(crawler.settings)))
        crawler.signals.connect(spider.lock.close, signal=signals.spider_closed)
        state = crawl_state(crawler.settings, spider.site)  # the archive's, or a fleet job's state file
        spider.known, last = state.known, state.last_complete
        spider.backlog = Backlog(crawler.settings.getint("NEWSARCHIVE_SOURCE_WINDOW"),
                                 crawler.settings.getint("NEWSARCHIVE_SOURCE_ERROR_BUDGET"))
        crawler.signals.connect(spider.release_on_idle, signal=signals.spider_idle)
        spider.incremental = last is not None
        # The newest date the site's sitemaps and feeds gave at our fetches, on the site's clock:
        # a child sitemap dated no later holds no page changed since.
        dated = [(when, page.announced) for page in spider.known.values()
                 if (when := parse_w3c_datetime(page.announced)) is not None]
        spider.newest_announced = max(dated)[1] if dated else None
        spider.site_zone = site_zone(page.published for page in spider.known.values())
        # Archived by the end of the last complete crawl: listings past these hold nothing new.
        # (A later interrupted crawl's articles are not settled: older ones may be missing.)
        complete_until = parse_w3c_datetime(last[1]) if last else None
        spider.settled = {
            url for url, page in spider.known.items()
            if complete_until and page.first_seen and parse_w3c_datetime(page.first_seen) <= complete_until
        }
        return spider

    # -- start ---------------------------------------------------------------------
    async def start(self) -> AsyncIterator[scrapy.Request]:
        if self.busy:
            log.error("%s is being crawled by another process; not crawled now", self.site)
            raise CloseSpider("busy")
        self.crawler.stats.set_value("newsarchive/incremental", self.incremental)  # for the crawl's health
        if hasattr(self, "state"):  # JOBDIR: URLs still waiting are kept between a pause and a resume
            self.backlog = self.state.setdefault("backlog", self.backlog)
        yield scrapy.Request(
            self.root + "/robots.txt",
            callback=self.parse_robots,
            errback=self.on_error,
            meta={"dont_obey_robotstxt": True, "handle_httpstatus_all": True},
            dont_filter=True,
            priority=20,
        )
        for url in map(canonical_url, [self.home, *self.extra_start_urls]):
            self.requested.add(url)  # dont_filter keeps it out of Scrapy's dupefilter: links back home are ours to skip
            yield scrapy.Request(
                url, callback=self.parse_page, errback=self.on_error,
                meta={"depth": 0, "hub": True}, dont_filter=True, priority=10,
            )

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        declared = sitemaps_in_robots(response.text) if response.status == 200 and isinstance(response, TextResponse) else []
        for url in declared or [self.root + path for path in COMMON_SITEMAP_PATHS]:
            yield self.discovery_request(url, self.parse_sitemap, quiet=not declared)

    def discovery_request(self, url: str, callback, quiet: bool = False) -> scrapy.Request:
        """A sitemap or feed request; `quiet` for guessed paths, whose 404 is no error."""
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, priority=15,
            meta={"handle_httpstatus_list": [404, 410]} if quiet else {},
        )

    # -- sitemaps and feeds ------------------------------------------------------------
    def xml_body(self, response: Response) -> bytes | None:
        """A sitemap's or feed's bytes, inflated within DOWNLOAD_MAXSIZE, its entity declarations cut.

        DOWNLOAD_MAXSIZE=0 lifts Scrapy's limit, not this one: the sitemap protocol's 50 MB is kept.
        """
        limit = response.meta.get("download_maxsize", self.settings.getint("DOWNLOAD_MAXSIZE")) or MAX_BYTES
        try:
            body, declared = without_doctype(inflate(response.body, limit))
        except TooLarge as err:
            self.give_up(response.url, f"gzip file {err} (DOWNLOAD_MAXSIZE)")
            return None
        if declared:
            self.cut["entity declarations in a sitemap or feed"] += 1
            log.warning("ignored the entity declarations of %s", response.url)
        return body

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        body = self.xml_body(response) if response.status == 200 else None
        if body is None:
            return
        for entry in parse_sitemap(body):
            if not same_site(entry.loc, self.site):
                continue
            if entry.is_sitemap:
                if self.incremental and entry.lastmod and self.newest_announced \
                        and compare(entry.lastmod, self.newest_announced, self.site_zone) == 0:
                    continue  # nothing in it changed since the pages we last fetched
                yield self.discovery_request(entry.loc, self.parse_sitemap)
            elif not is_listing_url(entry.loc):
                self.backlog.add(response.url, entry.loc, entry.lastmod, SITEMAP_ARTICLE_PRIORITY)
        yield from self.release(response.url)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        body = self.xml_body(response)
        entries = parse_feed(body) if body is not None else None
        if entries is None:
            return
        bumped = out_of_order([self.published_of(canonical_url(entry.link)) for entry in entries])
        for entry, moved in zip(entries, bumped):
            if same_site(entry.link, self.site):
                date = entry.updated.isoformat() if entry.updated else None
                self.backlog.add(response.url, entry.link, date, 5, bumped=moved)
        yield from self.release(response.url)

    # -- article requests ----------------------------------------------------------------
    def in_scope(self, url: str) -> bool:
        if not same_site(url, self.site) or is_media_url(url):
            return False
        return not self.allowed_paths or bool(self.allowed_paths.search(urlsplit(url).path))

    def article_request(self, url: str, announced: str | None = None, bumped: bool = False,
                        priority: int = 5) -> Iterator[scrapy.Request]:
        """Request a probable article unless it is known and unchanged, or older than --since.

        `announced`: the date a sitemap or feed gives it; `bumped`: back at the top of one.
        """
        url = canonical_url(url)
        if not self.in_scope(url):
            return
        if url in self.requested:  # asked for through another link: keep the date for its item
            if announced:
                self.announced.setdefault(url, announced)
            return
        changed = parse_w3c_datetime(announced)
        if self.since_date and changed and changed < self.since_date:
            self.cut["older than --since"] += 1
            return
        known = self.known.get(url)
        if known is not None and not bumped and not may_have_changed(announced, known):
            self.crawler.stats.inc_value("newsarchive/skipped_known")
            return
        self.requested.add(url)
        if announced:
            self.announced[url] = announced  # stored with the page: the next crawl compares with it
        yield scrapy.Request(
            url, callback=self.parse_page, errback=self.on_error, priority=priority,
            meta={"depth": 1, "known": known},
        )

    # -- the backlog of URLs, per source -----------------------------------------------------
    def release(self, source: str) -> Iterator[scrapy.Request]:
        """Requests for the source's next waiting URLs, as many as its window allows."""
        for url, announced, bumped, priority in self.backlog.take(source):
            for request in self.article_request(url, announced, bumped, priority):
                request.meta["source"] = source
                self.backlog.sent(source)
                yield request

    def source_done(self, meta: dict[str, Any], failed: bool) -> Iterator[scrapy.Request]:
        """A request from a backlog came back: count it, and release the next ones of its source."""
        source = meta.get("source")
        if source is not None:
            self.backlog.settle(source, failed)
            yield from self.release(source)

    def release_on_idle(self) -> None:
        """Requests that never came back (dropped as duplicates, say) must not hold a backlog forever."""
        self.backlog.idle()
        released = [request for source in self.backlog.sources() for request in self.release(source)]
        for request in released:
            self.crawler.engine.crawl(request)
        if released:
            raise DontCloseSpider

    # -- pages -------------------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterator[Any]:
        yield from self.source_done(response.meta, failed=False)
        if response.status == 304:
            url = canonical_url(response.url)
            yield FetchedArticle(url=url, site=self.site, not_modified=True, announced=self.announced.get(url))
            return
        if not isinstance(response, TextResponse) or b"html" not in response.headers.get("Content-Type", b"html").lower():
            self.give_up(response.url, "not an HTML page")
            return
        head = response.text[:1024]
        if "\x00" in head and not head.lstrip().startswith("<"):  # an image or archive served as text/html
            self.give_up(response.url, "binary data served as HTML")
            return
        page = response.selector
        if ends_too_deep(page.root):  # the parse stopped at its depth limit: the page's end is missing
            page = Selector(root=parse_document(response.text), type="html")
        url = canonical_url(response.url)
        canonical = self.canonical_of(page, response.url)
        fetched_at = datetime.now(timezone.utc)
        # A listing's URL is verdict enough (`extraction.kind` starts with the same test).
        raw = None if self.article_pattern is None and is_listing_url(url) else \
            extract_raw(response.text, response.url, self.overrides, fetched_at=fetched_at)
        article = raw is not None and self.is_article(raw, url)
        self.crawler.stats.inc_value("newsarchive/pages/" + ("article" if article else "listing"))
        first_url = first_page(page, response.url) if article else None
        if article and (canonical != url or first_url):
            # A copy (tracking parameters, page 2 of a split story, AMP): fetch the original.
            yield from self.article_request(first_url or canonical)
        elif article:
            yield from self.follow_pages(response, url, [], first=(raw, fetched_at) if raw else None)
        if article and self.incremental:
            return  # known listings, feeds and sitemaps bring what is new; an article's links add nothing
        links = page_links(page, response.url, self.site)
        if not article:
            yield from self.follow_listing(response, links, url)
        else:  # a first crawl also follows an article's related stories
            for link in links.articles:
                self.backlog.add(url, link, None, 5)
            yield from self.release(url)
        if not self.incremental:
            yield from self.follow_others(response, links)

    def is_article(self, raw: RawArticle, url: str) -> bool:
        """Extraction's verdict on the page (`extraction.kind`), unless the site's registry
        entry names its article URLs; the same verdict `extract_article` reports."""
        if self.article_pattern is not None:
            return bool(self.article_pattern.search(url))
        if raw.kind != "article":
            self.crawler.stats.inc_value(f"newsarchive/not_article/{raw.kind.split(':')[0]}")
        return raw.kind == "article"

    def canonical_of(self, page: Selector, url: str) -> str:
        return canonical_of(page, url, self.site)

    def follow_pages(self, response: TextResponse, article_url: str, pages: list[tuple[str, str]],
                     first: tuple[RawArticle, datetime] | None = None) -> Iterator[Any]:
        """Collect the pages of one article; yield the item after the last page.

        `first` is what extraction made of this page when it was the article's only one so
        far: a story of one page is then stored from it, not extracted twice."""
        pages = [*pages, (response.url, response.text)]
        show_all, next_page = continuation_pages(response.selector, response.url, article_url)
        self.requested.update(u for u in (show_all, next_page) if u)  # fetched here, not as links
        limit = self.settings.getint("NEWSARCHIVE_MAX_PAGES_PER_ARTICLE")
        if len(pages) == 1 and show_all:
            yield self.continuation_request(show_all, article_url, [], response)
        elif next_page and len(pages) < limit and next_page not in {canonical_url(u) for u, _ in pages}:
            yield self.continuation_request(next_page, article_url, pages, response)
        else:
            etag, last_modified = _validators(response) if len(pages) == 1 else response.meta["validators"]
            item = FetchedArticle(url=article_url, site=self.site, pages=pages, etag=etag, last_modified=last_modified,
                                  announced=self.announced.get(article_url))
            if first is not None and len(pages) == 1:
                item.raw, item.fetched_at = first
            yield item

    def continuation_request(self, url: str, article_url: str, pages: list[tuple[str, str]], response: TextResponse) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_continuation, errback=self.on_error, priority=8, dont_filter=True,
            meta={
                "article_url": article_url, "pages": pages, "depth": response.meta.get("depth", 1),
                # The first page's validators, not its response: request meta stays picklable (JOBDIR).
                "validators": response.meta.get("validators") or _validators(response),
            },
        )

    def parse_continuation(self, response: Response) -> Iterator[Any]:
        if not isinstance(response, TextResponse):
            return
        # A show-all page (no pages before it) stands for the whole article; its headers are the article's.
        yield from self.follow_pages(response, response.meta["article_url"], response.meta["pages"])

    def follow_listing(self, response: TextResponse, links: PageLinks, url: str) -> Iterator[scrapy.Request]:
        """A listing: its articles, then its next pages while they still hold new articles."""
        # A listing's pagination ends at the first page showing nothing that is new to the
        # archive and to its own earlier pages (a listing that repeats itself is a trap).
        chain = response.meta.get("chain", url)
        seen_in_chain = self.chains.setdefault(chain, set())
        fresh = [u for u in links.articles if u not in self.settled and u not in seen_in_chain]
        seen_in_chain.update(links.articles)
        bumped = [False] * len(links.articles)
        if self.incremental and not response.meta.get("listing_page"):  # the top of a listing
            bumped = out_of_order([self.published_of(link) for link in links.articles])
        for link, moved in zip(links.articles, bumped):
            self.backlog.add(chain, link, None, 5, bumped=moved)
        yield from self.release(chain)
        if response.meta.get("hub"):
            feeds = links.feeds or ([] if self.incremental else [self.root + path for path in COMMON_FEED_PATHS])
            for feed in feeds:
                yield self.discovery_request(feed, self.parse_feed, quiet=not links.feeds)
        listing_page = response.meta.get("listing_page", 0)
        if not fresh:
            return  # nothing new here: older pages hold nothing new either
        if listing_page >= self.settings.getint("NEWSARCHIVE_MAX_LISTING_PAGES"):
            self.cut["listing pagination limit"] += 1
            return
        for next_url in links.pagination:
            if self.in_scope(next_url) and next_url not in self.requested:
                self.requested.add(next_url)
                yield scrapy.Request(
                    next_url, callback=self.parse_page, errback=self.on_error, priority=3,
                    meta={"depth": response.meta.get("depth", 0), "listing_page": listing_page + 1, "chain": chain},
                )

    def published_of(self, url: str) -> datetime | None:
        known = self.known.get(url)
        return parse_w3c_datetime(known.published) if known else None

    def follow_others(self, response: TextResponse, links: PageLinks) -> Iterator[scrapy.Request]:
        """First crawl: walk section, tag and other pages too, within depth and per-shape budgets."""
        budget = self.settings.getint("NEWSARCHIVE_PATTERN_BUDGET")
        too_deep = response.meta.get("depth", 0) >= self.settings.getint("NEWSARCHIVE_MAX_DEPTH")
        for link in links.others:
            if link in self.requested or not self.in_scope(link):
                continue
            if too_deep:
                self.cut["NEWSARCHIVE_MAX_DEPTH reached"] += 1
                continue
            shape = url_shape(link)
            if self.budgets[shape] >= budget:
                self.cut[f"budget of {shape}"] += 1
                continue
            self.budgets[shape] += 1
            self.requested.add(link)
            yield scrapy.Request(
                link, callback=self.parse_page, errback=self.on_error, priority=0,
                meta={"depth": response.meta.get("depth", 0) + 1},
            )

    # -- faults ------------------------------------------------------------------------
    def give_up(self, url: str, reason: str) -> None:
        self.crawler.stats.inc_value("newsarchive/given_up")
        self.crawler.stats.inc_value(f"newsarchive/given_up/{reason}")
        log.warning("gave up on %s: %s", url, reason)

    def on_error(self, failure: Failure) -> Iterator[scrapy.Request]:
        request = failure.request
        response = getattr(failure.value, "response", None)
        if isinstance(failure.value, OffsiteRefused):
            reason = None  # the middleware that refused it counted and logged it
        elif response is not None:
            reason = f"HTTP {response.status}"
        elif hasattr(failure.value.__cause__, "decompressed_size"):  # HttpCompressionMiddleware's cut
            reason = "Content-Encoding inflates past DOWNLOAD_MAXSIZE"
        else:
            reason = str(failure.value) or failure.value.__class__.__name__
        if reason is not None:
            self.give_up(request.url, reason)
        yield from self.source_done(request.meta, failed=True)

    def closed(self, reason: str) -> None:
        for source, count in self.backlog.dropped.items():
            self.cut[f"URLs of abandoned {source}"] += count
        self.crawler.stats.set_value("newsarchive/sources_abandoned", len(self.backlog.dropped))
        for what, count in sorted(self.cut.items()):
            log.info("cut %d link(s): %s", count, what)
            self.crawler.stats.inc_value("newsarchive/cut", count)


def _validators(response: Response) -> tuple[str | None, str | None]:
    """(ETag, Last-Modified) of a response, for the next conditional request."""
    return _header(response, b"ETag"), _header(response, b"Last-Modified")


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
