"""Every HTML page a crawl fetches kept as WARC request/response records, and each archived
article pointed at its capture (`articles.warc_file`, `warc_offset`).

An extension, not a pipeline: only the response has the bytes and headers the server sent.
"""

from __future__ import annotations

from http import HTTPStatus
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response, TextResponse

from ..fleet.job import archive_path, is_fleet_job, warc_target
from ..items import FetchedArticle
from ..storage import Archive
from ..warc.writer import RotatingWarcWriter


_POINT_BATCH = 64  # archived articles pointed at their WARC records per fsync and commit


def _header_pairs(headers) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k in headers.keys() for v in headers.getlist(k)]


class WarcRecorder:
    """`NEWSARCHIVE_WARC` turns it off; `NEWSARCHIVE_WARC_MAX_BYTES` is the size a file rotates at."""

    def __init__(self, crawler) -> None:
        settings = crawler.settings
        # A fleet job's rows are pointed at their captures by `ingest`, which indexes the shipped files.
        self.db_path = None if is_fleet_job(settings) else archive_path(settings)
        self.writer = RotatingWarcWriter(warc_target(settings), settings.getint("NEWSARCHIVE_WARC_MAX_BYTES"))
        self.captures: dict[str, tuple[str, int]] = {}  # page URL -> (file, offset) of its response record
        self.archive: Archive | None = None
        self.unpointed: list[tuple[str, list[tuple[str, int] | None]]] = []  # (url, its pages' captures)
        crawler.signals.connect(self.response_received, signal=signals.response_received)
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def from_crawler(cls, crawler) -> "WarcRecorder":
        if not crawler.settings.getbool("NEWSARCHIVE_WARC"):
            raise NotConfigured("NEWSARCHIVE_WARC is off")
        return cls(crawler)

    def response_received(self, response: Response, request: Request, spider) -> None:
        content_type = response.headers.get("Content-Type", b"").lower()
        if response.status != 200 or not isinstance(response, TextResponse) or b"html" not in content_type:
            return  # robots.txt, sitemaps, feeds and 304s are not pages of the archive
        parts = urlsplit(request.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        self.captures[response.url] = self.writer.write_exchange(
            response.url, response.status, HTTPStatus(response.status).phrase,
            _header_pairs(response.headers), response.body,
            f"{request.method} {target}", [("Host", parts.netloc), *_header_pairs(request.headers)],
        )  # fmt: skip

    def item_scraped(self, item: FetchedArticle, response: Response, spider) -> None:
        """The article is archived: its pages will point at their response records, and its row
        at its first page's. Pointed in batches: one fsync and one commit for `_POINT_BATCH`
        articles, whose rows keep their HTML until then."""
        found = [self.captures.pop(url, None) for url, _ in item.pages]
        if not any(found) or self.db_path is None:
            return  # not modified (304): the row keeps its earlier capture
        self.unpointed.append((item.url, found))
        if len(self.unpointed) >= _POINT_BATCH:
            self._point()

    def _point(self) -> None:
        """The files made durable, then the waiting articles pointed at them in one transaction."""
        if not self.unpointed:
            return
        if self.archive is None:
            self.archive = Archive(self.db_path)
        self.writer.sync()
        with self.archive.transaction():
            for url, found in self.unpointed:
                self.archive.point_to_warc(url, found)
        self.unpointed = []

    def item_dropped(self, item: FetchedArticle, response: Response, exception: Exception, spider) -> None:
        """Not archived (no title, no body, before --since): its captures stay in the files, unpointed."""
        for url, _ in item.pages:
            self.captures.pop(url, None)

    def spider_closed(self, spider) -> None:
        self._point()
        self.writer.close()
        if self.archive is not None:
            self.archive.close()
