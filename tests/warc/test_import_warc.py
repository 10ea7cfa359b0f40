"""`import-warc`: WARC files archived as the crawl of their pages would archive them."""

from __future__ import annotations

import os
import pty
import sqlite3
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive.discovery.urls import site_of
from newsarchive.storage.archive import EXPORT_COLUMNS
from tests.conftest import crawl, run_cli, started

CONTENT = [c for c in EXPORT_COLUMNS if c not in ("first_seen", "last_seen")]  # capture time vs store time


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> dict[str, Path]:
    """The `network` (split articles) and `wordpress` sample sites crawled, each with its WARC folder."""
    out = {}
    for family in ("network", "wordpress"):
        for site in started(family):
            db = tmp_path_factory.mktemp(family) / "archive.db"
            crawl(site.base_url, db)
            out[family] = db
    return out


def articles(db: Path) -> dict[str, tuple]:
    with sqlite3.connect(db) as conn:
        return {row[0]: row for row in conn.execute(f"select {', '.join(CONTENT)} from articles")}


def dump(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return [conn.execute(f"select * from {t} order by 1").fetchall() for t in ("articles", "revisions", "pages")]


def responses(db: Path) -> list[tuple[str, str, StatusAndHeaders, bytes]]:
    """(url, date, headers, body) of every response the crawl wrote."""
    found = []
    for path in sorted((db.parent / "warc").glob("*.warc.gz")):
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type == "response":
                    found.append((record.rec_headers.get_header("WARC-Target-URI"),
                                  record.rec_headers.get_header("WARC-Date"),
                                  record.http_headers, record.content_stream().read()))
    return found


def cc_news_like(path: Path, captures: list, gzipped: bool = True) -> None:
    """Response records only, WARC/1.0, plus the odd records a real file holds."""
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)
        for url, date, headers, body in captures:
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": date}))
        url, date, headers, body = captures[0]
        writer.write_record(writer.create_warc_record(
            url + "missing", "response", payload=BytesIO(b"gone"),
            http_headers=StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")))
        writer.write_record(writer.create_warc_record(
            url + "logo.png", "response", payload=BytesIO(b"\x89PNG"),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")))
        writer.write_record(writer.create_revisit_record(url, digest="sha1:AAAA", refers_to_uri=url, refers_to_date=date))


def test_import_of_a_crawls_warc_gives_the_crawls_articles_and_twice_changes_nothing(crawled, tmp_path: Path) -> None:
    crawl_db = crawled["network"]
    db = tmp_path / "imported.db"
    done = run_cli("import-warc", str(crawl_db.parent / "warc"), "--db", str(db), "--jobs", "2")
    expected = articles(crawl_db)
    assert articles(db) == expected
    with sqlite3.connect(crawl_db) as conn:
        split = conn.execute("select count(distinct article_id) from pages where page > 1").fetchone()[0]
    assert split > 0  # split articles were merged from their pages, as the crawl merged them
    assert f"articles: {len(expected)} new, 0 updated, 0 unchanged" in done.stdout
    before = dump(db)
    again = run_cli("import-warc", str(crawl_db.parent / "warc"), "--db", str(db), "--jobs", "1")
    assert f"articles: 0 new, 0 updated, {len(expected)} unchanged" in again.stdout
    assert dump(db) == before


def test_cc_news_like_file_keeps_the_chosen_host_and_dates_and_counts_damage(crawled, tmp_path: Path) -> None:
    network, wordpress = responses(crawled["network"]), responses(crawled["wordpress"])
    mixed = [rec for pair in zip(wordpress, network) for rec in pair] + network[len(wordpress):] + wordpress[len(network):]
    folder = tmp_path / "cc-news"
    folder.mkdir()
    cc_news_like(folder / "CC-NEWS-1.warc.gz", mixed)
    whole = (folder / "CC-NEWS-1.warc.gz").read_bytes()
    cc_news_like(tmp_path / "one.warc.gz", network[:1])
    member = (tmp_path / "one.warc.gz").read_bytes()
    (folder / "CC-NEWS-1.warc.gz").write_bytes(whole + member[: len(member) // 2])  # a truncated tail
    cc_news_like(folder / "CC-NEWS-2.warc", network[:3], gzipped=False)  # not gzipped; pages seen twice

    host = site_of(network[0][0])
    db = tmp_path / "imported.db"
    done = run_cli("import-warc", str(folder), "--db", str(db), "--site", host, "--jobs", "1")
    assert articles(db) == articles(crawled["network"])  # only the chosen host, all its articles
    assert "damaged record: 1" in done.stdout and "revisit: 2" in done.stdout
    assert "not 200: 2" in done.stdout and "not HTML: 2" in done.stdout
    assert "other site:" in done.stdout

    dates = sorted(row[CONTENT.index("published")][:10] for row in articles(db).values())
    middle = dates[len(dates) // 2]
    dated = tmp_path / "dated.db"
    run_cli("import-warc", str(folder), "--db", str(dated), "--site", host, "--since", middle, "--until", middle)
    kept = {row[CONTENT.index("published")][:10] for row in articles(dated).values()}
    assert kept == {middle}


def test_a_missing_path_is_one_clear_line(tmp_path: Path) -> None:
    done = run_cli("import-warc", str(tmp_path / "nothing.warc.gz"), "--db", str(tmp_path / "a.db"), check=False)
    assert done.returncode != 0 and "nothing.warc.gz" in done.stderr and "Traceback" not in done.stderr


def test_the_progress_bar_is_drawn_on_a_terminal_only(crawled, tmp_path: Path) -> None:
    warc = str(crawled["wordpress"].parent / "warc")
    piped = run_cli("import-warc", warc, "--db", str(tmp_path / "piped.db"), "--jobs", "1")
    assert piped.stderr == ""  # nothing but the counts when not on a terminal
    assert piped.stdout.startswith("records read: ") and "reading" not in piped.stdout

    main, terminal = pty.openpty()  # stderr a terminal, stdout still a pipe
    done = subprocess.run([sys.executable, "-m", "newsarchive", "import-warc", warc, "--db", str(tmp_path / "tty.db"),
                           "--jobs", "1"], stdout=subprocess.PIPE, stderr=terminal, text=True, timeout=120)
    os.close(terminal)
    drawn = os.read(main, 65536).decode()
    os.close(main)
    assert done.returncode == 0 and done.stdout == piped.stdout
    assert "reading" in drawn and "100%" in drawn and "records," in drawn and "/s" in drawn
