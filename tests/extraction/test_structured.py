"""Structured data shapes: Yoast @graph with references, arrays, mainEntity, OpenGraph, microdata."""

import json

from newsarchive.extract import extract_article

URL = "https://kabar.example.id/2024/12/12/jembatan-baru/"


def _ld(data) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_yoast_graph_with_person_reference(page):
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": URL, "name": "Jembatan Baru"},
        {"@type": "NewsArticle", "@id": URL + "#article", "headline": "Jembatan Baru Dibuka",
         "datePublished": "2024-12-12T10:00:00+08:00", "author": {"@id": URL + "#/schema/person/1"},
         "publisher": {"@id": "https://kabar.example.id/#organization"}, "articleSection": "Daerah",
         "keywords": ["jembatan", "banjarmasin"]},
        {"@type": "Person", "@id": URL + "#/schema/person/1", "name": "Siti Aminah"},
        {"@type": "Organization", "@id": "https://kabar.example.id/#organization", "name": "Kabar Contoh"},
    ]}
    article = extract_article(page(head=_ld(graph), site="Kabar Contoh"), URL)
    assert article.authors == ["Siti Aminah"]
    assert article.published == "2024-12-12T10:00:00+08:00"
    assert (article.section, article.tags) == ("Daerah", ["jembatan", "banjarmasin"])
    assert article.source == "Kabar Contoh"


def test_array_of_objects_and_main_entity(page):
    data = [{"@type": "BreadcrumbList"},
            {"@type": "WebPage", "mainEntity": {"@type": "ReportageNewsArticle", "headline": "x",
                                                "datePublished": "2024-01-02T03:04:05Z",
                                                "author": {"@type": "Person", "name": "Jane Doe"}}}]
    article = extract_article(page(head=_ld(data)), URL)
    assert article.authors == ["Jane Doe"]
    assert article.published == "2024-01-02T03:04:05+00:00"


def test_opengraph_site_name_and_title(page):
    head = ('<meta property="og:site_name" content="Kabar Contoh">'
            '<meta property="og:title" content="Jembatan Baru Dibuka untuk Umum">')
    article = extract_article(page(head=head, title="Jembatan Baru Dibuka untuk Umum"), URL)
    assert (article.source, article.title) == ("Kabar Contoh", "Jembatan Baru Dibuka untuk Umum")


def test_microdata_date_and_author(page):
    meta = ('<span itemprop="author" itemscope><span itemprop="name">Siti Aminah</span></span>'
            '<time itemprop="datePublished" datetime="2024-12-12T10:00:00+08:00">12 Des 2024</time>')
    article = extract_article(page(meta_line=meta), URL)
    assert article.authors == ["Siti Aminah"]
    assert article.published == "2024-12-12T10:00:00+08:00"


def test_broken_json_ld_is_survived(page):
    head = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
    assert extract_article(page(head=head), URL).title == "Perbaikan Jalan Dimulai Pekan Depan di Tiga Kecamatan"


def test_title_suffix_names_the_source_not_the_domain(page):
    article = extract_article(page(), "https://warta.example.id/read/1/x")
    assert article.source == "Warta Contoh"
    assert article.title == "Perbaikan Jalan Dimulai Pekan Depan di Tiga Kecamatan"


def test_section_suffix_of_og_title_stripped(page):
    head = ('<meta property="og:title" content="Jembatan Baru Dibuka untuk Umum | Daerah">'
            '<meta property="article:section" content="Daerah">')
    assert extract_article(page(head=head), URL).title == "Jembatan Baru Dibuka untuk Umum"


def test_source_is_never_a_date_a_section_or_a_shouted_acronym_retitled(page):
    dated = page(title="Jembatan Baru Dibuka").replace(" - Warta Contoh</title>", " - 28.04.2023</title>")
    assert extract_article(dated, URL).source == "kabar.example.id"
    sectioned = page(head='<meta property="article:section" content="Daerah">').replace(
        " - Warta Contoh</title>", " - Daerah</title>")
    assert extract_article(sectioned, URL).source == "kabar.example.id"
    acronym = page(head='<meta property="og:site_name" content="NDR">')
    assert extract_article(acronym, URL).source == "NDR"
