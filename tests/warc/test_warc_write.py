"""A crawl leaves valid WARC files beside the archive, and each row points at its capture."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from newsarchive.warc.reader import record_at
from tests.conftest import crawl, started

WARCIO = str(Path(sys.executable).with_name("warcio"))


def test_crawl_writes_warc_that_warcio_accepts_and_rows_point_at_their_pages(tmp_path: Path) -> None:
    for site in started("network"):
        db = tmp_path / "archive.db"
        crawl(site.base_url, db, "-s", "NEWSARCHIVE_WARC_MAX_BYTES=20000")
        files = sorted((tmp_path / "warc").glob("*.warc.gz"))
        assert len(files) > 1  # rotated at the size set
        for path in files:
            subprocess.run([WARCIO, "check", str(path)], check=True, capture_output=True)
            index = subprocess.run([WARCIO, "index", "-f", "warc-type,warc-target-uri", str(path)],
                                   check=True, capture_output=True, text=True).stdout
            assert '"warc-type": "warcinfo"' in index.splitlines()[0]
            assert index.count('"request"') == index.count('"response"') > 0
        with sqlite3.connect(db) as conn:
            rows = conn.execute(
                "select a.url, a.warc_file, a.warc_offset, p.url, p.warc_file, p.warc_offset, p.html from articles a"
                " join pages p on p.article_id = a.id and p.page = 1").fetchall()
            later = conn.execute("select url, warc_file, warc_offset, html from pages where page > 1").fetchall()
        assert len(rows) == len(site.expected()) and later
        for url, warc_file, offset, page_url, page_file, page_offset, html in rows:
            assert (page_file, page_offset, html) == (warc_file, offset, None)  # the page's record, no copy
            record = record_at(tmp_path / "warc" / warc_file, offset)
            assert record.rec_type == "response"
            assert record.rec_headers.get_header("WARC-Target-URI") == page_url
            assert b"<html" in record.content.lower(), url
        for page_url, warc_file, offset, html in later:  # every page of a split article
            assert html is None
            assert record_at(tmp_path / "warc" / warc_file, offset).rec_headers.get_header("WARC-Target-URI") == page_url


def test_warc_off_writes_nothing(tmp_path: Path) -> None:
    for site in started("wordpress"):
        crawl(site.base_url, tmp_path / "archive.db", "-s", "NEWSARCHIVE_WARC=0", "--max-articles", "2")
        assert not (tmp_path / "warc").exists()
