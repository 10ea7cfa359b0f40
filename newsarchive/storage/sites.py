"""The registry of sites that scheduled crawls visit (table `sites`).

Only storage lives here; deciding which site is due belongs to `newsarchive.scheduling`.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import NewsarchiveError
from . import rows

SITE_COLUMNS = (
    "name", "url", "every_seconds", "added", "last_started", "last_finished", "last_status",
    "settings",
)  # fmt: skip


class SiteRegistry:
    """Methods `Archive` gains for the `sites` table; `settings` is a dict of overrides."""

    def add_site(
        self, name: str, url: str, every_seconds: int | None = None,
        settings: dict[str, Any] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """Register a site; a name already taken is a user error."""
        if self.get_site(name) is not None:
            raise NewsarchiveError(f"a site named {name!r} is already registered")
        with self.transaction():
            self.db.execute(
                "INSERT INTO sites (name, url, every_seconds, added, settings)"
                " VALUES (?, ?, ?, ?, ?)",
                [name, url, every_seconds, rows.now(), json.dumps(settings or {})],
            )
        return self.get_site(name)

    def get_site(self, name: str) -> dict[str, Any] | None:
        row = self.db.execute(
            f"SELECT {', '.join(SITE_COLUMNS)} FROM sites WHERE name = ?", [name]
        ).fetchone()
        return _site(row) if row else None

    def list_sites(self) -> list[dict[str, Any]]:
        found = self.db.execute(f"SELECT {', '.join(SITE_COLUMNS)} FROM sites ORDER BY name")
        return [_site(row) for row in found]

    def remove_site(self, name: str) -> None:
        with self.transaction():
            gone = self.db.execute("DELETE FROM sites WHERE name = ?", [name]).rowcount
        if not gone:
            raise NewsarchiveError(f"no site named {name!r} is registered")

    def mark_site(
        self, name: str, *, started: str | None = None, finished: str | None = None,
        status: str | None = None,
    ) -> None:  # fmt: skip
        """Record a scheduled crawl's start, end or status (unset arguments stay as they are)."""
        with self.transaction():
            self.db.execute(
                "UPDATE sites SET last_started = coalesce(?, last_started),"
                " last_finished = coalesce(?, last_finished),"
                " last_status = coalesce(?, last_status) WHERE name = ?",
                [started, finished, status, name],
            )

    def make_due(self, name: str) -> None:
        """Due again at once: its last crawl started was lost (a fleet node died)."""
        with self.transaction():
            self.db.execute("UPDATE sites SET last_started = NULL WHERE name = ?", [name])


def _site(row: tuple) -> dict[str, Any]:
    site = dict(zip(SITE_COLUMNS, row))
    site["settings"] = json.loads(site["settings"]) if site["settings"] else {}
    return site
