"""`RawArticle`: what one page says, before normalisation turns it into archive text."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawArticle:
    """Fields as found on the page; texts are not yet cleaned of inserts and credits.

    `blocks` are the body's paragraphs, subheadings, list items and quotes in
    reading order. Dates are already ISO 8601 with an offset, since only the
    page knows which zone they were written in.
    """

    url: str
    site: str | None = None
    title: str | None = None
    blocks: list[str] = field(default_factory=list)
    summary: str | None = None
    caption: str | None = None
    photo_credit: str | None = None
    image_url: str | None = None
    image_text: str | None = None  # title/alt of the lead image
    authors: list[str] = field(default_factory=list)  # declared (structured data, meta)
    bylines: list[str] = field(default_factory=list)  # shown ("Penulis: X | Editor: Y")
    editors: list[str] = field(default_factory=list)
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    page_title: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    next_page: str | None = None
    drop_lines: list[str] = field(default_factory=list)
    # "article", or why the page is not one ("listing: ..."): see `extraction.kind`.
    kind: str = "article"
