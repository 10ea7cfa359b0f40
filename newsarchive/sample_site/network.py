"""The newspaper-network variant whose split pages stand alone: outlet "Radar Palembang".

The same stories and URLs as `disway` (`/read/<id>/<slug>/<n>` for page n), but every page's
`rel=canonical` names the page itself, and pages after the first are linked from outside
the article: the "Terpopuler" box links the last page of split stories, listings link
their second page. A crawler must still archive each split story once, whole, at its first page.
"""

from __future__ import annotations

from html import escape

from .content import ArticleStore, SampleArticle
from .disway import Disway
from .layout import link_list


class Network(Disway):
    name = "network"

    def canonical_path(self, article: SampleArticle, page: int) -> str:
        return self.article_path(article, page)

    def popular(self, store: ArticleStore) -> str:
        """The box links the last page of each recent split story."""
        split = [a for a in store.slice(0, 30) if a.pages > 1][:5]
        return ('<section class="widget terpopuler"><h3 class="widget-title">Terpopuler</h3>'
                + link_list(((self.article_path(a, a.pages), f"{a.title} (Hal. {a.pages})") for a in split),
                            "popular-list")
                + "</section>")

    def teasers(self, articles: list[SampleArticle]) -> str:
        """Teasers of split stories also link their second page."""
        html = super().teasers(articles)
        for article in articles:
            if article.pages > 1:
                first = f'href="{escape(self.article_path(article))}">{escape(article.title)}</a></h2>'
                html = html.replace(first, first + f'<a class="teaser-more" href="{escape(self.article_path(article, 2))}">'
                                                   "Halaman 2</a>")
        return html
