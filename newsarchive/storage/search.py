"""Full-text search over the archive, fast at a million articles.

Article ids follow publication time (`rows.order_base`), and FTS5 iterates matches in rowid
order, so:
- newest first is `ORDER BY rowid DESC LIMIT n`: FTS5 stops after n matches;
- a date filter is a rowid range, which FTS5 seeks to;
- best first ranks by bm25 (title 10, caption 4, body 1) the `CANDIDATES` newest matches,
  so a query matching half the archive does not score half the archive. When a query has
  fewer matches than that, the ranking is exact;
- a source filter is one more FTS5 term (`source_key`), so FTS5 skips through the two
  doclists together instead of reading each match's row to check its source.
Snippets are made only for the hits returned.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

import sqlite_utils

from ..errors import NewsarchiveError
from . import rows
from .query import match_expression

CANDIDATES = 2000
WEIGHTS = (10.0, 4.0, 1.0, 0.0)  # title, caption, body, source_key
MARK = ("\x02", "\x03")  # snippet highlight delimiters; scraped text never holds them
_MARKS = re.compile("[\x02\x03]")
# Lone surrogates (an argument's undecodable bytes) cannot be encoded for SQLite; they become U+FFFD,
# which the tokenizer reads as a separator.
_SURROGATES = re.compile("[\ud800-\udfff]")
_SNIPPET = "snippet(articles_fts, -1, :mark_start, :mark_end, '…', 24)"


@dataclass(frozen=True)
class SearchHit:
    """One search result. `snippet` keeps `MARK` around matches; `highlighted` swaps them."""

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


def search(
    db: sqlite_utils.Database,
    query: str,
    *,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    order: str = "best",
) -> list[SearchHit]:
    """Articles matching `query`, best (bm25) or newest first, with highlighted snippets."""
    if order not in ("best", "newest"):
        raise NewsarchiveError(f"order must be best or newest, not {order!r}")
    if not 1 <= limit <= 1000:
        raise NewsarchiveError(f"limit must be between 1 and 1000, not {limit}")
    query = _SURROGATES.sub("\ufffd", query)
    source = _SURROGATES.sub("\ufffd", source) if source else source
    text_query = match_expression(query)
    params = {
        "q": match_expression(query, source),
        "lo": rows.date_bound(since, end=False, option="--since") if since else -(2**63),
        "hi": rows.date_bound(until, end=True, option="--until") if until else 2**63 - 1,
        "limit": limit,
        "candidates": CANDIDATES,
        "mark_start": MARK[0],
        "mark_end": MARK[1],
    }
    matches = (
        "FROM articles_fts WHERE articles_fts MATCH :q"
        " AND articles_fts.rowid BETWEEN :lo AND :hi ORDER BY articles_fts.rowid DESC"
    )
    weights = ", ".join(map(str, WEIGHTS))
    try:
        if order == "newest":
            # one pass: the snippet picks the text column with most matches, and text columns
            # come before source_key, which holds one match at most
            sql = f"SELECT articles_fts.rowid, NULL, {_SNIPPET} {matches} LIMIT :limit"
            ranked = db.execute(sql, params).fetchall()
        else:
            scored = db.execute(
                f"SELECT id, score FROM (SELECT articles_fts.rowid AS id,"
                f" bm25(articles_fts, {weights}) AS score {matches} LIMIT :candidates)"
                " ORDER BY score LIMIT :limit",
                params,
            ).fetchall()
            ranked = with_snippets(db, text_query, scored)
        return _hits(db, ranked)
    except sqlite3.OperationalError as err:
        raise NewsarchiveError(f"cannot search for {query[:60]!r}: {err}") from None


def with_snippets(db: sqlite_utils.Database, fts_query: str, scored: list[tuple]) -> list[tuple]:
    """Snippets for the best hits from one more pass over their rowid range.

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


def _hits(db: sqlite_utils.Database, ranked: list[tuple]) -> list[SearchHit]:
    marks = ", ".join("?" * len(ranked))
    articles = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT id, url, title, source, published FROM articles WHERE id IN ({marks})",
            [article_id for article_id, _, _ in ranked],
        )
    }
    return [
        SearchHit(article_id, *articles[article_id], snippet or "", score)
        for article_id, score, snippet in ranked
    ]
