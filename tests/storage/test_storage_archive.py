"""Upserts, revisions, raw pages, crawls, the site registry, opening and migrating."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from newsarchive.errors import NewsarchiveError
from newsarchive.reparse import reparse
from newsarchive.storage import Archive, schema


def rows(archive: Archive, sql: str, params=()) -> list[tuple]:
    return archive.db.execute(sql, params).fetchall()


def test_store_new_unchanged_updated_keeps_revision(archive, make_article):
    article = make_article()
    assert archive.store(article, html="<p>v1</p>") == "new"
    assert archive.store(article) == "unchanged"
    assert rows(archive, "SELECT count(*) FROM revisions") == [(0,)]
    changed = dataclasses.replace(article, title="Banjir besar rendam permukiman")
    assert archive.store(changed) == "updated"
    assert rows(archive, "SELECT count(*), min(title) FROM articles") == [
        (1, "Banjir besar rendam permukiman")
    ]
    (revision,) = rows(archive, "SELECT title, url, seen_from, seen_until FROM revisions")
    assert revision[:2] == (article.title, article.url)
    assert revision[2] and revision[3]


def test_unchanged_moves_only_last_seen_and_etag(archive, make_article):
    article = make_article()
    archive.store(article)
    archive.db.execute("UPDATE articles SET last_seen = '2000-01-01T00:00:00+00:00'")
    before = rows(archive, "SELECT first_seen, changed, content_hash FROM articles")
    assert archive.store(article, etag='"abc"') == "unchanged"
    after = rows(archive, "SELECT first_seen, changed, content_hash FROM articles")
    assert before == after
    assert rows(archive, "SELECT etag, last_seen > '2001' FROM articles") == [('"abc"', 1)]


def test_contract_columns_and_json_lists(archive, make_article):
    archive.store(make_article())
    row = archive.db["articles"].get(rows(archive, "SELECT id FROM articles")[0][0])
    assert row["site"] == "kabar.example.id"
    assert row["authors"] == '["ABD"]' and row["tags"] == '["banjir"]'
    assert row["published"] == "2024-05-02T10:00:00+08:00"
    for column in ("content_hash", "first_seen", "last_seen", "dateline", "language"):
        assert column in row
    assert archive.db["articles"].detect_fts() == "articles_fts"


def test_ids_follow_publication_order(archive, make_article):
    archive.store(make_article(5))
    archive.store(make_article(2))
    archive.store(make_article(9, published=None))  # undated: ordered by first sighting
    ordered = [url for (url,) in rows(archive, "SELECT url FROM articles ORDER BY id")]
    assert [u.rsplit("/", 1)[1] for u in ordered] == ["2", "5", "9"]


def test_date_correction_rekeys_and_keeps_links(archive, make_article):
    article = make_article(3)
    archive.store(article, html="<p>x</p>")
    archive.store(dataclasses.replace(article, published="2023-01-01T00:00:00+07:00"))
    (article_id,) = rows(archive, "SELECT id FROM articles")[0]
    assert rows(archive, "SELECT article_id FROM pages") == [(article_id,)]
    assert rows(archive, "SELECT article_id FROM revisions") == [(article_id,)]
    assert len(archive.search("masjid")) == 1


def test_raw_html_is_compressed_and_reparse_uses_it(archive, make_article):
    html = "<html><body>" + "<p>Paragraf berita.</p>" * 200 + "</body></html>"
    archive.store(make_article(1), html=html)
    archive.store(make_article(2, source="Lain"), html=html.encode())
    (size,) = rows(archive, "SELECT length(html) FROM pages LIMIT 1")[0]
    assert size < len(html) / 5
    seen = []

    def extract(pages):
        seen.extend(pages)
        return make_article(99, url="https://elsewhere/ignored", title="Judul baru")

    counts = reparse(archive, extract, source="Kabar Sulteng")
    assert counts == {"updated": 1}
    assert seen == [("https://kabar.example.id/berita/1", html.encode())]
    assert rows(archive, "SELECT count(*) FROM articles WHERE title = 'Judul baru'") == [(1,)]


def test_reparse_counts_failures(archive, make_article):
    archive.store(make_article(), html="<p>x</p>")

    def broken(pages):
        raise ValueError("boom")

    assert reparse(archive, broken) == {"failed": 1}


def test_every_page_of_a_split_article_is_kept_for_reparse(archive, make_article):
    article = make_article(1)
    split = [(article.url, "<p>halaman satu</p>"), (article.url + "/2", "<p>halaman dua</p>")]
    archive.store(article, pages=split)
    seen = []
    reparse(archive, lambda pages: seen.append(pages) or make_article(1))
    assert seen == [[(url, html.encode()) for url, html in split]]


def test_store_many_batches(archive, make_article):
    counts = archive.store_many(make_article(n, body=f"Berita {n}.") for n in range(1, 2500))
    assert counts == {"new": 2499}
    assert archive.store_many([make_article(1, body="Berita 1.")]) == {"unchanged": 1}
    assert rows(archive, "SELECT articles FROM sources") == [(2499,)]


def fts_consistent(archive: Archive) -> bool:
    """FTS5's own check that the index holds exactly what the articles table says."""
    try:
        archive.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
    except sqlite3.DatabaseError:
        return False
    return True


