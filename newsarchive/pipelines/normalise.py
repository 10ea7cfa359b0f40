"""Stage 2: page text becomes archive text (`newsarchive.normalisation`)."""

from __future__ import annotations

from ..items import FetchedArticle
from ..normalisation import normalise


class NormalisePipeline:
    def process_item(self, item: FetchedArticle) -> FetchedArticle:
        if item.not_modified:
            return item
        article = normalise(item.raw)
        article.url = item.url
        article.site = item.site
        item.article = article
        return item
