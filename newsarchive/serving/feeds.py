"""Atom feeds of saved searches: datasette-atom's renderer, and a valid feed when nothing matches.

datasette-atom 0.9 fails with a server error on an empty result (it dates the feed by its
newest entry), yet a saved search with no match yet is the usual start of a feed.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from datasette.utils.asgi import Response
from datasette_atom import render_atom
from feedgen.feed import FeedGenerator

# Characters XML 1.0 cannot hold (control characters, lone surrogates): an archive written before
# normalisation stripped them must still give a valid feed, not a server error.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_atom_or_empty(datasette: Any, request: Any, sql: str, columns: list, rows: list,
                         database: str, table: str | None, query_name: str | None,
                         view_name: str, data: dict) -> Response:
    """datasette-atom's feed; with no rows, an empty feed titled like the query."""
    if rows:
        rows = [{name: _NOT_XML.sub("", value) if isinstance(value, str) else value
                 for name, value in zip(row.keys(), row)} for row in rows]
        return render_atom(datasette, request, sql, columns, rows, database, table, query_name,
                           view_name, data)
    queries = (datasette.metadata(database=database) or {}).get("queries", {})
    feed = FeedGenerator()
    feed.id(request.url)
    feed.link(href=request.url, rel="self")
    feed.title(queries.get(query_name, {}).get("title") or query_name or "newsarchive")
    feed.updated(datetime.now(timezone.utc))
    return Response(feed.atom_str(pretty=True), content_type="application/xml; charset=utf-8")


def install(datasette: Any) -> None:
    """Serve `.atom` through `render_atom_or_empty` (Datasette's renderer table, by extension)."""
    if "atom" in datasette.renderers:
        _, can_render = datasette.renderers["atom"]
        datasette.renderers["atom"] = (render_atom_or_empty, can_render)
