"""`reparse` reads each page from its WARC record, in worker processes, with one writer."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import crawl, run_cli, started


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    """The `network` sample site (split articles) crawled into several WARC files: its pages are in WARC only."""
    for site in started("network"):
        db = tmp_path_factory.mktemp("crawled") / "archive.db"
        crawl(site.base_url, db, "-s", "NEWSARCHIVE_WARC_MAX_BYTES=50000")
        return db


def copy(db: Path, to: Path) -> Path:
    """The archive and its WARC folder, copied."""
    to.mkdir()
    shutil.copytree(db.parent / "warc", to / "warc")
    shutil.copy(db, to / db.name)
    return to / db.name


def content(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return [conn.execute(f"select * from {t} order by 1").fetchall() for t in ("pages", "revisions")] + [
            conn.execute("select url, title, body, authors, published, content_hash from articles order by url").fetchall()
        ]


def test_reparse_from_warc_gives_the_same_archive_with_one_job_and_two(crawled: Path, tmp_path: Path) -> None:
    with sqlite3.connect(crawled) as conn:
        total, = conn.execute("select count(*) from articles").fetchone()
        held, = conn.execute("select count(*) from pages where html is not null").fetchone()
        split, = conn.execute("select count(distinct article_id) from pages where page > 1").fetchone()
    assert held == 0 and split > 0  # every page, later pages of split articles too, is read from its WARC record
    results = []
    for jobs in ("1", "2"):
        db = copy(crawled, tmp_path / f"jobs{jobs}")
        done = run_cli("reparse", "--db", str(db), "--jobs", jobs)
        assert done.stdout.strip() == f"reparsed: {total} unchanged"
        results.append(content(db))
    assert results[0] == results[1] == content(crawled)


def test_a_lost_warc_file_is_counted_and_its_articles_kept(crawled: Path, tmp_path: Path) -> None:
    db = copy(crawled, tmp_path / "lost")
    with sqlite3.connect(db) as conn:
        name, count = conn.execute(
            "select warc_file, count(distinct article_id) from pages group by warc_file order by 2 desc").fetchone()
        total, = conn.execute("select count(*) from articles").fetchone()
    (db.parent / "warc" / name).unlink()
    before = content(db)
    done = run_cli("reparse", "--db", str(db), "--jobs", "1")
    assert 0 < count < total
    assert done.stdout.strip() == f"reparsed: {total - count} unchanged, {count} unreadable capture"
    assert content(db) == before
