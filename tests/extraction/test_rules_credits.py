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
    ("Petugas mengevakuasi warga. (Fadli Rahman/Radar Palembang)", "Petugas mengevakuasi warga.",
     "Fadli Rahman/Radar Palembang"),
    ("Petugas mengevakuasi warga - Fadli Rahman/Radar Palembang", "Petugas mengevakuasi warga",
     "Fadli Rahman/Radar Palembang"),
    ("Petugas mengevakuasi warga. | M. Ridwan/radarpalembang.id", "Petugas mengevakuasi warga.",
     "M. Ridwan/radarpalembang.id"),
    ("Harga cabai naik 1/2 kali lipat di Pasar 16 Ilir", "Harga cabai naik 1/2 kali lipat di Pasar 16 Ilir", None),
    ("Polizei-Razzia in La Soledat / Lorenzo Beispiel", "Polizei-Razzia in La Soledat", "Lorenzo Beispiel"),
    ("Court documents were released on Monday. (AP)", "Court documents were released on Monday.", "AP"),
    ("警視庁を出る容疑者＝13日、東京・霞ケ関で（山田太郎撮影）", "警視庁を出る容疑者＝13日、東京・霞ケ関で", "山田太郎"),
    ("テレビで見る国民（ソウルで、３日）＝ＡＰ", "テレビで見る国民（ソウルで、３日）", "ＡＰ"),
    ("イスラエルの国旗＝同国で2019年5月", "イスラエルの国旗＝同国で2019年5月", None),
    ("Анвар Ибрагим на форуме. Фото: Дмитрий Иванов", "Анвар Ибрагим на форуме.", "Дмитрий Иванов"),
    ("대표가 의원총회에서 국기에 경례하고 있다. 연합뉴스", "대표가 의원총회에서 국기에 경례하고 있다", "연합뉴스"),
    ("De premier bij het paleis. Beeld: Jan de Vries", "De premier bij het paleis.", "Jan de Vries"),
    ("Premier w Sejmie. Zdjęcie: Jan Kowalski/PAP", "Premier w Sejmie.", "Jan Kowalski/PAP"),
    ("Rejoice Ndlovu. Isithombe: Sithunyelwe", "Rejoice Ndlovu.", "Sithunyelwe"),
    ("Credits: Supplied Image;", None, "Supplied Image"),
    ("Das Seeufer bei Luzern. Foto: Urs Beispiel (Keystone)", "Das Seeufer bei Luzern.", "Urs Beispiel (Keystone)"),
], ids=["glued-foto-dashes", "paren-FOTO-agency", "foto-dok-only", "paren-dok", "ilustrasi",
        "istimewa", "photo-colon", "ap-photo", "copyright-sign", "bild", "credit-colon", "photo-by",
        "agency-slash-after-sentence", "name-outlet-in-parentheses", "name-outlet-after-dash",
        "initial-and-web-outlet-after-pipe", "fraction-is-no-credit",
        "spaced-slash-name", "agency-acronym-paren",
        "ja-photographed-by", "ja-equals-agency", "ja-equals-context-kept", "ru-foto", "ko-agency-after-stop", "nl-beeld",
        "pl-zdjecie", "zu-isithombe", "credits-plural-semicolon", "agency-in-parentheses-kept"])
def test_caption_credit_split(raw, caption, credit):
    assert split_credit(raw, None) == (caption, credit)


@pytest.mark.parametrize("given", ["()", "[()]", "[ ]"])
def test_empty_brackets_are_no_credit(given):
    assert split_credit("Das Seeufer bei Luzern.", given) == ("Das Seeufer bei Luzern.", None)


def test_caption_without_credit_unchanged():
    text = "Warga antre beras murah di pasar induk, Senin pagi."
    assert split_credit(text, None) == (text, None)


