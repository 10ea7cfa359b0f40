"""Each closed WARC file has a CDXJ index beside it, and pywb replays a crawl's pages from them."""

from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from newsarchive.warc.reader import record_at
from tests.conftest import crawl, started

WAYBACK = Path(sys.executable).with_name("wayback")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory) -> Path:
    for site in started("wordpress"):
        db = tmp_path_factory.mktemp("crawled") / "archive.db"
        crawl(site.base_url, db, "-s", "NEWSARCHIVE_WARC_MAX_BYTES=100000")
        return db


def test_every_warc_file_has_a_sorted_cdxj_index_of_its_responses(crawled: Path) -> None:
    warcs = sorted((crawled.parent / "warc").glob("*.warc.gz"))
    assert len(warcs) > 1
    for warc in warcs:
        lines = (warc.parent / (warc.name.removesuffix(".warc.gz") + ".cdxj")).read_text().splitlines()
        assert lines and lines == sorted(lines)  # SURT order, as pywb looks keys up
        assert all(f'"filename": "{warc.name}"' in line for line in lines)
    with sqlite3.connect(crawled) as conn:
        url, warc_file, offset = conn.execute("select url, warc_file, warc_offset from articles limit 1").fetchone()
    index = (crawled.parent / "warc" / (warc_file.removesuffix(".warc.gz") + ".cdxj")).read_text()
    assert f'"offset": "{offset}"' in index and url in index


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str, timeout: float = 20) -> bytes:
    """The page at `url`, once the server answers (it is starting)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as answer:
                return answer.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.mark.skipif(not WAYBACK.exists(), reason="pywb is not installed (test extra)")
def test_pywb_replays_an_archived_article_from_the_warc_folder(crawled: Path, tmp_path: Path) -> None:
    warc = crawled.parent / "warc"
    (tmp_path / "config.yaml").write_text(
        f"collections:\n  newsarchive:\n    index_paths: {warc}/\n    archive_paths: {warc}/\nframed_replay: false\n"
    )
    with sqlite3.connect(crawled) as conn:
        url, title, warc_file, offset = conn.execute(
            "select url, title, warc_file, warc_offset from articles order by id limit 1").fetchone()
    record = record_at(warc / warc_file, offset)
    page = record.rec_headers.get_header("WARC-Target-URI")
    port = free_port()
    server = subprocess.Popen([str(WAYBACK), "--bind", "127.0.0.1", "--port", str(port)], cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        original = fetch(f"http://127.0.0.1:{port}/newsarchive/id_/{page}")  # the capture as the site sent it
        assert original == record.content
        replayed = fetch(f"http://127.0.0.1:{port}/newsarchive/{page}").decode()  # pywb's rewritten replay
        assert title.split()[0] in replayed and f"127.0.0.1:{port}/newsarchive/" in replayed
    finally:
        server.terminate()
        server.wait(timeout=10)
