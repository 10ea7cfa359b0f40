"""Articles split across pages: one `RawArticle` from the raws of all its pages."""

from __future__ import annotations

from dataclasses import replace

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
