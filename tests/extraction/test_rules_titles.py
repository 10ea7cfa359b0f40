"""Headline rules, pinned: each rule has a tiny page of its own so a regression names it."""

from newsarchive.extract import extract_article

URL = "https://warta.example.id/read/1/x"


def _ld(headline: str) -> str:
    return f'<script type="application/ld+json">{{"@type":"NewsArticle","headline":"{headline}"}}</script>'


def test_declared_title_with_unrecognised_tail_is_undecorated(page):
    """og:title = JSON-LD headline + " - Section | Site": the tail goes even when its
    labels match no known site or section name."""
    head = ('<meta property="og:title" content="Jalan Baru di Tepi Sungai Dibuka - Kota | Portal Lain">'
            + _ld("Jalan Baru di Tepi Sungai Dibuka"))
    html = page(head=head, title="Jalan Baru Dibuka Hari Ini")
    assert extract_article(html, URL).title == "Jalan Baru di Tepi Sungai Dibuka"


def test_declared_title_continuing_after_a_dash_is_kept(page):
    """A longer og:title that goes on with a clause is a headline, not decoration."""
    og = "Jalan Baru Dibuka – dan warga menyambutnya dengan gembira sepanjang hari"
    head = f'<meta property="og:title" content="{og}">' + _ld("Jalan Baru Dibuka")
    assert extract_article(page(head=head, title=og), URL).title == og


def test_korean_bar_letter_separates_site_name(page):
    """"제목ㅣ사이트": Korean sites use the letter ㅣ as a bar before the site name."""
    head = ('<meta property="og:site_name" content="예시일보">'
            '<meta property="og:title" content="시청 앞 도로 새로 개통ㅣ예시일보">')
    html = page(head=head, title="시청 앞 도로 새로 개통", lang="ko").replace("<h1>시청 앞 도로 새로 개통</h1>", "")
    assert extract_article(html, "https://news.example.kr/a/1").title == "시청 앞 도로 새로 개통"


def test_short_declared_title_does_not_undecorate_a_longer_headline(page):
    og = "Banjir - Warga Mengungsi"
    head = f'<meta property="og:title" content="{og}">' + _ld("Banjir")
    assert extract_article(page(head=head, title=og), URL).title == og


def test_ideographic_space_is_kept_inside_a_japanese_headline(page):
    """U+3000 separates the parts of a Japanese headline; runs of other spaces collapse."""
    headline = "警察無線「不感地帯」解消\u3000住民から安堵の声"
    html = page(head=_ld(headline.replace("\u3000", "\u3000 \t")), title=headline)
    assert extract_article(html, URL).title == headline.replace("\u3000", "\u3000 ")
