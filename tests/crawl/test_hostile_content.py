"""A crawl of the hostile site (issue 12): bombs cut early, absurd pages read, nothing injected.

The crawl runs in a child process whose peak memory (max RSS) the harness reads with
`os.wait4`: the site's gzip bombs inflate to 2 GiB each, its entities to gigabytes.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path
from xml.etree import ElementTree

import pytest

from newsarchive.article import Article
from newsarchive.extract import extract_article
from newsarchive.sample_site.hostile import ESCAPES, ORDINARY, ROLES
from newsarchive.storage import Archive
from tests.conftest import FAST, run_cli, started
from tests.storage.test_storage_serve import free_port, get

MEMORY_BOUND_MB = 600  # a crawl of a small site takes ~130 MB; one bomb let through takes gigabytes
TIME_BOUND_S = 90  # a generous safety bound; the crawl takes a few seconds
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
TEXT_COLUMNS = ("url", "source", "title", "caption", "photo_credit", "body", "authors", "dateline",
                "section", "tags", "language", "summary")


@pytest.fixture(scope="module")
def hostile():
    yield from started("hostile")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, hostile) -> dict:
    folder = tmp_path_factory.mktemp("hostile")
    db = folder / "archive.db"
    log = folder / "crawl.log"
    start = time.monotonic()
    with open(log, "w") as stderr:
        process = subprocess.Popen([sys.executable, "-m", "newsarchive", "crawl", hostile.base_url, "--db", str(db), *FAST],
                                   stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(process.pid, 0)  # this child's own peak, not the session's
    process.returncode = os.waitstatus_to_exitcode(status)
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        rows = {r["url"]: dict(r) for r in conn.execute("select * from articles")}
        crawl_row = dict(conn.execute("select * from crawls").fetchone())
    return {"db": db, "rows": rows, "crawl": crawl_row, "log": log.read_text(), "exit": process.returncode,
            "seconds": time.monotonic() - start, "peak_mb": usage.ru_maxrss / 1024}


def paragraphs(row: dict) -> list[str]:
    return row["body"].split("\n\n")


def test_every_article_is_archived_within_memory_and_time(crawled, hostile) -> None:
    assert crawled["exit"] == 0 and crawled["crawl"]["status"] == "finished"
    assert set(crawled["rows"]) == {rec["url"] for rec in hostile.expected()}
    assert crawled["peak_mb"] < MEMORY_BOUND_MB, crawled["peak_mb"]
    assert crawled["seconds"] < TIME_BOUND_S


def test_ordinary_articles_and_absurd_pages_keep_their_text(crawled, hostile) -> None:
    hostile_urls = hostile.fault_urls()
    intact = {url for name, url in hostile_urls.items() if name not in ("invalid_utf8", "injection")}
    records = [rec for rec in hostile.expected() if rec["url"] in intact or rec["url"] not in hostile_urls.values()]
    assert len(records) == ORDINARY + 4  # deep nesting, deep JSON-LD, NUL and surrogates, utf-16 label
    for rec in records:
        row = crawled["rows"][rec["url"]]
        assert (row["title"], paragraphs(row)) == (rec["title"], rec["body_paragraphs"]), rec["url"]


def test_invalid_utf8_is_replaced_where_it_is_and_nowhere_else(crawled, hostile) -> None:
    rec = next(r for r in hostile.expected() if r["url"] == hostile.fault_urls()["invalid_utf8"])
    got = paragraphs(crawled["rows"][rec["url"]])
    assert len(got) == len(rec["body_paragraphs"])
    assert [p for p, want in zip(got, rec["body_paragraphs"]) if p != want] == [got[2]]
    assert "\ufffd" in got[2]


def test_injected_markup_is_text_and_escapes_are_gone(crawled, hostile) -> None:
    rec = next(r for r in hostile.expected() if r["url"] == hostile.fault_urls()["injection"])
    row = crawled["rows"][rec["url"]]
    visible = CONTROL.sub("", ESCAPES)  # "[2J]0;pwned[31m": the printable rest stays, as text
    assert row["title"] == CONTROL.sub("", rec["title"]) and visible in row["title"]
    assert "<script>alert(4)</script>" in row["title"]  # the page escaped it: it is text
    assert "alert(3)" not in row["body"] and "onerror" not in row["body"]  # a script element, an attribute
    assert "Warga melapor lewat tautan ini." in paragraphs(row)
    assert CONTROL.sub("", rec["body_paragraphs"][1]).replace("  ", " ") in paragraphs(row)


def test_no_stored_text_holds_control_characters(crawled) -> None:
    for row in crawled["rows"].values():
        for column in TEXT_COLUMNS:
            assert not CONTROL.search(row.get(column) or ""), (row["url"], column)


def test_bombs_are_cut_early_with_a_reason_and_counted(crawled, hostile) -> None:
    log, paths = crawled["log"], hostile.fault_urls()
    assert f"gave up on {paths['sitemap_bomb']}: gzip file inflates past" in log
    assert f"gave up on {paths['gzip_bomb']}: Content-Encoding inflates past DOWNLOAD_MAXSIZE" in log
    assert f"gave up on {paths['png_as_html']}: binary data served as HTML" in log
    for name in ("sitemap_entities", "feed_entities"):
        assert f"ignored the entity declarations of {paths[name]}" in log
    assert "cut 2 link(s): entity declarations in a sitemap or feed" in log
    assert crawled["crawl"]["errors"] >= 3
    assert "Traceback" not in log and "could not read all of" not in log


def test_terminal_output_of_every_command_is_free_of_escapes(crawled) -> None:
    db = str(crawled["db"])
    commands = [["search", "Puskesmas", "--format", fmt] for fmt in ("table", "csv", "json")]
    commands += [["stats"], ["stats", "--json"], ["export", "--format", "csv"], ["export"], ["sites", "list"]]
    for args in commands:
        out = run_cli(*args, "--db", db).stdout
        assert "pwned" in out or args[0] in ("stats", "sites"), args
        assert not CONTROL.search(out), args


def atom_titles(db: Path, query: str) -> list[str]:
    """The entry titles of the Atom feed of `query`, served by `newsarchive serve` (valid XML or an error)."""
    port = free_port()
    process = subprocess.Popen([str(Path(sys.executable).parent / "newsarchive"), "serve", "--db", str(db),
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/{db.stem}"
    try:
        for _ in range(100):
            try:
                get(base + ".json")
                break
            except OSError:
                time.sleep(0.1)
        params = urllib.parse.urlencode({"q": query, "source": "", "since": "", "until": ""})
        with urllib.request.urlopen(f"{base}/search_feed.atom?{params}", timeout=10) as response:
            feed = ElementTree.fromstring(response.read())
    finally:
        process.terminate()
        process.wait(timeout=10)
    atom = "{http://www.w3.org/2005/Atom}"
    return [entry.find(atom + "title").text for entry in feed.findall(atom + "entry")]


def test_atom_feed_of_a_search_finding_the_injection_is_valid_xml(crawled) -> None:
    titles = atom_titles(crawled["db"], "Puskesmas pwned")
    assert len(titles) == 1 and "<script>alert(4)</script>" in titles[0]


def test_extract_reads_each_hostile_page_without_raising(hostile) -> None:
    for name, url in hostile.fault_urls().items():
        with urllib.request.urlopen(url, timeout=30) as response:
            raw = response.read()  # as sent: the bombs still gzipped, the PNG as bytes
        article = extract_article(raw, url)
        if name in ROLES:
            assert article.title and article.body, name
        assert not any(CONTROL.search(v) for v in article.to_dict().values() if isinstance(v, str)), name


def test_commands_print_no_escapes_whatever_the_archive_holds(tmp_path) -> None:
    """An archive written before control characters were stripped, or by another tool."""
    db = tmp_path / "old.db"
    dirty = f"Banjir {ESCAPES}\x9b31m bandang \u202egnaroh"
    with Archive(db) as archive:
        archive.store(Article(url="https://kabar.example.id/1", source=f"Kabar {ESCAPES}", title=dirty,
                              caption=dirty, body=f"{dirty}\n\n{dirty}", published="2024-05-01T10:00:00+08:00",
                              authors=[dirty], tags=[dirty]))
    commands = [["search", "bandang", "--format", fmt] for fmt in ("table", "csv", "json")]
    commands += [["stats"], ["stats", "--json"], ["export", "--format", "csv"], ["export"]]
    for args in commands:
        out = run_cli(*args, "--db", str(db)).stdout
        assert "bandang" in out or args[0] == "stats", args
        assert not CONTROL.search(out) and "\u202e" not in out, args
    [title] = atom_titles(db, "bandang")  # a valid feed, not a server error
    assert title.startswith("Banjir [2J]0;pwned[31m") and "\x1b" not in title
