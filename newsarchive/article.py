"""The article record that flows from extraction to the archive.

Data flows one way: response -> `RawArticle` (what the page says, from
`newsarchive.extraction`) -> `Article` (normalised, from
`newsarchive.normalisation`) -> archive row (`newsarchive.storage`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Article:
    """A normalised article: the record `extract_article` returns and the archive stores.

    Dates are ISO 8601 strings with a UTC offset (or None); `body` is paragraphs
    separated by one blank line.
    """

    url: str
    source: str | None = None
    title: str | None = None
    caption: str | None = None
    photo_credit: str | None = None
    body: str = ""
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    dateline: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    # Extensions beyond the contract's fields.
    site: str | None = None
    editors: list[str] = field(default_factory=list)
    summary: str | None = None
    image_url: str | None = None
    # "article", or why the page is not one ("listing: ...", "stub: ..."): the spider's verdict too.
    kind: str = "article"

    @property
    def is_article(self) -> bool:
        return self.kind == "article"

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
