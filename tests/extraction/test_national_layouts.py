"""Layouts of Indonesian national outlets of 2015-17, written for the project: stories in
`<br>`-separated `<div>`s, site names before the headline, WIB wall clocks declared as UTC,
and home pages whose teasers carry long text. Each test names the rule it pins."""

import pytest

from newsarchive.extract import extract_article

STORY = [
    "Presiden meminta seluruh kepala daerah mempercepat penyaluran bantuan bagi warga terdampak banjir di "
    "sejumlah kabupaten, katanya di Istana.",
    "Menurut data Badan Penanggulangan Bencana, lebih dari dua ribu rumah terendam dan ratusan warga mengungsi "
    "ke posko yang didirikan pemerintah daerah.",
    "Pemerintah pusat menyiapkan dana siap pakai dan mengirim tim untuk memastikan logistik tiba tepat waktu, "
    "terutama di desa yang aksesnya terputus.",
    "Kepala daerah diminta melaporkan kebutuhan setiap hari agar bantuan tidak menumpuk di satu tempat "
    "sementara wilayah lain kekurangan.",
]
NAV = ('<div class="nav"><a href="/">Home</a> <a href="/news">News</a> <a href="/finance">Finance</a> '
       '<a href="/sport">Sport</a></div>')
POPULAR = '<div class="box_terpopuler"><h3>Terpopuler</h3><ul>' + "".join(
    f'<li><a href="/berita/d-33{i}/judul-berita-populer-nomor-{i}">Judul berita populer nomor {i} yang cukup '
    f'panjang</a></li>' for i in range(8)) + "</ul></div>"
BROKEN_LINES = "<br><br>".join(STORY)

DETIK_URL = "https://news.detik.example/berita/d-3368573/presiden-minta-bantuan-banjir-dipercepat"
DETIK = f"""<html><head><title>Presiden Minta Bantuan Banjir Dipercepat</title></head><body>{NAV}
<div class="content"><div class="jdl"><h1>Presiden Minta Bantuan Banjir Dipercepat</h1>
<div class="author">Andi Saputra - detikNews</div><div class="date">Senin 12 Des 2016, 14:30 WIB</div></div>
<div class="detail_area"><div class="detail_text" id="detikdetailtext"><strong>Jakarta</strong> - {BROKEN_LINES}
<br><br>(asp/nrl)</div></div></div>{POPULAR}<div class="footer">Copyright 2016 detikcom</div></body></html>"""

ANTARA_URL = "https://www.antaranews.example/berita/600123/presiden-minta-bantuan-banjir-dipercepat"
ANTARA = f"""<html><head><title>ANTARA News: Presiden minta bantuan banjir dipercepat</title>
<meta property="og:title" content="ANTARA News: Presiden minta bantuan banjir dipercepat">
<meta property="article:published_time" content="2016-12-12T14:30:00+00:00"></head><body>
<div class="header"><a href="/"><img src="/img/antara-news.png" alt="ANTARA News"></a></div>{NAV}
<div id="main"><h1>Presiden minta bantuan banjir dipercepat</h1>
<p class="date">Senin, 12 Desember 2016 14:30 WIB | 1.234 Views</p>
<div id="content_news">Jakarta (ANTARA News) - {BROKEN_LINES}<br/><br/>COPYRIGHT © ANTARA 2016</div></div>
{POPULAR}</body></html>"""


def home_page(declared: str = "") -> str:
    teasers = "".join(
        f'<div class="news-item"><h2><a href="/read/2016/12/12/{i}/judul-berita-nomor-{i}">Judul berita nomor {i} '
        f'tentang banjir</a></h2><span class="date">Senin, 12 Desember 2016 1{i}:00 WIB</span>'
        f"<p>{STORY[i % 4]}</p></div>" for i in range(8))
    return (f"<html><head><title>Berita Terkini Hari Ini</title>{declared}</head><body>{NAV}"
            f'<div class="main"><h1>Berita Terkini</h1>{teasers}</div>{POPULAR}</body></html>')


