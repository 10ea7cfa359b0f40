"""The crawl fleet's tables: `fleet_jobs` (what `dispatch` sent where, and what became of it)
and `shards` (what `ingest` stored). Deciding is `newsarchive.fleet`'s; only storage is here."""

from __future__ import annotations

from typing import Any

from . import rows

JOB_COLUMNS = ("job", "node", "site_name", "site", "scheduled", "status", "ended", "why")
ACTIVE = ("pending", "running")  # on a node, as far as we know
JOB_STATUSES = (*ACTIVE, "finished", "failed", "lost")


class FleetLog:
    """Methods `Archive` gains for the fleet's tables."""

    def add_job(self, job: str, node: str, site_name: str, site: str) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO fleet_jobs (job, node, site_name, site, scheduled, status) VALUES (?, ?, ?, ?, ?, 'pending')",
                [job, node, site_name, site, rows.now()],
            )

    def jobs(self, statuses: tuple[str, ...] = ACTIVE) -> list[dict[str, Any]]:
        """The jobs in those statuses, oldest first."""
        marks = ", ".join("?" * len(statuses))
        found = self.db.execute(
            f"SELECT {', '.join(JOB_COLUMNS)} FROM fleet_jobs WHERE status IN ({marks}) ORDER BY scheduled, job",
            list(statuses),
        )
        return [dict(zip(JOB_COLUMNS, row)) for row in found]

    def set_job(self, job: str, status: str, why: str | None = None) -> None:
        """A job's new status; one that is no longer active gets its end time."""
        if status not in JOB_STATUSES:
            raise ValueError(f"job status must be one of {JOB_STATUSES}, not {status!r}")
        with self.transaction():
            self.db.execute(
                "UPDATE fleet_jobs SET status = ?, why = coalesce(?, why),"
                " ended = CASE WHEN ? THEN ended ELSE coalesce(ended, ?) END WHERE job = ?",
                [status, why, status in ACTIVE, rows.now(), job],
            )

    def shard_ingested(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM shards WHERE name = ?", [name]).fetchone() is not None

    def add_shard(self, name: str, crawl_id: int | None, records: int) -> None:
        with self.transaction():
            self.db.execute(
                "INSERT INTO shards (name, ingested, crawl_id, records) VALUES (?, ?, ?, ?)",
                [name, rows.now(), crawl_id, records],
            )
