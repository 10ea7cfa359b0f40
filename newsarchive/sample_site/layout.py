"""HTML shared by every family: the page shell, body noise, captions, Indonesian dates.

Families differ in URLs, metadata and class names; the shape of a page (head, nav,
main, sidebar, footer) and of an article body with its inserts is the same, so it is
rendered here once.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Callable, Iterable

from .content import SampleArticle

DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]
ZONES = {7: "WIB", 8: "WITA", 9: "WIT"}

Link = tuple[str, str]  # (href, title)


def zone(moment: datetime) -> str:
    offset = moment.utcoffset()
    return ZONES[int(offset.total_seconds() // 3600)] if offset is not None else "WIB"


def date_numeric(moment: datetime) -> str:
    """`Sabtu 03-09-2022,14:05 WIB` (Disway article header)."""
    return f"{DAYS[moment.weekday()]} {moment:%d-%m-%Y,%H:%M} {zone(moment)}"


def date_long(moment: datetime, *, pipe: bool = True, pad: bool = True) -> str:
    """`Sabtu, 03 September 2022 | 14:05 WIB` or `Senin, 6 Januari 2025 09:15 WITA`."""
    day = f"{moment.day:02d}" if pad else str(moment.day)
    sep = " | " if pipe else " "
    return (f"{DAYS[moment.weekday()]}, {day} {MONTHS[moment.month - 1]} {moment.year}"
            f"{sep}{moment:%H:%M} {zone(moment)}")


def caption_text(article: SampleArticle) -> str:
    """The caption as printed under the photo, with its credit glued on in the outlet's way."""
    credit = article.photo_credit
    return {
        "glued": f"{article.caption} – Foto:{credit})--",
        "antara": f"{article.caption} (FOTO: {credit})",
        "paren": f"{article.caption} ({credit})",
        "slash": f"{article.caption} {credit}",  # "Name/Outlet" after the caption, no label
    }.get(article.credit_style, f"{article.caption} Foto: {credit}")


def is_subheading(paragraph: str) -> bool:
    """Short lines without closing punctuation are the story's subheadings."""
    return len(paragraph) < 60 and not paragraph.rstrip().endswith((".", '"', ")", "?", "!", "”", ":"))


_PREFIX = {"caps": "BACA JUGA:", "caps_space": "BACA JUGA: ", "lower": "Baca juga: ",
           "spaced": "Baca Juga : ", "caps_spaced": "BACA JUGA : ", "lihat": "Lihat juga: ",
           "simak": "Simak juga: "}
# Inserts written into the paragraph after its first sentence, Tribun-style: prefix markup.
_INLINE = {"inline": "<strong>Baca Juga:</strong> ", "inline_caps": "BACA JUGA : "}


def related_insert(style: str, links: list[Link]) -> str:
    """One related-link insert in one of the spellings regional sites use."""
    anchors = [f'<a href="{escape(href)}">{escape(title)}</a>' for href, title in links]
    if style == "ad":
        return ('<div class="ads-slot"><p class="ads-label">ADVERTISEMENT</p>'
                '<p class="ads-label">SCROLL TO CONTINUE WITH CONTENT</p></div>')
    if style == "strong":
        return f"<p><strong>BACA JUGA: {anchors[0]}</strong></p>"
    if style == "box" or len(anchors) > 1:
        items = "".join(f"<li>{a}</li>" for a in anchors)
        return f'<div class="baca-juga"><strong>Baca Juga :</strong><ul>{items}</ul></div>'
    return f"<p>{escape(_PREFIX.get(style, 'BACA JUGA: '))}{anchors[0]}</p>"


def body_html(article: SampleArticle, page: int, related_links: Callable[[dict], list[Link]],
              subheading: str) -> str:
    """The paragraphs of one page with the related inserts placed after their paragraph.

    `subheading` is the markup of a subheading, e.g. `<h2>{}</h2>`.
    """
    inserts: dict[int, list[dict]] = {}
    for entry in article.related:
        inserts.setdefault(entry["after"], []).append(entry)
    out = []
    for index, text in article.page_paragraphs(page):
        html = escape(text)
        for entry in inserts.get(index, []):
            if prefix := _INLINE.get(entry.get("style", "")):
                href, title = related_links(entry)[0]
                first, stop, rest = html.partition(". ")
                lead = first + stop if stop else first + " "
                html = f'{lead}{prefix}<a href="{escape(href)}">{escape(title)}</a> {rest}'.rstrip()
        if is_subheading(text):
            out.append(subheading.format(html))
        else:
            out.append(f"<p>{html}</p>")
        for entry in inserts.get(index, []):
            if entry.get("style") not in _INLINE:
                out.append(related_insert(entry.get("style", "caps"), related_links(entry)))
    return "\n".join(out)


def page_strip(urls: list[str], current: int, label_next: str, css: str) -> str:
    """Numbered links to the pages of a split article plus a "next" link."""
    if len(urls) < 2:
        return ""
    numbers = " ".join(
        f'<span class="current">{n}</span>' if n == current else f'<a href="{escape(u)}">{n}</a>'
        for n, u in enumerate(urls, start=1)
    )
    following = (f' <a class="next" href="{escape(urls[current])}">{label_next}</a>'
                 if current < len(urls) else "")
    return f'<div class="{css}">Halaman: {numbers}{following}</div>'


def link_list(links: Iterable[Link], css: str) -> str:
    items = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in links)
    return f'<ul class="{css}">{items}</ul>'


def shell(*, title: str, head: str, brand: str, nav: list[Link], main: str, sidebar: str,
          footer: str, body_class: str, charset_meta: bool = True, tagline: str = "") -> str:
    """A whole HTML document in the usual news-site shape; a `tagline` follows the logo, as
    WordPress themes print it (the logo then unmarked, a plain image linking home)."""
    charset = '<meta charset="utf-8">\n' if charset_meta else ""
    logo = f'<img src="/img/logo.gif" alt="{escape(brand)}">'
    branding = f'<a class="logo" href="/">{logo}</a>'
    if tagline:
        branding = (f'<div class="site-branding"><a href="/" rel="home">{logo}</a>\n'
                    f'<p class="site-description">{escape(tagline)}</p></div>')
    menu = "".join(f'<li><a href="{escape(h)}">{escape(t)}</a></li>' for h, t in nav)
    return f"""<!DOCTYPE html>
<html lang="id">
<head>
{charset}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
{head}
</head>
<body class="{body_class}">
<header class="site-header">
{branding}
<nav class="main-menu"><ul>{menu}</ul></nav>
</header>
<div class="container">
<main class="content">
{main}
</main>
<aside class="sidebar">
{sidebar}
</aside>
</div>
<footer class="site-footer">
{footer}
</footer>
</body>
</html>
"""


def meta(properties: dict[str, str]) -> str:
    """`<meta property=...>` / `<meta name=...>` tags for OpenGraph and friends."""
    tags = []
    for key, value in properties.items():
        attr = "property" if key.startswith(("og:", "article:")) else "name"
        tags.append(f'<meta {attr}="{key}" content="{escape(value)}">')
    return "\n".join(tags)