def test_story_in_br_separated_div_is_an_article_with_its_text():
    """Detection: running text in one `<div>` split by `<br>`s is a story, not a stub."""
    article = extract_article(DETIK, DETIK_URL)
    assert article.kind == "article"
    assert article.paragraphs == [f"Jakarta - {STORY[0]}"] + STORY[1:] + ["(asp/nrl)"]


def test_story_declared_only_by_its_publication_time_is_an_article():
    article = extract_article(ANTARA, ANTARA_URL)
    assert article.kind == "article"
    assert article.paragraphs[1:4] == STORY[1:]


@pytest.mark.parametrize("url", ["https://www.okezone.example/terkini", "https://www.okezone.example/index.php?p=1"])
def test_home_page_with_long_teasers_is_a_listing_whatever_its_url(url):
    """Detection: a main block of linked teaser headlines, each with an intro, is a listing."""
    assert extract_article(home_page(), url).kind.startswith("listing")


def test_home_page_declaring_itself_an_article_is_still_a_listing_when_it_is_all_cards():
    cards = "".join(f'<a href="/read/{i}/judul-panjang-berita-{i}"><div><h3>Judul berita nomor {i} tentang banjir'
                    f"</h3><p>Ringkasan {i}</p></div></a>" for i in range(10))
    page = (f'<html><head><meta property="og:type" content="article"></head><body><h1>Terkini</h1>'
            f'<div class="main">{cards}<p>{STORY[0]}</p></div></body></html>')
    assert extract_article(page, "https://x.example/terkini").kind.startswith("listing")


def test_listicle_with_linked_subheadings_stays_an_article():
    """Detection: linked subheadings that each lead a long passage are a story's sections."""
    sections = "".join(f'<h3><a href="/film/{i}">{i}) Judul film nomor {i}</a></h3><p>{" ".join(STORY)}</p>'
                       for i in range(6))
    page = (f'<html><head><meta property="og:type" content="article"></head><body><h1>Enam film terbaik</h1>'
            f'<div class="entry-content">{sections}</div></body></html>')
    assert extract_article(page, "https://x.example/enam-film-terbaik-tahun-ini").kind == "article"


def test_page_declaring_a_collection_is_a_listing():
    ld = '<script type="application/ld+json">{"@type": "CollectionPage", "name": "Banjir"}</script>'
    page = f"<html><head>{ld}</head><body><h1>Banjir</h1><div>{'<p>' + ' '.join(STORY) + '</p>'}</div></body></html>"
    assert extract_article(page, "https://x.example/topik-banjir-terbaru-hari-ini").kind.startswith("listing")


def test_permalink_under_an_archive_word_is_an_article_url():
    page = f"<html><head><meta property='og:type' content='article'></head><body><h1>Judul</h1><p>{' '.join(STORY)}</p></body></html>"
    assert extract_article(page, "https://x.example/News/world/archives/2016/12/12/2003825511").kind == "article"
    assert extract_article(page, "https://x.example/archives/2016").kind.startswith("listing")


@pytest.mark.parametrize("declared", ["ANTARA News: Presiden minta bantuan banjir dipercepat",
                                      "Antaranews.com: Nasional - Presiden minta bantuan banjir dipercepat"])
def test_site_name_before_the_headline_is_dropped(declared):
    """Titles: `Site.com: ` and `Site.com: Section - ` before the headline are the site's, not the story's."""
    page = ANTARA.replace("ANTARA News: Presiden minta bantuan banjir dipercepat", declared)
    assert extract_article(page, ANTARA_URL).title == "Presiden minta bantuan banjir dipercepat"


def test_kicker_before_the_headline_is_kept():
    page = ANTARA.replace("ANTARA News: Presiden", "Banjir Bandang: Presiden").replace(
        "<h1>Presiden", "<h1>Banjir Bandang: Presiden")
    assert extract_article(page, ANTARA_URL).title == "Banjir Bandang: Presiden minta bantuan banjir dipercepat"


