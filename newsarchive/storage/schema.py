"""The archive's schema as numbered migrations, applied in order by `PRAGMA user_version`.

An archive made by an older version is upgraded in place when it is opened for writing;
each step only adds or rebuilds, so no row is lost. `articles.id` is the publication-order
key (see `rows.order_base`): full-text queries walk the index in rowid order, so newest-first
search stops after the first matches instead of ranking every one.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

TEXT_COLUMNS = ("title", "caption", "body")  # what users search
# `source_key` is one token per publisher (see `source_token`), so that a search filtered
# by source is an FTS5 AND walked inside the index, never a row lookup per match.
FTS_COLUMNS = (*TEXT_COLUMNS, "source_key")
GENERATED_FROM = {"source_key": "source"}
# Diacritics folded, no stemmer (an English stemmer mangles Indonesian affixes). The
# 3-character prefix index makes the short prefixes users type (`pem*`) cheap; a 2-character
# one would double the cost of indexing (every article holds every common 2-letter prefix).
FTS_OPTIONS = "tokenize='unicode61 remove_diacritics 2', prefix='3'"
# Merge 16 segments at a time, not 4: a quarter less indexing work at ingest, for a few
# more segments per query.
FTS_AUTOMERGE = 16
# FTS5 merges a level at once, in one transaction, when it holds this many segments (its
# default, 16, equals our automerge, so merges were never incremental: at ~500,000 articles
# one batch rewrote ~4 GB). Above automerge, merges proceed a little per write instead.
FTS_CRISISMERGE = 64
# Terms held in memory before FTS5 writes a segment (its default is 1 MB, about 300 articles):
# a bulk batch of 1,000 articles becomes one segment, so fewer merges follow.
FTS_HASHSIZE = 16 * 1024 * 1024


def source_token(source: str) -> str:
    """The single FTS5 token `source_key` holds for a source name (SQL: 'src' || hex(source))."""
    return "src" + source.encode().hex()

_ARTICLE_COLUMNS_V1 = """
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT,
    source TEXT,
    title TEXT,
    caption TEXT,
    photo_credit TEXT,
    body TEXT,
    authors TEXT,
    published TEXT,
    modified TEXT,
    dateline TEXT,
    section TEXT,
    tags TEXT,
    language TEXT,
    content_hash TEXT,
    first_seen TEXT,
    last_seen TEXT
