"""Body rules, pinned: each rule has a tiny page of its own so a regression names it."""

import pytest

from newsarchive.extract import extract_article

URL = "https://warta.example.id/read/1/x"


def test_link_wrapping_blocks_is_a_teaser_card(page, story):
    """`<a><div><h3>Other story</h3><p>Its intro</p></div></a>` inside the body points elsewhere."""
    card = ('<ul class="list"><li><a href="/read/2/y"><div><h3>Pasar Malam Kembali Digelar</h3>'
            '<p>Pedagang menyambut pasar malam yang kembali digelar setelah dua tahun terhenti.</p>'
            '</div></a></li></ul>')
    blocks = [f"<p>{p}</p>" for p in story[:2]] + [card] + [f"<p>{story[2]}</p>"]
    assert extract_article(page(blocks), URL).paragraphs == story


def test_inline_link_in_a_paragraph_is_kept(page, story):
    blocks = [f'<p>{story[0]} Baca <a href="/read/3/z">keterangan dinas</a> di sini.</p>'] \
        + [f"<p>{p}</p>" for p in story[1:]]
    assert extract_article(page(blocks), URL).paragraphs[0].endswith("Baca keterangan dinas di sini.")


def test_named_anchor_around_paragraphs_is_read(page, story):
    """`<a name="top">` (no href) is a jump target, not a link to elsewhere."""
    blocks = ['<a name="mulai"><p>' + story[0] + "</p></a>"] + [f"<p>{p}</p>" for p in story[1:]]
    assert extract_article(page(blocks), URL).paragraphs == story


def test_a_paragraph_written_twice_is_kept_twice_a_repeated_label_once(page):
    """Repeats: a whole paragraph the author wrote twice stays; a short template line repeated goes."""
    long = "Warga diminta tetap waspada karena hujan deras diperkirakan masih turun hingga akhir pekan, " \
           "terutama di kawasan hulu sungai yang berbatasan dengan kabupaten tetangga, kata petugas posko banjir kepada wartawan pada Senin pagi."
    blocks = [f"<p>{long}</p>", "<p>Situasi masih terkendali.</p>", f"<p>{long}</p>", "<p>Situasi masih terkendali.</p>"]
    assert extract_article(page(blocks), "https://warta.example/read/123456/hujan-deras").paragraphs == \
        [long, "Situasi masih terkendali.", long]


def test_post_written_as_bullet_lists_keeps_its_items():
    """Body: when paragraphs give next to no story, list items vote (a post made of bullet lists)."""
    items = [f"Tim {n} menyelesaikan perbaikan tanggul sungai di desa ke-{n} pekan ini, dibantu warga setempat."
             for n in range(1, 7)]
    html = ("<html><body><nav><ul><li><a href='/'>Beranda</a></li><li><a href='/b'>Berita</a></li></ul></nav>"
            "<h1>Laporan pekan ini</h1><div class='post'><h2>Sorotan</h2><ul>"
            + "".join(f"<li>{i}</li>" for i in items) + "</ul></div></body></html>")
    article = extract_article(html, "https://warta.example/read/123456/laporan-pekan-ini")
    assert article.paragraphs[-6:] == items and "Beranda" not in article.body


STORY3 = ["Presiden meminta seluruh kepala daerah mempercepat penyaluran bantuan bagi warga terdampak banjir, katanya.",
          "Menurut data Badan Penanggulangan Bencana, lebih dari dua ribu rumah terendam dan ratusan warga mengungsi.",
          "Pemerintah pusat menyiapkan dana siap pakai dan mengirim tim untuk memastikan logistik tiba tepat waktu."]


@pytest.mark.parametrize("closing", ["Berita Lainnya", "Topik Berita Terbaru", "More Photos", "Related articles"])
def test_box_heading_closes_the_story_container(closing):
    """Body: after a related/latest/photos box's heading, nothing in the same container is story."""
    cards = "".join(f'<div><a href="/read/{i}/berita-lain-nomor-{i}">Judul berita lain {i}</a><p>Ringkasan berita lain '
                    f"nomor {i} yang cukup panjang untuk terlihat seperti paragraf cerita, katanya.</p></div>" for i in range(3))
    html = (f'<html lang="id"><body><h1>Judul berita banjir</h1><div class="content">'
            f'{"".join(f"<p>{p}</p>" for p in STORY3)}<h3>{closing}</h3>{cards}</div></body></html>')
    assert extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs == STORY3


def test_readers_comments_are_never_the_story_however_long():
    comments = '<div class="komentar-list">' + "".join(
        f"<div><b>Warga {i}</b><p>Komentar pembaca nomor {i}, semoga bantuan cepat sampai ke desa kami yang terendam "
        f"banjir sejak pekan lalu.</p></div>" for i in range(6)) + "</div>"
    html = (f'<html lang="id"><body><h1>Judul berita banjir</h1><div class="content">'
            f'{"".join(f"<p>{p}</p>" for p in STORY3)}{comments}</div></body></html>')
    assert extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs == STORY3


