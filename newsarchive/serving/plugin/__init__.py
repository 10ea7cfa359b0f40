"""The project's Datasette plugin (entry point `datasette`): the archive read as articles.

Registered for every archive Datasette opens (`newsarchive serve`, or plain
`datasette data/archive.db -m newsarchive/serving/metadata.yaml`):
- SQL functions that give the web the CLI's search language, from the same Python code:
  `newsarchive_search(q, source, since, until, order, limit)` (the CLI's search itself,
  `storage.search.ranked`: a JSON array of [id, score], best first from the best-first index
  or newest first; `[]` for input the CLI refuses), `newsarchive_snippet(q, title, caption,
  body)` (the CLI's snippet), `newsarchive_match(q[, source])` (a safe FTS5 expression; one
  that matches nothing when the input holds no word), `newsarchive_since(date)` /
  `newsarchive_until(date)` (the id range of a date filter). Datasette's own `escape_fts`,
  which its search box calls, is bound to `newsarchive_match` too, so `pertamin*` and
  `"dapur umum" OR posko` mean the same in the box, the canned queries, the Atom feed and
  the terminal;
- snippet cells shown with `<mark>` around matches, everything else escaped;
- a valid, empty Atom feed for a search with no match yet (`feeds.install`);
- `/-/charts`, the short address of the chart page (datasette-dashboards' `archive`
  dashboard, configured in the metadata file);
- an article page (the row page of `articles`) and an articles list of headlines and
  excerpts (the table page), through `extra_template_vars` and the templates beside this file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from ...errors import NewsarchiveError
from ...storage import rows
from ...storage.query import match_expression, parse
from ...storage.ranking import terms
from ...storage.search import ranked
from ...storage.snippets import snippet
from .. import feeds
from . import reading
from .reading import highlighted

NOTHING = '""'  # an FTS5 expression that matches no row: the answer to a query with no word
FIRST_ID, LAST_ID = -(2**63), 2**63 - 1


def is_archive(conn: sqlite3.Connection) -> bool:
    """Whether a connection is to a newsarchive archive (it has the articles' index)."""
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_fts'")
    return found.fetchone() is not None


def sql_match(query: str | None, source: str | None = None) -> str:
    """`newsarchive_match`: the CLI's MATCH expression, or `NOTHING` for input it refuses."""
    try:
        return match_expression(query or "", source or None)
    except NewsarchiveError:
        return NOTHING


def sql_since(value: str | None) -> int:
    """`newsarchive_since`: the first id on or after the date; no date, no bound."""
    if not value or not value.strip():
        return FIRST_ID
    try:
        return rows.date_bound(value, end=False, option="since")
    except NewsarchiveError:
        return LAST_ID  # not a date: nothing is after it


def sql_until(value: str | None) -> int:
    """`newsarchive_until`: the last id on or before the date (the whole day for a date)."""
    if not value or not value.strip():
        return LAST_ID
    try:
        return rows.date_bound(value, end=True, option="until")
    except NewsarchiveError:
        return FIRST_ID


def sql_search(conn: sqlite3.Connection) -> Callable[..., str]:
    """`newsarchive_search` on one connection: the CLI's search, as JSON [[id, score], ...]."""

    def newsarchive_search(query: str | None, source: str | None, since: str | None,
                           until: str | None, order: str | None, limit: int) -> str:  # fmt: skip
        try:
            hits = ranked(
                conn, query or "", source=source or None, since=since or None,
                until=until or None, order="newest" if order == "newest" else "best",
                limit=int(limit),
            )  # fmt: skip
        except NewsarchiveError:
            return "[]"
        return json.dumps(hits)

    return newsarchive_search


def sql_snippet(query: str | None, *texts: str | None) -> str:
    """`newsarchive_snippet`: the CLI's snippet of a hit; the text's start for no query."""
    try:
        wanted = terms(parse(query or ""))
    except NewsarchiveError:
        wanted = []
    return snippet(texts, wanted)


@hookimpl
def register_routes() -> list[tuple[str, Callable[..., Any]]]:
    async def charts(datasette: Any) -> Response:
        return Response.redirect(datasette.urls.path("/-/dashboards/archive"))

    return [(r"^/-/charts$", charts)]


@hookimpl
def startup(datasette: Any) -> None:
    feeds.install(datasette)


@hookimpl(trylast=True)  # after Datasette's own `escape_fts`, which this one replaces
def prepare_connection(conn: sqlite3.Connection) -> None:
    if not is_archive(conn):
        return
    for name, narg, function in (
        ("newsarchive_match", 1, sql_match),
        ("newsarchive_match", 2, sql_match),
        ("escape_fts", 1, sql_match),
        ("newsarchive_since", 1, sql_since),
        ("newsarchive_until", 1, sql_until),
        ("newsarchive_snippet", 4, sql_snippet),
    ):
        conn.create_function(name, narg, function, deterministic=True)
    # not deterministic: its answer follows the archive's changes
    conn.create_function("newsarchive_search", 6, sql_search(conn))


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str,
                datasette: Any) -> Markup | None:
    """Snippets with `<mark>`; in query results, a title links to its article page."""
    if column == "snippet" and isinstance(value, str):
        return highlighted(value)
    if column == "title" and table is None and isinstance(value, str) and "id" in row.keys():
        url = datasette.urls.row(database, "articles", str(row["id"]))
        return Markup(f'<a href="{escape(url)}">{escape(value)}</a>')
    return None


@hookimpl
def extra_template_vars(view_name: str, database: str | None, table: str | None,
                        request: Any, datasette: Any) -> Any:
    """The article page's and the articles list's data, for the archive's `articles` only."""
    if table != "articles" or view_name not in ("row", "table") or request is None:
        return None

    async def template_vars() -> dict[str, Any]:
        db = datasette.get_database(database)
        if not await db.execute_fn(is_archive):
            return {}
        if view_name == "row":
            return await reading.article_page(db, request.url_vars["pks"])
        return {"article_list": reading.ArticleList(db, request.args.get("_search"))}

    return template_vars