@pytest.mark.parametrize("raw, given, caption, credit", [
    ("Warga antre beras. Foto: Jane Doe", "Foto: Jane Doe", "Warga antre beras.", "Jane Doe"),
    ("Offices on Slater Street. / Postmedia News", "Jean Levac", "Offices on Slater Street.",
     "Jean Levac, Postmedia News"),
    ("Der König im Garten. © IMAGO / Beispiel Collection", None, "Der König im Garten.",
     "IMAGO / Beispiel Collection"),
    ("Bezahlmethoden im Vergleich", "© Picture Alliance", "Bezahlmethoden im Vergleich", "Picture Alliance"),
    ("Rauch über Kiew. Foto: Dan Beispiel/AP", "Visa mer", "Rauch über Kiew.", "Dan Beispiel/AP"),
    ("Swedish police officer", "Copyright", "Swedish police officer", None),
    ("Das Seeufer bei Luzern.", "Urs Beispiel (Keystone)", "Das Seeufer bei Luzern.", "Urs Beispiel (Keystone)"),
    ("Das Seeufer bei Luzern.", "[Urs Beispiel]", "Das Seeufer bei Luzern.", "Urs Beispiel"),
    ("Festnahme in Aachen.", "Symbolfoto: picture alliance/dpa | Jane Beispiel", "Festnahme in Aachen.",
     "picture alliance/dpa, Jane Beispiel"),
], ids=["separate-label-cut", "separate-plus-slash-tail", "copyright-before-slashes",
        "label-word-inside-name", "labelled-beats-loose-element", "bare-label-no-credit",
        "paired-brackets-kept", "wrapping-brackets-dropped", "pipe-separated-parts"])
def test_split_with_separate_credit(raw, given, caption, credit):
    assert split_credit(raw, given) == (caption, credit)


@pytest.mark.parametrize("figure, caption, credit", [
    ('<figure><img src="/img/jalan.jpg" width="800" height="450"><figcaption>Alat berat di Jalan Merdeka. '
     '<span class="credit">Foto: Rina Putri</span></figcaption></figure>', "Alat berat di Jalan Merdeka.", "Rina Putri"),
    ('<div class="post-thumbnail"><img src="/img/jalan.jpg" width="800" height="450"><p class="text-muted">'
     'Alat berat di Jalan Merdeka. (FOTO: ANTARA/Nova Wahyudi)</p></div>', "Alat berat di Jalan Merdeka.",
     "ANTARA/Nova Wahyudi"),
    ('<figure><img src="/img/jalan.jpg" width="800" height="450"><figcaption>Alat berat di Jalan Merdeka.'
     '</figcaption><footer>Imago/Beispiel</footer></figure>', "Alat berat di Jalan Merdeka.", "Imago/Beispiel"),
    ('<div class="hero"><img src="/img/jalan.jpg" width="800" height="450"><div class="x1">Alat berat di Jalan '
     'Merdeka, Senin pagi</div><div class="x2">Getty Images</div></div>', "Alat berat di Jalan Merdeka, Senin pagi",
     "Getty Images"),
    ('<div class="media"><figure><img src="/a.jpg" width="1200" height="840"></figure><figcaption><span class="text">'
     'Alat berat di Jalan Merdeka</span> <span class="author">Rina Putri</span></figcaption></div>',
     "Alat berat di Jalan Merdeka", "Rina Putri"),
    ('<figure><img src="/a.jpg" width="800" height="450" alt="Alat berat (Foto: Rina Putri/Warta)"></figure>',
     None, "Rina Putri/Warta"),
    ('<figure><img src="/a.jpg" width="800" height="450" alt="Alat berat / banjir"></figure>', None, None),
    ('<figure><img src="/a.jpg" width="800" height="450"><figcaption>View 3 Images</figcaption></figure>', None, None),
], ids=["figcaption-credit-element", "bare-caption-under-image", "figure-footer", "short-element-after-caption",
        "figcaption-after-figure", "labelled-alt", "unlabelled-alt-no-credit",
        "gallery-button-is-no-caption"])
def test_lead_image_on_page(page, figure, caption, credit):
    article = extract_article(page(figure=figure), "https://warta.example.id/read/1/x")
    assert (article.caption, article.photo_credit) == (caption, credit)
    assert "Alat berat" not in article.body


def test_subscription_box_is_neither_lead_image_nor_standfirst(page):
    """A sales box between headline and story (logo image, a "subtitle" line) is skipped:
    the lead image is the story's photo, and the box's text is not read as a standfirst."""
    sales = ('<div class="article-subscribe"><span class="article-subscribe--title"><img src="/langganan.png"'
             ' width="300" height="80" alt="subscribe"></span><span class="article-subscribe--subtitle">'
             'Hanya Rp10.000 untuk bulan pertama. Dukung jurnalisme independen.</span></div>')
    photo = ('<figure><img src="/img/jalan.jpg" width="800" height="450"><figcaption>Alat berat di Jalan Merdeka. '
             '<span class="credit">Foto: Rina Putri</span></figcaption></figure>')
    article = extract_article(page(figure=sales + photo), "https://warta.example.id/read/1/x")
    assert (article.caption, article.photo_credit) == ("Alat berat di Jalan Merdeka.", "Rina Putri")
    assert "bulan pertama" not in article.body
    assert article.body.startswith("Pemerintah kota mengumumkan")
