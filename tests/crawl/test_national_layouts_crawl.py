"""The 2015-17 national-outlet layouts crawled end to end from a loopback copy: stories in
`<br>`-separated `<div>`s are archived, a home page and an index page of long teasers are not."""

from __future__ import annotations

import sqlite3
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import crawl
from tests.extraction.test_national_layouts import ANTARA, DETIK, home_page

STORIES = {
    "/berita/d-3368573/presiden-minta-bantuan-banjir-dipercepat": DETIK,
    "/berita/d-3368574/presiden-minta-bantuan-banjir-dipercepat-lagi": DETIK.replace(
        "Presiden Minta Bantuan Banjir Dipercepat", "Presiden Minta Logistik Dikirim Hari Ini"),
    "/berita/600123/presiden-minta-bantuan-banjir-dipercepat": ANTARA,
}


def _pages() -> dict[str, str]:
    teasers = home_page()
    for i, path in enumerate(STORIES):
        teasers = teasers.replace(f"/read/2016/12/12/{i}/judul-berita-nomor-{i}", path)
    more = teasers.replace("Berita Terkini", "Terkini Nasional")
    home = teasers.replace('<div class="nav">', '<div class="nav"><a href="/terkini-nasional">Terkini</a>')
    return {"/": home, "/terkini-nasional": more, **STORIES,
            "/robots.txt": "User-agent: *\nAllow: /\n"}


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    pages = _pages()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server name
            body = pages.get(self.path.split("?")[0])
            self.send_response(200 if body is not None else 404)
            kind = "text/plain" if self.path == "/robots.txt" else "text/html; charset=utf-8"
            self.send_header("Content-Type", kind)
            data = (body or "not found").encode()
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def test_br_separated_stories_archived_and_teaser_pages_not(site: str, tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    crawl(site, db)
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT url, title FROM articles").fetchall())
        published = {url: when for url, when in conn.execute("SELECT url, published FROM articles")}
    assert set(rows) == {site.rstrip("/") + path for path in STORIES}  # neither / nor /terkini-nasional
    antara = site.rstrip("/") + "/berita/600123/presiden-minta-bantuan-banjir-dipercepat"
    assert rows[antara] == "Presiden minta bantuan banjir dipercepat"
    assert published[antara] == "2016-12-12T14:30:00+07:00"
