"""Edits between two crawls are caught on the site's own clock, which trails ours.

The sites date their edits a day behind the real clock; the WordPress family also writes
sitemap dates without an offset or as bare days, and the CMS family's feed carries only
the old `pubDate` of an edited story that it brings back to the top.
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import crawl, started

LAG = timedelta(hours=30)
EDITED_POSITIONS = [1, 6, 13, 21, 22]  # newest first; the CMS feed shows only the newest 20


def query(db: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


@pytest.mark.parametrize("family, lastmod_style", [
    ("wordpress", "iso"), ("wordpress", "naive"), ("wordpress", "day"), ("disway", "iso"),
])
def test_every_edit_is_archived_and_nothing_else_refetched(tmp_path: Path, family: str, lastmod_style: str) -> None:
    for site in started(family, clock_lag=LAG, lastmod_style=lastmod_style):
        db = tmp_path / "archive.db"
        crawl(site.base_url, db)
        before = len(site.request_log)
        articles = list(site.store)
        edited = [site.revise(articles[p].id, sentence=f"Pembaruan nomor {p}: data telah dikoreksi redaksi.")
                  for p in EDITED_POSITIONS]
        crawl(site.base_url, db)
        for record in edited:
            (body,) = query(db, "select body from articles where url = ?", record["url"])[0]
            assert body == record["body"], record["url"]
            assert query(db, "select count(*) from revisions where url = ?", record["url"]) == [(1,)]
        assert query(db, "select status, updated, new from crawls order by id desc limit 1") == [
            ("finished", len(edited), 0)]
        edited_ids = {articles[p].id for p in EDITED_POSITIONS}
        unedited = {urlsplit(site.base_url.rstrip("/") + path).path
                    for a in articles if a.id not in edited_ids for path in site.family.page_paths(a)}
        refetched = [(path, status) for _, path, status in site.request_log[before:] if path in unedited]
        assert all(status == 304 for _, status in refetched), refetched
