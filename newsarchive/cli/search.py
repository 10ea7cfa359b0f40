"""`search`: a thin wrapper over `Archive.search`."""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from ..storage import Archive
from .base import cli, db_option
from ..serving.terminal import colour_wanted, highlight, safe


@cli.command()
@click.argument("query")
@click.option("--source", help="Only articles of this publisher (display name, e.g. 'Radar Palembang').")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--order", type=click.Choice(["best", "newest"]), default="best", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@db_option()
def search(query: str, source, since, until, limit: int, order: str, fmt: str, db_path: Path) -> None:
    """Full-text search: words, "quoted phrases", prefix*, OR, NOT."""
    with Archive(db_path, create=False) as archive:
        hits = archive.search(query, source=source, since=since, until=until, limit=limit, order=order)
    if fmt == "json":
        click.echo(json.dumps([{**asdict(h), "snippet": h.highlighted("<b>", "</b>")} for h in hits], ensure_ascii=False, indent=2))
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["published", "source", "title", "url", "snippet"])
        for hit in hits:
            writer.writerow([hit.published, hit.source, hit.title, hit.url, hit.text])
    else:
        colour = colour_wanted()
        for hit in hits:
            click.echo(f"{safe(hit.published)[:16]:<16}  {safe(hit.source)}: {safe(hit.title)}")
            click.echo(f"    {highlight(hit.snippet, colour)}")
            click.echo(f"    {safe(hit.url)}")
        if not hits:
            click.echo("no matches", err=True)