def test_batch_indexing_matches_the_table(archive, make_article):
    # more than one batch, out of publication order, then updates, a re-keyed date, a delete
    archive.store_many(make_article(n, body=f"Berita nomor{n} hari ini.") for n in range(3000, 0, -1))
    archive.store(make_article(5, body="Berita diperbarui sore ini."))
    archive.store(make_article(6, body="Berita nomor6 hari ini.", published="2023-01-01T00:00:00Z"))
    archive.db.execute("DELETE FROM articles WHERE url LIKE '%/7'")
    assert fts_consistent(archive)
    assert rows(archive, "SELECT count(*) FROM indexing_deferred") == [(0,)]
    assert [h.url[-5:] for h in archive.search("nomor2999")] == ["/2999"]
    assert [h.url[-2:] for h in archive.search("diperbarui")] == ["/5"]
    assert archive.search("nomor5") == [] and archive.search("nomor7") == []


def test_other_writers_are_indexed_by_the_trigger(archive, make_article):
    """Only the archive's own batches defer indexing; a plain INSERT from any tool is indexed."""
    archive.store(make_article(1))
    other = sqlite3.connect(archive.path)
    other.execute(
        "INSERT INTO articles (id, url, source, title, body) VALUES"
        " (1, 'https://other.example/a', 'Lain', 'Kemarau panjang', 'Sawah kering.')"
    )
    other.commit()
    other.close()
    assert [hit.url for hit in archive.search("kemarau", source="Lain")] == ["https://other.example/a"]
    assert fts_consistent(archive)


def test_failed_batch_stores_nothing_and_leaves_indexing_on(archive, make_article):
    with pytest.raises(AttributeError):
        archive.store_many([make_article(1), "not an article", make_article(2)])
    assert rows(archive, "SELECT count(*) FROM articles") == [(0,)]
    assert rows(archive, "SELECT count(*) FROM indexing_deferred") == [(0,)]
    archive.store(make_article(3))
    assert len(archive.search("banjir")) == 1 and fts_consistent(archive)


def test_same_url_twice_in_a_batch_is_an_update(archive, make_article):
    counts = archive.store_many([make_article(1), make_article(1, title="Banjir surut")])
    assert counts == {"new": 1, "updated": 1}
    assert rows(archive, "SELECT title FROM revisions") == [("Banjir rendam permukiman warga 1",)]
    assert [hit.title for hit in archive.search("surut")] == ["Banjir surut"]
    assert fts_consistent(archive)


def test_known_and_touch(archive, make_article):
    archive.store(make_article(), etag="e1", last_modified="Wed, 01 May 2024 00:00:00 GMT")
    known = archive.known("kabar.example.id")
    page = known["https://kabar.example.id/berita/1"]
    assert (page.etag, page.last_modified) == ("e1", "Wed, 01 May 2024 00:00:00 GMT")
    assert archive.known("other.example") == {}
    archive.db.execute("UPDATE articles SET last_seen = '2000-01-01T00:00:00+00:00'")
    crawl = archive.start_crawl("kabar.example.id")
    archive.touch(page.url, crawl)
    assert archive.known("kabar.example.id")[page.url].last_seen > "2001"
    assert archive.db.execute("SELECT crawl_id FROM articles").fetchall() == [(crawl,)]


def test_crawls(archive):
    crawl = archive.start_crawl("kabar.example.id")
    assert rows(archive, "SELECT status FROM crawls") == [("running",)]
    archive.finish_crawl(crawl, "finished", {"new": 3, "requests": 10, "robots": 1})
    assert rows(archive, "SELECT status, new, requests, errors, extra FROM crawls") == [
        ("finished", 3, 10, 0, '{"robots": 1}')
    ]
    with pytest.raises(ValueError):
        archive.finish_crawl(crawl, "done", {})
    assert archive.stats()["crawls"][0]["status"] == "finished"


def test_sites_registry(archive):
    archive.add_site("kabar", "https://kabar.example.id/", 3600, {"max_articles": 5})
    with pytest.raises(NewsarchiveError, match="already registered"):
        archive.add_site("kabar", "https://x/")
    archive.mark_site("kabar", started="2024-05-01T00:00:00+00:00", status="running")
    archive.mark_site("kabar", status="finished")
    site = archive.get_site("kabar")
    assert site["settings"] == {"max_articles": 5}
    assert (site["last_started"], site["last_status"]) == ("2024-05-01T00:00:00+00:00", "finished")
    assert [s["name"] for s in archive.list_sites()] == ["kabar"]
    archive.remove_site("kabar")
    assert archive.get_site("kabar") is None
    with pytest.raises(NewsarchiveError, match="no site"):
        archive.remove_site("kabar")