def test_wib_wall_clock_declared_as_utc_takes_the_shown_zone():
    """Dates: a CMS that writes local time into `+00:00` is corrected by the date line's WIB."""
    assert extract_article(ANTARA, ANTARA_URL).published == "2016-12-12T14:30:00+07:00"
    agreeing = ANTARA.replace("2016-12-12T14:30:00+00:00", "2016-12-12T07:30:00+00:00")
    assert extract_article(agreeing, ANTARA_URL).published == "2016-12-12T07:30:00+00:00"


def test_outlet_after_a_spaced_dash_is_not_part_of_the_byline():
    """People: "Andi Saputra - detikNews" names one reporter; the outlet after the dash is dropped."""
    assert extract_article(DETIK, DETIK_URL).authors == ["Andi Saputra"]


def _rows_page(head: str = "", header: str = "") -> str:
    """Headline and body in different rows of the layout, as many 2015-17 templates have them."""
    story = "".join(f"<p>{p}</p>" for p in STORY)
    return (f'<html lang="id"><head><title>Judul berita banjir besar</title>{head}</head><body>'
            f'<div class="row"><div class="col-8"><h1>Judul berita banjir besar</h1>{header}</div></div>'
            f'<div class="row"><div class="col-8 isi">{story}</div>{POPULAR}</div></body></html>')


KOMPAS_URL = "https://www.kompas.example/read/2016/12/12/14300011/judul-berita-banjir-besar"


@pytest.mark.parametrize("header", [
    '<span class="meta">Senin, 12 Desember 2016 - 14:30 wib</span>',       # beside the headline, not the body
    "<div>Jakarta, Senin 12 Des 2016 14:30 WIB</div>",                      # unclassed, a clock and a zone
    '<div class="tanggal">14:30 WIB, Senin 12 Desember 2016</div>',         # the clock before the day
    '<div class="author">Reporter: Andi | Senin, 12/12/2016 14:30 WIB</div>',  # in the byline
])
def test_date_line_beside_the_headline_is_read_with_its_clock(header):
    """Dates: the headline's own header is searched, whatever the date line's element and order."""
    assert extract_article(_rows_page(header=header), KOMPAS_URL).published == "2016-12-12T14:30:00+07:00"


@pytest.mark.parametrize("meta", ['<meta name="content_PublishedDate" content="2016-12-12 14:30:00">',
                                  '<meta name="dtk:publishdate" content="2016/12/12 14:30:00">'])
def test_a_cms_own_publication_meta_is_read(meta):
    """Dates: a meta whose name says publish/pubdate/posted and date/time is a publication time."""
    assert extract_article(_rows_page(head=meta), KOMPAS_URL).published == "2016-12-12T14:30:00+07:00"


def test_short_description_declared_as_headline_is_not_the_title():
    """Titles: an encyclopaedia's JSON-LD "headline" describing the topic loses to the `<h1>`
    that `<title>` repeats."""
    ld = '<script type="application/ld+json">{"@type": "Article", "headline": "ibu kota provinsi di Sumatera"}</script>'
    page = (f"<html><head><title>Palembang - Ensiklopedia Bebas</title>{ld}</head><body><h1>Palembang</h1>"
            f"<div>{''.join(f'<p>{p}</p>' for p in STORY)}</div></body></html>")
    assert extract_article(page, "https://ensiklopedia.example/wiki/Palembang").title == "Palembang"


@pytest.mark.parametrize("shown", ['<a href="/"><img src="/logo.png" alt="Warta Kota"></a>',
                                   "<footer>Copyright © 2016 Warta Kota. All rights reserved.</footer>"])
def test_site_name_the_page_shows_is_stripped_from_a_title_on_a_bare_address(shown):
    """Titles: served from an IP (a loopback copy), the site's name is known from its logo or
    copyright line, not from the host."""
    declared = '<meta property="og:title" content="Warta Kota: Presiden minta bantuan banjir dipercepat">'
    page = (f"<html><head>{declared}</head><body>{shown}"
            f"<h1>Presiden minta bantuan banjir dipercepat</h1><div>{''.join(f'<p>{p}</p>' for p in STORY)}</div>"
            "</body></html>")
    assert extract_article(page, "http://127.0.0.1:8080/berita/600123/presiden-minta").title == \
        "Presiden minta bantuan banjir dipercepat"
