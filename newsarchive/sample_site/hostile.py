"""The hostile family: a WordPress-style site whose content attacks the crawler and the reader.

Beside ordinary articles it serves, all reachable by ordinary discovery (home page links,
robots.txt `Sitemap:` lines, feeds):

- bombs: a gzipped sitemap served as a file and a page sent with `Content-Encoding: gzip`,
  each inflating to 2 GiB; billion-laughs entities in a sitemap, a 100 KB entity used
  10,000 times in a feed;
- absurd structure: an article inside 100,000 nested `<div>`s, one with a JSON-LD block of
  100,000 nested arrays, NUL bytes and lone surrogates in text and JSON-LD, a PNG served
  as `text/html`, a page declaring `utf-16` sent as UTF-8, invalid UTF-8;
- injection: HTML/JS and terminal escapes in a title, caption and body.

Articles whose content is hostile are still articles: `expected()` holds their clean
record (the injection article's with the escapes as published; stored text drops them).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import replace
from datetime import timedelta, timezone
from functools import lru_cache
from html import escape

from .content import ArticleStore, SampleArticle
from .family import Request, Response
from .wordpress import WordPress

WIB = timezone(timedelta(hours=7), "WIB")
BOMB_BYTES = 2 * 1024**3  # what each gzip bomb inflates to
_MEMBER_BYTES = 64 * 1024**2  # a bomb is gzip members of this many spaces (~64 KB each, compressed)
DEEP = 100_000  # nesting of the deep <div>s and of the deep JSON-LD arrays
ENTITY_BYTES, ENTITY_USES = 100_000, 10_000
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
INVALID_UTF8 = b"\xff\xfe \xc3( \xed\xa0\x80 \xe2\x82"  # stray bytes, a bad pair, an encoded surrogate, a cut sequence
ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[31m"
INJECTION = ('<p>Warga melapor <img src="x" onerror="alert(1)"> lewat <a href="javascript:alert(2)">'
             'tautan ini</a>.<script>alert(3)</script></p>')
# The role of each article, by its position among the initial (newest-first) articles.
ROLES = {"deep_nesting": 2, "deep_json_ld": 4, "nul_and_surrogates": 6, "utf16_label": 7,
         "invalid_utf8": 8, "injection": 9}
ORDINARY = 8  # articles with nothing hostile about them
PATHS = {"sitemap_bomb": "/sitemap-arsip.xml.gz", "sitemap_entities": "/sitemap-entitas.xml",
         "feed_entities": "/feed/entitas/", "gzip_bomb": "/unduh/laporan-lengkap/",
         "png_as_html": "/galeri/foto-banjir/"}


@lru_cache(maxsize=None)
def gzip_bomb(prefix: bytes) -> bytes:
    """`prefix` and then BOMB_BYTES of spaces, gzipped (concatenated members: ~2 MB on the wire)."""
    member = gzip.compress(b" " * _MEMBER_BYTES, 9, mtime=0)
    return gzip.compress(prefix, 9, mtime=0) + member * (BOMB_BYTES // _MEMBER_BYTES)


def laughs_sitemap(base: str, article_path: str) -> str:
    """A urlset whose entities would expand to 3 GB; one plain entry besides."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE urlset [{entities}]>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/tertawa/&lol9;/</loc></url>"
            f"<url><loc>{escape(base + article_path)}</loc></url></urlset>\n")


def entity_feed(title: str, base: str, article_path: str) -> str:
    """An RSS feed whose one item's title uses a 100 KB entity 10,000 times (1 GB expanded)."""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE rss [\n<!ENTITY ulang "{"ha" * (ENTITY_BYTES // 2)}">\n]>\n'
            f'<rss version="2.0"><channel><title>{escape(title)}</title><link>{base}/</link>'
            f'<item><title>{"&ulang;" * ENTITY_USES}</title><link>{escape(base + article_path)}</link>'
            "</item></channel></rss>\n")


