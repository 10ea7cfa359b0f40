"""The running sample site: a loopback HTTP server over one family, mutable for tests.

HTTP concerns live here (request log, ETag/Last-Modified, 304s, delays); what a page
says is the family's business.
"""

from __future__ import annotations

import hashlib
import threading
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

from .content import ArticleStore, SampleArticle, article_from_record
from .disway import Disway
from .family import Family, Request, Response, not_found
from .feeds import LASTMOD_STYLES
from .faults import Faults
from .hostile import Hostile
from .layout_change import CHANGES, blocked, redesign
from .network import Network
from .wordpress import WordPress

FAMILIES: dict[str, type[Family]] = {"disway": Disway, "wordpress": WordPress, "faults": Faults, "network": Network,
                                     "hostile": Hostile}


class SampleSite:
    """One family's site on a loopback port; tests revise and publish while it runs."""

    handler: type[BaseHTTPRequestHandler]  # the request handler class, `_Handler` below unless a site serves more

    def __init__(self, family: str | Family, synthetic: int | None = None, clock_lag: timedelta = timedelta(0),
                 lastmod_style: str = "iso") -> None:
        """`clock_lag`: how far the site's clock trails ours (its edits are dated that much
        earlier); `lastmod_style`: how its sitemaps write dates (see `feeds.LASTMOD_STYLES`)."""
        if isinstance(family, str) and family not in FAMILIES:
            raise ValueError(f"unknown family {family!r}; choose from {', '.join(FAMILIES)}")
        if lastmod_style not in LASTMOD_STYLES:
            raise ValueError(f"unknown lastmod style {lastmod_style!r}; choose from {', '.join(LASTMOD_STYLES)}")
        self.family = FAMILIES[family]() if isinstance(family, str) else family
        self.family.lastmod_style = lastmod_style
        self.clock_lag = clock_lag
        articles = [] if synthetic else self.family.initial_articles()
        self.store = ArticleStore(articles, synthetic or 0, self.family.synthetic)
        self.request_log: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._published = 0
        self.layout_change: str | None = None

    # --- lifecycle -----------------------------------------------------------------------

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve in a background thread; returns the base URL ending in `/`."""
        if self._server is not None:
            return self.base_url
        handler = type("Handler", (self.handler,), {"site": self})
        self._server = ThreadingHTTPServer((host, port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True,
                                        name=f"sample-site-{self.family.name}")
        self._thread.start()
        return self.base_url

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> "SampleSite":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the sample site is not running; call start() first")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    @property
    def _base(self) -> str:
        return self.base_url.rstrip("/")

    # --- what tests assert against -------------------------------------------------------

    def expected(self) -> list[dict[str, Any]]:
        """The normalised record of every article the site publishes, newest first."""
        return [self.family.expected(a, self._base) for a in self.store]

    def non_article_urls(self) -> list[str]:
        """Listing pages (home, index, tag, author, category) that must not be archived."""
        return [self._base + path for path in self.family.non_article_paths(self.store)]

    def fault_urls(self) -> dict[str, str]:
        """Named fault routes (faults family only), absolute."""
        return {name: self._base + path for name, path in self.family.fault_paths(self.store).items()}

    # --- mutations -----------------------------------------------------------------------

    def revise(self, article_id: int, new_paragraph: str | None = None, title: str | None = None,
               sentence: str | None = None) -> dict[str, Any]:
        """Change an article (a paragraph added before the closing one, a sentence appended to
        the first paragraph, or a new title); bumps modified, on the site's clock."""
        with self._lock:
            article = self.store.get(article_id)
            if article is None:
                raise KeyError(article_id)
            changes: dict[str, Any] = {"modified": self._next_modified(article)}
            for name in ("body_paragraphs", "raw_paragraphs"):
                if paragraphs := getattr(article, name):
                    if new_paragraph:
                        paragraphs = [*paragraphs[:-1], new_paragraph, paragraphs[-1]]
                    if sentence:
                        paragraphs = [f"{paragraphs[0]} {sentence}", *paragraphs[1:]]
                    changes[name] = paragraphs
            if title:
                changes["title"] = title
            revised = replace(article, **changes)
            self.store.update(revised)
        return self.family.expected(revised, self._base)

    def add_article(self, article: SampleArticle | dict[str, Any]) -> dict[str, Any]:
        """Publish `article` (or a record in the data files' form); it appears on home, index, feed and sitemap."""
        if isinstance(article, dict):
            article = article_from_record(article)
        with self._lock:
            self.store.add(article)
        return self.family.expected(article, self._base)

    def publish_next(self) -> dict[str, Any]:
        """Publish a new (synthetic) article dated now."""
        self._published += 1
        template = self.family.synthetic(10_000 + self._published)
        now = self.site_now(self.family.tz)
        newest_id = max((a.id for a in self.store.slice(0, 50)), default=template.id)
        article = replace(template, id=newest_id + self._published, published=now, modified=None)
        return self.add_article(article)

    def change_layout(self, change: str | None) -> None:
        """Switch a layout change on (one of `layout_change.CHANGES`) or off (None)."""
        if change is not None and change not in CHANGES:
            raise ValueError(f"unknown layout change {change!r}; choose from {', '.join(CHANGES)}")
        self.layout_change = change

    def site_now(self, tz: Any) -> datetime:
        """The time on the site's clock, which trails ours by `clock_lag`."""
        return (datetime.now(tz) - self.clock_lag).replace(microsecond=0)

    def _next_modified(self, article: SampleArticle) -> datetime:
        return max(self.site_now(article.published.tzinfo), article.last_modified + timedelta(seconds=1))

    # --- HTTP ----------------------------------------------------------------------------

    def respond(self, method: str, target: str, headers: Any) -> Response:
        """The full response to one request, conditional GET included."""
        parts = urlsplit(target)
        request = Request(parts.path or "/", parse_qs(parts.query), self._base, self.store)
        with self._lock:
            response = self.family.route(request) or not_found()
        if self.layout_change in ("challenge", "429"):
            response = blocked(self.layout_change)
        elif self.layout_change == "markup" and isinstance(response.body, str) and "html" in response.content_type:
            response.body = redesign(response.body)
        if response.delay:
            time.sleep(response.delay)
        if response.status == 200:
            self._validate(response, headers)
        self.request_log.append((method, target, response.status))
        return response

    @staticmethod
    def _validate(response: Response, headers: Any) -> None:
        """Add ETag/Last-Modified and turn a matching conditional request into 304."""
        basis = response.version.encode() if response.version else response.payload()
        etag = '"' + hashlib.sha1(basis).hexdigest()[:20] + '"'
        response.headers["ETag"] = etag
        modified = response.last_modified
        if modified is not None:
            response.headers["Last-Modified"] = format_datetime(modified.astimezone(timezone.utc), usegmt=True)
        if_none_match = headers.get("If-None-Match")
        if_modified_since = headers.get("If-Modified-Since")
        if if_none_match:
            tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
            fresh = "*" in tags or etag in tags
        elif if_modified_since and modified is not None:
            try:
                fresh = modified.replace(microsecond=0) <= parsedate_to_datetime(if_modified_since)
            except (TypeError, ValueError):
                fresh = False
        else:
            fresh = False
        if fresh:
            response.status, response.body = 304, b""


class _Handler(BaseHTTPRequestHandler):
    site: SampleSite
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; keep-alive must not stall
    server_version = "SampleNews/1.0"

    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        response = self.site.respond(self.command, self.path, self.headers)
        payload = response.payload()
        self.send_response(response.status)
        if response.status != 304:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Quiet: tests read `site.request_log` instead."""


SampleSite.handler = _Handler


@contextmanager
def serve_sample_sites(host: str = "127.0.0.1", ports: dict[str, int] | None = None) -> Iterator[dict[str, str]]:
    """Run the Disway and WordPress sites together; yields {"disway": url, "wordpress": url}."""
    ports = ports or {}
    sites = {name: SampleSite(name) for name in ("disway", "wordpress")}
    try:
        yield {name: site.start(host, ports.get(name, 0)) for name, site in sites.items()}
    finally:
        for site in sites.values():
            site.stop()
