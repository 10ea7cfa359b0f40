"""Best-first search: a tantivy index beside the archive, kept in step through a change log.

FTS5's bm25 scores every match (a common word at a million articles has hundreds of
thousands), so it cannot give the true top results fast. Tantivy's top-k search skips the
documents that cannot enter the top (block-max WAND) and is exact. SQLite stays the system of
record: triggers on `articles` (schema v10) append the id of every row inserted, changed or
deleted to `ranking_changes`, whichever program writes, and `RankingIndex.sync` applies what
the index has not seen before each best-first search (and after a bulk store). The index is a
folder beside the archive (`archive.db` -> `archive.ranking/`); deleting it is safe, the next
best-first search rebuilds it from `articles`.

Weighting: BM25 (k1 1.2, b 0.75) per column, title x10, caption x4, body x1. A prefix `word*`
is one term of a per-column field that holds every prefix of 3 or more letters of every word,
so it costs what a word costs. A source is one exact term, a date range a range of ids; both
filter without scoring.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import tantivy

from ..errors import NewsarchiveError
from .query import Literal, parse

log = logging.getLogger(__name__)
BOOSTS = {"title": 10.0, "caption": 4.0, "body": 1.0}
MAX_TOKEN = 40  # longer tokens are not indexed (tantivy's `remove_long`)
MIN_PREFIX = 3
CHUNK = 5000  # rows read and added per step of a sync
HEAP = 256_000_000  # tantivy writer memory: fewer, larger segments
_TEXT, _PREFIX = "newsarchive", "newsarchive_prefix"
_SYNCED = "synced"  # file in the index folder: the last change-log sequence number applied

ANALYZER = (
    tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    .filter(tantivy.Filter.remove_long(MAX_TOKEN))
    .filter(tantivy.Filter.lowercase())
    .filter(tantivy.Filter.ascii_fold())
    .build()
)  # words as FTS5's unicode61 with remove_diacritics sees them, give or take a ligature
_PREFIXES = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(MIN_PREFIX, MAX_TOKEN, True)).build()


def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, indexed=True, fast=True)
    builder.add_text_field("source", tokenizer_name="raw", index_option="basic")
    for column in BOOSTS:
        builder.add_text_field(column, tokenizer_name=_TEXT)
        builder.add_text_field(f"{column}_prefix", tokenizer_name=_PREFIX, index_option="freq")
    return builder.build()


SCHEMA = _schema()


def folder_of(db_path: str | Path) -> Path:
    """Where the index of the archive at `db_path` lives."""
    path = Path(db_path)
    return path.with_name(path.stem + ".ranking")


def _literal(text: str, prefix: bool) -> tantivy.Query:
    """A word or phrase in any text column, each column's BM25 boosted by its weight."""
    tokens = ANALYZER.analyze(text)
    if not tokens:
        return tantivy.Query.empty_query()
    columns = []
    for column, boost in BOOSTS.items():
        if prefix and len(tokens) == 1:
            query = tantivy.Query.term_query(SCHEMA, f"{column}_prefix", tokens[0])
        elif prefix:  # "dapur um"*: a phrase ending in a prefix
            query = tantivy.Query.phrase_prefix_query(SCHEMA, column, tokens)
        elif len(tokens) == 1:
            query = tantivy.Query.term_query(SCHEMA, column, tokens[0])
        else:
            query = tantivy.Query.phrase_query(SCHEMA, column, tokens)
        columns.append((tantivy.Occur.Should, tantivy.Query.boost_query(query, boost)))
    return tantivy.Query.boolean_query(columns)


def to_query(query: str, source: str | None, lo: int, hi: int) -> tantivy.Query:
    """The tantivy query for a user's query (the CLI's language, `query.parse`) and filters.

    FTS5's precedence: NOT, then AND, then OR; so `a NOT b c OR d` is ((a NOT b) AND c) OR d.
    """
    groups: list[list[tuple[tantivy.Occur, tantivy.Query]]] = [[]]
    occur = tantivy.Occur.Must
    for part in parse(query):
        if part == "OR":
            groups.append([])
        elif part == "NOT":
            occur = tantivy.Occur.MustNot
        elif part != "AND":
            groups[-1].append((occur, _literal(*part)))
            occur = tantivy.Occur.Must
    matching = tantivy.Query.boolean_query(
        [(tantivy.Occur.Should, tantivy.Query.boolean_query(group)) for group in groups]
    )
    clauses = [(tantivy.Occur.Must, matching)]
    if source:
        clauses.append(_filter(tantivy.Query.term_query(SCHEMA, "source", source)))
    if lo > -(2**63) or hi < 2**63 - 1:
        ids = tantivy.Query.range_query(SCHEMA, "id", tantivy.FieldType.Integer, lo, hi)
        clauses.append(_filter(ids))
    return tantivy.Query.boolean_query(clauses)


def _filter(query: tantivy.Query) -> tuple[tantivy.Occur, tantivy.Query]:
    return tantivy.Occur.Must, tantivy.Query.const_score_query(query, 0.0)


