"""The `health` table: one row per crawl and source, the history that baselines are made of.

Only storage lives here; what the numbers mean belongs to `newsarchive.monitoring`.
"""

from __future__ import annotations

import json
from typing import Any

from .schema import HEALTH_COUNTS

_ARTICLE_COLUMNS = (
    "source", "site", "title", "body", "published", "authors", "caption", "photo_credit",
    "dateline", "section", "image_url", "first_seen",
)  # fmt: skip


class HealthLog:
    """Methods `Archive` gains for the `health` table; `alarms` is a list of dicts."""

    def crawl(self, crawl_id: int) -> dict[str, Any] | None:
        """A `crawls` row as a dict (site, started, finished, status)."""
        row = self.db.execute(
            "SELECT id, site, started, finished, status FROM crawls WHERE id = ?", [crawl_id]
        ).fetchone()
        return dict(zip(("id", "site", "started", "finished", "status"), row)) if row else None

    def crawl_articles(self, crawl_id: int, started: str) -> list[dict[str, Any]]:
        """The articles a crawl archived new or changed (what its pages said, not old rows)."""
        found = self.db.execute(
            f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles"
            " WHERE crawl_id = ? AND changed >= ?",
            [crawl_id, started],
        )
        return [dict(zip(_ARTICLE_COLUMNS, row)) for row in found]

    def sources_of_site(self, site: str) -> list[str]:
        """The publishers archived from a site (a blocked crawl archives none to name them by)."""
        return [name for (name,) in self.db.execute("SELECT name FROM sources WHERE site = ? ORDER BY name", [site])]

    def add_health(self, row: dict[str, Any]) -> None:
        """Keep one crawl's health for one source (a second judgement of it replaces the first)."""
        columns = ("crawl_id", "site", "source", "checked", "crawl_status", "incremental", "status", "alarms",
                   *HEALTH_COUNTS, "body_p10", "body_median", "body_p90")
        values = {**{c: row.get(c) for c in columns}, "alarms": json.dumps(row.get("alarms") or [])}
        with self.transaction():
            self.db.execute(
                f"INSERT OR REPLACE INTO health ({', '.join(columns)})"
                f" VALUES ({', '.join(':' + c for c in columns)})",
                values,
            )

    def health_history(
        self, source: str, before: int | None = None, limit: int = 100, baseline: bool = False
    ) -> list[dict[str, Any]]:
        """A source's health rows, newest first, of crawls before `before`.

        `baseline`: only rows not in alarm, from the last accepted crawl on.
        """
        where, params = "source = ? AND crawl_id < ?", [source, before if before is not None else 2**62]
        if baseline:
            where += " AND status != 'alarm' AND crawl_id >= ?"
            params.append(self._accepted(source))
        found = self.db.execute(f"SELECT * FROM health WHERE {where} ORDER BY crawl_id DESC LIMIT ?", [*params, limit])
        return [_health_row(found.description, row) for row in found]

    def _accepted(self, source: str) -> int:
        found = self.db.execute("SELECT max(crawl_id) FROM health WHERE source = ? AND accepted", [source])
        return found.fetchone()[0] or 0

    def accept_health(self, source: str) -> bool:
        """Take a source's latest crawl, in alarm, as its new normal: later baselines start there."""
        with self.transaction():
            return self.db.execute(
                "UPDATE health SET status = 'ok', accepted = 1 WHERE status = 'alarm' AND id ="
                " (SELECT id FROM health WHERE source = ? ORDER BY crawl_id DESC LIMIT 1)",
                [source],
            ).rowcount == 1

    def health_count(self, source: str, before: int) -> int:
        """How many crawls of a source were judged before crawl `before`."""
        return self.db.execute(
            "SELECT count(*) FROM health WHERE source = ? AND crawl_id < ?", [source, before]
        ).fetchone()[0]

    def health_sources(self, source: str | None = None) -> list[str]:
        """Sources with a health history (one, if `source` is given and has one)."""
        where, params = ("WHERE source = ?", [source]) if source else ("", [])
        return [name for (name,) in self.db.execute(f"SELECT DISTINCT source FROM health {where} ORDER BY source", params)]


def _health_row(description: Any, row: tuple) -> dict[str, Any]:
    record = dict(zip((d[0] for d in description), row))
    record["alarms"] = json.loads(record["alarms"] or "[]")
    return record
