"""`newsarchive export`: the archive as JSON lines or CSV on stdout, streamed."""

from __future__ import annotations

from pathlib import Path

import click

from ..storage import Archive
from ..serving.terminal import printable
from .base import cli, db_option


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
@click.option("--source", help="Only articles of this publisher.")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@db_option()
def export(fmt: str, source: str | None, since: str | None, db_path: Path) -> None:
    """Stream every article, oldest first."""
    with Archive(db_path, create=False) as archive:
        for chunk in archive.export(fmt, source=source, since=since):
            click.echo(printable(chunk), nl=False)
