"""Full-text search: what it finds, how it orders, and that no input can break it."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from newsarchive.errors import NewsarchiveError
from newsarchive.storage.query import to_fts


@pytest.fixture
def filled(archive, make_article):
    archive.store(make_article(1, published="2024-05-01T09:00:00+07:00"))
    archive.store(
        make_article(
            2, source="Radar Palu", title="Harga cabai naik di Pasar Inpres",
            caption="Pedagang menata dagangan", body="Harga cabai rawit melonjak menjelang Lebaran.",
            published="2024-06-10T09:00:00+07:00",
        )
    )  # fmt: skip
    archive.store(
        make_article(
            3, title="Jalan rusak dikeluhkan", caption="Kubangan di jalan trans Sulawesi",
            body="Warga Désa Tondo mengeluhkan jalan rusak; sekolah terendam banjir.",
            published="2024-07-20T09:00:00+07:00",
        )
    )  # fmt: skip
    return archive


def urls(hits) -> list[str]:
    return [hit.url.rsplit("/", 1)[1] for hit in hits]


def test_finds_by_caption_word_and_body_word(filled):
    assert urls(filled.search("masjid")) == ["1"]  # caption only
    assert urls(filled.search("Lebaran")) == ["2"]  # body only


def test_title_weighs_more_than_body(filled):
    # "banjir" is in the title of 1 and only in the body of 3
    assert urls(filled.search("banjir"))[0] == "1"


def test_diacritics_folded_no_stemming(filled):
    assert urls(filled.search("desa")) == ["3"]
    assert urls(filled.search("keluhkan")) == []  # no stemmer: mengeluhkan is its own word


def test_phrase_prefix_or_not(filled):
    assert urls(filled.search('"cabai rawit"')) == ["2"]
    assert urls(filled.search('"rawit cabai"')) == []
    assert urls(filled.search("cab*")) == ["2"]
    assert sorted(urls(filled.search("lebaran OR kubangan"))) == ["2", "3"]
    assert urls(filled.search("jalan NOT kubangan")) == []
    assert sorted(urls(filled.search("warga NOT kubangan"))) == ["1"]


def test_newest_first_and_filters(filled):
    assert urls(filled.search("warga", order="newest")) == ["3", "1"]
    assert urls(filled.search("harga", source="Radar Palu")) == ["2"]
    assert urls(filled.search("harga", source="Kabar Sulteng")) == []
    assert urls(filled.search("warga", since="2024-07-01")) == ["3"]
    assert urls(filled.search("warga", until="2024-05-01")) == ["1"]
    assert urls(filled.search("warga", since="2024-05-02", until="2024-07-19")) == []
    assert urls(filled.search("warga", limit=1, order="newest")) == ["3"]


@pytest.mark.parametrize("source", ["Radar", "Radar Palu Raya", "radar palu", "Palu"])
def test_source_filter_is_exact(filled, source):
    assert filled.search("harga", source=source) == []


@pytest.mark.parametrize("source", ['Kabar "Palu" (Sulteng)', "東京新聞", "Kabar*", "a" * 300])
def test_source_filter_with_any_name(archive, make_article, source):
    archive.store(make_article(1, source=source))
    archive.store(make_article(2, source=source + " 2"))
    for order in ("best", "newest"):
        assert urls(archive.search("banjir", source=source, order=order)) == ["1"]


def test_source_filter_follows_a_changed_source(filled, make_article):
    filled.store(make_article(1, source="Radar Palu", published="2024-05-01T09:00:00+07:00"))
    assert urls(filled.search("banjir", source="Radar Palu")) == ["1"]
    assert urls(filled.search("banjir", source="Kabar Sulteng")) == ["3"]


@pytest.mark.parametrize("order", ["best", "newest"])
def test_snippet_never_shows_the_source_term(filled, order):
    (hit,) = filled.search("lebaran", source="Radar Palu", order=order)
    assert "[Lebaran]" in hit.highlighted() and "src" not in hit.text


def test_snippet_highlights_match(filled):
    (hit,) = filled.search("lebaran")
    assert "[Lebaran]" in hit.highlighted()
    assert "Lebaran" in hit.text and "\x02" not in hit.text


def test_fts_follows_update_and_delete(filled, make_article):
    filled.store(dataclasses.replace(make_article(1, published="2024-05-01T09:00:00+07:00"),
                                     caption="Perahu karet dikerahkan"))  # fmt: skip
    assert urls(filled.search("masjid")) == []
    assert urls(filled.search("perahu")) == ["1"]
    filled.db.execute("DELETE FROM articles WHERE url LIKE '%/2'")
    assert urls(filled.search("lebaran")) == []
    assert filled.db.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
    )


HOSTILE = [
    '"unbalanced', 'a "b', '"', '""', "banjir)", "(banjir", "title:banjir", "body:", "^banjir",
    "NEAR(banjir warga)", "banjir NEAR/2 warga", "banjir AND", "OR", "banjir OR OR warga",
    "-banjir", "+banjir", "banjir*", "*", "**", "ban*jir", "{title body}: banjir",
    "'; DROP TABLE articles; --", "x" * 10_000, "banjir " * 40, "فيضانات في جاكرتا",
    "น้ำท่วมกรุงเทพ", "洪水", "banjir\x00warga", "\u202ebanjir", "NOT banjir", "AND warga",
    "banjir\udc80lahat", "\udc80", "\ud800banjir", "banjir\x1b[2J", "\x9bbanjir", "\ufffd", "\u0301",
    "🌊 banjir", "banjir\tkota\nwarga", "\x00",
]


@pytest.mark.parametrize("query", HOSTILE)
@pytest.mark.parametrize("order", ["best", "newest"])
def test_hostile_queries_give_results_or_one_line_error(filled, query, order):
    try:
        hits = filled.search(query, order=order)
    except NewsarchiveError as err:
        assert "\n" not in str(err) and len(str(err)) < 200
    else:
        assert isinstance(hits, list)
    assert filled.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_a_lone_surrogate_in_a_word_splits_it(filled):
    assert urls(filled.search("banjir\udc80rendam")) == urls(filled.search("banjir rendam")) != []
    assert filled.search("banjir", source="Kabar\udc80") == []


def test_non_latin_text_is_searchable(archive, make_article):
    archive.store(make_article(7, title="فيضانات في جاكرتا"))
    assert urls(archive.search("جاكرتا")) == ["7"]


def test_query_translation_quotes_everything():
    assert to_fts('banjir "kota palu" pal* OR x NOT y') == (
        '"banjir" "kota palu" "pal"* OR "x" NOT "y"'
    )
    assert to_fts("title:banjir") == '"title:banjir"'
    assert to_fts('a"b') == '"a""b"'
    with pytest.raises(NewsarchiveError, match="nothing to search"):
        to_fts("((( ^^^ )))")
    with pytest.raises(NewsarchiveError, match="at most"):
        to_fts("x" * 10_000)
    with pytest.raises(NewsarchiveError, match="NOT needs a word"):
        to_fts("NOT banjir")
    with pytest.raises(NewsarchiveError, match="too short a prefix"):
        to_fts("banjir me*")


def test_query_is_a_bound_parameter(filled):
    """Searching needs nothing but reads, whatever the query says."""
    actions = set()

    def authorizer(action, *args):
        actions.add(action)
        return sqlite3.SQLITE_OK

    filled.db.conn.set_authorizer(authorizer)
    hits = filled.search("'; DROP TABLE articles; --")
    filled.db.conn.set_authorizer(None)
    assert hits == [] and actions
    reads = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION}
    assert actions <= reads | {sqlite3.SQLITE_PRAGMA}  # FTS5 reads its data_version


def test_bad_dates_and_options(filled):
    with pytest.raises(NewsarchiveError, match="--since: expected a date"):
        filled.search("warga", since="yesterday")
    with pytest.raises(NewsarchiveError, match="order"):
        filled.search("warga", order="random")
    with pytest.raises(NewsarchiveError, match="limit"):
        filled.search("warga", limit=0)
