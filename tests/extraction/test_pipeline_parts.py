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


def test_body_rendered_from_a_script_payload(story):
    import json
    fragment = "".join(f"<p>{p}</p>" for p in story)
    payload = json.dumps(json.dumps({"html": fragment}))  # escaped twice, as Next.js streams it
    html = (f"<html><head><title>Jalan Rusak - Warta</title></head><body><div id='app'>Memuat...</div>"
            f"<script>self.__next_f.push([1, {payload}])</script></body></html>")
    assert extract_article(html, URL).paragraphs == story


def test_body_from_json_ld_article_body_when_the_dom_has_none(story):
    import json
    ld = json.dumps({"@type": "NewsArticle", "headline": "Jalan Rusak", "articleBody": "\n".join(story)})
    html = (f"<html><head><script type='application/ld+json'>{ld}</script></head>"
            "<body><div id='app'></div></body></html>")
    assert extract_article(html, URL).paragraphs == story


def test_next_story_of_an_endless_page_left_out(story):
    first = "".join(f"<p>{p}</p>" for p in story)
    other = "".join(f"<p>Cerita lain: {p}</p>" for p in story * 2)
    html = (f"<html><head><title>Jalan Rusak - Warta</title></head><body><main>"
            f"<article><h1>Jalan Rusak</h1><div class='bodytext'>{first}</div></article>"
            f"<div class='more'><article><h1>Cerita Lain</h1><div class='bodytext'>{other}</div></article></div>"
            f"</main></body></html>")
    assert extract_article(html, URL).paragraphs == story


def test_teaser_articles_inside_the_body_left_out(story):
    body = "".join(f"<p>{p}</p>" for p in story)
    teaser = ("<article class='teaser'><h3>Pasar Murah Dibuka di Lima Kelurahan</h3>"
              "<p>Warga antusias menyambut pasar murah yang digelar pemerintah kota, kata lurah.</p></article>")
    html = (f"<html><head><title>Jalan Rusak - Warta</title></head><body><article><h1>Jalan Rusak</h1>"
            f"<div class='bodytext'>{body}{teaser}</div></article></body></html>")
    assert extract_article(html, URL).paragraphs == story


def test_body_of_text_separated_by_double_breaks(story):
    body = f"{story[0]}<br><br>BACA JUGA: <a href='/x'>Harga cabai naik</a><br><br>{story[1]}<br/><br/>\n{story[2]}<br>"
    html = (f"<html><head><title>Jalan Rusak - Warta</title></head><body><h1>Jalan Rusak</h1>"
            f"<div class='isi'>{body}</div></body></html>")
    assert extract_article(html, URL).paragraphs == story


def test_override_date_is_read_with_the_site_zone(page):
    html = page(meta_line='<span class="tgl">03/09/2022 14:05</span>')
    overrides = SiteOverrides.from_dict({"published": "span.tgl"})
    assert extract_article(html, URL, overrides).published == "2022-09-03T14:05:00+07:00"
