"""Each noise rule of the body, pinned: related-link inserts, furniture lines, footers."""

import pytest

from newsarchive.extract import extract_article

URL = "https://warta.example.id/read/1/perbaikan-jalan"


def _body_with(page, story, insert_html: str) -> str:
    blocks = [f"<p>{story[0]}</p>", insert_html, f"<p>{story[1]}</p>", f"<p>{story[2]}</p>"]
    return extract_article(page(blocks), URL).body


@pytest.mark.parametrize("insert", [
    "<p>BACA JUGA:Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>BACA JUGA: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Baca juga: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Baca Juga : Harga Cabai Naik Menjelang Lebaran</p>",
    "<p><strong>BACA JUGA:</strong> <a href='/read/2'>Harga Cabai Naik Menjelang Lebaran</a></p>",
    "<p><strong>Baca Juga:</strong></p><ul><li><a href='/read/2'>Harga Cabai Naik Menjelang Lebaran</a></li>"
    "<li><a href='/read/3'>Pasar Murah Dibuka</a></li></ul>",
    "<p>Simak juga: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Lihat juga: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Baca selengkapnya: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Read more: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Related: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>READ MORE Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Lesen Sie auch: Harga Cabai Naik Menjelang Lebaran</p>",
    "<p>Lire aussi : Harga Cabai Naik Menjelang Lebaran</p>",
], ids=["caps-glued", "caps-space", "sentence-case", "space-before-colon", "strong-link",
        "box-of-titles", "simak-juga", "lihat-juga", "baca-selengkapnya", "read-more", "related",
        "read-more-caps", "de-lesen-sie-auch", "fr-lire-aussi"])
def test_related_link_insert_removed(page, story, insert):
    body = _body_with(page, story, insert)
    assert "Harga Cabai" not in body
    assert body.split("\n\n") == story


@pytest.mark.parametrize("line", ["ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Sumber:",
                                  "Bagikan", "Advertisement", "Halaman: 1 2 Selanjutnya",
                                  "Stand: 22.04.2024, 06:00 Uhr", "Updated: 15:59, 22 Apr 2024",
                                  "Diperbarui: Sabtu, 3 September 2022 14:05 WIB", "COPYRIGHT © ANTARA 2022"])
def test_furniture_line_removed(page, story, line):
    assert _body_with(page, story, f"<p>{line}</p>").split("\n\n") == story


def test_syndication_footer_removed(page, story):
    footer = ("<p>Artikel ini telah tayang di Sripoku.com dengan judul Perbaikan Jalan, "
              "https://palembang.tribunnews.com/2022/09/03/perbaikan-jalan</p>")
    blocks = [f"<p>{p}</p>" for p in story] + [footer]
    assert extract_article(page(blocks), URL).paragraphs == story


def test_ordinary_sentence_starting_with_marker_word_kept(page, story):
    line = "Related research by the university shows the same pattern in other provinces, the report says."
    body = _body_with(page, story, f"<p>{line}</p>")
    assert line in body


def test_sign_off_kept(page, story):
    blocks = [f"<p>{p}</p>" for p in story[:2]] + [f"<p>{story[2]} (dav)</p>"]
    assert extract_article(page(blocks), URL).body.endswith("(dav)")


def test_mojibake_repaired(page, story):
    blocks = [f"<p>{story[0]}</p>", "<p>Menurut dia, proyek ini â€” yang ditunggu warga â€” segera selesai, kata kepala dinas.</p>",
              f"<p>{story[1]}</p>"]
    body = extract_article(page(blocks), URL).body
    assert "proyek ini — yang ditunggu warga — segera" in body


def test_mojibake_repair_keeps_typography(page, story):
    """Repairing mojibake must not also straighten the page's curly quotes or narrow its
    full-width letters."""
    blocks = [f"<p>{story[0]}</p>", "<p>Kata dia, â€œproyek iniâ€\x9d segera selesai menurut ＡＰ dan dinas.</p>"]
    body = extract_article(page(blocks), URL).body
    assert "Kata dia, “proyek ini” segera selesai menurut ＡＰ dan dinas." in body


def test_site_drop_lines_override(page, story):
    from newsarchive.extraction import SiteOverrides
    blocks = [f"<p>{p}</p>" for p in story] + ["<p>Dapatkan berita pilihan setiap hari dari kami.</p>",
                                               "<p>Promo langganan koran cetak hanya bulan ini</p>"]
    overrides = SiteOverrides(drop_lines=[r"^Promo langganan"])
    assert extract_article(page(blocks), URL, overrides).paragraphs == story


@pytest.mark.parametrize("paragraph, kept", [
    ("Kepala dinas menyebut anggaran dari dana daerah. Baca Juga: <a href='/read/2'>Harga Cabai Naik di Pasar "
     "Menjelang Lebaran</a> Pengerjaan dilakukan bertahap agar lalu lintas tetap lancar.",
     "Kepala dinas menyebut anggaran dari dana daerah. Pengerjaan dilakukan bertahap agar lalu lintas tetap lancar."),
    ("Kepala dinas menyebut anggaran dari dana daerah. BACA JUGA : <a href='/read/2'>Harga Cabai Naik</a>",
     "Kepala dinas menyebut anggaran dari dana daerah."),
    ("Kepala dinas menyebut anggaran dari dana daerah.<br><strong>Baca Juga: <a href='/read/2'>Harga Cabai Naik"
     "</a></strong><br>“Kami kerjakan bertahap,” katanya.",
     "Kepala dinas menyebut anggaran dari dana daerah. “Kami kerjakan bertahap,” katanya."),
    ("Kepala dinas menyebut anggaran dari dana daerah. Baca juga: Harga cabai naik menjelang Lebaran. "
     "Pengerjaan dilakukan bertahap.",
     "Kepala dinas menyebut anggaran dari dana daerah. Pengerjaan dilakukan bertahap."),
], ids=["title-case-mid-paragraph", "caps-space-colon-at-end", "before-a-quote", "sentence-case-title"])
def test_related_insert_inside_a_paragraph_removed(page, story, paragraph, kept):
    body = _body_with(page, story, f"<p>{paragraph}</p>")
    assert body.split("\n\n") == [story[0], kept, story[1], story[2]]


def test_marker_words_inside_a_sentence_kept(page, story):
    line = "Warga diminta membaca juga: aturan baru berlaku, kata Kepala Dinas Perhubungan kepada wartawan."
    assert line in _body_with(page, story, f"<p>{line}</p>")