"""


def _fts_sql(options: str, columns: tuple[str, ...], deferrable: bool = True) -> list[str]:
    """The external-content FTS5 table and the triggers keeping it in step (sqlite-utils' names).

    The update trigger fires only when an indexed column changes, so a re-fetch that moves
    `last_seen` does not re-index the article. The insert trigger stands aside while the
    writing transaction holds a row in `indexing_deferred`: the archive's own store then
    indexes a whole batch in one statement (`Archive._index`); every other writer (sqlite-utils,
    Datasette, a shell) still gets its rows indexed by the trigger.
    """
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    # an update names the stored column a generated one is computed from
    watched = ", ".join(GENERATED_FROM.get(c, c) for c in columns)
    when = " WHEN NOT EXISTS (SELECT 1 FROM indexing_deferred)" if deferrable else ""
    return [
        f"CREATE VIRTUAL TABLE articles_fts USING fts5({cols}, content=[articles], {options})",
        f"""CREATE TRIGGER articles_ai AFTER INSERT ON articles{when} BEGIN
              INSERT INTO articles_fts(rowid, {cols}) VALUES (new.id, {new}); END""",
        f"""CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
              INSERT INTO articles_fts(articles_fts, rowid, {cols}) VALUES ('delete', old.id, {old}); END""",
        f"""CREATE TRIGGER articles_au AFTER UPDATE OF id, {watched} ON articles BEGIN
              INSERT INTO articles_fts(articles_fts, rowid, {cols}) VALUES ('delete', old.id, {old});
              INSERT INTO articles_fts(rowid, {cols}) VALUES (new.id, {new}); END""",
    ]


# `sources` counts articles per publisher (site when the publisher is unknown).
_SOURCES_TRIGGERS = (
    """CREATE TRIGGER sources_ai AFTER INSERT ON articles BEGIN
          INSERT INTO sources(name, site, articles)
          VALUES (coalesce(new.source, new.site), new.site, 1)
          ON CONFLICT(name) DO UPDATE SET articles = articles + 1; END""",
    """CREATE TRIGGER sources_ad AFTER DELETE ON articles BEGIN
          UPDATE sources SET articles = articles - 1
          WHERE name = coalesce(old.source, old.site); END""",
    """CREATE TRIGGER sources_au AFTER UPDATE OF source, site ON articles BEGIN
          UPDATE sources SET articles = articles - 1
          WHERE name = coalesce(old.source, old.site);
          INSERT INTO sources(name, site, articles)
          VALUES (coalesce(new.source, new.site), new.site, 1)
          ON CONFLICT(name) DO UPDATE SET articles = articles + 1; END""",
)
_COUNT_SOURCES = """INSERT INTO sources(name, site, articles)
      SELECT coalesce(source, site), min(site), count(*) FROM articles
      WHERE coalesce(source, site) IS NOT NULL GROUP BY 1
      ON CONFLICT(name) DO UPDATE SET articles = excluded.articles"""
# Computed columns of `articles` (VIRTUAL: no storage), by migration v2 and v5.
GENERATED_COLUMNS = {"published_month": "substr(published, 1, 7)", "source_key": "'src' || hex(source)"}


def _add_generated(db: sqlite_utils.Database, column: str) -> None:
    db.execute(
        f"ALTER TABLE articles ADD COLUMN {column} TEXT"
        f" GENERATED ALWAYS AS ({GENERATED_COLUMNS[column]}) VIRTUAL"
    )


def _v1(db: sqlite_utils.Database) -> None:
    """The foundation: articles with full-text search, and one row per crawl."""
    statements = [
        f"CREATE TABLE articles ({_ARTICLE_COLUMNS_V1})",
        """CREATE TABLE crawls (
            id INTEGER PRIMARY KEY, site TEXT, started TEXT, finished TEXT, status TEXT,
            requests INTEGER DEFAULT 0, new INTEGER DEFAULT 0, updated INTEGER DEFAULT 0,
            unchanged INTEGER DEFAULT 0, dropped INTEGER DEFAULT 0, errors INTEGER DEFAULT 0)""",
        *_fts_sql("tokenize='unicode61 remove_diacritics 2'", TEXT_COLUMNS, deferrable=False),
    ]
    for sql in statements:
        db.execute(sql)


def _v2(db: sqlite_utils.Database) -> None:
    """The research archive: history, raw pages, sources, site registry, duplicates, indexes."""
    for column, kind in [
        ("editors", "TEXT"),
        ("summary", "TEXT"),
        ("image_url", "TEXT"),
        ("etag", "TEXT"),
        ("last_modified", "TEXT"),
        ("changed", "TEXT"),
        ("crawl_id", "INTEGER REFERENCES crawls(id)"),
        ("duplicate_of", "INTEGER REFERENCES articles(id) ON DELETE SET NULL ON UPDATE CASCADE"),
    ]:
        db.execute(f"ALTER TABLE articles ADD COLUMN {column} {kind}")
    # for Datasette's "published month" facet; computed, so it costs no storage
    _add_generated(db, "published_month")
    db.execute("UPDATE articles SET changed = first_seen")
    db.execute("ALTER TABLE crawls ADD COLUMN extra TEXT")
    statements = [
        """CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
            url TEXT, seen_from TEXT, seen_until TEXT, content_hash TEXT, source TEXT,
            title TEXT, caption TEXT, photo_credit TEXT, body TEXT, authors TEXT,
            published TEXT, modified TEXT, dateline TEXT, section TEXT, tags TEXT,
            language TEXT, editors TEXT, summary TEXT, image_url TEXT)""",
        "CREATE INDEX idx_revisions_article ON revisions(article_id)",
        """CREATE TABLE pages (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
                ON UPDATE CASCADE,
            url TEXT NOT NULL, fetched TEXT, compression TEXT NOT NULL, html BLOB NOT NULL)""",
        """CREATE TABLE sources (
            name TEXT PRIMARY KEY, site TEXT, articles INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE sites (
            name TEXT PRIMARY KEY, url TEXT NOT NULL, every_seconds INTEGER, added TEXT,
            last_started TEXT, last_finished TEXT, last_status TEXT, settings TEXT)""",
        """CREATE TABLE minhashes (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
                ON UPDATE CASCADE,
            signature BLOB NOT NULL)""",
        """CREATE TABLE minhash_bands (
            band INTEGER NOT NULL, article_id INTEGER NOT NULL REFERENCES articles(id)
                ON DELETE CASCADE ON UPDATE CASCADE,
            PRIMARY KEY (band, article_id)) WITHOUT ROWID""",
        "CREATE INDEX idx_minhash_bands_article ON minhash_bands(article_id)",
        "CREATE INDEX idx_articles_published ON articles(published)",
        "CREATE INDEX idx_articles_source_published ON articles(source, published)",
        "CREATE INDEX idx_articles_site ON articles(site)",
        "CREATE INDEX idx_articles_duplicate_of ON articles(duplicate_of)",
        "CREATE INDEX idx_crawls_site ON crawls(site, started)",
        *_SOURCES_TRIGGERS,
        _COUNT_SOURCES,
    ]
    for sql in statements:
        db.execute(sql)
    # Rebuild the index with prefix indexes (v1 had none).
    _rebuild_fts(db, "tokenize='unicode61 remove_diacritics 2', prefix='2 3'", TEXT_COLUMNS, False)


def _v3(db: sqlite_utils.Database) -> None:
    """Every page of a split article is kept (for `reparse`): `pages` keyed by (article, page)."""
    for sql in (
        "ALTER TABLE pages RENAME TO pages_v2",
        """CREATE TABLE pages (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
            page INTEGER NOT NULL DEFAULT 1,
            url TEXT NOT NULL, fetched TEXT, compression TEXT NOT NULL, html BLOB NOT NULL,
            PRIMARY KEY (article_id, page))""",
        "INSERT INTO pages (article_id, page, url, fetched, compression, html)"
        " SELECT article_id, 1, url, fetched, compression, html FROM pages_v2",
        "DROP TABLE pages_v2",
    ):
        db.execute(sql)


def _v4(db: sqlite_utils.Database) -> None:
    """Cheaper indexing: a 3-character prefix index only, and merges of 16 segments."""
    _rebuild_fts(db, FTS_OPTIONS, TEXT_COLUMNS, False)
    db.execute(f"INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', {FTS_AUTOMERGE})")


def _v5(db: sqlite_utils.Database) -> None:
    """Fast bulk ingest and source filters: batch indexing, and the source as an FTS5 token."""
    _add_generated(db, "source_key")
    db.execute("CREATE TABLE indexing_deferred (batch INTEGER)")
    _rebuild_fts(db, FTS_OPTIONS, FTS_COLUMNS, True)
    for name, value in (("automerge", FTS_AUTOMERGE), ("hashsize", FTS_HASHSIZE)):
        db.execute(f"INSERT INTO articles_fts(articles_fts, rank) VALUES ('{name}', {value})")


def _rebuild_fts(
    db: sqlite_utils.Database, options: str, columns: tuple[str, ...], deferrable: bool
) -> None:
    """Recreate the full-text index and its triggers with new options, then re-index."""
    for sql in (
        "DROP TABLE articles_fts",
        "DROP TRIGGER articles_ai",
        "DROP TRIGGER articles_ad",
        "DROP TRIGGER articles_au",
        *_fts_sql(options, columns, deferrable),
        "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
    ):
        db.execute(sql)


def _v6(db: sqlite_utils.Database) -> None:
    """Incremental FTS5 merges: no single write rewrites a whole level of the index."""
    db.execute(f"INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', {FTS_CRISISMERGE})")


def _v7(db: sqlite_utils.Database) -> None:
    """Per-source health: one row per crawl and source, so each source has its own history.

    Field columns count the crawl's new or changed articles with that field filled and valid;
    the request columns are the crawl's (the same on every source row of one crawl).
    """
    counts = ", ".join(f"{name} INTEGER NOT NULL DEFAULT 0" for name in HEALTH_COUNTS)
    db.execute(
        f"""CREATE TABLE health (
            id INTEGER PRIMARY KEY,
            crawl_id INTEGER NOT NULL REFERENCES crawls(id) ON DELETE CASCADE,
            site TEXT NOT NULL, source TEXT NOT NULL, checked TEXT NOT NULL,
            crawl_status TEXT, incremental INTEGER, status TEXT NOT NULL, alarms TEXT,
            accepted INTEGER NOT NULL DEFAULT 0,
            {counts},
            body_p10 INTEGER, body_median INTEGER, body_p90 INTEGER,
            UNIQUE (crawl_id, source))"""
    )
    db.execute("CREATE INDEX idx_health_source ON health(source, crawl_id)")
    # a crawl's articles are read back at its end: without this, a scan of the whole archive
    db.execute("CREATE INDEX idx_articles_crawl ON articles(crawl_id)")


# The counts a `health` row keeps (see `newsarchive.monitoring.metrics`).
HEALTH_FIELDS = (
    "title", "body", "published", "authors", "caption", "photo_credit", "dateline", "section",
    "image_url",
)  # fmt: skip
HEALTH_COUNTS = (
    "articles", "new", *HEALTH_FIELDS, "requests", "responses", "errors", "http_errors",
    "blocked", "challenges", "not_modified", "article_pages", "listing_pages",
)  # fmt: skip


def _v8(db: sqlite_utils.Database) -> None:
    """Change detection on the site's own clock: the date a sitemap or feed gave each page
    when it was last fetched (`announced`, as written), compared with what it says next time."""
    db.execute("ALTER TABLE articles ADD COLUMN announced TEXT")


def _v9(db: sqlite_utils.Database) -> None:
    """Raw pages as WARC: the file (in `warc/` beside the archive) and offset of the response
    record of the article's first page at its last fetch (see `newsarchive.warc`)."""
    db.execute("ALTER TABLE articles ADD COLUMN warc_file TEXT")
    db.execute("ALTER TABLE articles ADD COLUMN warc_offset INTEGER")


# Every change to what best-first search reads (`ranking.RankingIndex`), whoever writes it.
_RANKING_TRIGGERS = (
    """CREATE TRIGGER ranking_ai AFTER INSERT ON articles BEGIN
          INSERT INTO ranking_changes(article_id) VALUES (new.id); END""",
    """CREATE TRIGGER ranking_ad AFTER DELETE ON articles BEGIN
          INSERT INTO ranking_changes(article_id) VALUES (old.id); END""",
    """CREATE TRIGGER ranking_au AFTER UPDATE OF id, source, title, caption, body ON articles BEGIN
          INSERT INTO ranking_changes(article_id) VALUES (old.id);
          INSERT INTO ranking_changes(article_id) SELECT new.id WHERE new.id != old.id; END""",
)
REBUILD_RANKING = "INSERT INTO ranking_changes(article_id) VALUES (NULL)"  # the whole index anew


def _v10(db: sqlite_utils.Database) -> None:
    """Exact best-first search: a log of changed article ids for the tantivy index beside the
    archive (AUTOINCREMENT: sequence numbers never go back once the log is pruned)."""
    db.execute(
        "CREATE TABLE ranking_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, article_id INTEGER)"
    )
    for sql in _RANKING_TRIGGERS:
        db.execute(sql)
    db.execute(REBUILD_RANKING)


def _v11(db: sqlite_utils.Database) -> None:
    """Raw pages by reference: a page row holds its HTML, or points at its response record in
    a WARC file of `warc/` (`warc_file`, `warc_offset`) and holds no copy; never neither."""
    for sql in (
        "ALTER TABLE pages RENAME TO pages_v9",
        """CREATE TABLE pages (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE ON UPDATE CASCADE,
            page INTEGER NOT NULL DEFAULT 1,
            url TEXT NOT NULL, fetched TEXT, compression TEXT, html BLOB,
            warc_file TEXT, warc_offset INTEGER,
            PRIMARY KEY (article_id, page),
            CHECK (html IS NOT NULL OR (warc_file IS NOT NULL AND warc_offset IS NOT NULL)))""",
        "INSERT INTO pages (article_id, page, url, fetched, compression, html)"
        " SELECT article_id, page, url, fetched, compression, html FROM pages_v9",
        "DROP TABLE pages_v9",
    ):
        db.execute(sql)


def _v12(db: sqlite_utils.Database) -> None:
    """The HTML `pages` holds moved into WARC files of `warc/` beside the archive (nothing to
    move for an archive in memory): see `newsarchive.warc.moving`."""
    from ..warc.moving import move_pages  # WARC writing, needed once per archive
    from ..warc.writer import warc_folder

    path = next(file for _, name, file in db.execute("PRAGMA database_list") if name == "main")
    if path:
        move_pages(db, warc_folder(path))


def _v13(db: sqlite_utils.Database) -> None:
    """The crawl fleet: the jobs `dispatch` sent to Scrapyd nodes, and the shards `ingest` stored
    (by name: a shard is stored once)."""
    db.execute(
        """CREATE TABLE fleet_jobs (
            job TEXT PRIMARY KEY, node TEXT NOT NULL, site_name TEXT NOT NULL, site TEXT NOT NULL,
            scheduled TEXT NOT NULL, status TEXT NOT NULL, ended TEXT, why TEXT)"""
    )
    db.execute("CREATE INDEX idx_fleet_jobs_status ON fleet_jobs(status)")
    db.execute(
        """CREATE TABLE shards (
            name TEXT PRIMARY KEY, ingested TEXT NOT NULL, crawl_id INTEGER REFERENCES crawls(id),
            records INTEGER NOT NULL)"""
    )


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10, _v11, _v12, _v13,
]  # fmt: skip
VERSION = len(MIGRATIONS)


