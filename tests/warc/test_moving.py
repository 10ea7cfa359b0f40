"""Opening an archive whose raw pages sit in the `pages` table moves them into WARC files."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
import sqlite_utils

from newsarchive.storage import Archive, schema
from newsarchive.warc.reader import page_at
from newsarchive.warc.writer import RotatingWarcWriter

WARCIO = str(Path(sys.executable).with_name("warcio"))
PAGES = {  # article url -> its pages (url, html) in reading order
    "https://kabar.example.id/berita/1": [("https://kabar.example.id/berita/1", "<html><p>Warga Palu — berita satu</p></html>")],
    "https://kabar.example.id/berita/2": [("https://kabar.example.id/berita/2", "<html><p>Halaman satu</p></html>"),
                                          ("https://kabar.example.id/berita/2?page=2", "<html><p>Halaman dua</p></html>")],
    "https://kabar.example.id/berita/3": [("https://kabar.example.id/berita/3", "<html><p>Sudah di WARC</p></html>")],
}


def old_archive(path: Path) -> tuple[str, int]:
    """A schema-9 archive with every page's HTML in `pages`; article 3 already points at a
    crawl's WARC record of its page, as a version-9 crawl left it. Returns that pointer."""
    db = sqlite_utils.Database(sqlite3.connect(path, isolation_level=None))
    schema.migrate(db, target=9)
    writer = RotatingWarcWriter(path.parent / "warc", 10**9)
    url, html = PAGES["https://kabar.example.id/berita/3"][0]
    crawled = writer.write_exchange(url, 200, "OK", [("Content-Type", "text/html; charset=utf-8")], html.encode(),
                                    "GET /berita/3", [("Host", "kabar.example.id")])
    writer.close()
    for n, (article, pages) in enumerate(PAGES.items(), 1):
        pointer = crawled if n == 3 else (None, None)
        db.execute("INSERT INTO articles (id, url, site, title, body, first_seen, warc_file, warc_offset)"
                   " VALUES (?, ?, 'kabar.example.id', 'Judul', 'Isi', '2024-03-01T08:00:00+00:00', ?, ?)",
                   [n, article, *pointer])
        for page, (page_url, page_html) in enumerate(pages, 1):
            db.execute("INSERT INTO pages (article_id, page, url, fetched, compression, html)"
                       " VALUES (?, ?, ?, '2024-03-01T08:00:00+00:00', 'zlib', ?)", [n, page, page_url, zlib.compress(page_html.encode())])
    db.conn.close()
    return crawled


def test_pages_move_into_warc_files_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    crawled = old_archive(path)
    Archive(path).close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
        pages = conn.execute("select a.url, p.url, p.html, p.warc_file, p.warc_offset, a.warc_file, a.warc_offset"
                             " from pages p join articles a on a.id = p.article_id order by a.id, p.page").fetchall()
    moved: dict[str, list] = {}
    for article, url, html, warc_file, offset, first_file, first_offset in pages:
        assert html is None and warc_file  # no copy left, a pointer instead
        if url == article:
            assert (first_file, first_offset) == (warc_file, offset)  # the row names its first page's record
        moved.setdefault(article, []).append(page_at(tmp_path / "warc" / warc_file, offset))
    assert moved == PAGES
    assert tuple(pages[-1][3:5]) == crawled  # the crawl's identical record reused, not written twice
    files = sorted((tmp_path / "warc").glob("newsarchive-moved-*.warc.gz"))
    assert len(files) == 1
    subprocess.run([WARCIO, "check", str(files[0])], check=True, capture_output=True)
    index = subprocess.run([WARCIO, "index", "-f", "warc-type,warc-date", str(files[0])],
                           check=True, capture_output=True, text=True).stdout
    assert index.count('"response"') == 3 and '"warc-date": "2024-03-01T08:00:00' in index


def test_a_failed_move_leaves_every_page_where_it_was(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    old_archive(path)
    (tmp_path / "warc").rename(tmp_path / "elsewhere")
    (tmp_path / "warc").write_text("a file where the WARC folder should be")
    with pytest.raises(OSError):
        Archive(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from pages where html is not null and warc_file is null").fetchone()[0] == 4
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.MIGRATIONS.index(schema._v12)  # stopped before the move
