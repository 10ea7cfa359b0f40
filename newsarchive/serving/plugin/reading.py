"""What the article page and the articles list show, read from the archive for the templates."""

from __future__ import annotations

import json
from typing import Any

import sqlite_utils
from markupsafe import Markup, escape

from ...errors import NewsarchiveError
from ...storage.query import match_expression
from ...storage.search import MARK, with_snippets

EXCERPT_WORDS = 40
_ARTICLE_COLUMNS = (
    "id", "url", "source", "site", "title", "caption", "photo_credit", "body", "authors",
    "published", "modified", "dateline", "section", "tags", "image_url", "duplicate_of",
)  # fmt: skip


def highlighted(snippet: str) -> Markup:
    """A snippet as HTML: the text escaped, its match marks as `<mark>`."""
    return Markup(str(escape(snippet)).replace(MARK[0], "<mark>").replace(MARK[1], "</mark>"))


def excerpt(body: str | None, words: int = EXCERPT_WORDS) -> str:
    """The first `words` words of a body, with an ellipsis when there is more."""
    head = (body or "").split(maxsplit=words)
    return " ".join(head[:words]) + (" …" if len(head) > words else "")


async def article_page(db: Any, pks: str) -> dict[str, Any]:
    """The article at id `pks` with its revisions and syndicated copies; {} if there is none."""
    try:
        article_id = int(pks)
    except ValueError:
        return {}
    found = (await db.execute(
        f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]
    )).first()  # fmt: skip
    if found is None:
        return {}
    article = dict(found)
    for name in ("authors", "tags"):
        article[name] = json.loads(article[name]) if article[name] else []
    revisions = await db.execute(
        "SELECT id, seen_from, seen_until, title FROM revisions WHERE article_id = ?"
        " ORDER BY seen_from DESC",
        [article_id],
    )
    copies = await db.execute(
        "SELECT id, source, title, published, url FROM articles"
        " WHERE (id = :root OR duplicate_of = :root) AND id != :id ORDER BY id",
        {"root": article["duplicate_of"] or article_id, "id": article_id},
    )
    return {
        "article": article,
        "paragraphs": [p for p in (article["body"] or "").split("\n\n") if p.strip()],
        "revisions": [dict(r) for r in revisions],
        "copies": [dict(c) for c in copies],
    }


def _shared(conn: Any) -> sqlite_utils.Database:
    """Datasette's connection seen through sqlite-utils, its settings left as they are."""
    return sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)


class ArticleList:
    """The articles table as headlines with excerpts, or highlighted snippets when searching."""

    def __init__(self, db: Any, search: str | None) -> None:
        self.db = db
        self.search = search or ""

    async def excerpts(self, page: list[Any]) -> dict[int, Markup]:
        """id -> the excerpt to show: a snippet with `<mark>` for a search, else the body's start."""
        found = {row["id"]: excerpt(row["body"]) for row in page}
        try:
            expression = match_expression(self.search) if self.search.strip() else None
        except NewsarchiveError:
            expression = None
        if expression and found:
            scored = [(article_id, None) for article_id in found]
            snippets = await self.db.execute_fn(
                lambda conn: with_snippets(_shared(conn), expression, scored)
            )
            return {article_id: highlighted(snippet or found[article_id])
                    for article_id, _, snippet in snippets}  # fmt: skip
        return {article_id: escape(text) for article_id, text in found.items()}