def migrate(db: sqlite_utils.Database, target: int = VERSION) -> int:
    """Bring the database up to `target`, one transaction per step; returns the version before.

    The connection must be in autocommit mode (`isolation_level=None`) so that each step,
    DDL included, commits or rolls back as a whole.
    """
    before = db.execute("PRAGMA user_version").fetchone()[0]
    for version in range(before + 1, target + 1):
        db.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[version - 1](db)
            db.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    return before


def missing_parts(db: sqlite_utils.Database) -> list[str]:
    """The archive's triggers and computed columns that are gone (`sqlite-utils transform`
    rebuilds a table without them), as "trigger NAME" / "column NAME"."""
    triggers = {name for (name,) in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'articles'")}  # fmt: skip
    columns = {row[1] for row in db.execute("PRAGMA table_xinfo(articles)")}
    wanted = [sql.split()[2] for sql in _triggers()]
    return [f"trigger {name}" for name in wanted if name not in triggers] + [
        f"column {name}" for name in GENERATED_COLUMNS if name not in columns
    ]


def _triggers() -> tuple[str, ...]:
    """The CREATE TRIGGER statements on `articles` the current schema has."""
    return (*_fts_sql(FTS_OPTIONS, FTS_COLUMNS)[1:], *_SOURCES_TRIGGERS, *_RANKING_TRIGGERS)


def repair(db: sqlite_utils.Database) -> list[str]:
    """Restore what `missing_parts` finds, in one transaction; returns what was missing.

    Rows written while the triggers were gone may be missing from the indexes or the source
    counts, so all are rebuilt from `articles` (the best-first index at its next sync). No
    row is touched.
    """
    missing = missing_parts(db)
    if not missing:
        return []
    db.execute("BEGIN IMMEDIATE")
    try:
        for name in GENERATED_COLUMNS:
            if f"column {name}" in missing:
                _add_generated(db, name)
        for sql in _triggers():
            db.execute(f"DROP TRIGGER IF EXISTS {sql.split()[2]}")
            db.execute(sql)
        db.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")
        db.execute(REBUILD_RANKING)
        db.execute("UPDATE sources SET articles = 0")
        db.execute(_COUNT_SOURCES)
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return missing
