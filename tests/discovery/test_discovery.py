"""Discovery rules, each pinned by a small page or URL written for the test."""

from __future__ import annotations

import gzip

import pytest
from parsel import Selector

from newsarchive.discovery.feeds import parse_feed
from newsarchive.discovery.links import continuation_pages, first_page, page_links
from newsarchive.discovery.pages import looks_like_article_url
from newsarchive.extract import extract_article
from newsarchive.discovery.sitemaps import parse_sitemap, parse_w3c_datetime, sitemaps_in_robots
from newsarchive.discovery.urls import canonical_url, same_site

SITE = "news.example"
BASE = f"https://{SITE}"


@pytest.mark.parametrize(
    "linked, canonical",
    [
        (f"{BASE}/read/1/a-b?utm_source=fb&utm_medium=x", f"{BASE}/read/1/a-b"),
        (f"{BASE}/read/1/a-b?fbclid=XYZ#comments", f"{BASE}/read/1/a-b"),
        (f"{BASE}/read/1/a-b?page=2&gclid=1", f"{BASE}/read/1/a-b?page=2"),
        ("HTTPS://NEWS.example/read/1/a-b", f"{BASE}/read/1/a-b"),
    ],
)
def test_canonical_url_drops_tracking_and_fragments(linked: str, canonical: str) -> None:
    assert canonical_url(linked) == canonical


def test_same_site_accepts_www_twin_only() -> None:
    assert same_site("https://www.news.example/x", SITE)
    assert not same_site("https://other.example/x", SITE)


@pytest.mark.parametrize(
    "url, expected",
    [
        (f"{BASE}/read/635679/kolaborasi-bpjs-sumbagsel", True),
        (f"{BASE}/2024/03/05/banjir-rendam-ratusan-rumah/", True),
        (f"{BASE}/berita/warga-keluhkan-jalan-rusak-di-kertapati", True),
        (f"{BASE}/tag/banjir", False),
        (f"{BASE}/penulis/david-karnain", False),
        (f"{BASE}/author/rina-susanti/", False),
        (f"{BASE}/indeks?page=2", False),
        (f"{BASE}/files/laporan-tahunan-2023.pdf", False),
        (f"{BASE}/", False),
    ],
)
def test_article_url_shapes(url: str, expected: bool) -> None:
    assert looks_like_article_url(url) is expected


PARAGRAPHS = "".join(f"<p>{'Kalimat berita yang cukup panjang untuk dibaca. ' * 4}</p>" for _ in range(4))


def test_article_page_declared_by_structured_data() -> None:
    page = f'<html><head><script type="application/ld+json">{{"@graph":[{{"@type":"NewsArticle"}}]}}</script></head><body>{PARAGRAPHS}</body></html>'
    assert extract_article(page, f"{BASE}/some-page").is_article


def test_tag_page_with_text_is_not_an_article() -> None:
    page = f'<html><head><meta property="og:type" content="article"></head><body>{PARAGRAPHS}</body></html>'
    assert extract_article(page, f"{BASE}/tag/banjir").kind.startswith("listing")


def test_article_url_without_running_text_is_not_an_article() -> None:
    page = "<html><body><h1>Galeri foto banjir</h1><p>Foto saja.</p></body></html>"
    assert extract_article(page, f"{BASE}/read/123456/galeri-foto-banjir").kind.startswith("stub")


def test_listing_links_are_sorted_into_articles_pagination_and_others() -> None:
    page = Selector(text="""<html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head><body>
      <a href="/read/100001/banjir-rendam-ratusan-rumah-warga">A</a>
      <a href="/read/100001/banjir-rendam-ratusan-rumah-warga?utm_source=x">A again</a>
      <a href="/indeks?page=2">2</a> <a href="/indeks?page=3">Selanjutnya</a>
      <a href="/tag/banjir">banjir</a> <a href="https://elsewhere.example/read/1/x-y-z-w">off-site</a>
      <a href="/files/a.pdf">pdf</a></body></html>""")
    links = page_links(page, f"{BASE}/indeks", SITE)
    assert links.articles == [f"{BASE}/read/100001/banjir-rendam-ratusan-rumah-warga"]
    assert links.pagination == [f"{BASE}/indeks?page=2", f"{BASE}/indeks?page=3"]
    assert links.others == [f"{BASE}/tag/banjir"]
    assert links.feeds == [f"{BASE}/rss"]


def test_wordpress_page_pagination() -> None:
    page = Selector(text='<a class="next page-numbers" href="/page/3/">Next</a><a href="/page/2/">2</a>')
    links = page_links(page, f"{BASE}/page/2/", SITE)
    assert links.pagination == [f"{BASE}/page/3/"]


