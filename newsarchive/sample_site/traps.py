"""The traps site: ordinary articles among discovery traps that cost a crawler time, bytes and hosts.

A WordPress-style site whose 12 ordinary articles are reachable from the home page, the
feed and the sitemap. Beside them, all reachable by ordinary discovery (home page links,
robots.txt `Sitemap:` lines):

- a page that drips one byte every `DRIP_SECONDS`, forever;
- a 20 MB page (Content-Length declared) and a 50 MB page (no Content-Length);
- a listing of `dead_links` article-shaped links that all answer 404;
- a sitemap index, declared first in robots.txt, of 4 sitemaps of `dead_sitemap_urls` dead URLs each;
- a `<meta refresh>` chain that never ends and a `<meta refresh>` loop of two pages;
- a 301, a 302 and a `<meta refresh>` to another name for this machine (`localhost:PORT`);
- `javascript:` and `data:` links.

`TrapSite` counts requests per path (`request_log`) and per Host header (`hosts`), so a
test can assert what each trap cost and that nothing was asked of another host.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from html import escape
from typing import Iterator
from urllib.parse import urlsplit

from .content import SampleArticle
from .family import Request, Response, not_found, redirect
from .feeds import sitemap_index, urlset
from .server import SampleSite, _Handler
from .wordpress import WordPress

ORDINARY_ARTICLES = 12
DRIP_SECONDS = 2.0
CHUNK = b"<p>" + b"isi halaman yang sangat besar " * 2000 + b"</p>\n"
DRIP_PATH = "/2025/05/01/halaman-yang-menetes-tanpa-akhir/"
BIG_PATHS = {"/2025/05/02/halaman-dua-puluh-megabita/": (20 << 20, True),
             "/2025/05/02/halaman-lima-puluh-megabita/": (50 << 20, False)}  # size, Content-Length sent
DEAD_LISTING = "/arsip-mati/"
DEAD_INDEX = "/sitemap-mati.xml"
DEAD_SITEMAP = re.compile(r"^/sitemap-mati-(\d)\.xml$")
DEAD_SITEMAPS = 4
REFRESH_CHAIN = re.compile(r"^/segar/(\d+)/$")
REFRESH_LOOP = ("/putar-segar/a/", "/putar-segar/b/")
OFFSITE = {"/keluar/301/": 301, "/keluar/302/": 302, "/keluar/segar/": 0}  # 0: a <meta refresh>
SCHEME_LINKS = ("javascript:alert(document.domain)", "data:text/html,<script>alert(1)</script>",
                "JavaScript:void(0)")


def dead_link(number: int) -> str:
    return f"/2024/01/15/berita-yang-sudah-hilang-nomor-{number}/"


def dead_sitemap_url(sitemap: int, number: int) -> str:
    return f"/2023/0{sitemap}/01/arsip-lama-yang-tidak-ada-{sitemap}-{number}/"


def refresh_page(target: str) -> Response:
    """A page whose only content is a `<meta refresh>` to `target`."""
    return Response(body=f'<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0; url={escape(target)}">'
                         f"<title>Mengalihkan</title></head><body><p>Mengalihkan...</p></body></html>")


class Traps(WordPress):
    name = "traps"
    source = "Warta Jebakan"
    tagline = "Portal berita uji dengan jebakan"
    marker = "WARTAJEBAKAN.ID -"
    first_synthetic_id = 70000

    def __init__(self, dead_links: int = 3000, dead_sitemap_urls: int = 2000) -> None:
        self.dead_links = dead_links
        self.dead_sitemap_urls = dead_sitemap_urls
        self.stopped = threading.Event()

    def initial_articles(self) -> list[SampleArticle]:
        return [self.synthetic(i) for i in range(ORDINARY_ARTICLES)]

    def offsite_url(self, request: Request, path: str = "/") -> str:
        """The same server under another name: `localhost` for `127.0.0.1`."""
        port = urlsplit(request.base).port
        return f"http://localhost:{port}{path}"

    def trap_paths(self) -> list[str]:
        """Every trap the home page links to."""
        return [DRIP_PATH, *BIG_PATHS, DEAD_LISTING, "/segar/1/", REFRESH_LOOP[0], *OFFSITE]

    # --- routes ----------------------------------------------------------------------------

    def route(self, request: Request) -> Response | None:
        path = request.path
        if path == "/robots.txt":
            response = super().route(request)
            response.body = response.body.replace("Sitemap:", f"Sitemap: {request.base}{DEAD_INDEX}\nSitemap:", 1)
            return response
        if path == DEAD_INDEX:
            maps = [(f"{request.base}/sitemap-mati-{n}.xml", None) for n in range(1, DEAD_SITEMAPS + 1)]
            return Response(body=sitemap_index(maps), content_type="application/xml; charset=UTF-8")
        if (match := DEAD_SITEMAP.match(path)) and 1 <= int(match[1]) <= DEAD_SITEMAPS:
            entries = [(request.base + dead_sitemap_url(int(match[1]), n), None) for n in range(self.dead_sitemap_urls)]
            return Response(body=urlset(entries), content_type="application/xml; charset=UTF-8")
        if path == DEAD_LISTING:
            links = "".join(f'<li><a href="{dead_link(n)}">Berita hilang {n}</a></li>\n' for n in range(self.dead_links))
            return Response(body=self.page(request, f"Arsip - {self.source}", "", f"<h1>Arsip</h1><ul>{links}</ul>"))
        if match := REFRESH_CHAIN.match(path):
            return refresh_page(f"/segar/{int(match[1]) + 1}/")
        if path in REFRESH_LOOP:
            return refresh_page(REFRESH_LOOP[1 - REFRESH_LOOP.index(path)])
        if path in OFFSITE:
            target = self.offsite_url(request, self.article_path(request.store[0]))
            return redirect(target, OFFSITE[path]) if OFFSITE[path] else refresh_page(target)
        if path in (DRIP_PATH, *BIG_PATHS):
            return not_found()  # streamed by the handler; reached only by HEAD
        return super().route(request)

    def index(self, request: Request, page: int, heading: str) -> Response:
        """The home page links to every trap too."""
        response = super().index(request, page, heading)
        if page == 1 and response.status == 200 and isinstance(response.body, str):
            hrefs = [*self.trap_paths(), *SCHEME_LINKS]
            box = "".join(f'<li><a href="{escape(h)}">Pilihan {n}</a></li>' for n, h in enumerate(hrefs, 1))
            response.body = response.body.replace("</main>", f'<ul class="pilihan">{box}</ul>\n</main>')
        return response

    # --- streamed pages --------------------------------------------------------------------

    def stream(self, path: str) -> tuple[int | None, Iterator[bytes]] | None:
        """(Content-Length or None, body chunks) of a page too slow or too big to build at once."""
        if path == DRIP_PATH:
            return None, self.drip()
        if path in BIG_PATHS:
            size, declared = BIG_PATHS[path]
            return (size if declared else None), self.padding(size)
        return None

    def drip(self) -> Iterator[bytes]:
        yield b"<!DOCTYPE html><html><head><title>Tetes</title></head><body><p>"
        while not self.stopped.wait(DRIP_SECONDS):
            yield b"."

    def padding(self, size: int) -> Iterator[bytes]:
        head = b"<!DOCTYPE html><html><head><title>Besar</title></head><body>"
        yield head
        sent = len(head)
        while sent < size:
            chunk = CHUNK[: size - sent]
            sent += len(chunk)
            yield chunk


class _TrapHandler(_Handler):
    site: TrapSite

    def _serve(self, body: bool) -> None:
        self.site.hosts[self.headers.get("Host", "")] += 1
        streamed = self.site.family.stream(urlsplit(self.path).path) if self.command == "GET" else None
        if streamed is None:
            super()._serve(body)
            return
        length, chunks = streamed
        self.site.request_log.append((self.command, self.path, 200))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if length is None:
            self.send_header("Connection", "close")  # the body ends when the connection does
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(length))
        self.end_headers()
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:  # the crawler gave up on it: that is the point
            self.close_connection = True


class TrapSite(SampleSite):
    """The traps site on a loopback port: `hosts` counts requests per Host header."""

    family: Traps
    handler = _TrapHandler

    def __init__(self, dead_links: int = 3000, dead_sitemap_urls: int = 2000) -> None:
        super().__init__(Traps(dead_links, dead_sitemap_urls))
        self.hosts: Counter[str] = Counter()

    def stop(self) -> None:
        self.family.stopped.set()
        super().stop()

    def trap_urls(self) -> list[str]:
        return [self._base + path for path in self.family.trap_paths()]

    def requests_to(self, pattern: str) -> int:
        """How many requests asked for a path matching the regular expression `pattern`."""
        return sum(1 for _, target, _ in self.request_log if re.search(pattern, target))
