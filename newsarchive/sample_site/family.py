"""What every site family shares: requests and responses, listings, sidebars, expected records.

A family turns (path, query) into a `Response` from the articles of a running site; the
server (`server.py`) adds HTTP concerns (logging, ETags, 304s) on top.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from html import escape
from typing import Any
from urllib.parse import urlsplit

from .content import ArticleStore, SampleArticle, slugify, synthetic_article
from .feeds import FeedItem
from .layout import Link, link_list, meta, shell

GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00"
       b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


@dataclass
class Request:
    path: str
    query: dict[str, list[str]]
    base: str  # "http://127.0.0.1:PORT" without the trailing slash
    store: ArticleStore

    def param(self, name: str, default: str = "") -> str:
        return self.query.get(name, [default])[0]

    def page_number(self) -> int:
        value = self.param("page", "1")
        return int(value) if value.isdigit() and int(value) > 0 else 0


@dataclass
class Response:
    status: int = 200
    body: bytes | str = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None
    delay: float = 0.0
    # What the ETag hashes when not the whole page: an article's own content, so that a
    # changed sidebar or newer "related" links do not make every article look revised.
    version: str = ""

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        charset = self.content_type.partition("charset=")[2] or "utf-8"
        return self.body.encode(charset)


def redirect(location: str, status: int = 301) -> Response:
    return Response(status=status, headers={"Location": location}, body="")


def not_found() -> Response:
    return Response(status=404, body="<!DOCTYPE html><html><head><title>404</title></head>"
                                     "<body><h1>Halaman tidak ditemukan</h1></body></html>")


class Family:
    """A site family: its outlet, time zone, URL scheme and page templates."""

    name = ""
    source = ""
    tz = timezone.utc
    marker = ""  # dateline outlet part, e.g. "RADAR PALEMBANG —"
    first_synthetic_id = 900000
    per_page = 10
    feed_path = ""
    tagline = ""  # the site's description beside its logo
    lastmod_style = "iso"  # how sitemaps write dates: see `feeds.LASTMOD_STYLES`
    index_pages = ("/", "/page/{}/")  # the index's first page and the pattern of the others
    nav: list[Link] = []
    footer = ""
    body_class = ""
    # listing URL prefix -> what it lists: "tag", "author" or "section"
    taxonomies: dict[str, str] = {}
    taxonomy_slash = ""  # WordPress ends listing URLs with "/"
    # footer pages (path -> heading): editorial board, media guidelines, contact
    static_pages: dict[str, str] = {}

    def initial_articles(self) -> list[SampleArticle]:
        raise NotImplementedError

    def article_path(self, article: SampleArticle, page: int = 1) -> str:
        raise NotImplementedError

    def route(self, request: Request) -> Response | None:
        raise NotImplementedError

    def synthetic(self, index: int) -> SampleArticle:
        return synthetic_article(index, self.tz, self.marker, self.first_synthetic_id)

    # --- shared pieces -------------------------------------------------------------------

    def page_paths(self, article: SampleArticle) -> list[str]:
        return [self.article_path(article, n) for n in range(1, article.pages + 1)]

    def related_links(self, store: ArticleStore, article: SampleArticle, entry: dict) -> list[Link]:
        """Links for one insert: given titles point home, otherwise other recent articles."""
        if "titles" in entry:
            return [("/", title) for title in entry["titles"]]
        pool = [a for a in store.slice(0, 12) if a.id != article.id]
        start = (article.id + entry["after"]) % max(len(pool), 1)
        chosen = (pool[start:] + pool[:start])[: entry.get("n", 1)]
        return [(self.article_path(a), a.title) for a in chosen]

    def date(self, article: SampleArticle) -> str:
        raise NotImplementedError

    def sidebar(self, store: ArticleStore) -> str:
        return self.popular(store)

    def popular(self, store: ArticleStore) -> str:
        """The "Terpopuler" sidebar box every page carries."""
        picks = store.slice(0, 30)[3::4][:5]
        return ('<section class="widget terpopuler"><h3 class="widget-title">Terpopuler</h3>'
                + link_list(((self.article_path(a), a.title) for a in picks), "popular-list")
                + "</section>")

    def page(self, request: Request, title: str, head: str, main: str, charset_meta: bool = True) -> str:
        return shell(title=title, head=head, brand=self.source, nav=self.nav, main=main,
                     sidebar=self.sidebar(request.store), footer=self.footer, body_class=self.body_class,
                     charset_meta=charset_meta, tagline=self.tagline)

    def feed_link(self) -> str:
        return (f'<link rel="alternate" type="application/rss+xml" title="{escape(self.source)} Feed" '
                f'href="{self.feed_path}">')

    def teasers(self, articles: list[SampleArticle]) -> str:
        """A listing of articles as on home, index, tag and author pages."""
        items = "".join(
            f'<article class="teaser"><h2 class="teaser-title"><a href="{escape(self.article_path(a))}">'
            f'{escape(a.title)}</a></h2><span class="teaser-date">{escape(self.date(a))}</span>'
            f'<p class="teaser-section">{escape(a.section)}</p></article>\n'
            for a in articles
        )
        return f'<div class="article-list">\n{items}</div>'

    def listing(self, request: Request, heading: str, articles: list[SampleArticle],
                prev_url: str = "", next_url: str = "", extra: str = "") -> Response:
        """A page listing articles (home, index, taxonomy), with rel=prev/next pagination."""
        head = [self.feed_link(), meta({"og:site_name": self.source, "og:title": heading, "og:type": "website"})]
        nav = []
        for rel, url, label in (("prev", prev_url, "&laquo; Sebelumnya"), ("next", next_url, "Berikutnya &raquo;")):
            if url:
                head.append(f'<link rel="{rel}" href="{escape(url)}">')
                nav.append(f'<a class="{rel} page-numbers" rel="{rel}" href="{escape(url)}">{label}</a>')
        main = (f'<h1 class="page-title">{escape(heading)}</h1>\n' + self.teasers(articles)
                + f'\n<nav class="pagination">{" ".join(nav)}</nav>{extra}')
        return Response(body=self.page(request, f"{heading} - {self.source}", "\n".join(head), main))

    def other_page(self, request: Request) -> Response | None:
        """Taxonomy listings and the footer's static pages; None for anything else."""
        heading = self.static_pages.get(request.path)
        if heading is None:
            return self.taxonomy(request)
        main = (f'<h1 class="page-title">{escape(heading)}</h1><p>{escape(self.source)} adalah media siber '
                'yang menyajikan berita daerah setiap hari. Hubungi redaksi melalui surel yang tertera.</p>')
        return Response(body=self.page(request, f"{heading} - {self.source}", meta({"og:site_name": self.source}), main))

    def taxonomy(self, request: Request) -> Response | None:
        """Tag, author and section pages: `/<prefix>/<slug>` (plus the family's slash)."""
        prefix, _, slug = request.path.strip("/").partition("/")
        field_name = self.taxonomies.get(prefix)
        if not field_name or not slug or "/" in slug or request.path != f"/{prefix}/{slug}{self.taxonomy_slash}":
            return None
        values = (lambda a: [a.section]) if field_name == "section" else (lambda a: getattr(a, field_name + "s"))
        found = self.matching(request.store, lambda a: slug in map(slugify, values(a)))
        return self.listing(request, f"{prefix.title()}: {slug.replace('-', ' ').title()}", found)

    def index_path(self, page: int) -> str:
        return self.index_pages[0] if page == 1 else self.index_pages[1].format(page)

    def index(self, request: Request, page: int, heading: str) -> Response:
        """Page `page` of the newest-first index; 404 past the end."""
        articles, more = self.index_page(request.store, page)
        if page < 1 or (not articles and page > 1):
            return not_found()
        prev_url = self.index_path(page - 1) if page > 1 else ""
        next_url = self.index_path(page + 1) if more else ""
        return self.listing(request, heading, articles, prev_url, next_url)

    def non_article_paths(self, store: ArticleStore) -> list[str]:
        newest = store[0]
        values = {"tag": newest.tags[0], "author": newest.authors[0], "section": newest.section}
        pages = [self.index_path(n) for n in (1, 2) if (n - 1) * self.per_page < len(store)]
        return list(dict.fromkeys(["/", *pages, *self.static_pages])) + [
            f"/{prefix}/{slugify(values[kind])}{self.taxonomy_slash}" for prefix, kind in self.taxonomies.items()
        ]

    def index_page(self, store: ArticleStore, page: int) -> tuple[list[SampleArticle], bool]:
        """One page of the newest-first index and whether a next page exists."""
        start = (page - 1) * self.per_page
        return store.slice(start, start + self.per_page), start + self.per_page < len(store)

    def matching(self, store: ArticleStore, keep: Any, limit: int = 300) -> list[SampleArticle]:
        """Recent articles for a tag/author/section page (only the newest `limit` are scanned)."""
        return [a for a in store.slice(0, limit) if keep(a)][: self.per_page]

    def feed_articles(self, store: ArticleStore, count: int) -> list[SampleArticle]:
        """What the feed lists: the newest articles."""
        return store.slice(0, count)

    def feed_items(self, request: Request, count: int = 20) -> list[FeedItem]:
        return [
            FeedItem(a.title, request.base + self.article_path(a), a.body_paragraphs[0],
                     a.published, a.last_modified, ", ".join(a.authors), a.section)
            for a in self.feed_articles(request.store, count)
        ]

    def shown_modified(self, article: SampleArticle) -> datetime | None:
        """The modification date the page states, if any (by default only once revised)."""
        return article.modified

    def expected(self, article: SampleArticle, base: str) -> dict[str, Any]:
        """The normalised record the archive must hold for `article` served at `base`."""
        return {
            "url": base + self.article_path(article),
            "site": urlsplit(base).netloc,
            "source": self.source,
            "title": article.title,
            "caption": article.caption,
            "photo_credit": article.photo_credit,
            "body_paragraphs": list(article.body_paragraphs),
            "body": "\n\n".join(article.body_paragraphs),
            "dateline": article.dateline,
            "published": article.published.isoformat(),
            "modified": modified.isoformat() if (modified := self.shown_modified(article)) else None,
            "authors": list(article.authors),
            "editors": list(article.editors),
            "section": article.section,
            "tags": list(article.tags),
            "language": "id",
            "pages": article.pages,
        }
