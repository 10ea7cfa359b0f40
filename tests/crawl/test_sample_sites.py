"""The whole pipeline against the bundled sample sites, over 127.0.0.1 (issue 2)."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import crawl, run_cli

SEED = json.loads((Path(__file__).parents[1] / "fixtures" / "seed-expected.json").read_text())
RELATED_LINE = re.compile(r"(?im)^\s*(baca|simak|lihat)\s+(juga|selengkapnya)\b|^\s*advertisement\s*$|scroll to continue")


def rows(db: Path) -> list[dict]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("select * from articles")]


@pytest.fixture(scope="module")
def archive(tmp_path_factory, disway, wordpress) -> dict:
    db = tmp_path_factory.mktemp("archive") / "archive.db"
    first = {name: crawl(site.base_url, db) for name, site in (("disway", disway), ("wordpress", wordpress))}
    requests_first = {name: len(site.request_log) for name, site in (("disway", disway), ("wordpress", wordpress))}
    return {"db": db, "first": first, "rows": rows(db), "requests_first": requests_first}


def test_seed_article_comes_out_exactly(archive, disway) -> None:
    seed_path = SEED["url"].split("/read/", 1)[1]
    (row,) = [r for r in archive["rows"] if r["url"].endswith("/read/" + seed_path)]
    assert row["url"] == disway.base_url + "read/" + seed_path
    for field in ("source", "title", "caption", "photo_credit", "dateline", "language"):
        assert row[field] == SEED[field], field
    assert row["body"].split("\n\n") == SEED["body_paragraphs"]
    for forbidden in SEED["must_not_appear_in_body"]:
        assert forbidden not in row["body"]
    assert row["published"].endswith("+07:00")
    assert row["site"] == disway.base_url.split("//", 1)[1].rstrip("/")


def test_every_article_archived_once_and_nothing_else(archive, disway, wordpress) -> None:
    archived = [r["url"] for r in archive["rows"]]
    assert len(archived) == len(set(archived))
    expected = {rec["url"] for site in (disway, wordpress) for rec in site.expected()}
    assert set(archived) == expected
    not_articles = {u for site in (disway, wordpress) for u in site.non_article_urls()}
    assert not not_articles & set(archived)


def test_every_article_matches_its_expected_record(archive, disway, wordpress) -> None:
    by_url = {r["url"]: r for r in archive["rows"]}
    for site in (disway, wordpress):
        for rec in site.expected():
            row = by_url[rec["url"]]
            assert row["body"].split("\n\n") == rec["body_paragraphs"], rec["url"]
            for field in ("title", "source", "caption", "photo_credit", "dateline", "published"):
                assert row[field] == rec[field], (rec["url"], field)
            assert json.loads(row["authors"]) == rec["authors"], rec["url"]


def test_split_articles_hold_every_page(archive, disway, wordpress) -> None:
    by_url = {r["url"]: r for r in archive["rows"]}
    split = [rec for site in (disway, wordpress) for rec in site.expected() if rec.get("pages", 1) > 1]
    assert split, "the sample sites have split articles"
    for rec in split:
        assert by_url[rec["url"]]["body"].endswith(rec["body_paragraphs"][-1])


def test_no_body_keeps_a_related_link_line(archive) -> None:
    for row in archive["rows"]:
        assert not RELATED_LINE.search(row["body"]), row["url"]


def test_crawl_rows_record_each_run(archive) -> None:
    with sqlite3.connect(archive["db"]) as conn:
        crawls = conn.execute("select site, status, new from crawls order by id").fetchall()
    assert [status for _, status, _ in crawls] == ["finished", "finished"]
    assert sum(new for *_, new in crawls) == len(archive["rows"])


def test_second_crawl_adds_nothing_and_asks_little(archive, disway, wordpress) -> None:
    for name, site in (("disway", disway), ("wordpress", wordpress)):
        before = len(site.request_log)
        crawl(site.base_url, archive["db"])
        second = len(site.request_log) - before
        assert second <= 0.1 * archive["requests_first"][name], (name, second, archive["requests_first"][name])
    assert len(rows(archive["db"])) == len(archive["rows"])


def test_search_finds_by_caption_and_body_words(archive) -> None:
    for word in ("penyandang", "meiwa"):  # a caption word, a body word
        found = run_cli("search", word, "--db", str(archive["db"]), "--format", "json")
        hits = json.loads(found.stdout)
        assert any("Kolaborasi BPJS" in hit["title"] for hit in hits), word


@pytest.mark.parametrize("query", ['"unbalanced', "pertamina AND", "(((", "title:x OR", "NEAR(", "*", "-"])
def test_hostile_search_strings_never_crash(archive, query) -> None:
    done = run_cli("search", query, "--db", str(archive["db"]), check=False)
    assert "Traceback" not in done.stderr
    assert done.returncode == 0 or len(done.stderr.strip().splitlines()) == 1


def test_reparse_from_stored_pages_reproduces_every_article(archive) -> None:
    done = run_cli("reparse", "--db", str(archive["db"]))
    assert done.stdout.strip() == f"reparsed: {len(archive['rows'])} unchanged"
    with sqlite3.connect(archive["db"]) as conn:
        split = conn.execute("select count(distinct article_id) from pages where page > 1").fetchone()[0]
    assert split >= 4
