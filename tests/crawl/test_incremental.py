"""Incremental crawls: changes become revisions, new articles arrive, known ones are not fetched again."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import FAST, crawl, started


def query(db: Path, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, args).fetchall()


def test_changed_and_new_articles_between_two_crawls(tmp_path: Path) -> None:
    for site in started("wordpress"):
        db = tmp_path / "archive.db"
        crawl(site.base_url, db)
        first_requests = len(site.request_log)
        count = query(db, "select count(*) from articles")[0][0]
        target = next(a for a in list(site.store)[3:] if a.pages == 1)  # one page: one request if changed
        revised = site.revise(target.id, new_paragraph="Pembaruan: banjir sudah surut pada Selasa pagi.")["url"]
        added = site.publish_next()["url"]
        crawl(site.base_url, db)
        second = site.request_log[first_requests:]
        assert query(db, "select count(*) from articles")[0][0] == count + 1
        (body,) = query(db, "select body from articles where url = ?", revised)[0]
        assert "banjir sudah surut" in body
        old = query(db, "select body from revisions where url = ?", revised)
        assert len(old) == 1 and "banjir sudah surut" not in old[0][0]
        assert query(db, "select count(*) from articles where url = ?", added)[0][0] == 1
        # of the articles, only the revised (its sitemap lastmod moved) and the new one are fetched
        article_paths = {urlsplit(rec["url"]).path for rec in site.expected()}
        fetched = {path for _, path, _ in second if path in article_paths}
        assert fetched == {urlsplit(revised).path, urlsplit(added).path}, second
        # besides them: reachability check, robots.txt (ours and Scrapy's), home, sitemaps, feed, page 2
        assert len(second) - len(fetched) <= 8 < first_requests / 10, second
        statuses = [status for _, _, status in second]
        assert 304 in statuses or all(s == 200 for s in statuses)
        crawls = query(db, "select status, new, updated from crawls order by id")
        assert crawls[-1] == ("finished", 1, 1)


def test_killed_crawl_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    for site in started("disway", synthetic=240):
        db = tmp_path / "archive.db"
        command = [sys.executable, "-m", "newsarchive", "crawl", site.base_url, "--db", str(db), *FAST,
                   "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1", "-s", "DOWNLOAD_DELAY=0.02"]
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if db.exists() and query_safely(db) >= 20:
                break
            time.sleep(0.05)
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        assert 20 <= query_safely(db) < len(site.expected())
        crawl(site.base_url, db)
        urls = [u for (u,) in query(db, "select url from articles")]
        assert len(urls) == len(set(urls))
        assert set(urls) == {rec["url"] for rec in site.expected()}
        assert query(db, "pragma integrity_check") == [("ok",)]
        assert [s for (s,) in query(db, "select status from crawls order by id")] == ["interrupted", "finished"]


def query_safely(db: Path) -> int:
    try:
        return query(db, "select count(*) from articles")[0][0]
    except sqlite3.OperationalError:
        return 0


def test_max_articles_stops_and_a_later_crawl_completes(tmp_path: Path) -> None:
    for site in started("wordpress"):
        db = tmp_path / "archive.db"
        done = crawl(site.base_url, db, "--max-articles", "5", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1")
        assert "stopped" in done.stdout
        stored = query(db, "select count(*) from articles")[0][0]
        assert 5 <= stored < len(site.expected())
        crawl(site.base_url, db)
        assert query(db, "select count(*) from articles")[0][0] == len(site.expected())
        assert [s for (s,) in query(db, "select status from crawls order by id")] == ["stopped", "finished"]


def test_since_keeps_only_newer_articles(tmp_path: Path) -> None:
    for site in started("wordpress"):
        db = tmp_path / "archive.db"
        crawl(site.base_url, db, "--since", "2024-01-01")
        newer = {rec["url"] for rec in site.expected() if rec["published"] >= "2024-01-01"}
        assert newer and len(newer) < len(site.expected())
        assert {u for (u,) in query(db, "select url from articles")} == newer
