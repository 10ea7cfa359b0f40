"""Datelines and bylines, pinned: each dateline form, author/editor split, non-people dropped."""

import pytest

from newsarchive.extract import extract_article
from newsarchive.normalisation.datelines import find_dateline
from newsarchive.normalisation.people import split_people


@pytest.mark.parametrize("paragraph, place, outlet", [
    ("PALEMBANG, RADAR PALEMBANG — Warga antre beras murah sejak pagi.", "PALEMBANG", "RADAR PALEMBANG"),
    ("SRIPOKU.COM, PALEMBANG - Warga antre beras murah sejak pagi.", "PALEMBANG", "SRIPOKU.COM"),
    ("Palembang (ANTARA) - Warga antre beras murah sejak pagi.", "Palembang", "ANTARA"),
    ("PALEMBANG, KORANRADAR.ID – Warga antre beras murah sejak pagi.", "PALEMBANG", "KORANRADAR.ID"),
    ("LONDON (Reuters) - Britain's economy grew faster than expected.", "LONDON", "Reuters"),
    ("BANJARMASIN - Warga antre beras murah sejak pagi.", "BANJARMASIN", None),
], ids=["place-outlet-emdash", "domain-place", "agency-paren", "place-domain-endash", "english-agency",
        "place-only"])
def test_dateline_forms(paragraph, place, outlet):
    assert find_dateline([paragraph]) == (place, outlet)


def test_no_dateline_in_ordinary_paragraph():
    assert find_dateline(["Warga antre beras murah sejak pagi - kata lurah setempat."]) == (None, None)


def test_dateline_paragraph_stays_in_body_and_outlet_names_source(page, story):
    blocks = [f"<p>PALEMBANG, RADAR PALEMBANG — {story[0]}</p>"] + [f"<p>{p}</p>" for p in story[1:]]
    html = page(blocks).replace(" - Warta Contoh</title>", "</title>")
    article = extract_article(html, "https://radarpalembang.example.id/read/1/x")
    assert article.dateline == "PALEMBANG"
    assert article.paragraphs[0].startswith("PALEMBANG, RADAR PALEMBANG — ")
    assert article.source == "Radar Palembang"


@pytest.mark.parametrize("raw, authors, editors", [
    (["Penulis: Rina Putri | Editor: Budi Santoso"], ["Rina Putri"], ["Budi Santoso"]),
    (["Oleh: Rina Putri dan Dedi Kurniawan"], ["Rina Putri", "Dedi Kurniawan"], []),
    (["By Jane Doe and John Roe"], ["Jane Doe", "John Roe"], []),
    (["Jane Doe, John Roe"], ["Jane Doe", "John Roe"], []),
    (["Reporter: Rina Putri", "Redaktur: Budi Santoso"], ["Rina Putri"], ["Budi Santoso"]),
    (["Redaksi"], [], []),
    (["Rina Putri rina.putri@warta.example.id"], ["Rina Putri"], []),
    (["Jane Doe Follow"], ["Jane Doe"], []),
    (["Warta Contoh"], [], []),
    (["capital", "von", "Jemima Kelly", "05. November 2024 15:36 Uhr"], ["Jemima Kelly"], []),
    (["dpa"], ["dpa"], []),
    (["Par Marie Dupont et Jean Martin"], ["Marie Dupont", "Jean Martin"], []),
    (["신현주 기자"], ["신현주"], []),
    (["Laporan Wartawan Sripoku.com, Dedi Kurniawan"], ["Dedi Kurniawan"], []),
    (["Jane Doe, Senior Correspondent"], ["Jane Doe"], []),
    (["Door Jan de Vries en Piet Jansen"], ["Jan de Vries", "Piet Jansen"], []),
    (["Av Ingrid Nilsen og Kari Holm"], ["Ingrid Nilsen", "Kari Holm"], []),
], ids=["penulis-editor", "oleh-dan", "by-and", "comma", "reporter-redaktur", "redaksi", "email",
        "follow", "publisher-name",
        "byline-leaves-with-noise", "agency-initials", "fr-par-et", "ko-reporter-title", "laporan-wartawan", "role-after-name", "nl-door-en",
        "no-av-og"])
def test_people_split(raw, authors, editors):
    assert split_people(raw, {"Warta Contoh"}) == (authors, editors)


def test_byline_on_page(page):
    html = page(meta_line='<span class="author">Penulis: Rina Putri | Editor: Budi Santoso</span>')
    article = extract_article(html, "https://warta.example.id/read/1/x")
    assert (article.authors, article.editors) == (["Rina Putri"], ["Budi Santoso"])


def test_editor_line_at_end_of_body_moves_to_editors(page, story):
    blocks = [f"<p>{p}</p>" for p in story] + ["<p>Editor: Budi Santoso</p>"]
    article = extract_article(page(blocks), "https://warta.example.id/read/1/x")
    assert article.paragraphs == story
    assert article.editors == ["Budi Santoso"]


def test_structured_organisation_author_is_not_a_person(page):
    head = ('<script type="application/ld+json">{"@type":"NewsArticle","headline":"x",'
            '"author":[{"@type":"Organization","name":"Warta Contoh"},{"@type":"Person","name":"Rina Putri"}]}</script>')
    assert extract_article(page(head=head), "https://warta.example.id/read/1/x").authors == ["Rina Putri"]


def test_byline_names_in_separate_elements(page):
    meta = ('<div class="article-byline"><div class="origins"><span>Rina Putri</span> '
            '<span>Dedi Kurniawan</span></div></div>')
    article = extract_article(page(meta_line=meta), "https://warta.example.id/read/1/x")
    assert article.authors == ["Rina Putri", "Dedi Kurniawan"]


def test_declared_outlet_as_author_falls_back_to_byline(page):
    head = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","author":"Warta Contoh"}</script>'
    html = page(head=head, meta_line='<span class="byline">Penulis: Rina Putri</span>')
    assert extract_article(html, "https://warta.example.id/read/1/x").authors == ["Rina Putri"]


def test_declared_author_the_page_calls_editor(page):
    head = '<meta name="author" content="Budi Santoso">'
    html = page(head=head, meta_line='<div class="author-2">Rina Putri</div>').replace(
        "</article>", '<div class="info">Editor : <a href="/author/budi">Budi Santoso</a></div></article>')
    article = extract_article(html, "https://warta.example.id/read/1/x")
    assert (article.authors, article.editors) == (["Rina Putri"], ["Budi Santoso"])
