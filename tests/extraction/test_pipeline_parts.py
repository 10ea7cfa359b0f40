"""The two stages, split articles, site overrides, byte decoding."""

from newsarchive.extract import extract_article
from newsarchive.extraction import RawArticle, SiteOverrides, extract_raw, merge_pages
from newsarchive.normalisation import normalise

URL = "https://warta.example.id/read/1/perbaikan-jalan"


def test_two_stages_equal_the_public_path(page):
    html = page()
    assert normalise(extract_raw(html, URL)) == extract_article(html, URL)


def test_merge_pages_keeps_page_one_metadata_and_all_blocks_in_order(page, story):
    first = extract_raw(page([f"<p>{story[0]}</p>", f"<p>{story[1]}</p>"],
                             meta_line='<span class="date">Sabtu, 03 September 2022 | 14:05 WIB</span>'), URL)
    second = extract_raw(page([f"<p>{story[1]}</p>", f"<p>{story[2]}</p>"], title="Halaman 2"), URL + "/2")
    merged = normalise(merge_pages([first, second]))
    assert merged.paragraphs == story
    assert merged.published == "2022-09-03T14:05:00+07:00"
    assert merged.url == URL


def test_next_page_link_found(page):
    html = page().replace("</article>", '<div class="pagination"><a href="/read/1/perbaikan-jalan/2">Selanjutnya</a></div></article>')
    assert extract_raw(html, URL).next_page == URL + "/2"


def test_override_wins_over_generic_extraction(page, story):
    html = page().replace('<div class="meta">', '<div class="meta"><p class="kicker-title">Judul Menurut Situs</p>')
    overrides = SiteOverrides.from_dict({"title": "p.kicker-title", "body": "//div[@class='entry-content']/p[1]"})
    article = extract_article(html, URL, overrides)
    assert article.title == "Judul Menurut Situs"
    assert article.paragraphs == story[:1]
    assert extract_article(html, URL).paragraphs == story


def test_overrides_round_trip_as_json_dict():
    overrides = SiteOverrides(title="h1.judul", drop_lines=["^Promo"])
    assert SiteOverrides.from_dict(overrides.to_dict()) == overrides


def test_unknown_override_field_is_a_user_error():
    import pytest

    from newsarchive.errors import NewsarchiveError
    with pytest.raises(NewsarchiveError):
        SiteOverrides.from_dict({"headline": "h1"})


def test_windows_1252_bytes_declared_in_meta(page):
    html = page(["<p>Caf\u00e9 di sudut kota \u2013 ramai dikunjungi warga setiap sore, kata pemiliknya kepada wartawan.</p>"] * 3)
    data = html.replace('<meta charset="utf-8">', '<meta charset="windows-1252">').encode("windows-1252")
    assert "Café di sudut kota – ramai" in extract_article(data, URL).body


def test_utf8_bom_and_undeclared_latin_fallback(page):
    html = page(["<p>Caf\u00e9 di sudut kota ramai dikunjungi warga setiap sore, kata pemiliknya kepada wartawan.</p>"] * 3)
    assert "Café" in extract_article(b"\xef\xbb\xbf" + html.encode("utf-8"), URL).body
    undeclared = html.replace('<meta charset="utf-8">', "").encode("windows-1252")
    assert "Café" in extract_article(undeclared, URL).body


def test_empty_page_gives_empty_article():
    article = extract_article(b"", URL)
    assert (article.url, article.body, article.title) == (URL, "", None)
    assert isinstance(extract_raw("", URL), RawArticle)
