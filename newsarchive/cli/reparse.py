"""`newsarchive reparse`: re-extract every stored raw page after the extractor improves."""

from __future__ import annotations

from pathlib import Path

import click

from ..storage import Archive
from .base import cli, db_option


@cli.command()
@click.option("--source", help="Only pages of this publisher.")
@db_option()
def reparse(source: str | None, db_path: Path) -> None:
    """Re-extract the archive from its stored HTML, with no network."""
    with Archive(db_path, create=False) as archive:
        from ..extract import extract_pages  # heavy, and only needed here

        counts = archive.reparse(extract_pages, source=source)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no pages"
    click.echo(f"reparsed: {summary}")
