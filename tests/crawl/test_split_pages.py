"""A page of a split article resolves to its first page however it is reached.

On the `network` sample site every page of a split story is its own canonical and later
pages are linked from listings and the sidebar, so the crawler meets page 2 or 3 first.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import crawl, started


def test_later_pages_are_never_articles_and_first_pages_hold_every_page(tmp_path: Path) -> None:
    for site in started("network"):
        db = tmp_path / "archive.db"
        crawl(site.base_url, db)
        with sqlite3.connect(db) as conn:
            rows = dict(conn.execute("select url, body from articles").fetchall())
            pages = dict(conn.execute(
                "select a.url, count(*) from pages p join articles a on a.id = p.article_id group by a.url").fetchall())
        expected = site.expected()
        assert set(rows) == {rec["url"] for rec in expected}
        split = [rec for rec in expected if rec["pages"] > 1]
        assert split
        for rec in split:
            assert rows[rec["url"]] == rec["body"], rec["url"]
            assert pages[rec["url"]] == rec["pages"], rec["url"]
        later = {site.base_url.rstrip("/") + site.family.article_path(a, 2) for a in site.store if a.pages > 1}
        requested = {path for _, path, _ in site.request_log}
        assert {u.removeprefix(site.base_url.rstrip("/")) for u in later} <= requested  # reached from outside
