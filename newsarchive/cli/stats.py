"""`stats`: a thin wrapper over `Archive.stats`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..storage import Archive
from .base import cli, db_option
from ..serving.terminal import safe


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@db_option()
def stats(fmt: str, db_path: Path) -> None:
    """What the archive holds, per source, and the last crawls."""
    with Archive(db_path, create=False) as archive:
        summary = archive.stats()
    if fmt == "json":
        click.echo(json.dumps(summary, ensure_ascii=False, indent=2))
        return
    click.echo(f"{summary['articles']} articles, {summary['revisions']} revisions, "
               f"{summary['duplicates']} linked as syndicated copies, {summary['pages']} raw pages")
    click.echo("\nper source:")
    for source in summary["sources"]:
        first, last = (source["first_published"] or "")[:10], (source["last_published"] or "")[:10]
        click.echo(f"  {safe(source['source']):<28} {source['articles']:>7}  {first} .. {last}  ({safe(source['site'])})")
    click.echo("\nlast crawls:")
    for crawl in summary["crawls"]:
        counts = ", ".join(f"{crawl[k]} {k}" for k in ("requests", "new", "updated", "unchanged", "dropped", "errors"))
        click.echo(f"  #{crawl['id']} {safe(crawl['site'])} {crawl['started']} {crawl['status']}: {counts}")