def test_split_article_next_page_and_show_all() -> None:
    article = f"{BASE}/read/100001/banjir-rendam"
    page = Selector(text=f"""<div class="pages"><a href="{article}/2">2</a>
        <a href="{article}/2">Selanjutnya</a></div><a href="/read/100002/lain-cerita-baru-lagi">next story</a>""")
    assert continuation_pages(page, article, article) == (None, f"{article}/2")
    tribun = Selector(text=f'<a href="{article}?page=2">Selanjutnya</a><a href="{article}?page=all">Tampilkan semua</a>')
    assert continuation_pages(tribun, article, article) == (f"{article}?page=all", f"{article}?page=2")


def test_last_page_of_split_article_has_no_continuation() -> None:
    article = f"{BASE}/read/100001/banjir-rendam"
    page = Selector(text=f'<a href="{article}">1</a><a href="{article}/2">2</a><a href="/indeks">Indeks</a>')
    assert continuation_pages(page, f"{article}/2", article) == (None, None)


def test_later_page_of_split_article_resolves_to_its_first_page() -> None:
    article = f"{BASE}/read/100001/banjir-rendam-permukiman"
    strip = f'<a href="{article}">1</a><a href="{article}/2">2</a><a href="{article}/3">3</a>'
    assert first_page(Selector(text=strip), f"{article}/3") == article
    assert first_page(Selector(text=strip), article) is None  # the first page itself
    wordpress = f"{BASE}/2025/01/02/banjir-rendam-permukiman/"
    assert first_page(Selector(text=f'<a href="{wordpress}">1</a>'), f"{wordpress}2/") == wordpress
    tribun = f"{BASE}/2025/01/02/banjir-rendam-permukiman/"
    assert first_page(Selector(text=f'<a href="{tribun}">1</a>'), f"{tribun}?page=2") == tribun


def test_numbered_url_is_no_later_page_without_a_link_to_an_article_stem() -> None:
    article = f"{BASE}/read/100001/banjir-rendam-permukiman"
    assert first_page(Selector(text='<a href="/indeks">Indeks</a>'), f"{article}/2") is None
    section = Selector(text=f'<a href="{BASE}/berita">Berita</a>')
    assert first_page(section, f"{BASE}/berita/12") is None  # item 12 of a section, not page 12


SITEMAP = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
 <url><loc>https://news.example/a</loc><lastmod>2024-03-05T10:00:00+07:00</lastmod></url>
 <url><loc>https://news.example/b</loc><news:news><news:publication_date>2024-03-06</news:publication_date></news:news></url>
</urlset>"""


def test_sitemap_entries_with_lastmod_and_news_dates_gzip_too() -> None:
    for body in (SITEMAP, gzip.compress(SITEMAP)):
        entries = parse_sitemap(body)
        assert [(e.loc, e.lastmod, e.is_sitemap) for e in entries] == [
            ("https://news.example/a", "2024-03-05T10:00:00+07:00", False),
            ("https://news.example/b", "2024-03-06", False),
        ]


def test_sitemap_index_and_broken_xml() -> None:
    index = b'<sitemapindex><sitemap><loc>https://news.example/post-sitemap.xml</loc></sitemap></sitemapindex>'
    assert parse_sitemap(index)[0].is_sitemap
    assert parse_sitemap(b"<html>not a sitemap") == []


def test_robots_sitemap_lines() -> None:
    assert sitemaps_in_robots("User-agent: *\nDisallow: /wp-admin/\nSitemap: https://n.example/sitemap_index.xml\n") == [
        "https://n.example/sitemap_index.xml"
    ]


def test_w3c_dates_are_aware() -> None:
    assert parse_w3c_datetime("2024-03-05").tzinfo is not None
    assert parse_w3c_datetime("2024-03-05T10:00:00Z").utcoffset().total_seconds() == 0
    assert parse_w3c_datetime("kemarin") is None


def test_feed_entries_and_non_feeds() -> None:
    rss = b"""<rss version="2.0"><channel><title>Radar</title><item><title>A</title>
      <link>https://news.example/read/1/a-b-c-d</link><pubDate>Sat, 03 Sep 2022 07:05:00 GMT</pubDate></item></channel></rss>"""
    entries = parse_feed(rss)
    assert entries[0].link == "https://news.example/read/1/a-b-c-d"
    assert entries[0].updated.isoformat() == "2022-09-03T07:05:00+00:00"
    assert parse_feed(b"<html><body>Not found</body></html>") is None
