"""Small pages written for the tests: a headline, a byline/date line, story paragraphs."""

from __future__ import annotations

import pytest

STORY = [
    "Pemerintah kota mengumumkan rencana perbaikan jalan di tiga kecamatan, yang dimulai pekan depan dan berlangsung selama dua bulan penuh.",
    "Kepala dinas menyebut anggaran perbaikan berasal dari dana daerah, dan pengerjaan dilakukan bertahap agar lalu lintas tetap lancar.",
    "Warga diminta mengikuti rambu pengalihan arus, terutama pada jam sibuk pagi dan sore hari, selama pekerjaan berlangsung di lapangan.",
]


def build_page(blocks: list[str] | None = None, *, head: str = "", meta_line: str = "",
               title: str = "Perbaikan Jalan Dimulai Pekan Depan di Tiga Kecamatan",
               lang: str = "id", figure: str = "", site: str = "Warta Contoh") -> str:
    """An article page; `blocks` are raw HTML paragraphs (the story when None)."""
    body = "\n".join(blocks if blocks is not None else [f"<p>{p}</p>" for p in STORY])
    return f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">
<title>{title} - {site}</title>{head}</head><body>
<nav class="menu"><a href="/">Beranda</a> <a href="/news">Berita</a></nav>
<main><article><h1>{title}</h1><div class="meta">{meta_line}</div>{figure}
<div class="entry-content">{body}</div></article></main>
<footer>Hak cipta {site}</footer></body></html>"""


@pytest.fixture
def page():
    return build_page


@pytest.fixture
def story():
    return list(STORY)