def terms(literals: list[Literal | str]) -> list[tuple[str, bool]]:
    """The index tokens a query's literals look for, and whether each is a prefix (snippets)."""
    found = []
    for part in literals:
        if isinstance(part, tuple):
            tokens = ANALYZER.analyze(part[0])
            found += [(token, part[1] and n == len(tokens) - 1) for n, token in enumerate(tokens)]
    return found


class RankingIndex:
    """The best-first index of one archive file; one object per folder and process."""

    _open: dict[Path, RankingIndex] = {}
    _opening = threading.Lock()

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()
        self._index: tantivy.Index | None = None

    @classmethod
    def of(cls, db_path: str | Path) -> RankingIndex:
        folder = folder_of(db_path).resolve()
        with cls._opening:
            return cls._open.setdefault(folder, cls(folder))

    def _tantivy(self) -> tantivy.Index:
        if self._index is None:
            self.folder.mkdir(exist_ok=True)
            index = tantivy.Index(SCHEMA, path=str(self.folder), reuse=True)
            index.register_tokenizer(_TEXT, ANALYZER)
            index.register_tokenizer(_PREFIX, _PREFIXES)
            self._index = index
        return self._index

    def synced(self) -> int | None:
        """The last change applied, or None when the index must be built from scratch."""
        try:
            return int((self.folder / _SYNCED).read_text())
        except (OSError, ValueError):
            return None

    def sync(self, conn: sqlite3.Connection) -> int:
        """Apply the changes the index has not seen; returns the last change applied.

        Reads only, so it works on a read-only connection (Datasette's). A change row with no
        article id (a new or repaired archive) asks for a full rebuild. Rows are read after the
        log, so a change made meanwhile is applied now and again next time: adding is by id,
        after deleting by id, so applying twice is harmless.
        """
        last = conn.execute(
            "SELECT coalesce(max(seq), 0) FROM ranking_changes"
        ).fetchone()[0]  # fmt: skip
        done = self.synced()
        if done is not None and last <= done:
            return done
        try:
            with self._lock, _flock(self.folder):
                done = self.synced()  # another process may have done it meanwhile
                if done is not None and last <= done:
                    return done
                self._apply(conn, done, last)
                (self.folder / f"{_SYNCED}.new").write_text(str(last))
                os.replace(self.folder / f"{_SYNCED}.new", self.folder / _SYNCED)
        except (OSError, ValueError) as err:  # a read-only folder, or tantivy's writer lock
            if done is None:
                raise NewsarchiveError(f"cannot build the best-first index in {self.folder}: {err}") from None
            log.warning("best-first index %s not brought up to date: %s", self.folder, err)
            return done
        return last

    def _apply(self, conn: sqlite3.Connection, done: int | None, last: int) -> None:
        writer = self._tantivy().writer(heap_size=HEAP)
        rebuild = done is None or conn.execute(
            "SELECT 1 FROM ranking_changes WHERE seq > ? AND seq <= ? AND article_id IS NULL",
            [done, last],
        ).fetchone()  # fmt: skip
        if rebuild:
            writer.delete_all_documents()
            wanted = "SELECT id, source, title, caption, body FROM articles"
            args: list = []
        else:
            changed = [row[0] for row in conn.execute(
                "SELECT DISTINCT article_id FROM ranking_changes WHERE seq > ? AND seq <= ?",
                [done, last],
            )]  # fmt: skip
            for article_id in changed:
                writer.delete_documents_by_term("id", article_id)
            wanted = (
                "SELECT id, source, title, caption, body FROM articles"
                " WHERE id IN (SELECT value FROM json_each(?))"
            )
            args = [f"[{','.join(map(str, changed))}]"]
        for row in conn.execute(wanted, args):
            writer.add_document(_document(row))
        writer.commit()
        writer.wait_merging_threads()
        self._tantivy().reload()

    def top(self, conn: sqlite3.Connection, query: str, *, source: str | None = None,
            lo: int = -(2**63), hi: int = 2**63 - 1, limit: int = 20,
            exhaustive: bool = False) -> list[tuple[int, float]]:  # fmt: skip
        """The `limit` best (id, score) for a query, best first, after a sync.

        `exhaustive` scores every match (no skipping): the reference the benchmark checks
        the top-k search against.
        """
        self.sync(conn)
        index = self._tantivy()
        index.reload()
        searcher = index.searcher()
        wanted = to_query(query, source, lo, hi)
        found = searcher.search(
            wanted, limit=max(searcher.num_docs, 1) if exhaustive else limit, count=exhaustive
        )
        hits = found.hits[:limit]
        return [(searcher.doc(address)["id"][0], score) for score, address in hits]


def _document(row: tuple) -> tantivy.Document:
    article_id, source, *texts = row
    fields: dict = {"id": article_id, "source": source or ""}
    for column, text in zip(BOOSTS, texts):
        fields[column] = text or ""
        fields[f"{column}_prefix"] = ANALYZER.analyze(text or "")
    return tantivy.Document.from_dict(fields, SCHEMA)


@contextmanager
def _flock(folder: Path) -> Iterator[None]:
    """One process at a time syncs an index (a crawl and Datasette may both try)."""
    folder.mkdir(exist_ok=True)
    with open(folder / "sync.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
