"""`newsarchive search`: full-text search of the archive from the terminal or a script."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..storage import Archive
from ..serving.terminal import clean, highlighted
from .base import cli, db_option
from .records import echo_records, format_option

HIT_COLUMNS = ("url", "title", "source", "published", "snippet", "score")

@cli.command()
@click.argument("query")
@click.option("--source", help="Only articles of this publisher (its display name).")
@click.option("--since", help="Only articles published on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Only articles published on or before this date (YYYY-MM-DD).")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True)
@click.option("--order", type=click.Choice(["best", "newest"]), default="best", show_default=True)
@format_option("table")
@db_option()
def search(query, source, since, until, limit, order, fmt, db_path: Path) -> None:
    """Full-text search: words, "quoted phrases", prefix*, OR, NOT."""
    with Archive(db_path, create=False) as archive:
        hits = archive.search(
            query, source=source, since=since, until=until, limit=limit, order=order
        )
    if fmt != "table":
        records = (
            {"url": hit.url, "title": hit.title, "source": hit.source, "published": hit.published,
             "snippet": hit.highlighted(), "score": hit.score}
            for hit in hits
        )  # fmt: skip
        echo_records(records, fmt, HIT_COLUMNS)
    elif not hits:
        click.echo(f"no articles match {clean(query)!r}")
    else:
        color = sys.stdout.isatty()
        for hit in hits:
            click.echo(f"{clean(hit.published)[:10]}  {clean(hit.source)}  {clean(hit.title)}")
            click.echo(f"  {clean(hit.url)}")
            click.echo(f"  {highlighted(hit, color)}\n")
