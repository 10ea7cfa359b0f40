"""Raw pages an older archive holds in its `pages` table moved into WARC files (schema v12),
so that every page is in the archivists' format and `pages` only points.

Safe by order: the records are written and made durable (fsync) first, then the rows are
pointed at them and their copies dropped, within the caller's one transaction. A failure
before the commit leaves every page where it was (and at worst a WARC file nothing points at).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils

from ..settings import NEWSARCHIVE_WARC_MAX_BYTES
from ..storage import rows
from .reader import record_at
from .writer import RotatingWarcWriter


def move_pages(db: sqlite_utils.Database, folder: Path) -> int:
    """Every page whose HTML `pages` holds, as a request/response pair in new WARC files of
    `folder` (dated when it was fetched), or pointed at the identical record its article's row
    already names (a crawl's capture). Rows of articles gain `warc_file`/`warc_offset` of their
    first page where they had none. Returns the number of pages moved."""
    held = db.execute(
        "SELECT p.article_id, p.page, p.url, p.fetched, p.compression, p.html, a.warc_file, a.warc_offset"
        " FROM pages p JOIN articles a ON a.id = p.article_id WHERE p.html IS NOT NULL ORDER BY p.article_id, p.page"
    )
    writer = RotatingWarcWriter(folder, NEWSARCHIVE_WARC_MAX_BYTES, prefix="newsarchive-moved")
    pointers: list[tuple[str, int, int, int]] = []
    try:
        for article_id, page, url, fetched, compression, blob, warc_file, warc_offset in held:
            body = rows.decompress(blob, compression)
            if page == 1 and warc_file and _holds(folder / warc_file, warc_offset, url, body):
                pointers.append((warc_file, warc_offset, article_id, page))
                continue
            parts = urlsplit(url)
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            name, offset = writer.write_exchange(
                url, 200, "OK", [("Content-Type", _content_type(body))], body,
                f"GET {target}", [("Host", parts.netloc)], datetime.fromisoformat(fetched) if fetched else None,
            )  # fmt: skip
            pointers.append((name, offset, article_id, page))
    finally:
        writer.close()  # flushed and fsynced before any row points at it
    db.conn.executemany(
        "UPDATE pages SET warc_file = ?, warc_offset = ?, html = NULL, compression = NULL"
        " WHERE article_id = ? AND page = ?",
        pointers,
    )
    db.execute(
        "UPDATE articles SET (warc_file, warc_offset) = (SELECT warc_file, warc_offset FROM pages"
        " WHERE article_id = articles.id AND page = 1) WHERE warc_file IS NULL"
        " AND id IN (SELECT article_id FROM pages WHERE page = 1 AND warc_file IS NOT NULL)"
    )
    return len(pointers)


def _holds(path: Path, offset: int, url: str, body: bytes) -> bool:
    """Whether the response record at (path, offset) is this very page."""
    try:
        record = record_at(path, offset)
    except Exception:  # noqa: BLE001 - a file gone or damaged holds nothing
        return False
    return record.rec_headers.get_header("WARC-Target-URI") == url and record.content == body


def _content_type(body: bytes) -> str:
    """The page's type as the record says it: UTF-8 (how `pages` keeps text) when it decodes as such."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return "text/html"
    return "text/html; charset=utf-8"
