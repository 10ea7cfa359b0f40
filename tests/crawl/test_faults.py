"""A crawl of the faults site: every real article once, nothing else, every fault survived (issue 4)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import crawl, started


@pytest.fixture(scope="module")
def faults():
    yield from started("faults")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, faults) -> dict:
    db = tmp_path_factory.mktemp("faults") / "archive.db"
    done = crawl(faults.base_url, db, "-s", "RETRY_TIMES=3")
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = [dict(r) for r in conn.execute("select * from articles")]
        crawl_row = dict(conn.execute("select * from crawls").fetchone())
    return {"db": db, "rows": rows, "crawl": crawl_row, "log": done.stderr}


def test_every_article_is_archived_once(crawled, faults) -> None:
    urls = [r["url"] for r in crawled["rows"]]
    assert len(urls) == len(set(urls))
    assert set(urls) == {rec["url"] for rec in faults.expected()}


def test_nothing_but_articles_is_archived(crawled, faults) -> None:
    urls = {r["url"] for r in crawled["rows"]}
    assert not urls & set(faults.non_article_urls())
    assert not any("utm_" in u or "fbclid" in u or u.endswith(".pdf") for u in urls)


def test_article_bodies_survive_encodings_and_broken_markup(crawled, faults) -> None:
    by_url = {r["url"]: r for r in crawled["rows"]}
    for rec in faults.expected():
        row = by_url[rec["url"]]
        assert row["title"] == rec["title"], rec["url"]
        assert row["body"].split("\n\n") == rec["body_paragraphs"], rec["url"]
    assert "â€" not in "".join(r["body"] for r in crawled["rows"])


def test_faults_are_counted_and_the_crawl_finishes(crawled) -> None:
    row = crawled["crawl"]
    assert row["status"] == "finished"
    assert row["errors"] >= 2  # the 404 in the sitemap and the redirect loop at least
    assert "gave up on" in crawled["log"]


def test_endless_calendar_is_cut_with_a_log_line(crawled, faults) -> None:
    calendar_requests = [path for _, path, _ in faults.request_log if "kalender" in path]
    assert 0 < len(calendar_requests) <= 50
    assert "cut " in crawled["log"]


def test_robots_txt_is_obeyed(crawled, faults) -> None:
    assert not [path for _, path, _ in faults.request_log if path.startswith("/privat/")]
    assert not [r for r in crawled["rows"] if "/privat/" in r["url"]]


def test_pages_over_the_size_limit_are_given_up_with_a_reason(tmp_path, faults) -> None:
    done = crawl(faults.base_url, tmp_path / "small.db", "-s", "DOWNLOAD_MAXSIZE=1000000")
    assert "arsip-lengkap" in done.stderr and "gave up on" in done.stderr
