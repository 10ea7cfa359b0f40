"""`newsarchive search`: full-text search of the archive from the terminal or a script."""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

import click

from ..storage import Archive
from ..storage.search import MARK, SearchHit
from .base import cli, db_option

# Scraped text must never drive the terminal: drop C0/C1 controls (our marks excepted).
_CONTROL = re.compile("[\x00-\x01\x04-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HIGHLIGHT = ("\x1b[1;33m", "\x1b[0m")


def clean(text: str | None) -> str:
    """Text safe to print: control characters removed, whitespace runs collapsed."""
    return " ".join(_CONTROL.sub("", text or "").replace(MARK[0], "").replace(MARK[1], "").split())


def highlighted(hit: SearchHit, color: bool) -> str:
    snippet = " ".join(_CONTROL.sub("", hit.snippet).split())
    start, end = HIGHLIGHT if color else ("[", "]")
    return snippet.replace(MARK[0], start).replace(MARK[1], end)


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
            click.echo(json.dumps(record, ensure_ascii=False))  # fmt: skip
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(["url", "title", "source", "published", "snippet", "score"])
        for hit in hits:
            writer.writerow([hit.url, hit.title, hit.source, hit.published, hit.highlighted(), hit.score])
    elif not hits:
        click.echo(f"no articles match {clean(query)!r}")
    else:
        color = sys.stdout.isatty()
        for hit in hits:
            click.echo(f"{clean(hit.published)[:10]}  {clean(hit.source)}  {clean(hit.title)}")
            click.echo(f"  {clean(hit.url)}")
            click.echo(f"  {highlighted(hit, color)}\n")
