"""The newspaper-network (Disway-like) family: outlet "Radar Palembang".

`/read/<id>/<slug>` articles split at `/2`, `/3`; `/indeks?page=N`; `/rss`; no sitemap and
little structured data: what a crawler meets on the network's regional dailies.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta, timezone
from html import escape

from .content import ArticleStore, SampleArticle, load_family, slugify
from .family import GIF, Family, Request, Response, not_found, redirect
from .feeds import rss
from .layout import body_html, caption_text, date_long, date_numeric, meta, page_strip

WIB = timezone(timedelta(hours=7), "WIB")
SHARE = ('<div class="share-buttons"><span>Bagikan:</span> <a href="#">Facebook</a> '
         '<a href="#">Twitter</a> <a href="#">WhatsApp</a> <a href="#">Telegram</a> '
         '<a href="#">Salin Tautan</a></div>')
NAV = [("/", "Home"), ("/kategori/metropolis", "Metropolis"), ("/kategori/sumsel", "Sumsel"),
       ("/kategori/ekonomi", "Ekonomi"), ("/kategori/olahraga", "Olahraga"), ("/indeks", "Indeks")]
FOOTER = ('<p><a href="/redaksi">Redaksi</a> | <a href="/pedoman-media-siber">Pedoman Media Siber</a> | '
          '<a href="/kontak">Kontak</a></p><p>&copy; Radar Palembang. Jaringan Disway National Network.</p>')
FEED_WINDOW = 300  # the articles an edit can bring back into the feed
ARTICLE = re.compile(r"^/read/(\d+)/([a-z0-9-]+)(?:/(\d+))?$")


class Disway(Family):
    name = "disway"
    source = "Radar Palembang"
    tz = WIB
    marker = "RADAR PALEMBANG —"
    first_synthetic_id = 700000
    feed_path = "/rss"
    index_pages = ("/indeks", "/indeks?page={}")
    nav = NAV
    footer = FOOTER
    body_class = "disway"
    static_pages = {"/redaksi": "Redaksi", "/pedoman-media-siber": "Pedoman Media Siber", "/kontak": "Kontak"}
    taxonomies = {"tag": "tag", "penulis": "author", "kategori": "section"}

    def initial_articles(self) -> list[SampleArticle]:
        return load_family("disway")

    def article_path(self, article: SampleArticle, page: int = 1) -> str:
        suffix = f"/{page}" if page > 1 else ""
        return f"/read/{article.id}/{article.slug}{suffix}"

    def feed_articles(self, store: ArticleStore, count: int) -> list[SampleArticle]:
        """Latest change first: an edited story takes a place back in the feed, under its old pubDate."""
        return sorted(store.slice(0, FEED_WINDOW), key=lambda a: a.last_modified, reverse=True)[:count]

    def canonical_path(self, article: SampleArticle, page: int) -> str:
        """Where a page's `rel=canonical` points: every page at the article's first."""
        return self.article_path(article)

    def date(self, article: SampleArticle) -> str:
        return date_numeric(article.published) if article.id % 2 else date_long(article.published)

    def route(self, request: Request) -> Response | None:
        path = request.path
        if match := ARTICLE.match(path):
            return self.article(request, int(match[1]), match[2], int(match[3] or 1))
        if path == "/":
            return self.index(request, 1, "Berita Terkini")
        if path == "/indeks":
            return self.index(request, request.page_number(), "Indeks Berita")
        if path == self.feed_path:
            return Response(body=rss(self.source, request.base + "/", "Berita terkini Palembang dan Sumsel",
                                     self.feed_items(request), updated=False),
                            content_type="application/rss+xml; charset=utf-8")
        if path == "/robots.txt":
            return Response(body="User-agent: *\nAllow: /\n", content_type="text/plain; charset=utf-8")
        if path.startswith("/img/"):
            return Response(body=GIF, content_type="image/gif")
        return self.other_page(request)

    def article(self, request: Request, article_id: int, slug: str, page: int) -> Response:
        article = request.store.get(article_id)
        if article is None or not 1 <= page <= article.pages:
            return not_found()
        if slug != article.slug:
            return redirect(self.article_path(article, page))
        return Response(body=self.article_html(request, article, page), last_modified=article.last_modified,
                        version=f"{article!r}/{page}")

    def article_html(self, request: Request, article: SampleArticle, page: int,
                     charset_meta: bool = True) -> str:
        """The article page; the faults family reuses it for its broken and legacy variants."""
        canonical = request.base + self.canonical_path(article, page)
        image = f"{request.base}/img/{article.id}.gif"
        head = "\n".join([
            f'<link rel="canonical" href="{escape(canonical)}">',
            self.feed_link(),
            meta({"description": article.caption, "og:title": article.title, "og:site_name": self.source,
                  "og:image": image, "og:type": "article"}),
        ])
        if article.modified:
            head += "\n" + meta({"article:modified_time": article.modified.isoformat()})
        if article.id % 3 == 0:  # some templates carry a poor JSON-LD: no date, no author
            head += ('\n<script type="application/ld+json">'
                     + json.dumps({"@context": "https://schema.org", "@type": "WebPage", "name": article.title})
                     + "</script>")
        people = " ".join(
            f'<span class="{role.lower()}">{role}: '
            + ", ".join(f'<a href="/penulis/{slugify(p)}">{escape(p)}</a>' for p in names) + "</span>"
            for role, names in (("Reporter", article.authors), ("Editor", article.editors)) if names
        )
        urls = [request.base + p for p in self.page_paths(article)]
        body = body_html(article, page, lambda e: self.related_links(request.store, article, e),
                         "<p><strong>{}</strong></p>")
        closing = '<p>Sumber: </p>' if page == article.pages else ""
        tags = " ".join(f'<a href="/tag/{slugify(t)}">{escape(t)}</a>' for t in article.tags)
        if article.modified:  # the visible note of an edit
            people += f' <span class="updated">Diperbarui: {escape(date_numeric(article.modified))}</span>'
        main = f"""<article class="post-detail">
<div class="breadcrumb"><a href="/">Home</a> &raquo; <a href="/kategori/{slugify(article.section)}">{escape(article.section)}</a></div>
<h1 class="post-title">{escape(article.title)}</h1>
<div class="post-meta">{people} <span class="date">{escape(self.date(article))}</span></div>
<h2 class="share-title">{escape(article.title.replace(", ", ",  "))}</h2>
{SHARE}
<figure class="post-image"><img src="{escape(image)}" alt="{escape(article.title)}">
<div class="caption">{escape(caption_text(article))}</div></figure>
<div class="post-content">
{body}
{closing}
</div>
{page_strip(urls, page, "Selanjutnya", "post-pagination")}
<div class="post-tags"><span>Tags:</span> {tags}</div>
{SHARE}
</article>"""
        return self.page(request, f"{article.title} - {self.source}", head, main, charset_meta)
