"""Page text to archive text: `normalise(raw) -> Article`.

The second stage of extraction. Language rules are data in `rules/<lang>.py`.
"""

from __future__ import annotations

import re

from ..article import Article
from ..extraction.raw import RawArticle
from .credits import split_credit
from .datelines import find_dateline
from .noise import drop_noise
from .people import split_people
from .source import display_name
from .text import tidy, tidy_or_none

_EDITOR_LINE = re.compile(r"^\W*(?:Editor|Redaktur|Penyunting|Edited by|Editing by)\s*:\s*(?P<names>.{2,80})$",
                          re.I)


def _body(raw: RawArticle, title: str | None, caption_line: str | None) -> tuple[list[str], list[str]]:
    """(paragraphs, editors named in the body) without inserts, furniture and repeats."""
    blocks = [tidy(b) for b in raw.blocks]
    kept, editors, seen = [], [], set()
    for block in drop_noise([b for b in blocks if b], raw.drop_lines):
        if block == title or block == caption_line or block in seen:
            continue
        found = _EDITOR_LINE.match(block)
        if found:
            editors.append(found.group("names"))
            continue
        seen.add(block)
        kept.append(block)
    return kept, editors


def _site_label(host: str | None) -> str | None:
    """The name part of a host: `www.stuttgarter-zeitung.de` -> `stuttgarter-zeitung`."""
    if not host:
        return None
    labels = [label for label in host.lower().split(".") if label not in ("www", "m", "amp")]
    return labels[-2] if len(labels) >= 2 else labels[0] if labels else None


def normalise(raw: RawArticle) -> Article:
    """The archive's record of one article."""
    title = tidy_or_none(raw.title)
    raw_caption = tidy_or_none(raw.caption)
    caption, credit = split_credit(raw_caption, tidy_or_none(raw.photo_credit))
    paragraphs, body_editors = _body(raw, title, raw_caption)
    place, outlet = find_dateline(paragraphs)
    source = display_name(tidy_or_none(raw.site_name), tidy_or_none(raw.page_title), title,
                          outlet, raw.site)
    orgs = {n for n in (source, raw.site_name, outlet, _site_label(raw.site)) if n}
    bylines = [tidy(b) for b in raw.bylines]
    authors, editors = split_people([tidy(a) for a in raw.authors] or bylines, orgs)
    _, shown_editors = split_people(bylines, orgs)
    _, more_editors = split_people([f"Editor: {e}" for e in body_editors + raw.editors])
    editors += [e for e in shown_editors + more_editors if e not in editors and e not in authors]
    language = raw.language.split("-")[0].lower() if raw.language else None
    return Article(
        url=raw.url, source=source, title=title, caption=caption, photo_credit=credit,
        body="\n\n".join(paragraphs), authors=authors, published=raw.published,
        modified=raw.modified, dateline=place, section=tidy_or_none(raw.section),
        tags=[tidy(t) for t in raw.tags], language=language, site=raw.site,
        editors=editors,
        summary=tidy_or_none(raw.summary), image_url=raw.image_url,
    )