def test_hidden_text_is_never_the_story_however_much_of_it_there_is():
    """Body: text hidden by its own markup (`visibility: hidden`) is not read, even when long."""
    hidden = "".join(f"<p>Teks tersembunyi nomor {i} yang panjang sekali dan tidak pernah terlihat oleh pembaca, "
                     f"kata penguji.</p>" for i in range(4))
    html = (f'<html lang="id"><body><article><h1>Judul berita banjir</h1><div style="visibility: hidden">{hidden}</div>'
            f'<div>{"".join(f"<p>{p}</p>" for p in STORY3)}</div></article></body></html>')
    assert extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs == STORY3


def test_cookie_consent_dialog_longer_than_the_story_is_not_the_body():
    """Wrong block: a consent dialog's long text never stands in for a short story."""
    consent = "".join(f"<p>Kami dan mitra kami menyimpan dan mengakses informasi di perangkat Anda, seperti cookie, "
                      f"untuk iklan dan konten yang dipersonalisasi, pengukuran, bagian {i}.</p>" for i in range(6))
    html = (f'<html lang="id"><body><div id="onetrust-consent-sdk"><div class="ot-sdk-container">{consent}</div></div>'
            f'<h1>Judul berita banjir</h1><div class="content">{"".join(f"<p>{p}</p>" for p in STORY3)}</div>'
            "</body></html>")
    assert extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs == STORY3


SLIDES = "".join(f"<li><h2><span>{i}/12</span> Suasana pawai budaya hari ke-{i}</h2>"
                 f"<p>Peserta pawai budaya mengenakan pakaian adat dari berbagai daerah di Sumatera Selatan, "
                 f"foto nomor {i} dari rangkaian acara yang berlangsung sejak pagi.</p></li>" for i in range(1, 13))


def test_slideshow_captions_are_not_the_story_beside_a_short_story():
    """Wrong block: a twelve-slide gallery embedded in a short story outweighs it, but is not it."""
    html = (f'<html lang="id"><body><h1>Judul berita banjir</h1><div class="text-wrapper">'
            f'{"".join(f"<p>{p}</p>" for p in STORY3)}'
            f'<div class="widget type-gallery"><div class="full-gallery"><ul class="legends">{SLIDES}</ul></div></div>'
            "</div></body></html>")
    assert extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs == STORY3


def test_a_photo_story_made_only_of_slides_keeps_its_captions():
    """A page whose only text is the gallery: the captions are the story."""
    html = (f'<html lang="id"><body><h1>Judul berita banjir</h1>'
            f'<div class="galeri-foto"><ul>{SLIDES}</ul></div></body></html>')
    paragraphs = extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs
    assert len(paragraphs) >= 12 and paragraphs[1].startswith("Peserta pawai budaya")


def test_a_story_in_sibling_sections_of_an_indented_page_is_read_whole():
    """Half the story: a pretty-printed page's indentation is not text, so the section holding
    both halves of a story (split around a figure into sibling blocks) is still its container."""
    indent = "\n" + " " * 60

    def part(paragraphs: list[str]) -> str:
        figure = f'<figure>{indent}<div>{indent}<div>{indent}<img src="/f.jpg">{indent}</div>{indent}</div>{indent}</figure>'
        inner = "".join(f"{indent}<p>{indent}{p}{indent}</p>" for p in paragraphs)
        return f'<div class="n">{indent}<div class="z">{inner}{indent * 40}{figure}{indent * 40}</div>{indent}</div>'

    first = [f"{p} Bagian pertama, paragraf {i}, dengan keterangan tambahan dari petugas." for i, p in enumerate(STORY3 * 2)]
    second = [f"{p} Bagian kedua, paragraf {i}." for i, p in enumerate(STORY3)]
    html = (f'<html lang="id"><body><article><h1>Judul berita banjir</h1><section>'
            f'{part(first)}{indent}<div class="hr">{part(second)}</div></section></article></body></html>')
    assert extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs == first + second


def test_a_table_that_holds_most_of_the_text_is_read_with_the_paragraphs_around_it():
    """Half the story: when a table's cells outweigh the intro, the table's container is the
    story's, so the intro before it is kept along with the rows."""
    rows = "".join(f"<tr><td>Kecamatan {i}</td><td>Jumlah rumah terendam di kecamatan nomor {i} mencapai ratusan unit, "
                   f"sebagian besar di bantaran sungai, menurut pendataan petugas.</td></tr>" for i in range(8))
    html = (f'<html lang="id"><body><h1>Judul berita banjir</h1><div class="content"><p>{STORY3[0]}</p>'
            f"<table><tbody>{rows}</tbody></table></div></body></html>")
    paragraphs = extract_article(html, "https://x.example/read/123456/judul-berita-banjir").paragraphs
    assert paragraphs[0] == STORY3[0] and "Kecamatan 7" in paragraphs and len(paragraphs) == 17
