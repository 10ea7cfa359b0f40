"""Each caption/credit form, pinned on the normaliser's splitter and through a page."""

import pytest

from newsarchive.extract import extract_article
from newsarchive.normalisation.credits import split_credit


@pytest.mark.parametrize("raw, caption, credit", [
    ("Warga antre beras murah. – Foto:David Karnain/Radar Palembang)--",
     "Warga antre beras murah.", "David Karnain/Radar Palembang"),
    ("Warga antre beras murah. (FOTO: ANTARA/Nova Wahyudi)", "Warga antre beras murah.", "ANTARA/Nova Wahyudi"),
    ("Foto: Dok. Humas Pemkot", None, "Dok. Humas Pemkot"),
    ("Wali kota meninjau lokasi banjir (Dok. Humas Pemkot)", "Wali kota meninjau lokasi banjir", "Dok. Humas Pemkot"),
    ("Ilustrasi", None, "Ilustrasi"),
    ("Lokasi kejadian di Jalan Sudirman. (Istimewa)", "Lokasi kejadian di Jalan Sudirman.", "Istimewa"),
    ("Firefighters at the scene on Monday. Photo: Jane Doe/Reuters", "Firefighters at the scene on Monday.",
     "Jane Doe/Reuters"),
    ("Firefighters at the scene on Monday. (AP Photo/Jane Doe)", "Firefighters at the scene on Monday.",
     "AP Photo/Jane Doe"),
    ("Firefighters at the scene on Monday. © Jane Doe", "Firefighters at the scene on Monday.", "Jane Doe"),
    ("Feuerwehrleute am Einsatzort. Bild: dpa", "Feuerwehrleute am Einsatzort.", "dpa"),
    ("Firefighters at the scene. Credit: Jane Doe", "Firefighters at the scene.", "Jane Doe"),
    ("The bank's headquarters. Photo by Jane Doe/Bloomberg", "The bank's headquarters.", "Jane Doe/Bloomberg"),
    ("Der Trainer am Spielfeldrand. IMAGO/Nico Beispiel", "Der Trainer am Spielfeldrand.", "IMAGO/Nico Beispiel"),
    ("Polizei-Razzia in La Soledat / Lorenzo Beispiel", "Polizei-Razzia in La Soledat", "Lorenzo Beispiel"),
    ("Court documents were released on Monday. (AP)", "Court documents were released on Monday.", "AP"),
], ids=["glued-foto-dashes", "paren-FOTO-agency", "foto-dok-only", "paren-dok", "ilustrasi",
        "istimewa", "photo-colon", "ap-photo", "copyright-sign", "bild", "credit-colon", "photo-by",
        "agency-slash-after-sentence",
        "spaced-slash-name", "agency-acronym-paren"])
def test_caption_credit_split(raw, caption, credit):
    assert split_credit(raw, None) == (caption, credit)


def test_caption_without_credit_unchanged():
    text = "Warga antre beras murah di pasar induk, Senin pagi."
    assert split_credit(text, None) == (text, None)


def test_separate_credit_label_removed_and_cut_from_caption():
    assert split_credit("Warga antre beras. Foto: Jane Doe", "Foto: Jane Doe") == ("Warga antre beras.", "Jane Doe")


def test_figcaption_with_credit_element(page):
    figure = ('<figure><img src="/img/jalan.jpg" width="800" height="450">'
              '<figcaption>Alat berat di Jalan Merdeka. <span class="credit">Foto: Rina Putri</span>'
              '</figcaption></figure>')
    article = extract_article(page(figure=figure), "https://warta.example.id/read/1/x")
    assert (article.caption, article.photo_credit) == ("Alat berat di Jalan Merdeka.", "Rina Putri")


def test_caption_under_image_without_figure(page):
    figure = ('<div class="post-thumbnail"><img src="/img/jalan.jpg" width="800" height="450">'
              '<p class="text-muted">Alat berat di Jalan Merdeka. (FOTO: ANTARA/Nova Wahyudi)</p></div>')
    article = extract_article(page(figure=figure), "https://warta.example.id/read/1/x")
    assert (article.caption, article.photo_credit) == ("Alat berat di Jalan Merdeka.", "ANTARA/Nova Wahyudi")
    assert "Alat berat" not in article.body


def test_separate_credit_joined_with_glued_agency():
    assert split_credit("Offices on Slater Street. / Postmedia News", "Jean Levac") == (
        "Offices on Slater Street.", "Jean Levac, Postmedia News")


def test_copyright_before_slashes_keeps_the_whole_credit():
    assert split_credit("Der König im Garten. © IMAGO / Beispiel Collection", None) == (
        "Der König im Garten.", "IMAGO / Beispiel Collection")


def test_label_word_inside_a_name_is_kept():
    assert split_credit("Bezahlmethoden im Vergleich", "© Picture Alliance") == (
        "Bezahlmethoden im Vergleich", "Picture Alliance")
