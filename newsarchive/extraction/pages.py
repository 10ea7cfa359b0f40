"""Articles split across pages: one `RawArticle` from the raws of all its pages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from .overrides import SiteOverrides
from .page import extract_raw
from .raw import RawArticle


def merge_pages(raws: list[RawArticle]) -> RawArticle:
    """Metadata of page 1, body blocks of every page in order, repeated blocks dropped.

    Later pages repeat the headline, the lead and template lines; a block seen on
    an earlier page is one of those, not a new paragraph.
    """
    if not raws:
        raise ValueError("merge_pages needs at least one page")
    seen: set[str] = set()
    blocks: list[str] = []
    for raw in raws:
        for block in raw.blocks:
            if block not in seen:
                seen.add(block)
                blocks.append(block)
    return replace(raws[0], blocks=blocks, next_page=None)


def extract_raw_pages(
    pages: Sequence[tuple[str, str | bytes]],
    overrides: SiteOverrides | None = None,
    *,
    fetched_at: datetime | None = None,
) -> RawArticle:
    """What a story saved as one or more pages says: each (url, html) extracted, then merged.

    `fetched_at` anchors relative dates ("2 jam lalu").
    """
    raws = [extract_raw(html, url, overrides, fetched_at=fetched_at) for url, html in pages]
    return raws[0] if len(raws) == 1 else merge_pages(raws)
