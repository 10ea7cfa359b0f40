"""Pages in the layouts of regional-news.md beyond the sample site: Tribun-style and ANTARA."""

from newsarchive.extract import extract_article

TRIBUN_URL = "https://palembang.tribunnews.example/2022/09/03/harga-cabai-naik"
ANTARA_URL = "https://sumsel.antaranews.example/berita/1/harga-cabai-naik"
STORY = [
    "Harga cabai rawit di sejumlah pasar tradisional naik hingga Rp90 ribu per kilogram sejak awal pekan, kata pedagang.",
    "Kenaikan dipicu pasokan dari sentra produksi yang berkurang karena hujan deras, sementara permintaan tetap tinggi.",
    "Dinas Perdagangan berencana menggelar operasi pasar agar harga kembali stabil sebelum akhir bulan ini.",
]


def test_tribun_layout():
    body = "".join(f"<p>{p}</p>" for p in STORY[1:])
    html = f"""<html lang="id"><head><title>Harga Cabai Naik - Sripoku.com</title>
<meta property="og:site_name" content="Sripoku.com"></head><body>
<div class="main"><h1 id="arttitle">Harga Cabai Naik</h1>
<div class="ringkasan">Pedagang mengeluhkan pasokan yang seret.</div>
<div id="penulis">Penulis: Rina Putri | Editor: Budi Santoso</div>
<time class="grey">Sabtu, 3 September 2022 14:05 WIB</time>
<div class="side-article txt-article"><p>Laporan Wartawan Sripoku.com, Dedi Kurniawan</p>
<p>SRIPOKU.COM, PALEMBANG - {STORY[0]}</p>
<p><strong>Baca juga: Pasar Murah Dibuka</strong></p>{body}
<p>Artikel ini telah tayang di Sripoku.com dengan judul Harga Cabai Naik</p></div></div></body></html>"""
    article = extract_article(html, TRIBUN_URL)
    assert article.paragraphs == ["Pedagang mengeluhkan pasokan yang seret.", f"SRIPOKU.COM, PALEMBANG - {STORY[0]}"] + STORY[1:]
    assert (article.authors, article.editors) == (["Rina Putri", "Dedi Kurniawan"], ["Budi Santoso"])
    assert "Laporan Wartawan" not in article.body
    assert (article.dateline, article.source) == ("PALEMBANG", "Sripoku.com")
    assert article.published == "2022-09-03T14:05:00+07:00"


def test_antara_layout():
    body = "".join(f"<p>{p}</p>" for p in STORY[1:])
    html = f"""<html lang="id"><head><title>Harga cabai naik - ANTARA News Sumatera Selatan</title>
<meta property="article:published_time" content="2022-09-03T14:05:00+07:00"></head><body>
<article><h1 class="post-title">Harga cabai naik</h1>
<div class="post-content"><p>Palembang (ANTARA) - {STORY[0]}</p>{body}
<p>Pewarta: Rina Putri</p><p>Editor: Budi Santoso</p><p>COPYRIGHT © ANTARA 2022</p></div></article></body></html>"""
    article = extract_article(html, ANTARA_URL)
    assert article.paragraphs == [f"Palembang (ANTARA) - {STORY[0]}"] + STORY[1:]
    assert (article.authors, article.editors) == (["Rina Putri"], ["Budi Santoso"])
    assert (article.dateline, article.source) == ("Palembang", "ANTARA News Sumatera Selatan")
