"""The WordPress news-theme family: outlet "Kabar Banua" (Banjarmasin, WITA).

`/<yyyy>/<mm>/<dd>/<slug>/` articles split at `/<slug>/2/`, Yoast JSON-LD, sitemaps
(`/sitemap_index.xml` -> `/post-sitemap.xml`), `/feed/`, `/page/N/`: what countless small
regional outlets run.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from html import escape
from typing import Any

from .content import ArticleStore, SampleArticle, load_family, slugify
from .family import GIF, Family, Request, Response, not_found, redirect
from .feeds import rss, sitemap_index, urlset
from .layout import body_html, caption_text, date_long, meta, page_strip

WITA = timezone(timedelta(hours=8), "WITA")
SITEMAP_SIZE = 1000
LOGO = "/img/logo.gif"  # the header's logo, also the default share image
ARTICLE = re.compile(r"^/(\d{4})/(\d{2})/(\d{2})/([a-z0-9-]+)/(?:(\d+)/)?$")
NAV = [("/", "Beranda"), ("/category/banjarmasin/", "Banjarmasin"), ("/category/kalsel/", "Kalsel"),
       ("/category/ekonomi/", "Ekonomi"), ("/category/olahraga/", "Olahraga"),
       ("/category/kesehatan/", "Kesehatan")]
SHARE = ('<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Bagikan ini:</h3><ul>'
         '<li><a class="share-facebook" href="#">Facebook</a></li><li><a class="share-twitter" href="#">X</a></li>'
         '<li><a class="share-jetpack-whatsapp" href="#">WhatsApp</a></li></ul></div>')


class WordPress(Family):
    name = "wordpress"
    source = "Kabar Banua"
    domain = "KABARBANUA.COM"
    tz = WITA
    marker = "KABARBANUA.COM -"
    first_synthetic_id = 90000
    tagline = "Berita Banjarmasin dan Kalimantan Selatan"
    feed_path = "/feed/"
    nav = NAV
    footer = ('<p>&copy; Kabar Banua &mdash; Berita Banjarmasin dan Kalimantan Selatan. '
              '<a href="/redaksi/">Redaksi</a> | <a href="/pedoman-media-siber/">Pedoman Media Siber</a></p>'
              '<p>Proudly powered by WordPress</p>')
    body_class = "wp-theme-newsportal"
    static_pages = {"/redaksi/": "Redaksi", "/pedoman-media-siber/": "Pedoman Media Siber"}
    taxonomies = {"category": "section", "tag": "tag", "author": "author"}
    taxonomy_slash = "/"

    def initial_articles(self) -> list[SampleArticle]:
        from .disway import Disway  # the sister outlet whose stories are syndicated here

        originals = {a.id: a for a in Disway().initial_articles()}
        return load_family("wordpress", originals, Disway.source, self.marker)

    def article_path(self, article: SampleArticle, page: int = 1) -> str:
        suffix = f"{page}/" if page > 1 else ""
        return f"{article.published:/%Y/%m/%d}/{article.slug}/{suffix}"

    def sidebar(self, store: ArticleStore) -> str:
        links = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in NAV[1:])
        return self.popular(store) + f'<section class="widget widget_categories"><h3>Kategori</h3><ul>{links}</ul></section>'

    def date(self, article: SampleArticle) -> str:
        return date_long(article.published, pipe=False, pad=False)

    def shown_modified(self, article: SampleArticle) -> datetime:
        """Yoast always states `dateModified` (the publication date until revised)."""
        return article.last_modified

    def sitemap_paths(self, store: ArticleStore) -> list[str]:
        count = max(1, -(-len(store) // SITEMAP_SIZE))
        return ["/post-sitemap.xml"] + [f"/post-sitemap{n}.xml" for n in range(2, count + 1)]

    def sitemap_entries(self, request: Request, number: int) -> list[tuple[str, Any]]:
        start = (number - 1) * SITEMAP_SIZE
        return [(request.base + self.article_path(a), a.last_modified)
                for a in request.store.slice(start, start + SITEMAP_SIZE)]

    def route(self, request: Request) -> Response | None:
        path, store = request.path, request.store
        if match := ARTICLE.match(path):
            return self.article(request, match[4], int(match[5] or 1))
        if ARTICLE.match(path + "/"):
            return redirect(path + "/")
        if path == "/" or re.fullmatch(r"/page/\d+/", path):
            return self.index(request, int(path[6:-1]) if path != "/" else 1, "Berita Terbaru")
        if path == self.feed_path:
            return Response(body=rss(self.source, request.base + "/", self.tagline, self.feed_items(request)),
                            content_type="application/rss+xml; charset=UTF-8")
        if path == "/robots.txt":
            return Response(body=f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\n"
                                 f"Sitemap: {request.base}/sitemap_index.xml\n",
                            content_type="text/plain; charset=utf-8")
        if path == "/sitemap_index.xml":  # each child dated by its newest change
            maps = [(request.base + p, store.newest_change((n - 1) * SITEMAP_SIZE, n * SITEMAP_SIZE))
                    for n, p in enumerate(self.sitemap_paths(store), 1)]
            return Response(body=sitemap_index(maps, self.lastmod_style),
                            content_type="application/xml; charset=UTF-8")
        if path in self.sitemap_paths(store):
            number = int(path[len("/post-sitemap"):-len(".xml")] or 1)
            return Response(body=urlset(self.sitemap_entries(request, number), self.lastmod_style),
                            content_type="application/xml; charset=UTF-8")
        if path.startswith("/wp-content/uploads/"):
            return Response(body=GIF, content_type="image/gif")
        return self.other_page(request)

    def article(self, request: Request, slug: str, page: int) -> Response:
        article = request.store.by_slug(slug)
        if article is None or not 1 <= page <= article.pages:
            return not_found()
        if request.path != self.article_path(article, page):
            return redirect(self.article_path(article, page))
        return Response(body=self.article_html(request, article, page), last_modified=article.last_modified,
                        version=f"{article!r}/{page}")

    def json_ld(self, request: Request, article: SampleArticle) -> str:
        """Yoast-style `@graph` with the NewsArticle and its publisher and author."""
        url = request.base + self.article_path(article)
        graph = [
            {"@type": "NewsArticle", "@id": f"{url}#article", "headline": article.title,
             "datePublished": article.published.isoformat(),
             "dateModified": article.last_modified.isoformat(),
             "author": {"@type": "Person", "name": article.authors[0]},
             "publisher": {"@id": f"{request.base}/#organization"},
             "mainEntityOfPage": {"@id": url}, "articleSection": [article.section],
             "keywords": article.tags, "inLanguage": "id"},
            {"@type": "WebPage", "@id": url, "url": url, "name": f"{article.title} - {self.source}"},
            {"@type": "Organization", "@id": f"{request.base}/#organization", "name": self.source,
             "url": request.base + "/", "logo": {"@type": "ImageObject", "url": request.base + LOGO,
                                                 "caption": self.source}},
        ]
        if article.caption is not None:  # a story with a lead photo
            graph[0]["image"] = {"@id": f"{url}#primaryimage"}
            graph.insert(2, {"@type": "ImageObject", "@id": f"{url}#primaryimage",
                             "url": self.image(request, article), "caption": article.caption})
        return ('<script type="application/ld+json" class="yoast-schema-graph">'
                + json.dumps({"@context": "https://schema.org", "@graph": graph}, ensure_ascii=False)
                .replace("</", "<\\/") + "</script>")

    def image(self, request: Request, article: SampleArticle) -> str:
        """The lead photo, or the site's default share image (its logo) for a story without one."""
        if article.caption is None:
            return request.base + LOGO
        return f"{request.base}/wp-content/uploads{article.published:/%Y/%m}/{article.slug[:40]}.gif"

    def figure(self, request: Request, article: SampleArticle) -> str:
        """The lead photo: block-editor `<figcaption>` or classic `.wp-caption-text`; none for a story without."""
        if article.caption is None:
            return ""
        image = f'<img src="{escape(self.image(request, article))}" alt="{escape(article.title)}">'
        caption = escape(caption_text(article))
        if article.id % 2:
            return f'<figure class="wp-block-image size-large">{image}<figcaption>{caption}</figcaption></figure>'
        return (f'<div class="wp-caption aligncenter">{image}'
                f'<p class="wp-caption-text">{caption}</p></div>')

    def article_html(self, request: Request, article: SampleArticle, page: int,
                     page_urls: list[str] | None = None, charset_meta: bool = True) -> str:
        """The article page; the faults family reuses it for its split, broken and legacy pages."""
        canonical = request.base + self.article_path(article)
        head = "\n".join([
            f'<link rel="canonical" href="{escape(canonical)}">',
            self.feed_link(),
            meta({"og:locale": "id_ID", "og:type": "article", "og:title": article.title,
                  "og:description": article.caption or article.body_paragraphs[0], "og:url": canonical, "og:site_name": self.source,
                  "og:image": self.image(request, article),
                  "article:published_time": article.published.isoformat(),
                  "article:modified_time": article.last_modified.isoformat(),
                  "author": article.authors[0]}),
            self.json_ld(request, article),
        ])
        urls = page_urls or [request.base + p for p in self.page_paths(article)]
        body = body_html(article, page, lambda e: self.related_links(request.store, article, e), "<h2>{}</h2>")
        footer_note = ""
        if article.syndicated_from and page == len(urls):
            footer_note = (f'<p><em>Artikel ini telah tayang di {escape(article.syndicated_from)} dengan judul '
                           f'&quot;{escape(article.title)}&quot;</em></p>')
        editors = " | Editor: " + ", ".join(map(escape, article.editors)) if article.editors else ""
        authors = ", ".join(f'<a href="/author/{slugify(a)}/">{escape(a)}</a>' for a in article.authors)
        tags = " ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{escape(t)}</a>' for t in article.tags)
        main = f"""<article id="post-{article.id}" class="post-{article.id} post type-post status-publish">
<header class="entry-header">
<span class="cat-links"><a href="/category/{slugify(article.section)}/" rel="category tag">{escape(article.section)}</a></span>
<h1 class="entry-title">{escape(article.title)}</h1>
<div class="entry-meta"><span class="posted-on"><time class="entry-date published">{escape(self.date(article))}</time></span>
<span class="byline">Penulis: {authors}{editors}</span></div>
</header>
{self.figure(request, article)}
<div class="entry-content">
{body}
{footer_note}
{page_strip(urls, page, "Selanjutnya", "page-links")}
</div>
<footer class="entry-footer"><span class="tags-links">Tags: {tags}</span></footer>
{SHARE}
</article>"""
        return self.page(request, f"{article.title} - {self.source}", head, main, charset_meta)
