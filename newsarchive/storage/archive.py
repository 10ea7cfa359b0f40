"""The archive: one SQLite file that every stage writes to and every command reads from."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import sqlite_utils

from ..article import Article
from ..errors import NewsarchiveError
from ..warc.writer import warc_folder
from . import dedup, rows, schema
from .fleet import FleetLog
from .health import HealthLog
from .ranking import RankingIndex
from .search import SearchHit, search
from .sites import SiteRegistry

log = logging.getLogger(__name__)
CRAWL_COUNTS = ("requests", "new", "updated", "unchanged", "dropped", "errors")
CRAWL_STATUSES = ("running", "finished", "stopped", "failed", "interrupted")  # stopped: at a limit the user set
EXPORT_COLUMNS = (
    "url", "site", "source", "title", "caption", "photo_credit", "body", "authors",
    "published", "modified", "dateline", "section", "tags", "language", "editors", "summary",
    "image_url", "content_hash", "first_seen", "last_seen", "duplicate_of",
)  # fmt: skip
_INSERT_COLUMNS = (
    "id", "url", "site", *rows.CONTENT_FIELDS, "content_hash", "first_seen", "last_seen",
    "changed", "etag", "last_modified", "announced", "crawl_id",
)  # fmt: skip
_INSERT_SQL = (
    f"INSERT INTO articles ({', '.join(_INSERT_COLUMNS)}) "
    f"VALUES ({', '.join(':' + c for c in _INSERT_COLUMNS)})"
)
_REVISION_COLUMNS = ("url", "content_hash", *rows.CONTENT_FIELDS)
_UPDATE_SQL = (
    "UPDATE articles SET "
    + ", ".join(f"{c} = :{c}" for c in ("id", "site", *rows.CONTENT_FIELDS, "content_hash"))
    + ", last_seen = :seen, changed = :seen, etag = coalesce(:etag, etag),"
    " last_modified = coalesce(:last_modified, last_modified),"
    " announced = coalesce(:announced, announced),"
    " crawl_id = coalesce(:crawl_id, crawl_id) WHERE id = :old_id"
)
BATCH = 10_000  # articles per transaction in store_many: fewer commits, checkpoints and FTS segments
_Stored = tuple[int, str, "str | None"]  # an archived URL's id, content hash and first_seen
# (article, pages, etag, last_modified, announced, seen): the validators and the sitemap/feed date as the
# site gave them, and when the page was fetched (None: now)
_Incoming = tuple[Article, "Sequence[tuple[str, str | bytes]] | None", "str | None", "str | None", "str | None", "str | None"]


@dataclass(frozen=True)
class RawPage:
    """One stored page of an article: its HTML held in `pages`, or where its WARC record is."""

    url: str
    html: bytes | None
    warc_path: Path | None
    warc_offset: int | None


@dataclass(frozen=True)
class KnownPage:
    """What an incremental crawl needs to know about an archived page."""

    url: str
    etag: str | None
    last_modified: str | None
    content_hash: str | None
    published: str | None
    modified: str | None
    last_seen: str | None
    first_seen: str | None = None
    announced: str | None = None  # the sitemap/feed date of the page when it was last fetched


class Archive(SiteRegistry, HealthLog, FleetLog):
    """The SQLite archive. `Archive(path)` creates it; `create=False` only opens an existing one.

    Opening applies pending migrations, so an archive from an older version is upgraded in
    place, and restores the triggers and computed columns another tool dropped. The connection runs in autocommit mode; every write method is one transaction.
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise NewsarchiveError(f"no archive at {self.path} — run `newsarchive crawl URL` first")
        try:
            if create:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            for pragma in (
                "journal_mode = WAL",
                "synchronous = NORMAL",  # durable with WAL up to the last commit
                "foreign_keys = ON",
                "cache_size = -262144",  # 256 MB: FTS merges and LSH bands stay in memory
            ):
                conn.execute(f"PRAGMA {pragma}")
            self.db = sqlite_utils.Database(conn)
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > schema.VERSION:
                raise NewsarchiveError(
                    f"{self.path} was made by a newer newsarchive (schema {version}); upgrade first"
                )
            schema.migrate(self.db)
            if restored := schema.repair(self.db):
                log.warning(
                    "%s: restored %s, dropped by another tool (e.g. sqlite-utils transform);"
                    " full-text index rebuilt", self.path, ", ".join(restored),
                )  # fmt: skip
        except sqlite3.DatabaseError as err:
            raise NewsarchiveError(f"{self.path} is not a readable archive ({err})") from None

    def close(self) -> None:
        self.db.conn.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; nested uses join the outer one."""
        if self.db.conn.in_transaction:
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- storing -----------------------------------------------------------------------

    def store(
        self,
        article: Article,
        *,
        html: str | bytes | None = None,
        pages: Sequence[tuple[str, str | bytes]] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        crawl_id: int | None = None,
        announced: str | None = None,
        seen: str | None = None,
    ) -> str:
        """Upsert one article by canonical URL: "new", "updated" or "unchanged".

        A changed article's previous version moves to `revisions` first; an unchanged one
        only has `last_seen` (and its validators) moved. The raw page is `html`, or `pages`
        ((url, html) in reading order) for a story split across pages. `announced` is the
        date a sitemap or feed gave the page at this fetch, kept to compare with the next one.
        `seen` is when the page was fetched (ISO 8601 with offset; now unless given: a WARC
        capture has its own date), so that storing one capture twice changes nothing.
        """
        if html is not None:
            pages = [(article.url, html)]
        return self._store_batch([(article, pages, etag, last_modified, announced, seen)], crawl_id)[0]

    def store_many(self, articles: Iterable[Article], *, crawl_id: int | None = None) -> Counter:
        """Store many articles, `BATCH` to a transaction: the bulk path (imports, benchmarks)."""
        counts: Counter = Counter()
        batch: list[_Incoming] = []
        for article in articles:
            batch.append((article, None, None, None, None, None))
            if len(batch) == BATCH:
                counts.update(self._store_batch(batch, crawl_id))
                batch = []
        if batch:
            counts.update(self._store_batch(batch, crawl_id))
        self.sync_ranking()
        return counts

    def sync_ranking(self) -> None:
        """Bring the best-first index up to date, then forget the changes it has applied.

        Best-first search syncs by itself; this also keeps the change log short.
        """
        done = RankingIndex.of(self.path).sync(self.db.conn)
        self.db.execute("DELETE FROM ranking_changes WHERE seq <= ?", [done])

    def store_captures(self, captures: Sequence[tuple[Article, Sequence[tuple[str, str | bytes]], str]]) -> list[str]:
        """Store (article, pages, seen) captures in one transaction, each as `store` would at
        its own fetch time `seen`: the bulk path of `import-warc`. Their statuses, in order."""
        return self._store_batch([(article, pages, None, None, None, seen) for article, pages, seen in captures], None)

    def _store_batch(self, batch: list[_Incoming], crawl_id: int | None) -> list[str]:
        """One transaction: each article stored, then the new ones full-text indexed together."""
        with self.transaction():
            self.db.execute("INSERT INTO indexing_deferred (batch) VALUES (1)")
            existing = self._existing([article.url for article, *_ in batch])
            statuses: list[str] = []
            added: set[int] = set()
            changed: dict[str, tuple[int, str]] = {}  # url -> (id, body) to check for copies
            now = rows.now()  # one transaction, one moment
            for article, pages, etag, last_modified, announced, seen in batch:
                earlier = existing.get(article.url)
                if earlier and earlier[0] in added:
                    # the same URL twice in a batch: the update trigger un-indexes the row
                    # it changes, so the row must be in the index first
                    self._index(added)
                    added = set()
                validators = {"etag": etag, "last_modified": last_modified,
                              "announced": announced, "crawl_id": crawl_id}
                status, stored = self._store(article, earlier, pages, validators, seen or now)
                existing[article.url] = stored
                statuses.append(status)
                if status == "new":
                    added.add(stored[0])
                if status != "unchanged":
                    changed[article.url] = (stored[0], article.body or "")
            self._index(added)
            self._link_duplicates(dict(changed.values()))
            self.db.execute("DELETE FROM indexing_deferred")
        return statuses

    def _index(self, ids: set[int]) -> None:
        """Full-text index newly inserted articles in one statement, in rowid order.

        FTS5 writes a segment whenever rowids stop increasing, so the insert trigger, fed
        articles in crawl order, writes many small segments that must be merged later.
        """
        columns = ", ".join(schema.FTS_COLUMNS)
        self.db.execute(
            f"INSERT INTO articles_fts (rowid, {columns}) SELECT id, {columns} FROM articles"
            " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id",
            [json.dumps(list(ids))],
        )

    def _existing(self, urls: list[str]) -> dict[str, _Stored]:
        """url -> (id, content_hash, first_seen) of the urls already archived."""
        marks = ", ".join("?" * len(urls))
        found = self.db.execute(
            f"SELECT url, id, content_hash, first_seen FROM articles WHERE url IN ({marks})", urls
        )
        return {url: (id_, digest, first) for url, id_, digest, first in found}

    def _store(
        self,
        article: Article,
        existing: _Stored | None,
        pages: Sequence[tuple[str, str | bytes]] | None,
        validators: dict[str, str | int | None],
        seen: str,
    ) -> tuple[str, _Stored]:
        """Insert, update or touch one article; its status and what `_existing` would now say.

        `validators`: etag, last_modified, announced and crawl_id of this fetch (None keeps the old)."""
        fields = rows.article_fields(article)
        fields["content_hash"] = digest = rows.content_hash(fields)
        if existing is None:
            article_id = self._free_id(rows.order_base(article.published, seen))
            self.db.execute(
                _INSERT_SQL,
                {**fields, **validators, "id": article_id, "first_seen": seen,
                 "last_seen": seen, "changed": seen},
            )  # fmt: skip
            status = "new"
        elif existing[1] == digest:
            article_id = existing[0]
            self.db.execute(
                "UPDATE articles SET last_seen = max(coalesce(last_seen, ''), :seen), etag = coalesce(:etag, etag),"
                " last_modified = coalesce(:last_modified, last_modified),"
                " announced = coalesce(:announced, announced), crawl_id = coalesce(:crawl_id, crawl_id)"
                " WHERE id = :id",
                {**validators, "seen": seen, "id": article_id},
            )
            status = "unchanged"
        else:
            article_id = self._update(existing, fields, seen, validators)
            status = "updated"
        first_seen = seen if existing is None else existing[2]
        if pages and (status != "unchanged" or not self._has_page(article_id)):
            self.db.execute("DELETE FROM pages WHERE article_id = ?", [article_id])
            self.db.conn.executemany(
                "INSERT INTO pages (article_id, page, url, fetched, compression, html)"
                " VALUES (?, ?, ?, ?, 'zlib', ?)",
                [(article_id, n, url, seen, rows.compress(html)) for n, (url, html) in enumerate(pages, 1)],
            )
        return status, (article_id, digest, first_seen)

    def _update(
        self, existing: _Stored, fields: dict, seen: str, validators: dict
    ) -> int:
        """Keep the previous version in `revisions`, then overwrite; re-key if the date moved."""
        old_id, _, first_seen = existing
        columns = ", ".join(_REVISION_COLUMNS)
        self.db.execute(
            f"INSERT INTO revisions (article_id, seen_from, seen_until, {columns})"
            f" SELECT id, coalesce(changed, first_seen), last_seen, {columns}"
            " FROM articles WHERE id = ?",
            [old_id],
        )
        base = rows.order_base(fields["published"], first_seen or seen)
        new_id = old_id if old_id // rows.SLOTS == base // rows.SLOTS else self._free_id(base)
        self.db.execute(
            _UPDATE_SQL, {**fields, **validators, "id": new_id, "old_id": old_id, "seen": seen}
        )
        self.db.execute("DELETE FROM minhash_bands WHERE article_id = ?", [new_id])
        self.db.execute("DELETE FROM minhashes WHERE article_id = ?", [new_id])
        return new_id

    def _free_id(self, base: int) -> int:
        """The next unused id in the second starting at `base`."""
        top = self.db.execute(
            "SELECT max(id) FROM articles WHERE id BETWEEN ? AND ?", [base, base + rows.SLOTS - 1]
        ).fetchone()[0]
        if top is None:
            return base
        if top == base + rows.SLOTS - 1:
            raise NewsarchiveError("more than a million articles dated within one second")
        return top + 1

    def _has_page(self, article_id: int) -> bool:
        found = self.db.execute("SELECT 1 FROM pages WHERE article_id = ?", [article_id])
        return found.fetchone() is not None

    def _link_duplicates(self, bodies: dict[int, str]) -> None:
        """Index the bodies' MinHashes and link each article to its near-copies.

        A batch costs three statements, whatever its size: the signatures and LSH bands go
        in, then one lookup returns every article sharing a band with the batch (copies in
        the same batch included). Only the rare candidates are compared and linked.
        """
        signatures = {i: sig for i, body in bodies.items() if (sig := dedup.signature(body)) is not None}
        if not signatures:
            return
        keys = {article_id: dedup.bands(sig) for article_id, sig in signatures.items()}
        self.db.conn.executemany(
            "INSERT INTO minhashes (article_id, signature) VALUES (?, ?)",
            [(article_id, dedup.to_blob(sig)) for article_id, sig in signatures.items()],
        )
        self.db.conn.executemany(
            "INSERT OR IGNORE INTO minhash_bands (band, article_id) VALUES (?, ?)",
            # in key order: each index page is visited once, not once per key it holds
            sorted((key, article_id) for article_id, bands in keys.items() for key in bands),
        )
        sharing: dict[int, set[int]] = defaultdict(set)
        for band, other in self.db.execute(
            "SELECT band, article_id FROM minhash_bands WHERE band IN (SELECT value FROM json_each(?))",
            [json.dumps([key for bands in keys.values() for key in bands])],
        ):
            sharing[band].add(other)
        for article_id in sorted(keys):
            others = set().union(*(sharing[key] for key in keys[article_id])) - {article_id}
            if others:
                self._link(article_id, signatures[article_id], sorted(others)[: dedup.MAX_CANDIDATES])

    def _link(self, article_id: int, sig: np.ndarray, candidates: list[int]) -> None:
        """Point the article and the clusters of its confirmed copies at their earliest member."""
        marks = ", ".join("?" * len(candidates))
        matches = [
            other
            for other, blob in self.db.execute(
                f"SELECT article_id, signature FROM minhashes WHERE article_id IN ({marks})", candidates
            )
            if dedup.similarity(sig, dedup.from_blob(blob)) >= dedup.THRESHOLD
        ]
        if not matches:
            return
        marks = ", ".join("?" * len(matches))
        roots = [
            r for (r,) in self.db.execute(
                f"SELECT DISTINCT coalesce(duplicate_of, id) FROM articles WHERE id IN ({marks})",
                matches,
            )
        ]  # fmt: skip
        root = min([*roots, article_id])
        marks = ", ".join("?" * len(roots))
        self.db.execute(
            "UPDATE articles SET duplicate_of = CASE WHEN id = ? THEN NULL ELSE ? END"
            f" WHERE id = ? OR id IN ({marks}) OR duplicate_of IN ({marks})",
            [root, root, article_id, *roots, *roots],
        )

    def touch(self, url: str, crawl_id: int | None = None, announced: str | None = None,
              seen: str | None = None) -> None:
        """A re-fetch that found the page unchanged (e.g. 304): only `last_seen` moves.

        `crawl_id` records which crawl saw it last, and `announced` what the sitemap or feed
        said of it this time, as `store` does; `seen` is when (now unless given).
        """
        with self.transaction():
            self.db.execute(
                "UPDATE articles SET last_seen = max(coalesce(last_seen, ''), ?), crawl_id = coalesce(?, crawl_id),"
                " announced = coalesce(?, announced) WHERE url = ?",
                [seen or rows.now(), crawl_id, announced, url],
            )

    def point_to_warc(self, url: str, captures: Sequence[tuple[str, int] | None]) -> None:
        """Where the article's latest capture is, page by page: a file in `warc/` beside the
        archive and the offset of the page's response record there (None: a page not captured
        keeps what it has). The row's `warc_file`/`warc_offset` name the first page's record;
        a page pointed at drops its HTML copy, so the caller must have made the file durable."""
        with self.transaction():
            if captures and captures[0] is not None:
                self.db.execute(
                    "UPDATE articles SET warc_file = ?, warc_offset = ? WHERE url = ?", [*captures[0], url]
                )
            self.db.conn.executemany(
                "UPDATE pages SET warc_file = ?, warc_offset = ?, html = NULL, compression = NULL"
                " WHERE article_id = (SELECT id FROM articles WHERE url = ?) AND page = ?",
                [(*capture, url, n) for n, capture in enumerate(captures, 1) if capture is not None],
            )

    def known(self, site: str) -> dict[str, KnownPage]:
        """Every archived page of a site, for conditional requests in an incremental crawl."""
        found = self.db.execute(
            "SELECT url, etag, last_modified, content_hash, published, modified, last_seen,"
            " first_seen, announced FROM articles WHERE site = ?",
            [site],
        )
        return {row[0]: KnownPage(*row) for row in found}

    # -- crawls ------------------------------------------------------------------------

    def start_crawl(self, site: str, started: str | None = None) -> int:
        """Open a crawl row, started now (or at `started`: a fleet job's own start)."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT INTO crawls (site, started, status) VALUES (?, ?, 'running')",
                [site, started or rows.now()],
            )
            return cursor.lastrowid

    def finish_crawl(self, crawl_id: int, status: str, counts: dict[str, int], finished: str | None = None) -> None:
        """Close a crawl row, now or at `finished`; counts beyond the standard ones go to `extra` as JSON."""
        if status not in CRAWL_STATUSES:
            raise ValueError(f"crawl status must be one of {CRAWL_STATUSES}, not {status!r}")
        standard = {k: counts.get(k, 0) for k in CRAWL_COUNTS}
        extra = {k: v for k, v in counts.items() if k not in CRAWL_COUNTS}
        sets = ", ".join(f"{k} = :{k}" for k in standard)
        with self.transaction():
            self.db.execute(
                f"UPDATE crawls SET finished = :finished, status = :status, {sets},"
                " extra = :extra WHERE id = :id",
                {**standard, "finished": finished or rows.now(), "status": status, "id": crawl_id,
                 "extra": json.dumps(extra) if extra else None},
            )  # fmt: skip
        try:  # the crawl's articles searchable best first at once, and the change log short
            self.sync_ranking()
        except NewsarchiveError as err:
            log.warning("%s", err)

    def last_complete_crawl(self, site: str) -> tuple[str, str] | None:
        """(started, finished) of the site's last crawl that ran to its end, or None."""
        row = self.db.execute(
            "SELECT started, finished FROM crawls WHERE site = ? AND status = 'finished'"
            " ORDER BY id DESC LIMIT 1",
            [site],
        ).fetchone()
        return tuple(row) if row else None

    def mark_interrupted_crawls(self, site: str, status: str = "interrupted") -> int:
        """Crawls of a site still 'running' whose process is gone (the caller holds the site's lock);
        `status` "failed" for a crawl killed over its budget."""
        with self.transaction():
            return self.db.execute(
                "UPDATE crawls SET status = ?, finished = coalesce(finished, ?)"
                " WHERE site = ? AND status = 'running'",
                [status, rows.now(), site],
            ).rowcount

    # -- reading -----------------------------------------------------------------------

    def search(self, query: str, **options: Any) -> list[SearchHit]:
        """Full-text search: `source`, `since`, `until`, `limit`, `order` ("best"/"newest").

        See `newsarchive.storage.search.search`.
        """
        return search(self.db, query, **options)

    def stats(self) -> dict[str, Any]:
        """What the archive holds: totals, per source (counts, date range), the last crawls."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        sources = [
            {"source": name, "site": site, "articles": count, "first_published": first,
             "last_published": last}
            for name, site, count, first, last in self.db.execute(
                "SELECT s.name, s.site, s.articles,"
                " (SELECT min(published) FROM articles WHERE source = s.name),"
                " (SELECT max(published) FROM articles WHERE source = s.name)"
                " FROM sources s WHERE s.articles > 0 ORDER BY s.articles DESC, s.name"
            )
        ]  # fmt: skip
        crawls = [
            dict(zip(("id", "site", "started", "finished", "status", *CRAWL_COUNTS), row))
            for row in self.db.execute(
                f"SELECT id, site, started, finished, status, {', '.join(CRAWL_COUNTS)}"
                " FROM crawls ORDER BY id DESC LIMIT 10"
            )
        ]
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "revisions": one("SELECT count(*) FROM revisions"),
            "pages": one("SELECT count(*) FROM pages"),
            "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "sources": sources,
            "crawls": crawls,
        }

    def export(self, source: str | None = None, since: str | None = None) -> Iterator[dict[str, Any]]:
        """The articles as records (`EXPORT_COLUMNS`, lists decoded), oldest first, row by row."""
        where, params = ["1"], []
        if source:
            where.append("source = ?")
            params.append(source)
        if since:
            where.append("id >= ?")
            params.append(rows.date_bound(since, end=False, option="--since"))
        cursor = self.db.conn.cursor().execute(
            f"SELECT {', '.join(EXPORT_COLUMNS)} FROM articles"
            f" WHERE {' AND '.join(where)} ORDER BY id",
            params,
        )
        for values in cursor:
            record = dict(zip(EXPORT_COLUMNS, values))
            for name in rows.LIST_FIELDS:
                record[name] = json.loads(record[name]) if record[name] else []
            yield record

    def raw_pages(self, source: str | None = None) -> Iterator[tuple[str, list[RawPage]]]:
        """(url, its pages in reading order) of every article with stored raw pages, for `reparse`.

        The articles are listed first, so that storing while iterating never meets a row twice.
        """
        where, params = "", []
        if source:
            where, params = " WHERE a.source = ?", [source]
        found = self.db.execute(
            f"SELECT DISTINCT p.article_id, a.url FROM pages p JOIN articles a ON a.id = p.article_id{where}",
            params,
        ).fetchall()
        folder = warc_folder(self.path)
        for article_id, url in found:
            yield url, [
                RawPage(page_url, blob and rows.decompress(blob, compression), warc_file and folder / warc_file, offset)
                for page_url, compression, blob, warc_file, offset in self.db.execute(
                    "SELECT url, compression, html, warc_file, warc_offset FROM pages WHERE article_id = ? ORDER BY page",
                    [article_id],
                )
            ]
