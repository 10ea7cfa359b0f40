"""`newsarchive export`: the archive as JSON lines, one JSON array or CSV on stdout, streamed."""

from __future__ import annotations

from pathlib import Path

import click

from ..storage import Archive
from ..storage.archive import EXPORT_COLUMNS
from .base import cli, db_option
from .records import echo_records, format_option


@cli.command()
@format_option("jsonl", table=False)
@click.option("--source", help="Only articles of this publisher.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@db_option()
def export(fmt: str, source: str | None, since: str | None, db_path: Path) -> None:
    """Stream every article, oldest first."""
    with Archive(db_path, create=False) as archive:
        echo_records(archive.export(source=source, since=since), fmt, EXPORT_COLUMNS)
