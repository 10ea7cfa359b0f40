"""Author rules, pinned: each rule has a tiny page or byline of its own."""

import pytest

from newsarchive.extract import extract_article
from newsarchive.normalisation.people import is_names_line, split_people

URL = "https://warta.example.id/read/1/x"


def test_bold_names_line_opening_the_body_is_the_byline(page, story):
    blocks = ["<p><strong>Rina Putri/Dedi Kurniawan</strong></p>"] + [f"<p>{p}</p>" for p in story]
    article = extract_article(page(blocks), URL)
    assert article.authors == ["Rina Putri", "Dedi Kurniawan"]
    assert article.paragraphs == story


def test_bold_line_after_the_story_started_is_not_a_byline(page, story):
    blocks = [f"<p>{story[0]}</p>", "<p><strong>Rina Putri</strong></p>"] + [f"<p>{p}</p>" for p in story[1:]]
    article = extract_article(page(blocks), URL)
    assert article.authors == []
    assert "Rina Putri" in article.paragraphs


@pytest.mark.parametrize("line, expected", [
    ("Rina Putri", True), ("RINA PUTRI", True), ("Rina Putri/Dedi Kurniawan", True),
    ("Jane Doe and John Roe", True), ("Key facts", False), ("Rina", False),
    ("Warga antre beras murah", False), ("Pekan 12 Liga", False),
], ids=["name", "all-caps", "slash", "and", "lowercase-word", "one-word", "sentence", "digits"])
def test_names_line(line, expected):
    assert is_names_line(line) is expected


def test_slash_separates_names_but_not_credits():
    assert split_people(["Rina Putri/Dedi Kurniawan"]) == (["Rina Putri", "Dedi Kurniawan"], [])
    assert split_people(["(Foto: Kantor Berita/Arsip)"]) == ([], [])


def test_bold_subheading_in_title_case_is_not_a_byline(page, story):
    """Its words also occur in lower case in the story ("jalan", "baru")."""
    blocks = ["<p><strong>Jalan Baru</strong></p>"] + [f"<p>{p}</p>" for p in story] \
        + ["<p>Warga menyambut jalan baru itu dengan gembira.</p>"]
    article = extract_article(page(blocks), URL)
    assert article.authors == []
    assert article.paragraphs[0] == "Jalan Baru"


def test_byline_naming_declared_author_and_more_completes_the_list(page):
    head = '<meta name="author" content="Dedi Kurniawan">'
    meta = '<span class="author">Rina Putri</span><span class="author">Dedi Kurniawan</span>'
    article = extract_article(page(head=head, meta_line=meta), URL)
    assert article.authors == ["Rina Putri", "Dedi Kurniawan"]


def test_noisy_byline_does_not_complete_the_declared_list(page):
    """A byline box that also lists other stories' titles and people is not the author list."""
    head = '<meta name="author" content="Dedi Kurniawan">'
    meta = ('<div class="author">Dedi Kurniawan Jalan Baru Dibuka, Budi Santoso Hadir '
            'Lihat semua tulisan Dedi Kurniawan</div>')
    assert extract_article(page(head=head, meta_line=meta), URL).authors == ["Dedi Kurniawan"]


@pytest.mark.parametrize("raw, authors", [
    (["Von Rina Putri, Jakarta"], ["Rina Putri"]),
    (["Von Rina Putri und Dedi Kurniawan, Jakarta"], ["Rina Putri", "Dedi Kurniawan"]),
    (["Rina Putri, Dedi Kurniawan"], ["Rina Putri", "Dedi Kurniawan"]),
    (["Rina Putri, AFP"], ["Rina Putri", "AFP"]),
    (["Putri, Rina"], ["Putri", "Rina"]),
], ids=["place-after-comma", "place-after-two-names", "co-author-kept", "agency-kept", "surname-first-kept"])
def test_place_after_name_dropped(raw, authors):
    assert split_people(raw) == (authors, [])


@pytest.mark.parametrize("raw, authors", [
    (["Jane Doe in Washington"], ["Jane Doe"]),
    (["Von Rina Putri aus Jakarta"], ["Rina Putri"]),
    (["By Jane Doe, in News, Business · 3 Jan 2025"], ["Jane Doe"]),
    (["Par Marie Dupont à Bruxelles"], ["Marie Dupont"]),
], ids=["en-in", "de-aus", "en-in-categories", "fr-a"])
def test_place_preposition_ends_the_name(raw, authors):
    assert split_people(raw) == (authors, [])


def test_same_name_in_other_case_is_one_person():
    assert split_people(["RINA PUTRI", "Rina Putri, Dedi Kurniawan"]) == (["RINA PUTRI", "Dedi Kurniawan"], [])


def test_place_after_each_name_dropped_and_both_names_kept():
    assert split_people(["By Jane Doe in Kyiv and John Roe in New York"]) == (["Jane Doe", "John Roe"], [])


def test_author_box_biography_beside_the_name_is_not_a_byline(page):
    """A theme's author box: the name, then a byline-classed biography naming topics."""
    bio = ("Rina Putri is the founder of this site. She has spent years researching History, "
           "Alternative Health, Secret Societies and many other topics that are rarely reported "
           "anywhere else, and writes about them every week for readers across the region.")
    meta = (f'<div class="author-box"><div class="td-author-name author">Rina Putri</div>'
            f'<div class="td-author-description">{bio}</div></div>')
    assert extract_article(page(meta_line=meta), URL).authors == ["Rina Putri"]


def test_declared_author_whose_profile_is_a_shared_account_is_not_a_person(page):
    """JSON-LD author "Warta D" at .../author/admin/: the site's shared account, not a writer."""
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":['
          '{"@type":"Person","name":"Warta D","url":"https://warta.example.id/author/admin/"},'
          '{"@type":"Person","name":"Rina Putri","url":"https://warta.example.id/author/rina-putri/"}]}</script>')
    assert extract_article(page(head=ld), URL).authors == ["Rina Putri"]
    shown = '<a rel="author" href="/author/admin/">Warta D</a>, <a rel="author" href="/author/rina/">Rina Putri</a>'
    assert extract_article(page(meta_line=shown), URL).authors == ["Rina Putri"]
    only_account = '<span class="author vcard"><a rel="author" href="/author/admin/">Warta D</a></span>'
    assert extract_article(page(meta_line=only_account), URL).authors == []


def test_news_agency_declared_as_organization_is_an_author(page):
    """Agencies are authors of record; other organisations (the publisher) are not."""
    ld = ('<script type="application/ld+json">{"@type":"NewsArticle","author":['
          '{"@type":"Person","name":"Rina Putri"},{"@type":"Organization","name":"ANTARA"},'
          '{"@type":"Organization","name":"Warta Kota"}]}</script>')
    assert extract_article(page(head=ld), URL).authors == ["Rina Putri", "ANTARA"]


def test_agency_in_article_author_meta(page):
    """`<meta name="articleAuthor">` is read like `author`; a Turkish agency is an author of record."""
    head = '<meta name="articleAuthor" content="Anadolu Ajansı">'
    assert extract_article(page(head=head, lang="tr"), "https://haber.example.com.tr/a/1").authors == ["Anadolu Ajansı"]
