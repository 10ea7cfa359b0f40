"""The bundled sample news site: realistic regional-news pages on a loopback port.

Used by the demo and by tests; nothing here reaches the internet. Each family is its own
site (own port, so own host):

- `disway` (Radar Palembang, WIB): `/`, `/indeks?page=N`, `/read/<id>/<slug>[/2|/3]`,
  `/rss`, `/tag/<slug>`, `/penulis/<slug>`, `/kategori/<slug>`, `/robots.txt`; no sitemap.
- `wordpress` (Kabar Banua, WITA): `/`, `/page/N/`, `/<yyyy>/<mm>/<dd>/<slug>/[2/]`,
  `/feed/`, `/sitemap_index.xml` -> `/post-sitemap.xml`, `/category|tag|author/<slug>/`.
- `faults` (Sumsel Terkini): WordPress-style, plus the routes in `site.fault_urls()`.
- `hostile` (Warta Uji): WordPress-style, plus bombs, absurd pages and injection (`site.fault_urls()`).

    site = SampleSite("disway")          # or "wordpress", "faults", "hostile"; synthetic=N for scale
    base = site.start()                  # "http://127.0.0.1:PORT/"
    site.expected()                      # normalised records, newest first
    site.non_article_urls()              # listing pages that must not be archived
    site.revise(id, new_paragraph=...)   # or title=...; new ETag, modified, lastmod
    site.publish_next()                  # a new article on home, index, feed, sitemap
    site.request_log                     # [(method, path?query, status), ...]
    site.stop()

    with serve_sample_sites() as urls:   # {"disway": url, "wordpress": url}
        ...

Expected records carry the contract's article fields plus `body_paragraphs`, `editors`
and `pages` (how many pages the article is split across).
"""

from .content import SampleArticle
from .server import SampleSite, serve_sample_sites

__all__ = ["SampleArticle", "SampleSite", "serve_sample_sites"]
