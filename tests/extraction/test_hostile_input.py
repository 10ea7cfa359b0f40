"""Hostile input to the pure functions: nothing raises, nothing expands, text stays readable."""

from __future__ import annotations

import gzip
import random

import lxml.html
import pytest

from newsarchive.discovery.feeds import parse_feed
from newsarchive.discovery.sitemaps import parse_sitemap
from newsarchive.discovery.xmlsafe import TooLarge, inflate, without_doctype
from newsarchive.extract import extract_article
from newsarchive.extraction.decode import decode_html
from newsarchive.extraction.depth import ends_too_deep, flatten, parse_document
from newsarchive.serving.terminal import printable

URL = "https://kabar.example.id/2025/06/01/banjir-rendam-kota/"
STORY = "".join(f"<p>Paragraf {n}: banjir merendam ratusan rumah warga di tepi sungai setelah hujan deras.</p>"
                for n in range(4))
PAGE = f"<html><head><title>Banjir rendam kota</title></head><body><h1>Banjir rendam kota</h1>{STORY}</body></html>"
FEED = ('<rss version="2.0"><channel><title>t</title><item><title>{title}</title>'
        '<link>https://kabar.example.id/a</link></item></channel></rss>')


def test_inflate_stops_past_its_limit_and_reads_corrupt_gzip_as_empty() -> None:
    bomb = gzip.compress(b" " * (64 * 1024 * 1024))
    with pytest.raises(TooLarge, match="inflates past 1000000 bytes"):
        inflate(bomb, 1_000_000)
    assert inflate(gzip.compress(b"<urlset/>"), 1000) == b"<urlset/>"
    assert inflate(b"\x1f\x8bnot gzip at all", 1000) == b""
    assert inflate(b"<urlset/>", 1) == b"<urlset/>"  # not gzip: as it is


def test_feed_entities_are_never_expanded() -> None:
    body = ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "' + "x" * 100_000 + '">\n]>\n'
            + FEED.format(title="&big;" * 10_000)).encode()
    stripped, declared = without_doctype(body)
    assert declared and stripped.startswith(b'<?xml version="1.0"?><rss') and b"ENTITY" not in stripped
    assert [e.link for e in parse_feed(body)] == ["https://kabar.example.id/a"]
    wide = ("\ufeff" + body.decode()).encode("utf-16-le")
    assert without_doctype(wide)[1] and [e.link for e in parse_feed(wide)] == ["https://kabar.example.id/a"]
    assert without_doctype(FEED.format(title="A &amp; B").encode()) == (FEED.format(title="A &amp; B").encode(), False)


def test_sitemap_billion_laughs_is_read_without_expanding() -> None:
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 10))
    body = (f'<!DOCTYPE urlset [{entities}]><urlset><url><loc>https://kabar.example.id/&a9;</loc></url>'
            '<url><loc>https://kabar.example.id/b</loc></url></urlset>').encode()
    assert [e.loc for e in parse_sitemap(body)] == ["https://kabar.example.id/", "https://kabar.example.id/b"]


def test_decoding_as_a_browser_does() -> None:
    page = PAGE.replace("<head>", '<head><meta charset="utf-16">').replace("kota", "kotá")
    assert "Banjir rendam kotá" in decode_html(page.encode())  # a utf-16 label on ASCII-readable bytes
    broken = PAGE.encode().replace(b"ratusan", b"ratu\xff\xc3(san")
    assert decode_html(broken, "utf-8").count("\ufffd") == 8 and "Paragraf 3" in decode_html(broken, "utf-8")
    assert decode_html("ru\x00mah \udc80") == "rumah \ufffd"


def test_deep_nesting_keeps_the_article_and_its_paragraphs() -> None:
    deep = PAGE.replace("<h1>", "<div>" * 100_000 + '<article class="post"><h1>').replace(
        "</body>", "</article>" + "</div>" * 100_000 + "</body>")
    doc = parse_document(deep)
    assert [p.text_content()[:10] for p in doc.iter("p")] == [f"Paragraf {n}" for n in range(4)]
    assert doc.find(".//article").get("class") == "post"
    assert not ends_too_deep(doc) and ends_too_deep(lxml.html.document_fromstring("<div>" * 300))
    assert flatten("<p>a</p>") == "<p>a</p>"
    article = extract_article(deep, URL)
    assert article.title == "Banjir rendam kota" and article.body.count("Paragraf") == 4


@pytest.mark.parametrize("hostile", [
    '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>",
    '<script type="application/ld+json">' + "[" * 900 + '{"@type": "NewsArticle", "headline": "x"}' + "]" * 900 + "</script>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ban\\u0000jir\\ud800", "image": "\\udc80"}</script>',
    '<meta property="og:title" content="Banjir\x1b[2J">', '<html lang="\x1b[31mid">',
])
def test_hostile_structured_data_and_meta_never_raise(hostile) -> None:
    article = extract_article(PAGE.replace("<head>", "<head>" + hostile), URL)
    assert article.body.count("Paragraf") == 4
    assert not any("\x00" in v or "\x1b" in v or "\ud800" <= v[:1] <= "\udfff"
                   for v in article.to_dict().values() if isinstance(v, str) and v)


def test_extract_article_never_raises_on_noise() -> None:
    rng = random.Random(12)
    for size in (0, 1, 7, 100, 5000):
        for _ in range(20):
            data = bytes(rng.randrange(256) for _ in range(size))
            assert extract_article(data, URL).url == URL
            assert extract_article(data.decode("latin-1"), URL).url == URL
    assert extract_article(PAGE, "http://[::1").url == "http://[::1"  # a URL urlsplit refuses


def test_printable_keeps_lines_and_drops_escapes() -> None:
    assert printable('{"t": "a\\u001b[2J"}\n') == '{"t": "a\\u001b[2J"}\n'
    assert printable("a\x1b]0;x\x07b\tc\n\x9b31m\u202e") == "a]0;xb\tc\n31m"
