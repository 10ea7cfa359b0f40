"""Page text to archive text: `normalise(raw) -> Article`.

The second stage of extraction. Language rules are data in `rules/<lang>.py`.
"""

from __future__ import annotations

from ..article import Article
from ..extraction.raw import RawArticle
from .credits import labelled_credit, split_credit
from .datelines import find_dateline
from .noise import drop_noise, is_furniture
from .people import is_names_byline, is_people_line, split_people
from .source import display_name
from .text import tidy, tidy_or_none, without_controls

# A line shorter than this seen twice is a template's (a label, a sign-off); a whole
# paragraph written twice is the author's, and kept as written.
_REPEATABLE = 200


def _body(raw: RawArticle, title: str | None, caption_line: str | None) -> tuple[list[str], list[str]]:
    """(paragraphs, byline lines found in the body) without inserts, furniture and repeats."""
    blocks = [tidy(b) for b in raw.blocks]
    kept, bylines, seen = [], [], set()
    for block in drop_noise([b for b in blocks if b], raw.drop_lines):
        if block == title or block == caption_line or block in seen and len(block) < _REPEATABLE:
            continue
        if is_people_line(block):
            bylines.append(block)
            continue
        seen.add(block)
        kept.append(block)
    return kept, bylines


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
    if raw_caption and (is_furniture(raw_caption)  # "View 3 Images", "Video unavailable"
                        or (title and title in raw_caption and title != raw_caption)):  # the header's text
        raw_caption = None
    caption, credit = split_credit(raw_caption, tidy_or_none(raw.photo_credit))
    if credit is None and raw.image_text:  # "alt='... (Photo: Jane Doe/Agency)'"
        credit = labelled_credit(tidy(raw.image_text))
    paragraphs, body_bylines = _body(raw, title, raw_caption)
    place, outlet = find_dateline(paragraphs)
    section = tidy_or_none(raw.section)
    source = display_name(tidy_or_none(raw.site_name), tidy_or_none(raw.page_title), title,
                          outlet, raw.site, section)
    orgs = {n for n in (source, raw.site_name, outlet, _site_label(raw.site)) if n}
    bylines = [tidy(b) for b in raw.bylines] + body_bylines
    authors, editors = split_people([tidy(a) for a in raw.authors], orgs)
    shown, shown_editors = split_people(bylines, orgs)
    authors = [a for a in authors if a not in shown_editors]  # declared "author" the page calls editor
    if not authors:  # nothing declared, only the outlet, or the editor: the byline shown
        authors = shown
    else:  # bylines of names only that name every declared author and more: the page's list
        named, _ = split_people([b for b in bylines if is_names_byline(b)], orgs)
        if {a.casefold() for a in authors} < {a.casefold() for a in named}:
            authors = named
    _, more_editors = split_people([f"Editor: {e}" for e in raw.editors])
    for editor in shown_editors + more_editors:
        if editor not in editors and editor not in authors:
            editors.append(editor)
    language = tidy(raw.language).split("-")[0].lower() or None
    return Article(
        url=raw.url, source=source, title=title, caption=caption, photo_credit=credit,
        body="\n\n".join(paragraphs), authors=authors, published=raw.published,
        modified=raw.modified, dateline=place, section=section,
        tags=[tidy(t) for t in raw.tags], language=language, site=raw.site,
        editors=editors,
        summary=tidy_or_none(raw.summary), image_url=without_controls(raw.image_url or "") or None,
        kind=raw.kind,
    )
