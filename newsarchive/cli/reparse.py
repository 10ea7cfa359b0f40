"""`newsarchive reparse`: re-extract every stored raw page after the extractor improves."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..storage import Archive
from .base import cli, db_option


@cli.command()
@click.option("--source", help="Only pages of this publisher.")
@click.option("--jobs", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="the core count",
              help="Processes reading and extracting pages (one writes).")
@db_option()
def reparse(source: str | None, jobs: int, db_path: Path) -> None:
    """Re-extract the archive from its stored HTML (WARC records, or the pages table), with no network."""
    from ..extract import extract_pages  # heavy, and only needed here
    from ..reparse import reparse as run

    with Archive(db_path, create=False) as archive:
        counts = run(archive, extract_pages, source=source, jobs=jobs)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no pages"
    click.echo(f"reparsed: {summary}")