def test_opening_for_reading_never_creates(tmp_path):
    missing = tmp_path / "data" / "archive.db"
    with pytest.raises(NewsarchiveError, match="no archive at .*newsarchive crawl URL"):
        Archive(missing, create=False)
    assert not missing.parent.exists()


def test_corrupt_file_is_one_line_error(tmp_path):
    bad = tmp_path / "archive.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(NewsarchiveError, match="not a readable archive"):
        Archive(bad, create=False)


def test_settings_wal_and_foreign_keys(archive):
    assert rows(archive, "PRAGMA journal_mode") == [("wal",)]
    assert rows(archive, "PRAGMA foreign_keys") == [(1,)]
    assert rows(archive, "PRAGMA user_version") == [(schema.VERSION,)]


def test_migrates_v1_archive_in_place(tmp_path, make_article):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    import sqlite_utils

    old = sqlite_utils.Database(conn)
    schema.migrate(old, target=1)
    old.execute(
        "INSERT INTO articles (id, url, site, source, title, caption, body, authors, published,"
        " tags, content_hash, first_seen, last_seen) VALUES (1714532400000000,"
        " 'https://old.example/a', 'old.example', 'Lama', 'Gempa di Donggala',"
        " 'Rumah rusak', 'Gempa mengguncang Donggala.', '[]', '2024-05-01T10:00:00+07:00',"
        " '[]', 'h', '2024-05-01T00:00:00+00:00', '2024-05-01T00:00:00+00:00')"
    )
    old.execute("INSERT INTO crawls (site, status) VALUES ('old.example', 'finished')")
    conn.close()

    with Archive(path) as archive:
        assert rows(archive, "PRAGMA user_version") == [(schema.VERSION,)]
        assert rows(archive, "SELECT title, changed FROM articles") == [
            ("Gempa di Donggala", "2024-05-01T00:00:00+00:00")
        ]
        assert rows(archive, "SELECT site FROM crawls") == [("old.example",)]
        assert rows(archive, "SELECT name, articles FROM sources") == [("Lama", 1)]
        assert [hit.url for hit in archive.search("donggala")] == ["https://old.example/a"]
        assert [hit.url for hit in archive.search("dongg*")] == ["https://old.example/a"]
        assert [hit.url for hit in archive.search("gempa", source="Lama")] == ["https://old.example/a"]
        assert fts_consistent(archive)
        (fts_sql,) = rows(archive, "SELECT sql FROM sqlite_master WHERE name = 'articles_fts'")[0]
        assert schema.FTS_OPTIONS in fts_sql
        assert dict(rows(archive, "SELECT k, v FROM articles_fts_config WHERE k != 'version'")) == {
            "automerge": schema.FTS_AUTOMERGE, "crisismerge": schema.FTS_CRISISMERGE,
            "hashsize": schema.FTS_HASHSIZE}
        assert archive.store(make_article()) == "new"


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    sqlite3.connect(path).execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    with pytest.raises(NewsarchiveError, match="newer newsarchive"):
        Archive(path)


def test_sqlite_utils_transform_is_repaired_on_open(tmp_path, make_article, caplog):
    """`sqlite-utils transform` rebuilds `articles` without triggers and computed columns."""
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "archive.db"
    with Archive(path) as archive:
        archive.store_many([make_article(n) for n in range(1, 4)])
        archive.store(make_article(4, source="Radar Palu", body="Harga cabai rawit melonjak."))
    sqlite_utils_cli = Path(sys.executable).parent / "sqlite-utils"
    subprocess.run([str(sqlite_utils_cli), "transform", str(path), "articles", "--column-order", "url,title"],
                   check=True, capture_output=True)  # fmt: skip
    subprocess.run([str(sqlite_utils_cli), "insert", str(path), "articles", "-", "--pk", "id"],
                   input=b'{"id": 5, "url": "https://x.example.id/5", "source": "Radar Palu", "title": "Cabai"}',
                   check=True, capture_output=True)  # a write while the triggers were gone
    with caplog.at_level("WARNING"):
        with Archive(path, create=False) as archive:
            found = archive.search("cabai", source="Radar Palu")
            assert sorted(hit.url for hit in found) == ["https://kabar.example.id/berita/4", "https://x.example.id/5"]
            assert archive.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
            counts = dict(archive.db.execute("SELECT name, articles FROM sources"))
            assert counts == {"Kabar Sulteng": 3, "Radar Palu": 2}
            assert archive.db.execute("SELECT published_month FROM articles WHERE id = 5").fetchone() == (None,)
            archive.store(make_article(6, title="Cabai merah"))  # the triggers work again
            assert len(archive.search("cabai")) == 3
    assert "restored trigger articles_ai" in caplog.text and "column source_key" in caplog.text
    with caplog.at_level("WARNING"):
        caplog.clear()
        Archive(path, create=False).close()
    assert caplog.text == ""  # nothing left to repair
