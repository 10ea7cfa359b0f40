"""Full-text search over the archive, fast at a million articles, one path for every front.

- Best first is exact: the true top results by the best-first index's BM25 weighting over
  the whole archive (`ranking`: tantivy's top-k search, kept in step with the archive).
- Newest first walks FTS5: article ids follow publication time (`rows.order_base`) and FTS5
  iterates matches in rowid order, so `ORDER BY rowid DESC LIMIT n` stops after n matches, a
  date filter is a rowid range FTS5 seeks to, and a source filter is one more FTS5 term
  (`source_key`) walked with the words' doclists.
Snippets are made for the hits returned only (`snippets`). `ranked` is what the CLI and
Datasette's `newsarchive_search` SQL function both call.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from ..errors import NewsarchiveError
from . import rows
from .query import match_expression, parse
from .ranking import RankingIndex, terms
from .snippets import MARK, snippet

ORDERS = ("best", "newest")
_MARKS = re.compile("[\x02\x03]")
# Lone surrogates (an argument's undecodable bytes) cannot be encoded for SQLite; they become U+FFFD,
# which the tokenizer reads as a separator.
_SURROGATES = re.compile("[\ud800-\udfff]")
_SNIPPET = "snippet(articles_fts, -1, :mark_start, :mark_end, '…', 24)"


@dataclass(frozen=True)
class SearchHit:
    """One search result. `snippet` keeps `MARK` around matches; `highlighted` swaps them.
    `score` is the BM25 score best first (higher is better), None newest first."""

    id: int
    url: str
    title: str | None
    source: str | None
    published: str | None
    snippet: str
    score: float | None

    def highlighted(self, start: str = "[", end: str = "]") -> str:
        return self.snippet.replace(MARK[0], start).replace(MARK[1], end)

    @property
    def text(self) -> str:
        """The snippet without highlight marks."""
        return _MARKS.sub("", self.snippet)


def archive_file(conn: sqlite3.Connection) -> Path:
    """The file a connection's main database is (where its best-first index lives beside)."""
    return Path(conn.execute("PRAGMA database_list").fetchone()[2])


def ranked(
    conn: sqlite3.Connection,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    order: str = "best",
) -> list[tuple[int, float | None]]:
    """(id, score) of the articles matching `query`, best or newest first."""
    if order not in ORDERS:
        raise NewsarchiveError(f"order must be best or newest, not {order!r}")
    if not 1 <= limit <= 1000:
        raise NewsarchiveError(f"limit must be between 1 and 1000, not {limit}")
    query = _SURROGATES.sub("\ufffd", query)
    source = _SURROGATES.sub("\ufffd", source) if source else None
    lo = rows.date_bound(since, end=False, option="--since") if since else -(2**63)
    hi = rows.date_bound(until, end=True, option="--until") if until else 2**63 - 1
    try:
        if order == "best":
            index = RankingIndex.of(archive_file(conn))
            return index.top(conn, query, source=source, lo=lo, hi=hi, limit=limit)
        found = conn.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?"
            " ORDER BY rowid DESC LIMIT ?",
            [match_expression(query, source), lo, hi, limit],
        ).fetchall()
    except sqlite3.OperationalError as err:  # e.g. an archive older than schema 10, read-only
        raise NewsarchiveError(f"cannot search for {query[:60]!r}: {err}") from None
    return [(article_id, None) for (article_id,) in found]


def search(db: sqlite_utils.Database, query: str, **options) -> list[SearchHit]:
    """Articles matching `query` (see `ranked` for the options), with highlighted snippets."""
    hits = ranked(db.conn, query, **options)
    wanted = terms(parse(_SURROGATES.sub("\ufffd", query)))
    marks = ", ".join("?" * len(hits))
    articles = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT id, url, title, source, published, title, caption, body FROM articles"
            f" WHERE id IN ({marks})",
            [article_id for article_id, _ in hits],
        )
    }
    return [
        SearchHit(article_id, *articles[article_id][:4], snippet(articles[article_id][4:], wanted), score)
        for article_id, score in hits
        if article_id in articles
    ]


def with_snippets(db: sqlite_utils.Database, fts_query: str, scored: list[tuple]) -> list[tuple]:
    """FTS5 snippets for a page of the articles table (Datasette's search box) from one more
    pass over the page's rowid range.

    One query, not one per hit: each MATCH re-reads the doclists (and a long prefix with no
    prefix index re-merges every term it covers), so per-hit queries cost 20 full passes.
    """
    if not scored:
        return []
    ids = {f"id{n}": article_id for n, (article_id, _) in enumerate(scored)}
    marks = ", ".join(f":{name}" for name in ids)
    snippets = dict(
        db.execute(
            f"SELECT rowid, CASE WHEN rowid IN ({marks}) THEN {_SNIPPET} END FROM articles_fts"
            " WHERE articles_fts MATCH :q AND rowid BETWEEN :lo AND :hi",
            {**ids, "q": fts_query, "lo": min(ids.values()), "hi": max(ids.values()),
             "mark_start": MARK[0], "mark_end": MARK[1]},
        ).fetchall()
    )
    return [(article_id, score, snippets.get(article_id)) for article_id, score in scored]
