"""The faults family: a small WordPress-style site whose routes misbehave on purpose.

Crawler tests need the awkward cases of real sites in one place: transient 503s, slow
pages, redirect chains and loops, endless calendars, tracking-parameter duplicates,
dead sitemap entries, PDFs, a windows-1252 page declared only in the HTTP header,
broken markup, an oversized page and a Tribun-style `?page=all` split article.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta, timezone
from html import escape

from .content import ArticleStore, SampleArticle
from .family import Request, Response, not_found, redirect
from .wordpress import WordPress

WIB = timezone(timedelta(hours=7), "WIB")
TRANSIENT_FAILURES = 2
SLOW_SECONDS = 1.5
HUGE_BYTES = 3 * 1024 * 1024
LEGACY_PARAGRAPH = ("“Warga menyebutnya kafé rakyat – tempat berkumpul sejak subuh,” ujar Andi, "
                    "pemilik kedai yang sudah berjualan selama dua puluh tahun.")
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
       b"trailer<</Root 1 0 R>>\n%%EOF\n")
CALENDAR = re.compile(r"^/kalender/(\d{4})/(\d{2})/$")
MISSING = "/2023/01/15/berita-yang-sudah-dihapus/"
DISALLOWED_PREFIX = "/privat/"  # robots.txt forbids it
DISALLOWED_ARTICLE = "/privat/2025/05/20/rapat-tertutup-dewan-kota-bahas-anggaran/"
DISALLOWED_ID = 99_999
# The role of each article, by its position among the initial (newest-first) articles.
ROLES = {"transient": 1, "slow": 2, "redirect_target": 3, "tracked": 4, "windows_1252": 5,
         "broken_html": 6, "page_all": 7}


class Faults(WordPress):
    name = "faults"
    source = "Sumsel Terkini"
    tagline = "Portal berita uji Sumatera Selatan"
    tz = WIB
    marker = "SUMSELTERKINI.ID –"
    first_synthetic_id = 50000
    footer = ('<p>&copy; Sumsel Terkini. <a href="/kalender/2025/06/">Arsip kalender</a> | '
              '<a href="/arsip-lengkap/">Arsip lengkap</a></p>')

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.role_ids: dict[str, int] = {}

    def initial_articles(self) -> list[SampleArticle]:
        articles = [self.synthetic(i) for i in range(10)]
        self.role_ids = {role: articles[position].id for role, position in ROLES.items()}
        legacy = articles[ROLES["windows_1252"]]
        body = legacy.body_paragraphs
        articles[ROLES["windows_1252"]] = replace(legacy, body_paragraphs=[*body[:-1], LEGACY_PARAGRAPH, body[-1]])
        articles[ROLES["page_all"]] = replace(articles[ROLES["page_all"]], pages=3)
        return articles

    def role_articles(self, store: ArticleStore) -> dict[str, SampleArticle]:
        return {role: article for role, article_id in self.role_ids.items()
                if (article := store.get(article_id)) is not None}

    def fault_paths(self, store: ArticleStore) -> dict[str, str]:
        """Named fault routes, absolute paths on this site."""
        paths = {role: self.article_path(article) for role, article in self.role_articles(store).items()}
        paths.update(
            tracked=paths["tracked"] + "?utm_source=x&fbclid=y",
            page_all=paths["page_all"] + "?page=all",
            redirect_chain="/go/berita-pilihan/",
            redirect_loop="/putar/a/",
            calendar="/kalender/2025/06/",
            missing=MISSING,
            pdf="/wp-content/uploads/2025/05/laporan-apbd-2025.pdf",
            huge="/arsip-lengkap/",
        )
        return paths

    def article_path(self, article: SampleArticle, page: int = 1) -> str:
        """Split articles here are Tribun-style: `?page=N` on the same path."""
        path = super().article_path(article)
        return path if page == 1 else f"{path}?page={page}"

    def route(self, request: Request) -> Response | None:
        path, store = request.path, request.store
        articles = self.role_articles(store)
        role = next((r for r, a in articles.items() if self.article_path(a) == path), None)
        if role == "transient":
            self.hits[path] = self.hits.get(path, 0) + 1
            if self.hits[path] <= TRANSIENT_FAILURES:
                return Response(status=503, body="Service Unavailable", headers={"Retry-After": "1"},
                                content_type="text/plain; charset=utf-8")
        if path == "/go/berita-pilihan/":
            return redirect("/go/berita-pilihan-2/")
        if path == "/go/berita-pilihan-2/":
            return redirect(self.article_path(articles["redirect_target"]), status=302)
        if path in ("/putar/a/", "/putar/b/"):
            return redirect("/putar/b/" if path.endswith("a/") else "/putar/a/", status=302)
        if match := CALENDAR.match(path):
            return self.calendar(request, int(match[1]), int(match[2]))
        if path == "/wp-content/uploads/2025/05/laporan-apbd-2025.pdf":
            return Response(body=PDF, content_type="application/pdf")
        if path == "/arsip-lengkap/":
            return self.huge(request)
        if path == MISSING:
            return not_found()
        if path == "/robots.txt":
            response = super().route(request)
            response.body = response.body.replace("Disallow: /wp-admin/", f"Disallow: /wp-admin/\nDisallow: {DISALLOWED_PREFIX}")
            return response
        if path == DISALLOWED_ARTICLE:  # a story outside expected(): a crawler obeying robots.txt never asks
            return Response(body=self.article_html(request, self.synthetic(DISALLOWED_ID), 1))
        if role in ("windows_1252", "broken_html", "page_all"):
            return self.special_article(request, articles[role], role)
        split = next((a for a in store if a.pages > 1 and self.article_path(a) == path), None)
        if split is not None:  # every split article here is Tribun-style: `?page=N` and `?page=all`
            return self.special_article(request, split, "page_all")
        response = super().route(request)
        if response is not None and role == "slow":
            response.delay = SLOW_SECONDS
        return response

    def special_article(self, request: Request, article: SampleArticle, role: str) -> Response:
        if role == "windows_1252":  # declared only in the HTTP header, no <meta charset>
            html = self.article_html(request, article, 1, charset_meta=False)
            return Response(body=html, content_type="text/html; charset=windows-1252",
                            last_modified=article.last_modified, version=f"{article!r}")
        if role == "broken_html":
            html = self.article_html(request, article, 1)
            html = html.replace("</p>", "", 4).replace('<main class="content">', '</div></span><main class="content">')
            html = html.replace("</aside>", "</div></div></aside><div class=\"iklan\"><table><tr><td>Iklan")
            return Response(body=html, last_modified=article.last_modified, version=f"{article!r}/broken")
        page_param = request.param("page", "1")
        base_path = self.article_path(article)
        urls = [request.base + self.article_path(article, n) for n in range(1, article.pages + 1)]
        if page_param == "all":
            html = self.article_html(request, replace(article, pages=1), 1)
        elif page_param.isdigit() and 1 <= int(page_param) <= article.pages:
            html = self.article_html(request, article, int(page_param), urls)
            html = html.replace('<div class="page-links">',
                                f'<div class="page-links"><a href="{escape(base_path)}?page=all">Tampilkan Semua</a> ')
        else:
            return not_found()
        return Response(body=html, last_modified=article.last_modified, version=f"{article!r}/{page_param}")

    def calendar(self, request: Request, year: int, month: int) -> Response:
        """A month archive that always links to the month before: it never ends."""
        prev_year, prev_month = (year, month - 1) if month > 1 else (year - 1, 12)
        found = [a for a in request.store if (a.published.year, a.published.month) == (year, month)]
        extra = f'<p class="calendar-nav"><a href="/kalender/{prev_year}/{prev_month:02d}/">&laquo; Bulan sebelumnya</a></p>'
        return self.listing(request, f"Arsip {month:02d}/{year}", found, extra=extra)

    def huge(self, request: Request) -> Response:
        """An archive page padded to ~3 MB, for download size limits."""
        filler = '<div class="ad-slot" data-slot="x">&nbsp;</div>\n'
        extra = filler * (HUGE_BYTES // len(filler) + 1)
        return self.listing(request, "Arsip lengkap", request.store.slice(0, 10), extra=extra)

    def index(self, request: Request, page: int, heading: str) -> Response:
        """The home page adds links to every fault, some of them duplicated with tracking noise."""
        response = super().index(request, page, heading)
        if page == 1 and response.status == 200 and isinstance(response.body, str):
            paths = self.fault_paths(request.store)
            links = [paths["tracked"], paths["tracked"].replace("x&", "y&"), paths["tracked"].split("?")[0],
                     paths["redirect_chain"], paths["redirect_loop"], paths["calendar"], paths["pdf"],
                     paths["huge"], paths["page_all"], DISALLOWED_ARTICLE]
            box = "".join(f'<li><a href="{escape(p)}">Tautan {n}</a></li>' for n, p in enumerate(links, 1))
            response.body = response.body.replace("</main>", f'<ul class="pilihan">{box}</ul>\n</main>')
        return response

    def sitemap_entries(self, request: Request, number: int) -> list[tuple[str, object]]:
        """The sitemap still lists an article that was deleted (404)."""
        return [*super().sitemap_entries(request, number), (request.base + MISSING, None)]