class Hostile(WordPress):
    name = "hostile"
    source = "Warta Uji"
    tz = WIB
    marker = "WARTAUJI.ID -"
    first_synthetic_id = 70000
    tagline = "Portal berita uji yang jahat"

    def __init__(self) -> None:
        self.role_ids: dict[str, int] = {}

    def initial_articles(self) -> list[SampleArticle]:
        articles = [replace(self.synthetic(i), pages=1) for i in range(ORDINARY + len(ROLES))]
        self.role_ids = {role: articles[position].id for role, position in ROLES.items()}
        injected = articles[ROLES["injection"]]
        paragraphs = list(injected.body_paragraphs)
        paragraphs[1] = paragraphs[1].replace(" ", f" {ESCAPES} ", 1)
        articles[ROLES["injection"]] = replace(
            injected, title=f"{injected.title} {ESCAPES}<script>alert(4)</script>",
            caption=f"{injected.caption} {ESCAPES}<img src=x onerror=alert(5)>", body_paragraphs=paragraphs)
        return articles

    def role_articles(self, store: ArticleStore) -> dict[str, SampleArticle]:
        return {role: article for role, article_id in self.role_ids.items()
                if (article := store.get(article_id)) is not None}

    def fault_paths(self, store: ArticleStore) -> dict[str, str]:
        """Each hostile case by name: the articles by role, then the other routes."""
        return {**{role: self.article_path(a) for role, a in self.role_articles(store).items()}, **PATHS}

    def feed_link(self) -> str:
        return super().feed_link() + (f'\n<link rel="alternate" type="application/rss+xml" title="Entitas" '
                                      f'href="{PATHS["feed_entities"]}">')

    def route(self, request: Request) -> Response | None:
        path, store = request.path, request.store
        ordinary = self.article_path(store[0])
        if path == "/robots.txt":
            response = super().route(request)
            response.body += "".join(f"Sitemap: {request.base}{PATHS[name]}\n"
                                     for name in ("sitemap_bomb", "sitemap_entities"))
            return response
        if path == PATHS["sitemap_bomb"]:
            prefix = b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            return Response(body=gzip_bomb(prefix), content_type="application/x-gzip")
        if path == PATHS["sitemap_entities"]:
            return Response(body=laughs_sitemap(request.base, ordinary), content_type="application/xml; charset=UTF-8")
        if path == PATHS["feed_entities"]:
            return Response(body=entity_feed(self.source, request.base, ordinary),
                            content_type="application/rss+xml; charset=UTF-8")
        if path == PATHS["gzip_bomb"]:
            return Response(body=gzip_bomb(b"<!DOCTYPE html><html><head><title>Laporan</title></head><body>"),
                            headers={"Content-Encoding": "gzip"})
        if path == PATHS["png_as_html"]:
            return Response(body=PNG + bytes(range(256)) * 16, content_type="text/html")
        role = next((r for r, a in self.role_articles(store).items() if self.article_path(a) == path), None)
        if role is None:
            return super().route(request)
        article = self.role_articles(store)[role]
        return self.hostile_article(request, article, role)

    def hostile_article(self, request: Request, article: SampleArticle, role: str) -> Response:
        html = self.article_html(request, article, 1)
        content_type = "text/html; charset=utf-8"
        if role == "deep_nesting":
            html = html.replace("<article ", "<div>" * DEEP + "<article ", 1).replace(
                "</article>", "</article>" + "</div>" * DEEP, 1)
        elif role == "deep_json_ld":
            html = html.replace("</head>", '<script type="application/ld+json">'
                                + "[" * DEEP + "]" * DEEP + "</script>\n</head>", 1)
        elif role == "nul_and_surrogates":
            shown = escape(article.body_paragraphs[1])
            html = html.replace(shown, shown.replace("a", "a\x00"), 1)
            headline = json.dumps(article.title, ensure_ascii=False)
            html = html.replace(f'"headline": {headline}', f'"headline": {headline[:-1]}\\u0000\\ud800"', 1)
            html = html.replace('"@type": "NewsArticle"', '"@type": "NewsArticle", "description": "Ringkas\\udc80an"', 1)
        elif role == "utf16_label":  # UTF-8 bytes; the page says utf-16 and the header nothing
            html = html.replace('<meta charset="utf-8">', '<meta charset="utf-16">', 1)
            content_type = "text/html"
        elif role == "invalid_utf8":
            shown = escape(article.body_paragraphs[2]).encode()
            body = html.encode().replace(shown, shown.replace(b" ", b" " + INVALID_UTF8 + b" ", 1), 1)
            return Response(body=body, last_modified=article.last_modified, version=f"{article!r}")
        elif role == "injection":
            html = html.replace('<div class="entry-content">\n', '<div class="entry-content">\n' + INJECTION, 1)
        return Response(body=html, content_type=content_type, last_modified=article.last_modified,
                        version=f"{article!r}")

    def index(self, request: Request, page: int, heading: str) -> Response:
        """The home page links the gzip bomb page and the PNG too, as a site links a download."""
        response = super().index(request, page, heading)
        if page == 1 and response.status == 200 and isinstance(response.body, str):
            links = "".join(f'<li><a href="{PATHS[name]}">Tautan {n}</a></li>'
                            for n, name in enumerate(("gzip_bomb", "png_as_html"), 1))
            response.body = response.body.replace("</main>", f'<ul class="unduhan">{links}</ul>\n</main>')
        return response
