"""The bundled sample news site: realistic regional-news pages on a loopback port.

Used by the demo and by tests; nothing here reaches the internet. Each family is its own
site (own port, so own host):

- `disway` (Radar Palembang, WIB): `/`, `/indeks?page=N`, `/read/<id>/<slug>[/2|/3]`,
  `/rss`, `/tag/<slug>`, `/penulis/<slug>`, `/kategori/<slug>`, `/robots.txt`; no sitemap.
- `wordpress` (Kabar Banua, WITA): `/`, `/page/N/`, `/<yyyy>/<mm>/<dd>/<slug>/[2/]`,
  `/feed/`, `/sitemap_index.xml` -> `/post-sitemap.xml`, `/category|tag|author/<slug>/`.
- `faults` (Sumsel Terkini): WordPress-style, plus the routes in `site.fault_urls()`.
- `network`: the `disway` stories where every page of a split story is its own canonical and
  later pages are linked from listings and the sidebar.
- `hostile` (Warta Uji): WordPress-style, plus bombs, absurd pages and injection (`site.fault_urls()`).

The `disway` feed lists the latest change first under each story's `pubDate`, so an edited
story takes a place back in it; an edited page shows a "Diperbarui: ..." line.

    site = SampleSite("disway")          # or "wordpress", "faults", "network", "hostile"; synthetic=N for scale
    SampleSite("wordpress", clock_lag=timedelta(hours=30), lastmod_style="day")
                                         # a site clock behind ours; lastmod "iso", "naive" or "day"
    base = site.start()                  # "http://127.0.0.1:PORT/"
    site.expected()                      # normalised records, newest first
    site.non_article_urls()              # listing pages that must not be archived
    site.revise(id, new_paragraph=...)   # or sentence=..., title=...; new ETag, modified, lastmod
    site.publish_next()                  # a new article on home, index, feed, sitemap
    site.change_layout("markup")         # or "challenge", "429"; None switches it off
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
