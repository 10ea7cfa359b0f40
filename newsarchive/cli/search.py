"""`newsarchive search`: full-text search of the archive from the terminal or a script."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click

from ..storage import Archive
from ..serving.terminal import clean, highlighted, printable
from .base import cli, db_option

@cli.command()
@click.argument("query")
@click.option("--source", help="Only articles of this publisher (its display name).")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--order", type=click.Choice(["best", "newest"]), default="best", show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
    show_default=True,
)  # fmt: skip
@db_option()
def search(query, source, since, until, limit, order, fmt, db_path: Path) -> None:
    """Full-text search: words, "quoted phrases", prefix*, OR, NOT."""
    with Archive(db_path, create=False) as archive:
        hits = archive.search(
            query, source=source, since=since, until=until, limit=limit, order=order
        )
    if fmt == "json":
        for hit in hits:
            record = {"url": hit.url, "title": hit.title, "source": hit.source,
                      "published": hit.published, "snippet": hit.highlighted(), "score": hit.score}
            click.echo(printable(json.dumps(record, ensure_ascii=False)))  # fmt: skip
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["url", "title", "source", "published", "snippet", "score"])
        for hit in hits:
            text = [hit.url, hit.title, hit.source, hit.published, hit.highlighted()]
            writer.writerow([printable(value) if value else value for value in text] + [hit.score])
    elif not hits:
        click.echo(f"no articles match {clean(query)!r}")
    else:
        color = sys.stdout.isatty()
        for hit in hits:
            click.echo(f"{clean(hit.published)[:10]}  {clean(hit.source)}  {clean(hit.title)}")
            click.echo(f"  {clean(hit.url)}")
            click.echo(f"  {highlighted(hit, color)}\n")
